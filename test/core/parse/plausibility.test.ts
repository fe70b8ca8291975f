/**
 * No confident wrong answer: each plausibility rule with a sheet that passes it and one that
 * fails it. A failing sheet is not scored and carries exactly one layout_implausible error.
 */
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { describeIssue } from "../../../src/core/issues";
import type { SettingsInput } from "../../../src/core/settings";
import { sheet } from "./sheet-helpers";

const CRITERIA = sheet("Bộ tiêu chí", [
  ["STT", "Nội dung", "Điểm tối đa"],
  ["I", "Chỉ đạo điều hành", 2],
  ["1.1", "Kế hoạch", 1],
  ["1.2", "Báo cáo", 1],
  ["II", "Thủ tục hành chính", 2],
  ["2.1", "Công khai", 1],
  ["2.2", "Một cửa", 1],
]);

function analyze(sheets: SheetSnapshot[], settings: SettingsInput | null = null) {
  return analyzeWorkbook({ sheets: [CRITERIA, ...sheets] }, settings);
}

/** The layout_implausible issues as "sheet!cell reason". */
function refusals(a: ReturnType<typeof analyze>): string[] {
  return a.issues
    .filter((i) => i.code === "layout_implausible")
    .map((i) => `${i.sheet}!${i.cell} ${i.data.reason}`);
}

/** Issues of a sheet other than the refusal (there must be none on a refused sheet). */
const othersOn = (a: ReturnType<typeof analyze>, name: string) =>
  a.issues.filter((i) => i.sheet === name && i.code !== "layout_implausible");

function matrix(name: string, units: string[], extra: CellValue[][] = []): SheetSnapshot {
  return sheet(name, [
    ["STT", "Nội dung", "Điểm tối đa", ...units],
    ["I", "Chỉ đạo điều hành", 2],
    ["1.1", "Kế hoạch", 1, ...units.map(() => 1)],
    ["1.2", "Báo cáo", 1, ...units.map(() => 0.5)],
    ["II", "Thủ tục hành chính", 2],
    ["2.1", "Công khai", 1, ...units.map(() => 1)],
    ["2.2", "Một cửa", 1, ...units.map(() => 0.75)],
    ...extra,
  ]);
}

describe("plausibility: unit names that are criterion codes or numbers", () => {
  it("refuses a matrix whose 'units' are numbers", () => {
    const a = analyze([matrix("Tong hop", ["101", "102", "103"])]);
    expect(refusals(a)).toEqual(["Tong hop!D1 unit_names_codes"]);
    expect(othersOn(a, "Tong hop")).toEqual([]);
    expect(a.results).toEqual([]);
    expect(describeIssue(a.issues.find((i) => i.code === "layout_implausible")!)).toMatch(
      /^Sheet 'Tong hop': 3 tên đơn vị là mã tiêu chí hoặc số \("101, 102, 103"\) — .*chọn hướng bảng trong Tổng quan hoặc --settings\.$/,
    );
  });

  it("refuses a transposed sheet read the wrong way round (its codes as units) when its codes are not the set's", () => {
    // Codes of another criteria set: they name none of this set's leaves, so the sheet cannot be
    // read with units in rows; read as a matrix, its "units" would be codes.
    const s = sheet("Tong hop", [
      ["STT", "Nội dung", "7.1.1", "7.1.2", "7.2.1"],
      [1, "Sở Tư pháp", 1, 1, 1],
      [2, "Sở Tài chính", 1, 1, 1],
    ]);
    const a = analyze([s]);
    expect(refusals(a)).toEqual(["Tong hop!C1 unit_names_codes"]);
    expect(a.results).toEqual([]);
  });

  it("accepts units named as units", () => {
    const a = analyze([matrix("Tong hop", ["Sở Tư pháp", "Sở Tài chính", "Xã Tân Lập"])]);
    expect(refusals(a)).toEqual([]);
    expect(a.results).toHaveLength(3);
  });
});

describe("plausibility: most leaves missing", () => {
  const unitSheet = (rows: CellValue[][]) =>
    sheet("STP", [["Đơn vị: Sở Tư pháp"], ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"], ...rows]);

  it("refuses a scoring sheet holding fewer than half of the leaves", () => {
    const a = analyze([unitSheet([["1.1", "Kế hoạch", 1, 1]])]);
    expect(refusals(a)).toEqual(["STP!A2 leaves_missing"]);
    expect(othersOn(a, "STP")).toEqual([]);
    expect(describeIssue(a.issues[0], "en")).toContain("only 1 of the 4 criteria");
  });

  it("accepts half of the leaves (the rest are reported missing)", () => {
    const a = analyze([
      unitSheet([
        ["1.1", "Kế hoạch", 1, 1],
        ["2.1", "Công khai", 1, 1],
      ]),
    ]);
    expect(refusals(a)).toEqual([]);
    expect(a.issues.filter((i) => i.code === "missing_criterion").map((i) => i.criterion)).toEqual([
      "1.2",
      "2.2",
    ]);
  });
});

describe("plausibility: codes along a row of a sheet read with units in columns", () => {
  const transposed = sheet("Tong hop", [
    ["STT", "Tên đơn vị", "1.1", "1.2", "2.1", "2.2"],
    [1, "Sở Tư pháp", 1, 0.5, 1, 1],
  ]);

  it("refuses it when the settings say units are in columns", () => {
    const a = analyze([transposed], { sheetLayouts: { "Tong hop": { orientation: "unitsInColumns" } } });
    expect(refusals(a)).toEqual(["Tong hop!C1 codes_across"]);
    expect(describeIssue(a.issues.find((i) => i.code === "layout_implausible")!)).toBe(
      "Sheet 'Tong hop': các mã tiêu chí nằm trên một hàng — bảng có vẻ xếp đơn vị theo hàng; chọn hướng bảng trong Tổng quan hoặc --settings.",
    );
  });

  it("refuses it when settings.sheets lists it as a matrix", () => {
    const a = analyze([transposed], { sheets: { matrixSheets: ["Tong hop"] } });
    expect(refusals(a)).toEqual(["Tong hop!C1 codes_across"]);
  });

  it("reads it with units in rows when nothing says otherwise", () => {
    const a = analyze([transposed]);
    expect(refusals(a)).toEqual([]);
    expect(a.results.map((r) => r.unit)).toEqual(["Sở Tư pháp"]);
  });
});

describe("plausibility: more units than the units list holds", () => {
  const list = sheet("Danh sách", [
    ["STT", "Tên đơn vị", "Khối"],
    [1, "Sở Tư pháp", "Sở"],
    [2, "Sở Tài chính", "Sở"],
  ]);

  it("refuses a sheet with more units than the list, most of them unknown to it", () => {
    const a = analyze([matrix("Tong hop", ["Kế hoạch năm", "Báo cáo quý", "Công khai TTHC"]), list]);
    expect(refusals(a)).toEqual(["Tong hop!D1 more_units_than_list"]);
    expect(describeIssue(a.issues.find((i) => i.code === "layout_implausible")!)).toContain(
      "có 3 đơn vị, nhiều hơn 2 đơn vị của danh sách đơn vị",
    );
  });

  it("accepts one unit more than the list when the others are in it", () => {
    const a = analyze([matrix("Tong hop", ["Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng"]), list]);
    expect(refusals(a)).toEqual([]);
    expect(a.issues.filter((i) => i.code === "unit_not_in_list").map((i) => i.unit)).toEqual(["Sở Xây dựng"]);
  });
});

describe("plausibility: the same unit in two orientations", () => {
  it("refuses a matrix whose unit also stands down the name column", () => {
    const a = analyze([
      matrix("Tong hop", ["Sở Tư pháp", "Sở Tài chính"], [[null, "Sở Tư pháp", null, 1, 1]]),
    ]);
    expect(refusals(a)).toEqual(["Tong hop!B8 two_orientations"]);
  });

  it("refuses a transposed sheet whose unit also heads a column", () => {
    const s = sheet("Tong hop", [
      ["STT", "Tên đơn vị", "1.1", "1.2", "2.1", "2.2", "Sở Tư pháp"],
      [1, "Sở Tư pháp", 1, 0.5, 1, 1],
      [2, "Sở Tài chính", 1, 0.5, 1, 1],
    ]);
    expect(refusals(analyze([s]))).toEqual(["Tong hop!G1 two_orientations"]);
  });

  it("accepts each unit named once", () => {
    expect(refusals(analyze([matrix("Tong hop", ["Sở Tư pháp", "Sở Tài chính"])]))).toEqual([]);
  });
});

describe("plausibility: codes along a row without a unit-name column", () => {
  it("refuses it", () => {
    const s = sheet("Tong hop", [
      ["STT", "1.1", "1.2", "2.1", "2.2"],
      [1, 1, 0.5, 1, 1],
    ]);
    expect(refusals(analyze([s]))).toEqual(["Tong hop!B1 no_unit_column"]);
  });

  it("finds the names without a header when one column left of the codes holds text", () => {
    const s = sheet("Tong hop", [
      ["STT", "", "1.1", "1.2", "2.1", "2.2"],
      [1, "Sở Tư pháp", 1, 0.5, 1, 1],
    ]);
    const a = analyze([s]);
    expect(refusals(a)).toEqual([]);
    expect(a.results.map((r) => r.unit)).toEqual(["Sở Tư pháp"]);
  });
});

describe("the user corrects detection (settings.sheetLayouts)", () => {
  it("reads a sheet with the code row and orientation the user gave, recorded as the user's", () => {
    // Codes as plain numbers in a row with no label beside them: detection cannot tell.
    const s = sheet("Nhap", [
      ["Bảng điểm"],
      [],
      [],
      [null, null, 1.1, 1.2, 2.1, 2.2],
      [1, "Sở Tư pháp", 1, 0.5, 1, 1],
    ]);
    expect(analyze([s]).results).toEqual([]);
    const a = analyze([s], { sheetLayouts: { Nhap: { orientation: "unitsInRows", codeRow: 4 } } });
    expect(a.results.map((r) => [r.unit, r.points])).toEqual([["Sở Tư pháp", 3_500_000]]);
    expect(a.layout.sheetLayouts[1]).toMatchObject({
      sheet: "Nhap",
      kind: "scoring",
      orientation: "unitsInRows",
      codes: { row: 4 },
      source: "user",
    });
  });

  it("ignores a sheet the user says to ignore, and takes the header rows the user gave", () => {
    const odd = sheet("STP", [
      ["Đơn vị: Sở Tư pháp"],
      ["Ghi chú: STT | Nội dung"],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
      ["1.1", "Kế hoạch", 1, 1],
      ["1.2", "Báo cáo", 1, 1],
      ["2.1", "Công khai", 1, 1],
      ["2.2", "Một cửa", 1, 1],
    ]);
    const a = analyze([odd, matrix("Nháp", ["Sở A", "Sở B"])], {
      sheetLayouts: { STP: { headerRows: [3, 3] }, Nháp: { kind: "ignore" } },
    });
    expect(a.results.map((r) => [r.unit, r.points])).toEqual([["Sở Tư pháp", 4_000_000]]);
    expect(a.layout.sheetLayouts.map((l) => [l.sheet, l.kind, l.headerRows, l.source])).toEqual([
      ["Bộ tiêu chí", "criteria", [1, 1], "detected"],
      ["STP", "scoring", [3, 3], "user"],
      ["Nháp", "ignore", null, "user"],
    ]);
  });

  it("takes the code column the user gave", () => {
    const s = sheet("STP", [
      ["Đơn vị: Sở Tư pháp"],
      ["Mục", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Số hiệu"],
      ["a", "Kế hoạch", 1, 1, "1.1"],
      ["b", "Báo cáo", 1, 0.5, "1.2"],
      ["c", "Công khai", 1, 1, "2.1"],
      ["d", "Một cửa", 1, 1, "2.2"],
    ]);
    const a = analyze([s], {
      sheetLayouts: { STP: { kind: "scoring", headerRows: [2, 2], codeColumn: "E" } },
    });
    expect(a.results.map((r) => r.points)).toEqual([3_500_000]);
    expect(a.layout.sheetLayouts[1].codes).toEqual({ column: "E" });
  });

  it("takes the criteria sheet and the units list the user names over detection", () => {
    const other = sheet("Bộ tiêu chí cũ", [
      ["STT", "Nội dung", "Điểm tối đa"],
      ["1", "Tiêu chí cũ", 10],
      ["2", "Tiêu chí cũ khác", 10],
    ]);
    const list = sheet("DS", [
      ["STT", "Tên đơn vị", "Khối"],
      [1, "Sở Tư pháp", "Khối nội chính"],
    ]);
    const oldList = sheet("DS cũ", [
      ["STT", "Tên đơn vị", "Khối"],
      [1, "Sở Tư pháp", "Khối cũ"],
    ]);
    const a = analyzeWorkbook(
      { sheets: [other, CRITERIA, oldList, list, matrix("Tong hop", ["Sở Tư pháp", "Sở Tài chính"])] },
      { sheetLayouts: { "Bộ tiêu chí": { kind: "criteria" }, DS: { kind: "unitsList" } } },
    );
    expect(a.layout.criteriaSheet).toBe("Bộ tiêu chí");
    expect(a.layout.unitsListSheet).toBe("DS");
    expect(a.results.map((r) => [r.unit, r.group])).toEqual([
      ["Sở Tư pháp", "Khối nội chính"],
      ["Sở Tài chính", "Sở, ban, ngành"],
    ]);
  });
});
