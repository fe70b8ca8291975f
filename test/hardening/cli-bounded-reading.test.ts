/**
 * Small files that ask for a lot of work: a value at XFD1048576, a merge over the whole sheet,
 * thousands of merges, a million cells, values strewn far right, a zip entry twice. Each run is a
 * child process with a time and a memory bound: it is either processed (exit 0 or 1) or refused up
 * front with one line (exit 2), never killed by the heap limit. The limits are in docs/limits.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { writeSnapshotFile } from "./adapters";
import {
  type ChildRun,
  editSheetXml,
  runCliChild,
  withDuplicateEntry,
  withMerges,
  workbookOfCells,
} from "./hostile-files";

jest.setTimeout(180_000);

const tempDir = useTempDir("par-bounded-");

/** Bounds of one run, ts-node start-up (2–4 s on 2 cores) included. */
const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 600;

let province: Buffer;

beforeAll(async () => {
  const file = path.join(tempDir(), "tinh.xlsx");
  await writeSnapshotFile(buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 4 }).snapshot, file);
  province = readFileSync(file);
});

/** `par-scorer ARGS…` on the bytes given (written as NAME), checked to end in bounds. */
async function run(name: string, bytes: Buffer, command = "check"): Promise<ChildRun> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  const args =
    command === "rank" ? ["rank", file, "-o", path.join(tempDir(), `out-${name}`)] : [command, file];
  const result = await runCliChild(args, TIME_LIMIT_MS * 2);
  expect({ timedOut: result.timedOut, signal: result.signal }).toEqual({ timedOut: false, signal: null });
  expect(result.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(result.maxRssMb).not.toBeNull();
  expect(result.maxRssMb!).toBeLessThan(MEMORY_LIMIT_MB);
  return result;
}

function expectRefusal(result: ChildRun, name: string, words: RegExp): void {
  expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: "" });
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(words);
}

/** The province workbook with ExcelJS edits to its sheet "Hướng dẫn". */
async function provinceWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(province as unknown as ExcelJS.Buffer);
  edit(wb.getWorksheet("Hướng dẫn")!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("values far away", () => {
  it("one value at XFD1048576: ranked normally, fast and small", async () => {
    const bytes = await provinceWith((ws) => {
      ws.getCell("XFD1048576").value = "ghi chú lạc";
    });
    expect(bytes.length).toBeLessThan(200_000);
    const result = await run("xa-xoi.xlsx", bytes, "rank");
    expect([0, 1]).toContain(result.status);
  });

  it("values strewn at column XFD on hundreds of rows: refused, naming the sheet", async () => {
    const bytes = await provinceWith((ws) => {
      for (let r = 1; r <= 200; r++) ws.getCell(r, 16384).value = r;
    });
    expectRefusal(await run("rai-rac.xlsx", bytes), "rai-rac.xlsx", /Hướng dẫn.*trải quá rộng/);
  });
});

describe("merged areas", () => {
  it("one merge over the whole sheet: refused up front (Excel's reader would make 17 billion cells)", async () => {
    const bytes = await editSheetXml(province, (xml) => withMerges(xml, ["A1:XFD1048576"]));
    expect(bytes.length).toBeLessThan(200_000);
    expectRefusal(await run("gop-het.xlsx", bytes), "gop-het.xlsx", /ô/);
  });

  it("a merge over the whole sheet beside a value at XFD1048576: refused up front too", async () => {
    const far = await provinceWith((ws) => {
      ws.getCell("XFD1048576").value = 1;
    });
    const bytes = await editSheetXml(far, (xml) => withMerges(xml, ["A1:XFD1048576"]));
    expectRefusal(await run("gop-va-xa.xlsx", bytes), "gop-va-xa.xlsx", /ô/);
  });

  it("20,000 small merges in one sheet: refused up front", async () => {
    const refs = Array.from({ length: 20_000 }, (_, i) => `A${2 * i + 100}:B${2 * i + 100}`);
    const bytes = await editSheetXml(province, (xml) => withMerges(xml, refs));
    expectRefusal(await run("gop-nhieu.xlsx", bytes), "gop-nhieu.xlsx", /20000 vùng ô gộp/);
  });

  it("4,000 small merges (within the limit) far below the data: checked normally", async () => {
    const refs = Array.from({ length: 4_000 }, (_, i) => `A${2 * i + 100}:C${2 * i + 100}`);
    const bytes = await editSheetXml(province, (xml) => withMerges(xml, refs));
    expect([0, 1]).toContain((await run("gop-vua.xlsx", bytes)).status);
  });
});

describe("the number of cells", () => {
  it("a sheet of 1,000,010 cells (a few hundred KB compressed): refused up front", async () => {
    const bytes = await workbookOfCells(1_000_010);
    expect(bytes.length).toBeLessThan(1_000_000);
    expectRefusal(await run("trieu-o.xlsx", bytes), "trieu-o.xlsx", /giới hạn 1000000 ô/);
  });
});

describe("a damaged package", () => {
  it("a zip holding xl/worksheets/sheet1.xml twice: refused as damaged, not read as either copy", async () => {
    const other =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    const bytes = await withDuplicateEntry(province, "xl/worksheets/sheet1.xml", other);
    expectRefusal(await run("hai-ban.xlsx", bytes), "hai-ban.xlsx", /hỏng/);
  });
});
