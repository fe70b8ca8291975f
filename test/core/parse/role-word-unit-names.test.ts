/**
 * Matrix units whose names hold a column role's words ("điều tra", "khảo sát", "thẩm định",
 * "hội đồng") head their own columns when the units list names them: a header cell naming a
 * listed unit is that unit, never a survey or appraised-score column. Real role labels ("Tự chấm",
 * "Thẩm định") under the names are still read as roles.
 */
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { fromMicro } from "../../../src/core/points";
import { sheet, twoCriteriaMatrix } from "./sheet-helpers";

const POLICE = "Cơ quan Cảnh sát điều tra Công an tỉnh";
const SURVEY = "Trung tâm Khảo sát, Đo đạc và Bản đồ";
const COUNCIL = "Hội đồng Thẩm định giá tỉnh";
const OTHER = "Sở Tư pháp";
const NAMES = [POLICE, SURVEY, COUNCIL, OTHER];

const CRITERIA = sheet("Bộ tiêu chí", [
  ["STT", "Nội dung", "Điểm tối đa"],
  ["I", "Chỉ đạo điều hành", 3],
  ["1.1", "Kế hoạch CCHC năm", 1],
  ["1.2", "Báo cáo CCHC", 2],
]);

/** Each unit's (self, appraised) scores of 1.1 and 1.2. */
const SCORES: Record<string, [number, number][]> = {
  [POLICE]: [
    [1, 1],
    [2, 1.5],
  ],
  [SURVEY]: [
    [1, 0.5],
    [2, 2],
  ],
  [COUNCIL]: [
    [0.5, 0.25],
    [1, 1],
  ],
  [OTHER]: [
    [1, 0.75],
    [1, 1],
  ],
};
/** Appraised points: 1.1 + 1.2. */
const POINTS = { [POLICE]: 2.5, [SURVEY]: 2.5, [COUNCIL]: 1.25, [OTHER]: 1.75 };

function unitsList(names: readonly string[]): SheetSnapshot {
  return sheet("Danh sách đơn vị", [
    ["STT", "Tên đơn vị", "Khối"],
    ...names.map((n, i) => [i + 1, n, "Sở, ban, ngành"]),
  ]);
}

function matrix(names: readonly string[], two: boolean): SheetSnapshot {
  return twoCriteriaMatrix(names, two, SCORES);
}

function outcome(sheets: SheetSnapshot[]) {
  const a = analyzeWorkbook({ sheets });
  const points: Record<string, number> = {};
  for (const g of a.groups) for (const u of g.units) points[u.unit] = fromMicro(u.result.points);
  const naming = a.issues
    .filter((i) => i.code === "unit_without_scores" || i.code === "unit_not_in_list")
    .map((i) => [i.code, i.unit]);
  return { points, naming, a };
}

const SHAPES: [string, boolean][] = [
  ["two columns per unit", true],
  ["one column per unit", false],
];

describe("matrix units named with a role's words", () => {
  it.each(SHAPES)("are ranked with their points when the units list names them: %s", (_, two) => {
    const got = outcome([CRITERIA, unitsList(NAMES), matrix(NAMES, two)]);
    expect(got.naming).toEqual([]);
    expect(got.points).toEqual(POINTS);
    const read = got.a.units.map((u) => [u.unit, u.nameCell]);
    expect(read).toEqual(NAMES.map((n, i) => [n, `${String.fromCharCode(68 + (two ? 2 : 1) * i)}2`]));
  });

  it.each(SHAPES)("are found whichever sheet comes first: %s", (_, two) => {
    const got = outcome([matrix(NAMES, two), CRITERIA, unitsList(NAMES)]);
    expect(got.naming).toEqual([]);
    expect(got.points).toEqual(POINTS);
  });

  it("still read 'Tự chấm' and 'Thẩm định' under each name as the self and appraised scores", () => {
    const got = outcome([CRITERIA, unitsList(NAMES), matrix(NAMES, true)]);
    for (const name of NAMES) {
      const unit = got.a.units.find((u) => u.unit === name);
      const read = unit?.rows
        .filter((r) => r.code !== "I")
        .map((r) => [r.code, r.selfScore?.value, r.appraisedScore?.value, r.surveyPoints]);
      expect(read).toEqual([
        ["1.1", ...SCORES[name][0], null],
        ["1.2", ...SCORES[name][1], null],
      ]);
    }
  });

  it.each(SHAPES)("a name that is not in the list is still reported: %s", (_, two) => {
    const listed = [POLICE.replace(/tỉnh$/, "huyện"), SURVEY, COUNCIL, OTHER];
    const got = outcome([CRITERIA, unitsList(listed), matrix(NAMES, two)]);
    expect(got.naming).toEqual(expect.arrayContaining([["unit_without_scores", listed[0]]]));
    expect(got.points[POLICE]).toBeUndefined();
  });

  it.each(SHAPES)("with a units list, no header is said to look like a unit: %s", (_, two) => {
    const got = outcome([CRITERIA, unitsList(NAMES), matrix(NAMES, two)]);
    expect(got.a.issues.filter((i) => i.code === "header_names_unit")).toEqual([]);
  });

  it.each(SHAPES)(
    "without a units list, a long name read as a score column is said, at its cell: %s",
    (_, two) => {
      const got = outcome([CRITERIA, matrix(NAMES, two)]);
      const said = got.a.issues.filter((i) => i.code === "header_names_unit");
      expect(said.map((i) => [i.sheet, i.cell, i.data.name, i.severity])).toEqual([
        ["Tổng hợp điểm", "D2", POLICE, "warning"],
        ["Tổng hợp điểm", two ? "F2" : "E2", SURVEY, "warning"],
      ]);
    },
  );

  it("without a units list, real role headers are not said to look like units", () => {
    const plain = ["Sở Tư pháp", "Sở Tài chính", "Hội đồng thẩm định chỉ số CCHC tỉnh"];
    const headerRow: CellValue[] = [
      "STT",
      "Nội dung",
      "Điểm tối đa",
      "Điểm tự đánh giá",
      "Điểm thẩm định (Hội đồng)",
    ];
    const unitSheet = sheet("Sở Nội vụ", [
      ["Đơn vị: Sở Nội vụ"],
      headerRow,
      ["1.1", "Kế hoạch CCHC năm", 1, 1, 1],
      ["1.2", "Báo cáo CCHC", 2, 2, 1.5],
    ]);
    const twoCols = sheet(
      "Tổng hợp điểm",
      [
        ["STT", "Nội dung", "Điểm tối đa", plain[0], null, plain[1], null],
        [null, null, null, "Sở Nội vụ thẩm định", "Điểm khảo sát", "Tự chấm", plain[2]],
        ["1.1", "Kế hoạch CCHC năm", 1, 1, 1, 1, 1],
        ["1.2", "Báo cáo CCHC", 2, 2, 2, 2, 2],
      ],
      [
        { top: 0, bottom: 0, left: 3, right: 4 },
        { top: 0, bottom: 0, left: 5, right: 6 },
      ],
    );
    const got = outcome([CRITERIA, unitSheet, twoCols]);
    expect(got.a.issues.filter((i) => i.code === "header_names_unit")).toEqual([]);
    expect(got.a.units.map((u) => u.unit).sort()).toEqual(["Sở Nội vụ", ...plain.slice(0, 2)].sort());
  });
});
