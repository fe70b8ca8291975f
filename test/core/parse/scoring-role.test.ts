import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellValue } from "../../../src/core/grid";
import { parseCriteriaSheet } from "../../../src/core/parse/criteria-sheet";
import { findHeader } from "../../../src/core/parse/header-band";
import { classifyHeaderText } from "../../../src/core/parse/header-roles";
import { checkStatedRoles, roleFromCell, roleFromTitle } from "../../../src/core/parse/scoring-role";
import { sheet, where } from "./sheet-helpers";

describe("method and source column headers", () => {
  it.each([
    ["Phương pháp đánh giá", "method"],
    ["Hình thức đánh giá", "method"],
    ["HÌNH THỨC  ĐÁNH GIÁ", "method"],
    ["Cách thức đánh giá", "method"],
    ["Cách thức chấm điểm", "method"],
    ["Phương thức đánh giá", "method"],
    ["Nguồn điểm", "kind"],
    ["Nguồn điểm đánh giá", "kind"],
    ["Loại", "kind"],
    ["Nguồn", "kind"],
  ])("%p is a column that says how a criterion is scored (%p)", (text, role) => {
    expect(classifyHeaderText(text)?.role).toBe(role);
  });

  it("does not take score columns for method columns", () => {
    expect(classifyHeaderText("Điểm tự đánh giá")?.role).toBe("selfScore");
    expect(classifyHeaderText("Điểm đánh giá")?.role).toBe("selfScore");
    expect(classifyHeaderText("Điểm điều tra XHH")?.role).toBe("surveyPoints");
    expect(classifyHeaderText("Nguồn vốn")?.role).not.toBe("kind");
  });
});

describe("roleFromCell: the role a method or Loại cell states", () => {
  it.each([
    "Điều tra xã hội học",
    "Điều tra XHH",
    "ĐTXHH",
    "đt-xhh",
    "XHH",
    "Khảo sát",
    "KHẢO SÁT",
    "Người dân đánh giá",
    "Lấy ý kiến người dân",
    "Thẩm định; điều tra XHH",
    "dieu tra xa hoi hoc",
    "Điều tra xã hội học".normalize("NFD"),
  ])("%p: survey", (text) => {
    expect(roleFromCell(text, "method")).toBe("survey");
  });

  it.each([
    "Tự đánh giá",
    "Thẩm định",
    "Tự đánh giá, thẩm định",
    "Hội đồng thẩm định",
    "Thường",
    "Bình thường",
  ])("%p: ordinary", (text) => {
    expect(roleFromCell(text, "method")).toBe("normal");
  });

  it("an appraisal that visits the unit ('khảo sát thực tế') is not the survey", () => {
    expect(roleFromCell("Thẩm định, khảo sát thực tế", "method")).toBe("normal");
  });

  it.each([
    "Điểm cộng",
    "Điểm thưởng",
    "Cộng điểm",
    "Thưởng",
    "Cộng",
    "diem cong",
    "Điểm cộng (tối đa 2 điểm)",
  ])("%p: bonus", (text) => {
    expect(roleFromCell(text, "method")).toBe("bonus");
    expect(roleFromCell(text, "kind")).toBe("bonus");
  });

  it.each(["Điểm trừ", "Trừ điểm", "Điểm phạt", "Trừ", "Phạt", "tru diem"])("%p: deduction", (text) => {
    expect(roleFromCell(text, "method")).toBe("deduction");
    expect(roleFromCell(text, "kind")).toBe("deduction");
  });

  it.each([
    "",
    "   ",
    "Công khai trên cổng thông tin",
    "Tổng cộng",
    "Trụ sở làm việc",
    "Phát hành văn bản",
    "Căn cứ văn bản ban hành",
    "Chậm 1 ngày trừ 0,5 điểm",
    "Đơn vị bị trừ điểm khi chậm",
    "Ban hành đúng hạn: 1 điểm",
  ])("%p states no role in a method column", (text) => {
    expect(roleFromCell(text, "method")).toBeNull();
  });
});

describe("roleFromTitle", () => {
  it("reads unmistakable phrases whether or not a column speaks", () => {
    expect(roleFromTitle("Kết quả điều tra xã hội học", false)).toBe("survey");
    expect(roleFromTitle("Đánh giá của người dân về dịch vụ công", false)).toBe("survey");
    expect(roleFromTitle("Điểm thưởng", false)).toBe("bonus");
    expect(roleFromTitle("Điểm trừ", false)).toBe("deduction");
  });

  it("reads a bare 'khảo sát' only when no column speaks", () => {
    expect(roleFromTitle("Khảo sát sự hài lòng", true)).toBe("survey");
    expect(roleFromTitle("Khảo sát sự hài lòng", false)).toBeNull();
    expect(roleFromTitle("Kế hoạch CCHC", true)).toBeNull();
  });
});

const METHOD_HEADER: CellValue[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Phương pháp đánh giá"];

function readCriteria(rows: CellValue[][]) {
  const s = sheet("Bộ tiêu chí", rows);
  return parseCriteriaSheet(s, findHeader(s));
}

describe("criteria sheet with a method column", () => {
  const roles = (rows: CellValue[][]) => {
    const { criteria } = readCriteria(rows);
    return Object.fromEntries((criteria?.order ?? []).map((id) => [id, criteria?.nodes[id].role]));
  };

  it("marks survey, bonus and deduction rows, inherited by their children", () => {
    expect(
      roles([
        METHOD_HEADER,
        ["I", "Công tác chỉ đạo", 2, "Tự đánh giá, thẩm định"],
        ["1.1", "Kế hoạch CCHC", 1, "Tự đánh giá"],
        ["1.2", "Báo cáo CCHC", 1, "Thẩm định"],
        ["II", "Sự hài lòng của người dân", 3, "Điều tra XHH"],
        ["2.1", "Tiếp cận dịch vụ", 1],
        ["2.2", "Thủ tục hành chính", 2, "ĐTXHH"],
        ["III", "Sáng kiến", 1, "Điểm cộng"],
        ["3.1", "Sáng kiến được công nhận", 1],
        ["IV", "Vi phạm", 1, "Điểm trừ"],
        ["4.1", "Vi phạm kỷ luật", 1],
      ]),
    ).toEqual({
      I: "normal",
      "1.1": "normal",
      "1.2": "normal",
      II: "survey",
      "2.1": "survey",
      "2.2": "survey",
      III: "bonus",
      "3.1": "bonus",
      IV: "deduction",
      "4.1": "deduction",
    });
  });

  it("lets the method column win over a title that says 'khảo sát'", () => {
    expect(
      roles([
        METHOD_HEADER,
        ["I", "Cải cách TTHC", 2],
        ["1.1", "Khảo sát, đánh giá tác động của TTHC", 1, "Tự đánh giá"],
        ["1.2", "Rà soát, đơn giản hóa TTHC", 1, "Tự đánh giá"],
        ["II", "Sự hài lòng", 1, "Khảo sát"],
        ["2.1", "Mức độ hài lòng", 1],
      ]),
    ).toMatchObject({ "1.1": "normal", II: "survey", "2.1": "survey" });
    // A column that only marks survey rows leaves a bare "khảo sát" title ordinary.
    expect(
      roles([
        METHOD_HEADER,
        ["I", "Cải cách TTHC", 1],
        ["1.1", "Khảo sát, đánh giá tác động của TTHC", 1],
        ["II", "Sự hài lòng", 1, "ĐTXHH"],
        ["2.1", "Mức độ hài lòng", 1],
      ]),
    ).toMatchObject({ "1.1": "normal", II: "survey" });
  });

  it("still reads the title when the sheet has no such column (or it says nothing)", () => {
    expect(
      roles([
        ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa"],
        ["I", "Cải cách TTHC", 1],
        ["1.1", "Khảo sát mức độ hài lòng", 1],
      ]),
    ).toMatchObject({ "1.1": "survey" });
    expect(
      roles([
        METHOD_HEADER,
        ["I", "Cải cách TTHC", 1, "Căn cứ văn bản ban hành"],
        ["1.1", "Khảo sát mức độ hài lòng", 1, "Căn cứ kết quả"],
      ]),
    ).toMatchObject({ I: "normal", "1.1": "survey" });
  });

  it("reads 'Hình thức đánh giá', 'Cách thức đánh giá' and 'Nguồn điểm' columns alike", () => {
    for (const name of ["Hình thức đánh giá", "Cách thức đánh giá", "Nguồn điểm"]) {
      expect(
        roles([
          ["STT", "Nội dung", "Điểm tối đa", name],
          ["I", "Chỉ đạo", 1, "Tự đánh giá"],
          ["1.1", "Kế hoạch", 1],
          ["II", "Hài lòng", 1],
          ["2.1", "Hài lòng về thủ tục", 1, "Người dân đánh giá"],
        ]),
      ).toEqual({ I: "normal", "1.1": "normal", II: "normal", "2.1": "survey" });
    }
  });

  it("does not mistake a scoring rule in the method column for a deduction", () => {
    const { criteria, issues } = readCriteria([
      METHOD_HEADER,
      ["I", "Chỉ đạo", 1],
      ["1.1", "Báo cáo đúng hạn", 1, "Chậm 1 ngày trừ 0,5 điểm"],
    ]);
    expect(issues).toEqual([]);
    expect(criteria?.nodes["1.1"].role).toBe("normal");
    // Survey and bonus fields stay out of the maximum accordingly.
    expect(criteria?.maxPoints).toBe(1_000_000);
  });
});

describe("checkStatedRoles: a scoring sheet that repeats the method column", () => {
  const { criteria } = readCriteria([
    METHOD_HEADER,
    ["I", "Chỉ đạo", 1, "Tự đánh giá"],
    ["1.1", "Kế hoạch", 1],
    ["II", "Hài lòng", 2, "Điều tra XHH"],
    ["2.1", "Hài lòng về thủ tục", 2],
  ]);
  const unitSheet = (methods: CellValue[]) =>
    sheet("Sở Tư pháp", [
      ["STT", "Nội dung", "Điểm tối đa", "Phương pháp đánh giá", "Điểm tự đánh giá"],
      ["I", "Chỉ đạo", 1, methods[0], null],
      ["1.1", "Kế hoạch", 1, methods[1], 1],
      ["II", "Hài lòng", 2, methods[2], null],
      ["2.1", "Hài lòng về thủ tục", 2, methods[3], null],
    ]);
  const rows = [
    { row: 1, criterionId: "I" },
    { row: 2, criterionId: "1.1" },
    { row: 3, criterionId: "II" },
    { row: 4, criterionId: "2.1" },
  ];

  it("says nothing when the sheet agrees with the set (or leaves the column blank)", () => {
    const agreeing = unitSheet(["Tự đánh giá", "Thẩm định", "ĐTXHH", null]);
    expect(checkStatedRoles(agreeing, rows, findHeader(agreeing)!.roles, criteria, "Sở Tư pháp")).toEqual([]);
  });

  it("reports, at the cell, a row whose method contradicts the set", () => {
    const contrary = unitSheet([null, "Khảo sát", null, "Tự đánh giá"]);
    const issues = checkStatedRoles(contrary, rows, findHeader(contrary)!.roles, criteria, "Sở Tư pháp");
    expect(where(issues)).toEqual(["role_differs@Sở Tư pháp!D3", "role_differs@Sở Tư pháp!D5"]);
    expect(issues[0]).toMatchObject({
      severity: "warning",
      unit: "Sở Tư pháp",
      criterion: "1.1",
      data: { input: "Khảo sát", name: "survey", expected: "normal" },
    });
  });
});

describe("a matrix that repeats the method column", () => {
  const criteriaRows: CellValue[][] = [
    METHOD_HEADER,
    ["I", "Chỉ đạo", 1, "Tự đánh giá"],
    ["1.1", "Kế hoạch", 1],
    ["II", "Hài lòng", 1, "Điều tra XHH"],
    ["2.1", "Hài lòng về thủ tục", 1],
  ];
  const matrix = (method21: CellValue) =>
    sheet("Tổng hợp", [
      ["STT", "Nội dung", "Điểm tối đa", "Phương pháp đánh giá", "Sở Tư pháp", "Sở Y tế"],
      ["I", "Chỉ đạo", 1, null, 1, 1],
      ["1.1", "Kế hoạch", 1, "Tự đánh giá", 1, 1],
      ["II", "Hài lòng", 1, null, 0.5, 1],
      ["2.1", "Hài lòng về thủ tục", 1, method21, 0.5, 1],
    ]);
  const analyze = (method21: CellValue) =>
    analyzeWorkbook({ sheets: [sheet("Bộ tiêu chí", criteriaRows), matrix(method21)] });

  it("agrees: survey points read from the matrix, nothing said", () => {
    const analysis = analyze("ĐTXHH");
    expect(analysis.issues).toEqual([]);
    expect(analysis.results.find((r) => r.unit === "Sở Tư pháp")?.leaves["2.1"]).toMatchObject({
      source: "survey",
      points: 500_000,
    });
  });

  it("contradicts: one warning for the sheet at the cell, the criteria set wins", () => {
    const analysis = analyze("Cộng điểm");
    expect(where(analysis.issues)).toEqual(["role_differs@Tổng hợp!D5"]);
    expect(analysis.issues[0]).toMatchObject({ unit: null, data: { name: "bonus", expected: "survey" } });
    expect(analysis.criteria?.nodes["2.1"].role).toBe("survey");
  });
});
