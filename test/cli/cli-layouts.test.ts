/**
 * The command line on real .xlsx files of the layouts provinces keep: a transposed summary
 * (units in rows) is checked and ranked like any other; a workbook whose only scoring sheet
 * cannot be understood exits 2 with one line naming the sheet and writes nothing.
 */
import { existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/core/grid";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { useTempDir } from "../node/temp-dir";
import { readBack, rankingRows } from "./ranking-sheet";
import { runCli } from "./run-cli";
import { SMALL_CRITERIA, smallUnitSheet, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

/**
 * A software export for the small set (1.1 max 2, 1.2 max 1, 2.1 max 2): title, codes merged
 * over "Tự đánh giá | Thẩm định", the maxima below, section rows merged across, a SUM total.
 */
function transposedExport(): SheetSnapshot {
  const merges: CellRange[] = [
    { top: 2, bottom: 2, left: 2, right: 3 },
    { top: 2, bottom: 2, left: 4, right: 5 },
    { top: 2, bottom: 2, left: 6, right: 7 },
    { top: 5, bottom: 5, left: 0, right: 8 },
    { top: 9, bottom: 9, left: 0, right: 8 },
  ];
  const values: CellValue[][] = [
    ["KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024", null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null],
    ["STT", "Tên đơn vị", "1.1", null, "1.2", null, "2.1", null, "Tổng điểm"],
    [null, null, "Tự đánh giá", "Thẩm định", "Tự đánh giá", "Thẩm định", "Tự đánh giá", "Thẩm định", null],
    [null, "Điểm tối đa", 2, null, 1, null, 2, null, 5],
    ["A. CÁC SỞ, BAN, NGÀNH", null, null, null, null, null, null, null, null],
    [1, "Sở Tư pháp", 2, 1.5, 1, 1, 2, 2, 4.5],
    [2, "Sở Tài chính", 2, 2, 1, 0.75, 2, 2, 4.75],
    [3, "Sở Nội vụ", 2, 2, 1, 1, 2, 1, 4],
    ["B. UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", null, null, null, null, null, null, null, null],
    [1, "Xã Tân Lập", 2, 1, 1, 1, 2, 2, 4],
    [2, "Phường Hạc Thành", 2, 2, 1, 1, 2, 2, 5],
  ];
  return { name: "Tổng hợp", values, merges };
}

describe("par-scorer on a transposed summary (units in rows)", () => {
  it("checks it with no error and reports the layout it detected in --json", async () => {
    const file = await writeXlsx(tempDir(), "xuat-file.xlsx", {
      sheets: [SMALL_CRITERIA, transposedExport()],
    });
    const run = await runCli(["check", file, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.issues).toEqual([]);
    expect(result.scoringSheets).toEqual([
      {
        sheet: "Tổng hợp",
        kind: "scoring",
        orientation: "unitsInRows",
        shape: "transposed",
        headerRows: [3, 5],
        codes: { row: 3 },
        units: { column: "B" },
        source: "detected",
      },
    ]);
    expect(result.units.map((u) => [u.name, u.group])).toEqual([
      ["Sở Tư pháp", "CÁC SỞ, BAN, NGÀNH"],
      ["Sở Tài chính", "CÁC SỞ, BAN, NGÀNH"],
      ["Sở Nội vụ", "CÁC SỞ, BAN, NGÀNH"],
      ["Xã Tân Lập", "UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
      ["Phường Hạc Thành", "UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
    ]);
  });

  it("ranks each section's units on their appraised scores and writes the ranking sheets", async () => {
    const file = await writeXlsx(tempDir(), "xuat-file.xlsx", {
      sheets: [SMALL_CRITERIA, transposedExport()],
    });
    const out = path.join(tempDir(), "xep-hang.xlsx");
    const run = await runCli(["rank", file, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.groups.map((g) => [g.name, g.units.map((u) => `${u.rank} ${u.name} ${u.points}`)])).toEqual(
      [
        ["CÁC SỞ, BAN, NGÀNH", ["1 Sở Tài chính 4.75", "2 Sở Tư pháp 4.5", "3 Sở Nội vụ 4"]],
        ["UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", ["1 Phường Hạc Thành 5", "2 Xã Tân Lập 4"]],
      ],
    );
    const written = await readBack(out);
    const rankings = written.worksheets.filter(
      (ws) => ws.state === "visible" && !["Bộ tiêu chí", "Tổng hợp", "Tổng hợp xếp hạng"].includes(ws.name),
    );
    const ranked = rankings.flatMap((ws) =>
      rankingRows(ws).map((r) => `${String(r.rank)} ${String(r.unit.value)}`),
    );
    expect(ranked).toEqual(expect.arrayContaining(["1 Sở Tài chính", "3 Sở Nội vụ", "1 Phường Hạc Thành"]));
    // The input sheet is left as it was.
    expect(written.getWorksheet("Tổng hợp")?.getCell("I8").value).toBe(4.75);
  });
});

/** Codes of another criteria set along the top: read either way round it would be garbage. */
function garbage(): SheetSnapshot {
  return {
    name: "Tong hop",
    values: [
      ["STT", "Nội dung", "7.1.1", "7.1.2", "7.2.1", "7.2.2"],
      [1, "Sở Tư pháp", 1, 1, 0.5, 1],
      [2, "Sở Tài chính", 1, 0.5, 1, 1],
    ],
  };
}

describe("par-scorer on a sheet it cannot understand", () => {
  it("check exits 2 with one line naming the sheet, what was found and how to correct it", async () => {
    const file = await writeXlsx(tempDir(), "rac.xlsx", { sheets: [SMALL_CRITERIA, garbage()] });
    const run = await runCli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Không đọc được bảng tính rac\.xlsx: Sheet 'Tong hop': 4 tên đơn vị là mã tiêu chí hoặc số .*chọn hướng bảng trong Tổng quan hoặc --settings\.$/,
    );
  });

  it("rank exits 2 and writes nothing", async () => {
    const file = await writeXlsx(tempDir(), "rac.xlsx", { sheets: [SMALL_CRITERIA, garbage()] });
    const out = path.join(tempDir(), "khong-ghi.xlsx");
    const run = await runCli(["rank", file, "-o", out, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("Sheet 'Tong hop': 4 unit names are criterion codes or numbers");
    expect(existsSync(out)).toBe(false);
  });

  it("takes the orientation from --settings, and refuses codes along a row read as units in columns", async () => {
    const file = await writeXlsx(tempDir(), "xuat-file.xlsx", {
      sheets: [SMALL_CRITERIA, transposedExport()],
    });
    const settings = path.join(tempDir(), "cai-dat.json");
    writeFileSync(
      settings,
      JSON.stringify({ sheetLayouts: { "Tổng hợp": { orientation: "unitsInColumns" } } }),
    );
    const run = await runCli(["check", file, "--settings", settings]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "Không đọc được bảng tính xuat-file.xlsx: Sheet 'Tổng hợp': các mã tiêu chí nằm trên một hàng — bảng có vẻ xếp đơn vị theo hàng; chọn hướng bảng trong Tổng quan hoặc --settings.",
    );
  });

  it("scores the usable sheets when another is refused: exit 1, the refusal in the issues, both in scoringSheets", async () => {
    const sheets = [SMALL_CRITERIA, smallUnitSheet("Sở Tư pháp", [2, 1, 2]), garbage()];
    const file = await writeXlsx(tempDir(), "mot-phan.xlsx", { sheets });
    const run = await runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
    expect(result.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([
      "layout_implausible@Tong hop!C1",
    ]);
    expect(result.scoringSheets.map((l) => [l.sheet, l.shape])).toEqual([
      ["Sở Tư pháp", "unitSheet"],
      ["Tong hop", "matrix"],
    ]);
  });
});
