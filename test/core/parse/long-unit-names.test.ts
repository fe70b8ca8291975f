/**
 * Long unit names (a province's "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", up to
 * 120 characters with commas, "và", parentheses and a line break in the cell) are matched to their
 * units-list entry in every layout, and are never taken for a column name: "Hội đồng nhân dân" in a
 * unit's name is not the appraisal council ("Hội đồng thẩm định") of an appraised-score column.
 */
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { SheetSnapshot } from "../../../src/core/grid";
import { fromMicro } from "../../../src/core/points";
import { sheet, twoCriteriaMatrix, where } from "./sheet-helpers";

const N58 = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh";
/** 120 characters; the scoring sheets hold it wrapped over two lines, the units list on one. */
const N120 =
  "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Thọ Xuân (Bộ phận một cửa, tiếp nhận và trả kết quả,\nPhòng Tư pháp)";
const OTHER = "Sở Tư pháp";
const ONE_LINE = (name: string): string => name.replace(/\n/g, " ");

const CRITERIA = sheet("Bộ tiêu chí", [
  ["STT", "Nội dung", "Điểm tối đa"],
  ["I", "Chỉ đạo điều hành", 3],
  ["1.1", "Kế hoạch CCHC năm", 1],
  ["1.2", "Báo cáo CCHC", 2],
]);

/** Each unit's (self, appraised) scores of 1.1 and 1.2. */
const SCORES: Record<string, [number, number][]> = {
  [N58]: [
    [1, 1],
    [2, 1.5],
  ],
  [N120]: [
    [0.5, 0.5],
    [2, 2],
  ],
  [OTHER]: [
    [1, 0.75],
    [1, 1],
  ],
};
const NAMES = [N58, N120, OTHER];

function unitsList(names: readonly string[]): SheetSnapshot {
  return sheet("Danh sách đơn vị", [
    ["DANH SÁCH CƠ QUAN, ĐƠN VỊ ĐƯỢC XÁC ĐỊNH CHỈ SỐ CCHC"],
    ["STT", "Tên đơn vị", "Khối"],
    ...names.map((n, i) => [i + 1, ONE_LINE(n), "Sở, ban, ngành"]),
  ]);
}

/** One sheet per unit, named by "Đơn vị: …" in one cell or by label and name in two cells. */
function unitSheets(names: readonly string[], twoCells: boolean): SheetSnapshot[] {
  return names.map((name, n) =>
    sheet(`DV${n + 1}`, [
      ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2025"],
      twoCells ? ["Tên cơ quan:", name] : [`Đơn vị: ${name}`],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],
      ["I", "Chỉ đạo điều hành", 3],
      ["1.1", "Kế hoạch CCHC năm", 1, ...SCORES[name][0]],
      ["1.2", "Báo cáo CCHC", 2, ...SCORES[name][1]],
    ]),
  );
}

function matrix(names: readonly string[], two: boolean): SheetSnapshot {
  return twoCriteriaMatrix(names, two, SCORES);
}

/** Units in rows, one column per criterion (appraised score). */
function transposed(names: readonly string[]): SheetSnapshot {
  return sheet("Tổng hợp", [
    ["BẢNG TỔNG HỢP ĐIỂM"],
    ["STT", "Tên đơn vị", "1.1", "1.2"],
    [null, "Điểm tối đa", 1, 2],
    ...names.map((name, i) => [i + 1, name, SCORES[name][0][1], SCORES[name][1][1]]),
  ]);
}

const LAYOUTS: [string, () => SheetSnapshot[]][] = [
  ["one sheet per unit, 'Đơn vị: …'", () => unitSheets(NAMES, false)],
  ["one sheet per unit, label and name in two cells", () => unitSheets(NAMES, true)],
  ["matrix, one column per unit", () => [matrix(NAMES, false)]],
  ["matrix, two columns per unit", () => [matrix(NAMES, true)]],
  ["units in rows", () => [transposed(NAMES)]],
];

/** Appraised points by unit name (line breaks as spaces), and the issues about unit names. */
function outcome(listed: readonly string[], sheets: SheetSnapshot[]) {
  const a = analyzeWorkbook({ sheets: [CRITERIA, unitsList(listed), ...sheets] });
  const points: Record<string, number> = {};
  for (const g of a.groups) for (const u of g.units) points[ONE_LINE(u.unit)] = fromMicro(u.result.points);
  const naming = a.issues.filter((i) => i.code === "unit_without_scores" || i.code === "unit_not_in_list");
  return { points, naming, issues: a.issues };
}

describe("long unit names", () => {
  it("are 58 and 120 characters long", () => {
    expect([N58.length, N120.length]).toEqual([58, 120]);
  });

  it.each(LAYOUTS)("match their units-list entries: %s", (_, build) => {
    const got = outcome(NAMES, build());
    expect(where(got.naming)).toEqual([]);
    expect(got.points).toEqual({ [N58]: 2.5, [ONE_LINE(N120)]: 2.5, [OTHER]: 1.75 });
  });

  it.each(LAYOUTS)("a truly different name is still reported: %s", (_, build) => {
    const listed = [N58.replace(/tỉnh$/, "huyện"), N120, OTHER];
    const got = outcome(listed, build());
    expect(got.naming.map((i) => [i.code, i.unit])).toEqual(
      expect.arrayContaining([
        ["unit_not_in_list", N58],
        ["unit_without_scores", listed[0]],
      ]),
    );
    expect(got.naming).toHaveLength(2);
  });
});
