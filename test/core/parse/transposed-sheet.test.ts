/**
 * The transposed layout (units in rows, criterion codes along a header row) in each variant the
 * provinces keep, read through the whole engine on literal grids.
 */
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellRange, CellValue, SheetSnapshot } from "../../../src/core/grid";
import type { SettingsInput } from "../../../src/core/settings";
import { fromMicro } from "../../../src/core/points";
import { sheet, where } from "./sheet-helpers";

/** I (2) → 1.1 (1), 1.2 (1); II (2) → 2.1 (1), 2.2 (1, survey). */
const CRITERIA = sheet("Bộ tiêu chí", [
  ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC"],
  ["STT", "Nội dung", "Điểm tối đa", "Loại"],
  ["I", "Chỉ đạo điều hành", 2],
  ["1.1", "Kế hoạch", 1],
  ["1.2", "Báo cáo", 1],
  ["II", "Thủ tục hành chính", 2],
  ["2.1", "Công khai", 1],
  ["2.2", "Sự hài lòng", 1, "ĐTXHH"],
  [null, "Tổng cộng", 4],
]);

function analyze(sheets: SheetSnapshot[], settings: SettingsInput | null = null) {
  return analyzeWorkbook({ sheets: [CRITERIA, ...sheets] }, settings);
}

const points = (a: ReturnType<typeof analyze>) =>
  Object.fromEntries(a.results.map((r) => [r.unit, fromMicro(r.points)]));

const TITLE: CellValue[][] = [["BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2024"], []];
const CODES: CellValue[] = ["STT", "Tên đơn vị", "1.1", "1.2", "2.1", "2.2", "Tổng điểm"];
const MAXIMA: CellValue[] = [null, "Điểm tối đa", 1, 1, 1, 1, 4];

describe("transposed sheet: units in rows", () => {
  it("reads each unit's row under a code row, with the maxima below the codes", () => {
    const s = sheet("Tổng hợp", [
      ...TITLE,
      CODES,
      MAXIMA,
      [1, "Sở Tư pháp", 1, 0.5, 1, 0.8, 3.3],
      [2, "Sở Tài chính", 0.5, 0.5, 1, 0.6, 2.6],
    ]);
    const a = analyze([s]);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(points(a)).toEqual({ "Sở Tư pháp": 3.3, "Sở Tài chính": 2.6 });
    expect(a.units[0].rows.map((r) => [r.code, r.selfScore?.cell ?? r.surveyPoints?.cell])).toEqual([
      ["1.1", "C5"],
      ["1.2", "D5"],
      ["2.1", "E5"],
      ["2.2", "F5"],
    ]);
    // The survey leaf's only cell is its survey result (the sheet is compiled by Sở Nội vụ).
    expect(a.results[0].leaves["2.2"]).toMatchObject({ source: "survey", points: 800_000 });
    expect(a.layout.matrixSheets).toEqual(["Tổng hợp"]);
    expect(a.layout.sheetLayouts[1]).toEqual({
      sheet: "Tổng hợp",
      kind: "scoring",
      orientation: "unitsInRows",
      shape: "transposed",
      headerRows: [3, 4],
      codes: { row: 3 },
      units: { column: "B" },
      source: "detected",
    });
  });

  it("reads the maxima above the codes, and without a maxima row takes them from the criteria sheet", () => {
    const above = sheet("Tổng hợp", [...TITLE, MAXIMA, CODES, [1, "Sở Tư pháp", 1, 0.5, 1, 0.8]]);
    const none = sheet("Tổng hợp", [...TITLE, CODES, [1, "Sở Tư pháp", 1, 0.5, 1, 0.8]]);
    for (const s of [above, none]) {
      const a = analyze([s]);
      expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(points(a)).toEqual({ "Sở Tư pháp": 3.3 });
    }
  });

  it("reports a maxima row that disagrees with the criteria set at its cell", () => {
    const s = sheet("Tổng hợp", [
      ...TITLE,
      CODES,
      [null, "Điểm tối đa", 1, 2, 1, 1, 5],
      [1, "Sở Tư pháp", 1, 0.5, 1, 0.8],
    ]);
    expect(where(analyze([s]).issues.filter((i) => i.code === "max_differs"))).toEqual([
      "max_differs@Tổng hợp!D4",
    ]);
  });

  it("checks field subtotal columns among the leaves against their children", () => {
    const s = sheet("Tổng hợp", [
      ["STT", "Tên đơn vị", "1.1", "1.2", "I", "2.1", "2.2", "II"],
      [1, "Sở Tư pháp", 1, 0.5, 1.5, 1, 0.8, 1.8],
      [2, "Sở Tài chính", 1, 0.5, 2, 1, 0.8, 1.8],
    ]);
    const a = analyze([s]);
    expect(where(a.issues.filter((i) => i.code === "parent_total_mismatch"))).toEqual([
      "parent_total_mismatch@Tổng hợp!E3",
    ]);
    // A subtotal is never a criterion of its own: the points are the leaves'.
    expect(points(a)).toEqual({ "Sở Tư pháp": 3.3, "Sở Tài chính": 3.3 });
  });

  it("checks the Tổng điểm column against the leaves and never reads it as a criterion", () => {
    const s = sheet("Tổng hợp", [
      CODES,
      [1, "Sở Tư pháp", 1, 0.5, 1, 0.8, 3.3],
      [2, "Sở Tài chính", 1, 0.5, 1, 0.8, 4],
    ]);
    const a = analyze([s]);
    expect(where(a.issues.filter((i) => i.code === "parent_total_mismatch"))).toEqual([
      "parent_total_mismatch@Tổng hợp!G3",
    ]);
    expect(a.units[0].rows).toHaveLength(4);
  });

  it("reads two columns per criterion (Tự đánh giá, Thẩm định) under a merged code", () => {
    const merges: CellRange[] = [2, 4, 6, 8].map((c) => ({ top: 0, bottom: 0, left: c, right: c + 1 }));
    const s = sheet(
      "Tổng hợp",
      [
        ["STT", "Tên đơn vị", "1.1", null, "1.2", null, "2.1", null, "2.2", null],
        [null, null, "Tự đánh giá", "Thẩm định", "Tự đánh giá", "Thẩm định", "TĐG", "TĐ", "TĐG", "TĐ"],
        [1, "Sở Tư pháp", 1, 0.75, 1, 1, 1, 0.5, null, 0.8],
      ],
      merges,
    );
    const a = analyze([s]);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(points(a)).toEqual({ "Sở Tư pháp": 3.05 });
    expect(a.units[0].rows[0]).toMatchObject({
      selfScore: { cell: "C3", value: 1 },
      appraisedScore: { cell: "D3", value: 0.75 },
    });
    expect(a.results[0].leaves["2.2"].source).toBe("survey");
    expect(a.layout.sheetLayouts[1].headerRows).toEqual([1, 2]);
  });

  it("reads the same two columns without merge information (blank code cells with sub-labels)", () => {
    const s = sheet("Tổng hợp", [
      ["STT", "Tên đơn vị", "1.1", null, "1.2", null, "2.1", null, "2.2", null],
      [
        null,
        null,
        "Tự chấm",
        "Thẩm định",
        "Tự chấm",
        "Thẩm định",
        "Tự chấm",
        "Thẩm định",
        "Tự chấm",
        "Thẩm định",
      ],
      [1, "Sở Tư pháp", 1, 0.75, 1, 1, 1, 0.5, null, 0.8],
    ]);
    expect(points(analyze([s]))).toEqual({ "Sở Tư pháp": 3.05 });
  });

  it("takes section rows (plain or merged across) as the groups of the units below", () => {
    const s = sheet(
      "Tổng hợp",
      [
        CODES,
        ["A", "CÁC SỞ, BAN, NGÀNH"],
        [1, "Sở Tư pháp", 1, 0.5, 1, 0.8],
        [2, "Sở Tài chính", 1, 1, 1, 0.8],
        ["B. UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
        [1, "Phường Hạc Thành", 1, 1, 1, 1],
        ["I. KHỐI ĐẶC KHU"],
        [1, "Đặc khu Cồn Cỏ", 1, 1, 0.5, 1],
      ],
      [
        { top: 4, bottom: 4, left: 0, right: 6 },
        { top: 6, bottom: 6, left: 0, right: 6 },
      ],
    );
    const a = analyze([s]);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(a.results.map((r) => [r.unit, r.group])).toEqual([
      ["Sở Tư pháp", "CÁC SỞ, BAN, NGÀNH"],
      ["Sở Tài chính", "CÁC SỞ, BAN, NGÀNH"],
      ["Phường Hạc Thành", "UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
      ["Đặc khu Cồn Cỏ", "KHỐI ĐẶC KHU"],
    ]);
    expect(a.groups.map((g) => [g.group, g.units.map((u) => `${u.rank}. ${u.unit}`)])).toEqual([
      ["CÁC SỞ, BAN, NGÀNH", ["1. Sở Tài chính", "2. Sở Tư pháp"]],
      ["UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", ["1. Phường Hạc Thành"]],
      ["KHỐI ĐẶC KHU", ["1. Đặc khu Cồn Cỏ"]],
    ]);
  });

  it("lets the units list's group win over a section row", () => {
    const s = sheet("Tổng hợp", [CODES, ["A", "CÁC SỞ, BAN, NGÀNH"], [1, "Sở Tư pháp", 1, 0.5, 1, 0.8]]);
    const list = sheet("Danh sách", [
      ["STT", "Tên đơn vị", "Khối"],
      [1, "Sở Tư pháp", "Khối nội chính"],
    ]);
    expect(analyze([s, list]).results.map((r) => r.group)).toEqual(["Khối nội chính"]);
  });

  it("reads a unit with no score yet as a unit (its leaves blank), not as a section", () => {
    const s = sheet("Tổng hợp", [CODES, [1, "Sở Tư pháp", 1, 0.5, 1, 0.8], [2, "Sở Xây dựng"]]);
    const a = analyze([s]);
    expect(a.results.map((r) => r.unit)).toEqual(["Sở Tư pháp", "Sở Xây dựng"]);
    expect(where(a.issues.filter((i) => i.code === "score_blank"))).toContain("score_blank@Tổng hợp!C3");
  });
});

describe("units list: section rows", () => {
  it("reads 'A. …' headings, typed in the name column or merged across from the STT cell", () => {
    const list = sheet("Danh sách", [
      ["STT", "Tên đơn vị"],
      ["A", "CÁC SỞ, BAN, NGÀNH"],
      [1, "Sở Tư pháp"],
      ["B. UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
      [1, "Phường Hạc Thành"],
    ]);
    const s = sheet("Tổng hợp", [CODES, [1, "Sở Tư pháp", 1, 1, 1, 1], [2, "Phường Hạc Thành", 1, 1, 1, 1]]);
    const a = analyze([s, list]);
    expect(a.unitList.map((e) => [e.unit, e.group])).toEqual([
      ["Sở Tư pháp", "CÁC SỞ, BAN, NGÀNH"],
      ["Phường Hạc Thành", "UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU"],
    ]);
    expect(a.issues.filter((i) => i.code === "unit_not_in_list")).toEqual([]);
  });
});

describe("field totals: only each field's points per unit", () => {
  it("reads field columns with their maxima in a header row (units in rows) and stops at the fields", () => {
    const s = sheet("Tổng hợp lĩnh vực", [
      ["STT", "Tên đơn vị", "I. Chỉ đạo điều hành", "II. Thủ tục hành chính", "Tổng điểm"],
      [null, "Điểm tối đa", 2, 2, 4],
      [1, "Sở Tư pháp", 1.5, 2, 3.5],
      [2, "Sở Tài chính", 2, 1.25, 3.25],
    ]);
    const a = analyze([s]);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(points(a)).toEqual({ "Sở Tư pháp": 3.5, "Sở Tài chính": 3.25 });
    const r = a.results[0];
    expect(r.index).toBe(87.5);
    expect(r.nodes.I).toEqual({ criterionId: "I", points: 1_500_000, maxPoints: 2_000_000, index: 75 });
    // The explanation stops at the fields: no leaf was scored.
    expect(Object.keys(r.leaves)).toEqual(["I", "II"]);
    expect(a.units[0].scoredAt).toBe("fields");
    expect(a.layout.sheetLayouts[1]).toMatchObject({ shape: "fieldTotals", orientation: "unitsInRows" });
  });

  it("reports a field maximum that disagrees with the criteria set, and a field score above its maximum", () => {
    const s = sheet("Tổng hợp lĩnh vực", [
      ["STT", "Tên đơn vị", "I", "II"],
      [null, "Điểm tối đa", 2, 3],
      [1, "Sở Tư pháp", 2.5, 2],
    ]);
    const a = analyze([s]);
    expect(where(a.issues.filter((i) => i.code === "max_differs"))).toEqual([
      "max_differs@Tổng hợp lĩnh vực!D2",
    ]);
    expect(a.issues.filter((i) => i.severity === "error").map((i) => i.cell)).toContain("C3");
  });

  it("reads field rows with one column per unit (units in columns)", () => {
    const s = sheet("Lĩnh vực", [
      ["STT", "Lĩnh vực", "Điểm tối đa", "Sở Tư pháp", "Sở Tài chính"],
      ["I", "Chỉ đạo điều hành", 2, 1.5, 2],
      ["II", "Thủ tục hành chính", 2, 2, 1.25],
    ]);
    const a = analyze([s]);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(points(a)).toEqual({ "Sở Tư pháp": 3.5, "Sở Tài chính": 3.25 });
    expect(a.layout.sheetLayouts[1]).toMatchObject({ shape: "fieldTotals", orientation: "unitsInColumns" });
  });

  it("does not score a sheet naming only one of the fields (too little to be a summary)", () => {
    const s = sheet("Lĩnh vực", [
      ["STT", "Tên đơn vị", "I", "Tổng"],
      [1, "Sở Tư pháp", 1.5, 1.5],
    ]);
    const a = analyze([s]);
    expect(a.results).toEqual([]);
  });
});
