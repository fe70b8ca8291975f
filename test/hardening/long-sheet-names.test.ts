/**
 * Sheet names longer than Excel's 31 characters (files written by other tools) are read, not
 * refused as damaged: messages use the real name; a workbook written back (-o, --in-place) keeps
 * the sheet with its values under a name within Excel's limit, and a warning names both. No
 * English library text reaches the user.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { normalizeGrid, readSnapshotFile, runCli, sheetNamed, writeSnapshotFile } from "./adapters";

const tempDir = useTempDir("par-long-names-");

const LONG = "02 Sở Y tế — bảng tự chấm điểm năm 2024 (bản nộp chính thức)";
const LONG_TWIN = "02 Sở Y tế — bảng tự chấm điểm năm 2024 (bản nháp)";
let province: Buffer;
let second: string;

beforeAll(async () => {
  // The second unit's sheet carries known mistakes: its issues must name the sheet.
  const { snapshot } = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 9, mistakes: true });
  second = snapshot.sheets.find((s) => s.name.startsWith("02 "))!.name;
  const file = path.join(tempDir(), "tinh.xlsx");
  await writeSnapshotFile(snapshot, file);
  province = readFileSync(file);
});

/** The province workbook with sheets renamed in xl/workbook.xml, as another tool may write them. */
async function renamed(renames: Record<string, string>, printArea = false): Promise<string> {
  const zip = await JSZip.loadAsync(province);
  let xml = await zip.file("xl/workbook.xml")!.async("string");
  for (const [from, to] of Object.entries(renames)) {
    const escaped = to.replace(/&/g, "&amp;");
    xml = xml.replace(`name="${from}"`, `name="${escaped}"`);
    if (printArea) {
      const index = (xml.split(`name="${escaped}"`)[0].match(/<sheet\b/g) ?? []).length - 1;
      const names = `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="${index}">'${escaped}'!$A$1:$H$40</definedName></definedNames>`;
      xml = xml
        .replace(/<definedNames>[\s\S]*?<\/definedNames>/, "")
        .replace("</sheets>", `</sheets>${names}`);
    }
  }
  zip.file("xl/workbook.xml", xml);
  if (printArea) {
    // A formula on the guide sheet (sheet1.xml) that reads a cell of the renamed sheet.
    const [, to] = Object.entries(renames)[0];
    const guide = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const cell = `<row r="60"><c r="A60"><f>'${to.replace(/&/g, "&amp;")}'!A1&amp;""</f><v>0</v></c></row>`;
    zip.file("xl/worksheets/sheet1.xml", guide.replace("</sheetData>", `${cell}</sheetData>`));
  }
  const file = path.join(
    tempDir(),
    `dai-${Object.keys(renames).length}-${Math.random().toString(16).slice(2)}.xlsx`,
  );
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const ENGLISH_LIBRARY = /Worksheet name|exceeds 31|truncated|already exists/i;

describe("a sheet name over Excel's 31 characters", () => {
  it("is read: the unit on it is scored and issues name the sheet by its real name", async () => {
    const file = await renamed({ [second]: LONG });
    const run = await runCli(["check", file, "--json"]);
    expect([0, 1]).toContain(run.status);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.units.filter((u) => u.sheet === LONG)).toHaveLength(1);
    expect(result.groups.flatMap((g) => g.units).length).toBe(3);
    const onIt = result.issues.filter((i) => i.sheet === LONG);
    expect(onIt.map((i) => i.code)).toEqual(expect.arrayContaining(["score_above_max", "score_not_number"]));
    expect(`${run.stdout}${run.stderr}`).not.toMatch(ENGLISH_LIBRARY);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/~1/);
  });

  it("rank -o keeps the sheet and its values under a name within the limit, and says so", async () => {
    const file = await renamed({ [second]: LONG }, true);
    const out = path.join(tempDir(), "ket-qua.xlsx");
    const run = await runCli(["rank", file, "-o", out]);
    expect([0, 1]).toContain(run.status);
    const before = (await readSnapshotFile(path.join(tempDir(), "tinh.xlsx"))).snapshot;
    const after = (await readSnapshotFile(out)).snapshot;
    const kept = after.sheets.find((s) => s.name.startsWith("02 Sở Y tế — bảng tự chấm"))!;
    expect(kept.name.length).toBeLessThanOrEqual(31);
    expect(kept.name).toBe("02 Sở Y tế — bảng tự chấm điể~1");
    expect(normalizeGrid(kept.values)).toEqual(normalizeGrid(sheetNamed(before, second)!.values));
    expect(after.sheets.some((s) => s.name.startsWith("Xếp hạng"))).toBe(true);
    expect(run.stderr).toContain(`sheet "${LONG}" mang tên "${kept.name}" (công thức trỏ tới sheet này`);
    // The formula that reads it follows it.
    const written = (await readSnapshotFile(out)).workbook.getWorksheet("Hướng dẫn")!;
    expect((written.getCell("A60").value as { formula: string }).formula).toBe(`'${kept.name}'!A1&""`);
    // Its print area follows it.
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(new RegExp(`&apos;${kept.name.replace(/[()]/g, "\\$&")}&apos;!\\$A\\$?1:\\$H\\$?40`));
    expect(`${run.stdout}${run.stderr}`).not.toMatch(ENGLISH_LIBRARY);
  });

  it("--in-place keeps it too, with the warning in English when asked", async () => {
    const file = await renamed({ [second]: LONG });
    const run = await runCli(["rank", file, "--in-place", "--lang", "en"]);
    expect([0, 1]).toContain(run.status);
    const after = (await readSnapshotFile(file)).snapshot;
    expect(after.sheets.map((s) => s.name)).toContain("02 Sở Y tế — bảng tự chấm điể~1");
    expect(run.stderr).toContain(`sheet "${LONG}" is named "02 Sở Y tế — bảng tự chấm điể~1"`);
  });

  it("two long names that start alike get two distinct short names", async () => {
    const { snapshot } = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 9 });
    const third = snapshot.sheets.find((s) => s.name.startsWith("03 ") || s.name === "Sở Tài chính");
    const file = await renamed({ [second]: LONG, [third!.name]: LONG_TWIN });
    const out = path.join(tempDir(), "hai-ten.xlsx");
    const run = await runCli(["rank", file, "-o", out]);
    expect([0, 1]).toContain(run.status);
    const names = (await readSnapshotFile(out)).snapshot.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["02 Sở Y tế — bảng tự chấm điể~1", "02 Sở Y tế — bảng tự chấm điể~2"]),
    );
  });

  it("a name of exactly 31 characters is kept as it is, without a warning (the passing case)", async () => {
    const exact = "02 Sở Y tế - bảng tự chấm 2024.";
    expect(exact.length).toBe(31);
    const file = await renamed({ [second]: exact });
    const out = path.join(tempDir(), "vua-du.xlsx");
    const run = await runCli(["rank", file, "-o", out]);
    expect([0, 1]).toContain(run.status);
    expect((await readSnapshotFile(out)).snapshot.sheets.map((s) => s.name)).toContain(exact);
    expect(run.stderr).not.toMatch(/31 ký tự/);
  });
});
