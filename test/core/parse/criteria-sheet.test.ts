import { parseCriteriaSheet } from "../../../src/core/parse/criteria-sheet";
import { findHeader } from "../../../src/core/parse/header-band";
import { fromMicro } from "../../../src/core/points";
import type { CellValue } from "../../../src/core/grid";
import { sheet, where } from "./sheet-helpers";

const HEADER: CellValue[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa"];

function read(rows: CellValue[][], name = "Bộ tiêu chí") {
  const s = sheet(name, rows);
  return parseCriteriaSheet(s, findHeader(s));
}

describe("criteria sheet: header", () => {
  it("finds the header after title rows and skips the '(1) (2) (3)' row", () => {
    const { criteria, issues } = read([
      ["BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CCHC"],
      ["(Kèm theo Quyết định số 12/QĐ-UBND)"],
      [],
      HEADER,
      ["(1)", "(2)", "(3)"],
      ["I", "Công tác chỉ đạo", 2],
      ["1.1", "Kế hoạch CCHC", 2],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.headerRow).toBe(3);
    expect(criteria?.order).toEqual(["I", "1.1"]);
    expect(criteria?.nodes["I"].row).toBe(5);
  });

  it("reads NFD headers like NFC ones", () => {
    const nfd = HEADER.map((h) => (h as string).normalize("NFD"));
    const { criteria } = read([nfd, ["I", "Chỉ đạo", 1], ["1.1", "Kế hoạch", 1]]);
    expect(criteria?.columns).toEqual({ code: 0, title: 1, maxPoints: 2 });
  });

  it("reports a missing maximum column", () => {
    const { criteria, issues } = read([
      ["STT", "Nội dung", "Ghi chú"],
      ["I", "Chỉ đạo", ""],
    ]);
    expect(criteria).toBeNull();
    expect(issues.map((i) => [i.code, i.data.name])).toEqual([["criteria_column_missing", "Điểm tối đa"]]);
  });

  it("reports a sheet without any header", () => {
    const s = sheet("Bộ tiêu chí", [["Bảng này trống"]]);
    const { criteria, issues } = parseCriteriaSheet(s, findHeader(s));
    expect(criteria).toBeNull();
    expect(where(issues)).toEqual(["criteria_header_not_found@Bộ tiêu chí!-"]);
  });
});

describe("criteria sheet: codes and tree", () => {
  it("reads Roman fields with dotted criteria and mixed-depth leaves", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo, điều hành", 3],
      ["1.1", "Kế hoạch CCHC năm", 2],
      ["1.1.1", "Ban hành kế hoạch", 1],
      ["1.1.2", "Hoàn thành kế hoạch", 1],
      [1.2, "Báo cáo định kỳ", 1],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.fieldIds).toEqual(["I"]);
    expect(criteria?.leafIds).toEqual(["1.1.1", "1.1.2", "1.2"]);
    expect(criteria?.nodes["1.2"]).toMatchObject({ kind: "criterion", depth: 2, parentId: "I" });
    expect(criteria?.nodes["1.1.2"]).toMatchObject({ kind: "subCriterion", depth: 3, parentId: "1.1" });
    expect(criteria?.nodes["I"].childIds).toEqual(["1.1", "1.2"]);
  });

  it("reads Arabic fields and criteria numbered across the set", () => {
    const { criteria } = read([
      HEADER,
      ["I", "Chỉ đạo", 2],
      ["1", "Kế hoạch", 1],
      ["2", "Báo cáo", 1],
      ["II", "Thể chế", 2],
      ["3", "Xây dựng văn bản", 2],
      ["3.1", "Chương trình", 1],
      ["3.2", "Quy trình", 1],
    ]);
    expect(criteria?.nodes["3"]).toMatchObject({ depth: 2, parentId: "II" });
    expect(criteria?.nodes["3.2"]).toMatchObject({ depth: 3, parentId: "3", kind: "subCriterion" });
    const arabic = read([HEADER, ["1", "Chỉ đạo", 1], ["1.1", "Kế hoạch", 1]]).criteria;
    expect(arabic?.nodes["1"]).toMatchObject({ kind: "field", depth: 1 });
    expect(arabic?.nodes["1.1"]).toMatchObject({ kind: "criterion", parentId: "1" });
  });

  it("accepts '1.', '1.1.', ' 1,1' and 'Tiêu chí 2' codes", () => {
    const { criteria } = read([
      HEADER,
      ["1.", "Chỉ đạo", 2],
      [" 1,1", "Kế hoạch", 1],
      ["Tiêu chí 1.2", "Báo cáo", 1],
    ]);
    expect(criteria?.order).toEqual(["1", "1.1", "1.2"]);
  });

  it("ignores guidance lines under a leaf", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Ban hành kế hoạch", 1],
      ["-", "Ban hành đúng hạn: 1 điểm", null],
      [null, "+ Ban hành chậm: 0,5 điểm", null],
      ["a)", "Không ban hành", null],
      [null, "* Lưu ý: tính theo ngày ký", null],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.order).toEqual(["I", "1.1"]);
  });

  it("reports a row with a maximum whose code cannot be read", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Kế hoạch", 1],
      ["1a", "Báo cáo", 0.5],
    ]);
    expect(where(issues)).toEqual(["criteria_code_unrecognized@Bộ tiêu chí!A4"]);
    expect(issues[0].data.input).toBe("1a");
    expect(criteria?.order).toEqual(["I", "1.1"]);
  });

  it("reports a duplicated code with the cell of its first use", () => {
    const { issues } = read([HEADER, ["I", "Chỉ đạo", 2], ["1.1", "Kế hoạch", 1], ["1.1", "Báo cáo", 1]]);
    expect(where(issues)).toContain("criteria_duplicate_code@Bộ tiêu chí!A4");
    expect(issues.find((i) => i.code === "criteria_duplicate_code")).toMatchObject({
      criterion: "1.1",
      data: { other: "A3" },
    });
  });

  it("qualifies ids when criteria restart their numbering in each field", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 2],
      ["1", "Kế hoạch", 1],
      ["2", "Báo cáo", 1],
      ["II", "Thể chế", 2],
      ["1", "Xây dựng văn bản", 1],
      ["2", "Rà soát", 1],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.leafIds).toEqual(["I/1", "I/2", "II/1", "II/2"]);
    expect(criteria?.nodes["II/1"]).toMatchObject({ code: "1", parentId: "II" });
  });
});

describe("criteria sheet: maxima", () => {
  it("reads maxima typed with a decimal comma and sums the fields", () => {
    const { criteria } = read([
      HEADER,
      ["I", "Chỉ đạo", "1,5"],
      ["1.1", "Kế hoạch", " 1,5 "],
      ["II", "Thể chế", 2.5],
      ["2.1", "Văn bản", 2.5],
    ]);
    expect(criteria?.nodes["I"].maxPoints).toBe(1_500_000);
    expect(fromMicro(criteria!.maxPoints)).toBe(4);
  });

  it("gives a parent without a typed maximum its children's sum", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", null],
      ["1.1", "Kế hoạch", 1],
      ["1.2", "Báo cáo", 0.5],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.nodes["I"].maxPoints).toBe(1_500_000);
  });

  it("warns when a maximum differs from its children's sum (99.55 under a stated 100)", () => {
    const { issues } = read([HEADER, ["I", "Chỉ đạo", 2], ["1.1", "Kế hoạch", 1], ["1.2", "Báo cáo", 0.55]]);
    expect(where(issues)).toEqual(["criteria_max_sum_mismatch@Bộ tiêu chí!C2"]);
    expect(issues[0]).toMatchObject({ severity: "warning", criterion: "I", data: { max: 2, sum: 1.55 } });
  });

  it("reports a leaf without a maximum", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Kế hoạch", 1],
      ["1.2", "Báo cáo", null],
    ]);
    expect(where(issues)).toEqual(["criteria_leaf_without_max@Bộ tiêu chí!C4"]);
    expect(criteria?.nodes["1.2"].maxPoints).toBeNull();
  });

  it("reports a maximum that is not a number", () => {
    const { issues } = read([HEADER, ["I", "Chỉ đạo", 1], ["1.1", "Kế hoạch", "một"]]);
    expect(where(issues)).toEqual(["criteria_max_not_number@Bộ tiêu chí!C3"]);
    expect(issues[0].data.input).toBe("một");
  });
});

describe("criteria sheet: total row", () => {
  it("recognises 'Tổng cộng' as the total, not a criterion, and accepts a matching total", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Kế hoạch", 1],
      [null, "Tổng cộng", 1],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.totalRow).toEqual({ row: 3, maxPoints: 1_000_000 });
    expect(criteria?.order).toEqual(["I", "1.1"]);
  });

  it("warns when the stated total differs from the fields' sum", () => {
    const { issues } = read([HEADER, ["I", "Chỉ đạo", 1], ["1.1", "Kế hoạch", 1], [null, "TỔNG ĐIỂM", 100]]);
    expect(where(issues)).toEqual(["criteria_total_mismatch@Bộ tiêu chí!C4"]);
    expect(issues[0].data).toEqual({ max: 100, sum: 1 });
  });
});

describe("criteria sheet: roles, levels and weights", () => {
  const header: CellValue[] = ["STT", "Nội dung", "Điểm tối đa", "Mức điểm", "Loại", "Trọng số"];

  it("marks survey nodes by the Loại column or the title, inherited by descendants", () => {
    const { criteria } = read([
      header,
      ["I", "Chỉ đạo", 1, null, null, "70%"],
      ["1.1", "Kế hoạch", 1],
      ["II", "Sự hài lòng của người dân", 2, null, "ĐTXHH", 0.3],
      ["2.1", "Tiếp cận dịch vụ", 2],
      ["III", "Điểm thưởng", 1],
      ["3.1", "Sáng kiến", 1],
      ["IV", "Điểm trừ", 2],
      ["4.1", "Vi phạm kỷ luật", 2],
      ["V", "Đánh giá của người dân (khảo sát)", 1],
    ]);
    const role = (id: string) => criteria?.nodes[id].role;
    expect([
      role("I"),
      role("1.1"),
      role("II"),
      role("2.1"),
      role("III"),
      role("3.1"),
      role("IV"),
      role("4.1"),
      role("V"),
    ]).toEqual([
      "normal",
      "normal",
      "survey",
      "survey",
      "bonus",
      "bonus",
      "deduction",
      "deduction",
      "survey",
    ]);
    expect(criteria?.nodes["I"].weight).toBeCloseTo(0.7);
    expect(criteria?.nodes["II"].weight).toBe(0.3);
    // Bonus and deduction fields stay outside the 100.
    expect(fromMicro(criteria!.maxPoints)).toBe(4);
  });

  it("reads levels and reports unreadable ones", () => {
    const { criteria, issues } = read([
      header,
      ["I", "Chỉ đạo", 2],
      ["1.1", "Kế hoạch", 1, "0; 0,5; 1"],
      ["1.2", "Báo cáo", 1, "tùy theo mức độ"],
    ]);
    expect(criteria?.nodes["1.1"].levels).toEqual({ kind: "values", values: [0, 500_000, 1_000_000] });
    expect(criteria?.nodes["1.2"].levels).toBeNull();
    expect(where(issues)).toEqual(["criteria_levels_invalid@Bộ tiêu chí!D4"]);
  });
});

describe("criteria sheet: variants", () => {
  it("takes a bare 'Điểm' column for the maximum on a criteria sheet", () => {
    const { criteria, issues } = read([
      ["STT", "Nội dung", "Điểm", "Phương pháp đánh giá"],
      ["I", "Chỉ đạo", 1],
      ["1.1", "Kế hoạch", 1],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.columns.maxPoints).toBe(2);
    expect(criteria?.nodes["1.1"].maxPoints).toBe(1_000_000);
  });

  it("does not take a numbered guidance line for a field when fields are Roman", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Ban hành kế hoạch", 1],
      [1, "Ban hành trước ngày 31/01: 1 điểm", null],
      [2, "Ban hành sau ngày 31/01: 0,5 điểm", null],
      ["II", "Thể chế", 1],
      ["2.1", "Văn bản", 1],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.order).toEqual(["I", "1.1", "II", "2.1"]);
  });

  it("reads codes from the titles when the sheet has no code column", () => {
    const { criteria } = read([
      ["Nội dung", "Điểm tối đa"],
      ["I. Chỉ đạo", 1],
      ["1.1. Kế hoạch", 1],
    ]);
    expect(criteria?.order).toEqual(["I", "1.1"]);
    expect(criteria?.nodes["1.1"].title).toBe("1.1. Kế hoạch");
  });
});

describe("criteria sheet: numbers it cannot hold", () => {
  it("reports a maximum of 1e308 at its cell instead of summing it", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", null],
      ["1.1", "Kế hoạch", 1e308],
      ["1.2", "Báo cáo", 1],
    ]);
    expect(where(issues)).toEqual(["criteria_max_not_number@Bộ tiêu chí!C3"]);
    expect(criteria?.nodes["1.1"].maxPoints).toBeNull();
    expect(Number.isFinite(criteria?.maxPoints)).toBe(true);
  });

  it("reports a negative or zero maximum at its cell and does not count it", () => {
    const { criteria, issues } = read([
      HEADER,
      ["I", "Chỉ đạo", 10],
      ["1.1", "Kế hoạch", -5],
      ["1.2", "Báo cáo", 0],
      ["1.3", "Kiểm tra", 10],
    ]);
    expect(where(issues)).toEqual([
      "criteria_max_not_positive@Bộ tiêu chí!C3",
      "criteria_max_not_positive@Bộ tiêu chí!C4",
    ]);
    expect(criteria?.nodes["1.1"].maxPoints).toBeNull();
    expect(criteria?.nodes["1.2"].maxPoints).toBeNull();
    expect(fromMicro(criteria!.maxPoints)).toBe(10);
  });

  it("accepts a positive maximum, however small", () => {
    const { criteria, issues } = read([HEADER, ["I", "Chỉ đạo", 0.25], ["1.1", "Kế hoạch", 0.25]]);
    expect(issues).toEqual([]);
    expect(fromMicro(criteria!.maxPoints)).toBe(0.25);
  });

  it("accepts a large but plausible maximum", () => {
    const { criteria, issues } = read([HEADER, ["I", "Chỉ đạo", 1000], ["1.1", "Kế hoạch", 1000]]);
    expect(issues).toEqual([]);
    expect(criteria?.maxPoints).toBe(1_000_000_000);
  });
});
