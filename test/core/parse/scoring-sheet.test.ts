import type { CellValue } from "../../../src/core/grid";
import { parseCriteriaSheet } from "../../../src/core/parse/criteria-sheet";
import { findHeader } from "../../../src/core/parse/header-band";
import { readMatrixSheet } from "../../../src/core/parse/read-matrix-sheet";
import { readUnitSheet } from "../../../src/core/parse/read-unit-sheet";
import { sheet, where } from "./sheet-helpers";

/** I (2) → 1.1 (1), 1.2 (1) → 1.2.1 (0.5), 1.2.2 (0.5); II (1, survey) → 2.1 (1). */
function criteria() {
  const s = sheet("Bộ tiêu chí", [
    ["STT", "Nội dung", "Điểm tối đa", "Loại"],
    ["I", "Chỉ đạo", 2],
    ["1.1", "Kế hoạch", 1],
    ["1.2", "Báo cáo", 1],
    ["1.2.1", "Đúng hạn", 0.5],
    ["1.2.2", "Đầy đủ", 0.5],
    ["II", "Sự hài lòng", 1, "ĐTXHH"],
    ["2.1", "Tiếp cận dịch vụ", 1],
  ]);
  return parseCriteriaSheet(s, findHeader(s)).criteria!;
}

const UNIT_HEADER: CellValue[] = [
  "STT",
  "Nội dung",
  "Điểm tối đa",
  "Điểm tự đánh giá",
  "Điểm thẩm định",
  "Điểm ĐTXHH",
  "Tài liệu kiểm chứng",
];

function unitSheet(rows: CellValue[][], top: CellValue[][] = [["Cơ quan: Sở Tư pháp"]], name = "STP") {
  const s = sheet(name, [...top, UNIT_HEADER, ...rows]);
  return readUnitSheet(s, findHeader(s)!, criteria());
}

const FULL: CellValue[][] = [
  ["I", "Chỉ đạo", 2, 1.5, 1.5],
  ["1.1", "Kế hoạch", 1, 1, 1, null, "KH 12"],
  ["1.2", "Báo cáo", 1, 0.5, 0.5],
  ["1.2.1", "Đúng hạn", 0.5, "0,5", 0.5, null, "BC 3"],
  ["1.2.2", "Đầy đủ", 0.5, 0, 0, null, "BC 4"],
  ["II", "Sự hài lòng", 1, null, null, 0.8],
  ["2.1", "Tiếp cận dịch vụ", 1, null, null, 0.8],
];

describe("unit sheet: the unit's name", () => {
  it("reads 'Cơ quan: X' in one cell", () => {
    const { unit } = unitSheet(FULL);
    expect([unit.unit, unit.nameCell, unit.layout]).toEqual(["Sở Tư pháp", "A1", "unitSheet"]);
  });

  it("reads 'Đơn vị:' and the name in adjacent cells", () => {
    const { unit } = unitSheet(FULL, [["BẢNG TỰ CHẤM"], ["Đơn vị:", null, "Sở Tài chính"]]);
    expect([unit.unit, unit.nameCell]).toEqual(["Sở Tài chính", "C2"]);
  });

  it("falls back to the sheet name", () => {
    const { unit } = unitSheet(FULL, [["BẢNG TỰ CHẤM NĂM 2024"], ["(Đơn vị tính: điểm)"]], "Ban Dân tộc");
    expect([unit.unit, unit.nameCell]).toEqual(["Ban Dân tộc", null]);
  });
});

describe("unit sheet: rows and source cells", () => {
  it("matches every row to the criteria and records A1 cells", () => {
    const { unit, issues } = unitSheet(FULL);
    expect(issues).toEqual([]);
    expect(unit.rows.map((r) => r.criterionId)).toEqual(["I", "1.1", "1.2", "1.2.1", "1.2.2", "II", "2.1"]);
    const leaf = unit.rows.find((r) => r.criterionId === "1.2.1")!;
    expect(leaf).toMatchObject({
      code: "1.2.1",
      codeCell: "A6",
      maxPoints: { value: 0.5, cell: "C6" },
      selfScore: { value: "0,5", cell: "D6" },
      appraisedScore: { value: 0.5, cell: "E6" },
      evidence: { value: "BC 3", cell: "G6" },
      explanation: null,
    });
    expect(unit.rows.find((r) => r.criterionId === "2.1")?.surveyPoints).toEqual({ value: 0.8, cell: "F9" });
  });

  it("reads a two-row header: 'Điểm' merged above 'Tự chấm | Thẩm định'", () => {
    const s = sheet(
      "STP",
      [
        ["Cơ quan: Sở Tư pháp"],
        ["STT", "Nội dung", "Điểm tối đa", "Điểm", null, "Ghi chú"],
        [null, null, null, "Tự chấm", "Thẩm định", null],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Chỉ đạo", 2, 1, 1],
        ["1.1", "Kế hoạch", 1, 1, 1],
      ],
      [{ top: 1, left: 3, bottom: 1, right: 4 }],
    );
    const header = findHeader(s)!;
    expect([header.top, header.bottom, header.dataStart]).toEqual([1, 2, 4]);
    expect(header.roles).toEqual({
      code: 0,
      title: 1,
      maxPoints: 2,
      selfScore: 3,
      appraisedScore: 4,
      comment: 5,
    });
    const { unit } = readUnitSheet(s, header, criteria());
    expect(unit.rows[1].appraisedScore).toEqual({ value: 1, cell: "E6" });
  });

  it("ignores guidance lines and the total row", () => {
    const { unit, issues } = unitSheet([
      ...FULL.slice(0, 2),
      ["-", "Ban hành đúng hạn: 1 điểm"],
      ...FULL.slice(2),
      [null, "Tổng cộng", 3, 1.5, 1.5, 0.8],
    ]);
    expect(issues).toEqual([]);
    expect(unit.rows).toHaveLength(7);
  });

  it("takes survey points from the appraised column when the sheet has no survey column", () => {
    const s = sheet("STP", [
      ["STT", "Nội dung", "Điểm tối đa", "Tự chấm", "Thẩm định"],
      ...FULL.map((r) => (r[0] === "2.1" ? ["2.1", "Tiếp cận dịch vụ", 1, null, 0.9] : r.slice(0, 5))),
    ]);
    const { unit } = readUnitSheet(s, findHeader(s)!, criteria());
    const survey = unit.rows.find((r) => r.criterionId === "2.1")!;
    expect([survey.surveyPoints, survey.appraisedScore]).toEqual([{ value: 0.9, cell: "E8" }, null]);
    expect(unit.rows.find((r) => r.criterionId === "1.1")!.surveyPoints).toBeNull();
  });
});

describe("header search: every band that could score more is read", () => {
  it("takes a fuller header below a weaker one, and not a band of data rows", () => {
    const s = sheet("STP", [
      ["STT", "Nội dung"],
      [null, null],
      ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú"],
      ["I", "Chỉ đạo", 2, 1.5, 1.5, "Tự chấm theo hướng dẫn"],
      ["1.1", "Kế hoạch", 1, 1, 1, "Thẩm định lại"],
    ]);
    const header = findHeader(s)!;
    expect([header.top, header.bottom, header.dataStart]).toEqual([2, 2, 3]);
    expect(header.roles).toEqual({
      code: 0,
      title: 1,
      maxPoints: 2,
      selfScore: 3,
      appraisedScore: 4,
      comment: 5,
    });
  });

  it("keeps the earlier header when a later band can only tie it", () => {
    const s = sheet("STP", [
      ["STT", "Nội dung", "Điểm tối đa"],
      ["I", "Chỉ đạo", 2],
      ["TT", "Tiêu chí", "Thang điểm"],
      ["1.1", "Kế hoạch", 1],
    ]);
    expect(findHeader(s)).toMatchObject({ top: 0, bottom: 0 });
  });
});

describe("unit sheet: structural issues", () => {
  it("reports a code that is not in the criteria set", () => {
    const { issues, unit } = unitSheet([...FULL, ["3.1", "Tiêu chí lạ", 1, 1]]);
    expect(where(issues)).toEqual(["unknown_code@STP!A10"]);
    expect(issues[0]).toMatchObject({ unit: "Sở Tư pháp", data: { input: "3.1" } });
    expect(unit.rows).toHaveLength(7);
  });

  it("reports a code that appears twice, keeping the first row", () => {
    const { issues, unit } = unitSheet([...FULL, ["1.1", "Kế hoạch", 1, 0, 0]]);
    expect(where(issues)).toEqual(["duplicate_code_in_sheet@STP!A10"]);
    expect(issues[0].data).toEqual({ input: "1.1", other: "A4" });
    expect(unit.rows.find((r) => r.criterionId === "1.1")?.row).toBe(3);
  });

  it("reports a leaf missing from the sheet, without a cell", () => {
    const { issues } = unitSheet(
      FULL.filter((r) => r[0] !== "1.2.2").map((r) => (r[0] === "1.2" ? ["1.2", "Báo cáo", 1, 0.5, 0.5] : r)),
    );
    expect(where(issues)).toEqual(["missing_criterion@STP!-"]);
    expect(issues[0]).toMatchObject({ criterion: "1.2.2", unit: "Sở Tư pháp" });
  });

  it("reports a maximum that differs from the criteria set", () => {
    const rows = FULL.map((r) => (r[0] === "1.1" ? ["1.1", "Kế hoạch", "1,5", 1, 1, null, "KH"] : r));
    const { issues } = unitSheet(rows);
    expect(where(issues)).toEqual(["max_differs@STP!C4"]);
    expect(issues[0]).toMatchObject({ criterion: "1.1", data: { actual: 1.5, max: 1 } });
  });

  it("warns when a typed parent total disagrees with its children, per column", () => {
    const rows = FULL.map((r) => (r[0] === "1.2" ? ["1.2", "Báo cáo", 1, 0.75, 0.5] : r));
    const { issues } = unitSheet(rows);
    // 1.2 says 0.75 but 1.2.1 + 1.2.2 = 0.5; the field I says 1.5 but 1.1 + 1.2 (as typed) = 1.75.
    expect(where(issues)).toEqual(["parent_total_mismatch@STP!D3", "parent_total_mismatch@STP!D5"]);
    expect(issues[1]).toMatchObject({
      severity: "warning",
      criterion: "1.2",
      data: { actual: 0.75, sum: 0.5 },
    });
    expect(issues[0]).toMatchObject({ criterion: "I", data: { actual: 1.5, sum: 1.75 } });
  });

  it("says nothing about a parent total when a child is not a number", () => {
    const rows = FULL.map((r) => (r[0] === "1.2.2" ? ["1.2.2", "Đầy đủ", 0.5, "đạt", 0, null, "BC"] : r));
    expect(unitSheet(rows).issues).toEqual([]);
  });

  it("counts 'Không áp dụng' children as 0 in a parent total", () => {
    const rows = FULL.map((r) => (r[0] === "1.2.2" ? ["1.2.2", "Đầy đủ", 0.5, "Không áp dụng", "KAD"] : r));
    expect(unitSheet(rows).issues).toEqual([]);
  });
});

describe("unit sheets laid out alike, read one after another with one criteria set", () => {
  // Sheets that repeat a template's codes, titles and maxima are read once (readCodedRows keeps
  // the last read of each criteria set); each sheet must still read as it would alone.
  const guidance: CellValue[] = ["1.2.1.1", "Chi tiết", null];
  const sheets = [
    { name: "STP", top: "Cơ quan: Sở Tư pháp", rows: [...FULL, guidance] },
    // The same codes and titles, other scores: a parent total that disagrees, another unit.
    {
      name: "STC",
      top: "Cơ quan: Sở Tài chính",
      rows: [...FULL.map((r) => (r[0] === "1.2" ? ["1.2", "Báo cáo", 1, 0.75, 0.5] : r)), guidance],
    },
    // One code differs: unknown here, and a leaf missing.
    {
      name: "SXD",
      top: "Cơ quan: Sở Xây dựng",
      rows: [...FULL.map((r) => (r[0] === "1.2.2" ? ["1.2.3", ...r.slice(1)] : r)), guidance],
    },
    // Only a maximum differs: the deep numbered line now carries one, so it is an unknown code.
    { name: "SYT", top: "Cơ quan: Sở Y tế", rows: [...FULL, ["1.2.1.1", "Chi tiết", 0.5]] },
    // The first template again, and the same codes and titles one row lower.
    { name: "SCT", top: "Cơ quan: Sở Công Thương", rows: [...FULL, guidance] },
    { name: "SNV", top: "Cơ quan: Sở Nội vụ", rows: [[null], ...FULL, guidance] },
  ];
  const grids = sheets.map((s) => sheet(s.name, [[s.top], UNIT_HEADER, ...s.rows]));

  it("reads each sheet as it would with a criteria set of its own", () => {
    const shared = criteria();
    const together = grids.map((g) => readUnitSheet(g, findHeader(g)!, shared));
    const alone = grids.map((g) => readUnitSheet(g, findHeader(g)!, criteria()));
    expect(together).toEqual(alone);
    expect(together.map((r) => where(r.issues))).toEqual([
      [],
      ["parent_total_mismatch@STC!D3", "parent_total_mismatch@STC!D5"],
      ["unknown_code@SXD!A7", "missing_criterion@SXD!-"],
      ["unknown_code@SYT!A10"],
      [],
      [],
    ]);
    expect(together[2].issues.map((i) => i.unit)).toEqual(["Sở Xây dựng", "Sở Xây dựng"]);
    expect(together[5].unit.rows.map((r) => r.codeCell)).toEqual(["A4", "A5", "A6", "A7", "A8", "A9", "A10"]);
  });

  it("gives each sheet rows of its own", () => {
    const shared = criteria();
    const [first, second] = grids.map((g) => readUnitSheet(g, findHeader(g)!, shared));
    expect(first.unit.rows).not.toBe(second.unit.rows);
    expect(second.unit.rows.find((r) => r.criterionId === "1.2")?.selfScore).toEqual({
      value: 0.75,
      cell: "D5",
    });
    expect(first.unit.rows.find((r) => r.criterionId === "1.2")?.selfScore).toEqual({
      value: 0.5,
      cell: "D5",
    });
  });

  it("addresses each sheet's cells where they are, one row lower included", () => {
    // The addresses of sheets laid out alike are spelt once and shared (build-score-rows.ts).
    const shared = criteria();
    const read = grids.map((g) => readUnitSheet(g, findHeader(g)!, shared));
    const cells = (i: number) => read[i].unit.rows.map((r) => [r.selfScore?.cell, r.evidence?.cell]);
    expect(cells(0)).toEqual([3, 4, 5, 6, 7, 8, 9].map((n) => [`D${n}`, `G${n}`]));
    expect(cells(4)).toEqual(cells(0));
    expect(cells(5)).toEqual([4, 5, 6, 7, 8, 9, 10].map((n) => [`D${n}`, `G${n}`]));
    expect(read[5].unit.rows[1].evidence).toEqual({ value: "KH 12", cell: "G5" });
  });
});

describe("matrix sheet", () => {
  const rows: CellValue[][] = [
    ["I", "Chỉ đạo", 2, 1.5, 1.5, 2, 1.75],
    ["1.1", "Kế hoạch", 1, 1, 1, 1, 1],
    ["1.2", "Báo cáo", 1, 0.5, 0.5, 1, 0.75],
    ["1.2.1", "Đúng hạn", 0.5, 0.5, 0.5, 0.5, 0.5],
    ["1.2.2", "Đầy đủ", 0.5, 0, 0, 0.5, "0,25"],
    ["II", "Sự hài lòng", 1, null, 0.8, null, 0.9],
    ["2.1", "Tiếp cận dịch vụ", 1, null, 0.8, null, 0.9],
  ];

  it("reads units merged above 'Tự chấm | Thẩm định' sub-columns (merges given)", () => {
    const s = sheet(
      "Tổng hợp",
      [
        ["TỔNG HỢP ĐIỂM"],
        ["STT", "Tiêu chí", "Điểm tối đa", "Sở Tư pháp", null, "Sở Tài chính", null],
        [null, null, null, "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"],
        ...rows,
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 1, right: 6 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ],
    );
    const { units, issues } = readMatrixSheet(s, findHeader(s)!, criteria());
    expect(issues).toEqual([]);
    expect(units.map((u) => [u.unit, u.nameCell, u.layout])).toEqual([
      ["Sở Tư pháp", "D2", "matrix"],
      ["Sở Tài chính", "F2", "matrix"],
    ]);
    const leaf = units[1].rows.find((r) => r.criterionId === "1.2.2")!;
    expect([leaf.selfScore, leaf.appraisedScore, leaf.maxPoints]).toEqual([
      { value: 0.5, cell: "F8" },
      { value: "0,25", cell: "G8" },
      { value: 0.5, cell: "C8" },
    ]);
    // No survey column: the appraised column holds the survey points.
    expect(units[0].rows.find((r) => r.criterionId === "2.1")?.surveyPoints).toEqual({
      value: 0.8,
      cell: "E10",
    });
  });

  it("reads the same layout without merges (name in the first cell, blanks after)", () => {
    const s = sheet("Tổng hợp", [
      ["STT", "Tiêu chí", "Điểm tối đa", "Sở Tư pháp", null, "Sở Tài chính", null],
      [null, null, null, "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"],
      ...rows,
    ]);
    const { units } = readMatrixSheet(s, findHeader(s)!, criteria());
    expect(units.map((u) => [u.unit, u.nameCell])).toEqual([
      ["Sở Tư pháp", "D1"],
      ["Sở Tài chính", "F1"],
    ]);
    expect(units[1].rows[0].appraisedScore).toEqual({ value: 1.75, cell: "G3" });
  });

  it("reads one score column per unit under a single header row", () => {
    const s = sheet("Tổng hợp", [
      ["STT", "Tiêu chí", "Điểm tối đa", "Sở Tư pháp", "Sở Tài chính"],
      ...rows.map((r) => [r[0], r[1], r[2], r[4], r[6]]),
    ]);
    const { units } = readMatrixSheet(s, findHeader(s)!, criteria());
    expect(units.map((u) => u.unit)).toEqual(["Sở Tư pháp", "Sở Tài chính"]);
    const leaf = units[0].rows.find((r) => r.criterionId === "1.1")!;
    expect([leaf.selfScore, leaf.surveyPoints]).toEqual([{ value: 1, cell: "D3" }, null]);
    const survey = units[1].rows.find((r) => r.criterionId === "2.1")!;
    expect([survey.selfScore, survey.surveyPoints]).toEqual([null, { value: 0.9, cell: "E8" }]);
  });

  it("reports a parent total per unit column on a matrix", () => {
    const bad = rows.map((r) => (r[0] === "1.2" ? ["1.2", "Báo cáo", 1, 0.5, 0.5, 1, 1] : r));
    const s = sheet("Tổng hợp", [
      ["STT", "Tiêu chí", "Điểm tối đa", "Sở Tư pháp", null, "Sở Tài chính", null],
      [null, null, null, "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"],
      ...bad,
    ]);
    const { issues } = readMatrixSheet(s, findHeader(s)!, criteria());
    expect(where(issues)).toEqual(["parent_total_mismatch@Tổng hợp!G3", "parent_total_mismatch@Tổng hợp!G5"]);
    expect(issues[1]).toMatchObject({
      unit: "Sở Tài chính",
      criterion: "1.2",
      data: { actual: 1, sum: 0.75 },
    });
  });
});

describe("unit sheet: numbering follows the criteria set", () => {
  it("places codes like the criteria set even without a maximum column and with numbered guidance", () => {
    const s = sheet("STP", [
      ["STT", "Nội dung", "Điểm tự đánh giá"],
      ["I", "Chỉ đạo", 2],
      ["1.1", "Kế hoạch", 1],
      [1, "Ban hành đúng hạn: 1 điểm"],
      ["1.2", "Báo cáo", 1],
      ["1.2.1", "Đúng hạn", 0.5],
      ["1.2.2", "Đầy đủ", 0.5],
      ["II", "Sự hài lòng", null],
      ["2.1", "Tiếp cận dịch vụ", null],
    ]);
    const { unit, issues } = readUnitSheet(s, findHeader(s)!, criteria());
    expect(issues).toEqual([]);
    expect(unit.rows.map((r) => r.criterionId)).toEqual(["I", "1.1", "1.2", "1.2.1", "1.2.2", "II", "2.1"]);
  });
});

describe("matrix sheet: three header rows", () => {
  it("reads 'Điểm các đơn vị' above unit names above 'Tự chấm | Thẩm định'", () => {
    const s = sheet(
      "Tổng hợp",
      [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm các đơn vị", null, null, null],
        [null, null, null, "Sở Tư pháp", null, "Xã Tân Lập", null],
        [null, null, null, "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["I", "Chỉ đạo", 2, 2, 2, 1, 1],
        ["1.1", "Kế hoạch", 1, 1, 1, 0.5, 0.5],
      ],
      [
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 1, bottom: 2, right: 1 },
        { top: 0, left: 2, bottom: 2, right: 2 },
        { top: 0, left: 3, bottom: 0, right: 6 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 1, right: 6 },
      ],
    );
    const header = findHeader(s)!;
    expect([header.top, header.bottom, header.dataStart]).toEqual([0, 2, 4]);
    const { units } = readMatrixSheet(s, header, criteria());
    expect(units.map((u) => [u.unit, u.nameCell])).toEqual([
      ["Sở Tư pháp", "D2"],
      ["Xã Tân Lập", "F2"],
    ]);
    expect(units[1].rows[1].appraisedScore).toEqual({ value: 0.5, cell: "G6" });
  });
});
