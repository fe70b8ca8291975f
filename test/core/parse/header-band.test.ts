import { type Header, findHeader } from "../../../src/core/parse/header-band";
import { sheet, twoCriteriaMatrix } from "./sheet-helpers";

/** A unit's sheet: a title, the unit's line, a blank row, a two-row header, column numbers, three criteria. */
const unitSheet = sheet(
  "Sở Tư pháp",
  [
    ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"],
    ["Cơ quan: Sở Tư pháp"],
    [],
    ["STT", "Nội dung", "Điểm tối đa", "Điểm", null, "Tài liệu kiểm chứng"],
    [null, null, null, "Tự chấm", "Thẩm định", null],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["I", "Lĩnh vực 1", 2, 1.5, 1.5, null],
    ["1.1", "Tiêu chí 1.1", 1, 1, 1, "Văn bản số 12/BC-UBND"],
    ["1.2", "Tiêu chí 1.2", 1, 0.5, 0.5, "Báo cáo số 3"],
  ],
  [
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 1, left: 0, bottom: 1, right: 3 },
    { top: 3, left: 3, bottom: 3, right: 4 },
    { top: 3, left: 0, bottom: 4, right: 0 },
    { top: 3, left: 1, bottom: 4, right: 1 },
    { top: 3, left: 2, bottom: 4, right: 2 },
    { top: 3, left: 5, bottom: 4, right: 5 },
  ],
);

const matrix = twoCriteriaMatrix(["Sở Tư pháp", "Sở Tài chính", "UBND xã A"], true, {
  "Sở Tư pháp": [
    [1, 1],
    [2, 1.5],
  ],
  "Sở Tài chính": [
    [0.5, 0.5],
    [1, 1],
  ],
  "UBND xã A": [
    [1, 0.75],
    [2, 2],
  ],
});

/** A matrix wider than 64 columns: its bands are first bounded from each row's counts. */
const names = Array.from({ length: 40 }, (_, i) => `Ủy ban nhân dân xã ${i + 1}`);
const wideMatrix = twoCriteriaMatrix(
  names,
  true,
  Object.fromEntries(
    names.map((n, i) => [
      n,
      [
        [1, i % 2 ? 1 : 0.5],
        [2, 1.5],
      ],
    ]),
  ),
);

/** Every band a hint could name on these sheets, and some off them. */
const hints = [
  null,
  { top: 0, bottom: 0 },
  { top: 0, bottom: 2 },
  { top: 1, bottom: 3 },
  { top: 3, bottom: 3 },
  { top: 3, bottom: 4 },
  { top: 4, bottom: 4 },
  { top: 5, bottom: 7 },
  { top: 7, bottom: 5 },
  { top: 40, bottom: 41 },
];

describe("findHeader: the previous sheet's header band, tried first, never changes the header found", () => {
  it.each([
    ["a unit's sheet with a two-row header under its title lines", unitSheet, 3, 4],
    ["a matrix with units merged above their score columns", matrix, 1, 2],
    ["a matrix of 40 units, 83 columns wide", wideMatrix, 1, 2],
  ])("%s", (_, s, top, bottom) => {
    const plain = findHeader(s) as Header;
    expect([plain.top, plain.bottom]).toEqual([top, bottom]);
    for (const hint of hints) expect(findHeader(s, undefined, undefined, hint)).toEqual(plain);
  });

  it("finds the two-row header of a unit's sheet and its columns, whatever the hint", () => {
    for (const hint of hints) {
      const header = findHeader(unitSheet, undefined, undefined, hint) as Header;
      expect(header.roles).toEqual({
        code: 0,
        title: 1,
        maxPoints: 2,
        selfScore: 3,
        appraisedScore: 4,
        evidence: 5,
      });
      expect(header.dataStart).toBe(6);
    }
  });

  it("finds every unit of a wide matrix, whatever the hint", () => {
    for (const hint of hints) {
      const header = findHeader(wideMatrix, undefined, undefined, hint) as Header;
      expect(header.units.map((u) => u.name)).toEqual(names);
      expect(header.units[39].columns).toEqual({ selfScore: 81, appraisedScore: 82 });
    }
  });

  it("finds no header on a sheet naming no code or title column, whatever the hint", () => {
    const notes = sheet("Ghi chú", [["Ghi chú của Hội đồng thẩm định"], ["Tự chấm", "Thẩm định"], [1, 2]]);
    for (const hint of hints) expect(findHeader(notes, undefined, undefined, hint)).toBeNull();
  });
});
