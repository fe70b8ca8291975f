import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { deflateStoredZip, packWorkbook, shareEmptyStyles } from "../../src/node/pack-workbook";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { useTempDir } from "./temp-dir";

const tempDir = useTempDir();

const FIXED_DATE = new Date(Date.UTC(2026, 10, 30, 8, 0, 0));

/** A scoring-like workbook with every kind of cell value, styled and not, as a person's file has them. */
function personWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("Sở Nội vụ");
  ws.getCell("A1").value = "TỔNG HỢP ĐIỂM CHỈ SỐ CCHC";
  ws.mergeCells("A1:E1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = 1.5;
  ws.getCell("B2").value = new Date(Date.UTC(2026, 0, 15)); // unstyled date: ExcelJS gives it a date format
  ws.getCell("C2").value = { formula: "B2+1", result: new Date(Date.UTC(2026, 0, 16)) };
  ws.getCell("D2").value = { formula: "A2*2", result: 3 };
  ws.getCell("E2").value = true;
  ws.getCell("A3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("B3").value = { richText: [{ text: "Minh " }, { text: "chứng", font: { italic: true } }] };
  ws.getCell("C3").value = { text: "Cổng dịch vụ công", hyperlink: "https://dichvucong.gov.vn" };
  ws.getCell("D3").value = "=SUM(A1)"; // a text that looks like a formula stays text
  ws.getCell("E3").value = 0.75;
  ws.getCell("E3").numFmt = "0.00";
  ws.getCell("A4").value = "Điểm tự chấm";
  ws.getCell("A4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("B4").value = 12;
  ws.getRow(5).font = { italic: true };
  ws.getCell("A5").value = "dòng có kiểu";
  ws.getCell("B6").value = 7;
  const other = wb.addWorksheet("Danh sách");
  other.getCell("A1").value = "Đơn vị";
  other.getCell("A2").value = new Date(Date.UTC(2025, 11, 31));
  other.getCell("B2").value = 2;
  return wb;
}

/** The same workbook read back from a file, as the command line has it (cells with shared or fresh styles). */
async function loaded(): Promise<ExcelJS.Workbook> {
  const bytes = await personWorkbook().xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function parts(bytes: Buffer | ExcelJS.Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.files[name].async("string");
  return out;
}

describe("packing the workbook the command line saves", () => {
  it("writes exactly the parts ExcelJS writes, for a new and for a loaded workbook", async () => {
    for (const make of [async () => personWorkbook(), loaded]) {
      const expected = await parts(await (await make()).xlsx.writeBuffer());
      const actual = await parts((await packWorkbook(await make())).bytes);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const name of Object.keys(expected)) expect([name, actual[name]]).toEqual([name, expected[name]]);
    }
  });

  it("keeps the date format of unstyled dates and formulas with a date result", async () => {
    // Made in memory (unstyled dates without a format, after an unstyled number), not read back.
    const written = await parts((await packWorkbook(personWorkbook())).bytes);
    const styles = written["xl/styles.xml"];
    const sheet = written["xl/worksheets/sheet1.xml"];
    const styleOf = (ref: string): string =>
      new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? "0";
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)"[^>]*\/?>/g)].map((m) => m[1]);
    // cellXfs come after cellStyleXfs (one entry): style id n is the n-th cellXfs entry.
    const cellXfs = xfs.slice(1);
    expect(cellXfs[Number(styleOf("B2"))]).toBe("14");
    expect(cellXfs[Number(styleOf("C2"))]).toBe("14");
    expect(styleOf("A2")).toBe("0");
    expect(styleOf("B4")).toBe("0");
  });

  it("gives the cells their own style objects back: a later format changes one cell only", async () => {
    const wb = await loaded();
    const ws = wb.getWorksheet("Sở Nội vụ")!;
    const { restoreStyles } = await packWorkbook(wb);
    // Until then a change to a shared style throws (frozen): it never reaches the other cells.
    expect(() => {
      ws.getCell("A2").font = { bold: true };
    }).toThrow(TypeError);
    expect(ws.getCell("B4").font).toBeUndefined();
    restoreStyles();
    ws.getCell("A2").font = { bold: true };
    expect(ws.getCell("B4").font).toBeUndefined();
    expect(ws.getCell("A2").style).not.toBe(ws.getCell("B4").style);
  });

  it("shares one empty style among the unstyled cells holding a value while ExcelJS writes", async () => {
    const wb = await loaded();
    const ws = wb.getWorksheet("Sở Nội vụ")!;
    const restore = shareEmptyStyles(wb);
    expect(ws.getCell("A2").style).toBe(ws.getCell("B4").style);
    expect(ws.getCell("B2").style).not.toBe(ws.getCell("A2").style); // a date keeps its own
    expect(ws.getCell("A1").font).toEqual(expect.objectContaining({ bold: true })); // styled: untouched
    const rowStyle = (n: number): unknown => (ws.getRow(n) as unknown as { style: unknown }).style;
    expect(rowStyle(2)).toBe(ws.getCell("A2").style); // rows are written with a style too
    expect(rowStyle(5)).toEqual(expect.objectContaining({ font: { italic: true } })); // styled: untouched
    restore();
    expect(ws.getCell("A2").style).not.toBe(ws.getCell("B4").style);
    expect(rowStyle(2)).not.toBe(rowStyle(3));
    expect(rowStyle(2)).toEqual({});
  });
});

describe("saving through the command line's workbook port", () => {
  it("saves twice with a change between: the change reaches its cell only", async () => {
    const input = path.join(tempDir(), "so-noi-vu.xlsx");
    writeFileSync(input, Buffer.from(await personWorkbook().xlsx.writeBuffer()));
    const port = await openXlsxWorkbook(input);
    const first = path.join(tempDir(), "first.xlsx");
    const second = path.join(tempDir(), "second.xlsx");
    await port.save(first);
    port.workbook.getWorksheet("Sở Nội vụ")!.getCell("A2").font = { bold: true };
    await port.save(second);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(readFileSync(second) as unknown as ExcelJS.Buffer);
    const ws = reread.getWorksheet("Sở Nội vụ")!;
    expect(ws.getCell("A2").font).toEqual(expect.objectContaining({ bold: true }));
    expect(ws.getCell("B4").font?.bold).toBeFalsy();
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
    const firstBook = new ExcelJS.Workbook();
    await firstBook.xlsx.load(readFileSync(first) as unknown as ExcelJS.Buffer);
    expect(firstBook.getWorksheet("Sở Nội vụ")!.getCell("A2").font?.bold).toBeFalsy();
  });
});

describe("deflating a stored package", () => {
  async function storedZip(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/worksheets/sheet1.xml", "<row>điểm 1,5</row>".repeat(2000));
    zip.file("xl/media/empty.bin", "");
    return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
  }

  it("deflates every entry and keeps names, order and contents", async () => {
    const stored = await storedZip();
    const packed = deflateStoredZip(stored, 6)!;
    expect(packed.length).toBeLessThan(stored.length / 10);
    const zip = await JSZip.loadAsync(packed, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(Object.keys((await JSZip.loadAsync(stored)).files));
    expect(Object.keys(zip.files)).toContain("xl/worksheets/sheet1.xml");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(
      "<row>điểm 1,5</row>".repeat(2000),
    );
    expect(await zip.file("xl/media/empty.bin")!.async("string")).toBe("");
  });

  it("declines a zip that is not plainly stored (already deflated, with a comment, cut short)", async () => {
    const stored = await storedZip();
    const zip = await JSZip.loadAsync(stored);
    expect(
      deflateStoredZip(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), 6),
    ).toBeNull();
    expect(
      deflateStoredZip(
        await zip.generateAsync({ type: "nodebuffer", compression: "STORE", comment: "x" }),
        6,
      ),
    ).toBeNull();
    expect(deflateStoredZip(stored.subarray(0, stored.length - 30), 6)).toBeNull();
    expect(deflateStoredZip(Buffer.alloc(10), 6)).toBeNull();
  });
});
