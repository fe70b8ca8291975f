/**
 * Property: the same scores give the same results (points, index, rank) whichever way the
 * workbook lays them out — one sheet per unit, a criteria × units matrix with one or two columns
 * per unit, or a transposed sheet (units in rows) with one or two columns per criterion, with
 * and without section rows. Issues aside.
 */
import fc from "fast-check";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { CellRange, CellValue, SheetSnapshot } from "../../../src/core/grid";
import { sheet } from "./sheet-helpers";

type Leaf = { code: string; title: string; max: number; survey: boolean };
const FIELDS: { code: string; title: string; leaves: Leaf[] }[] = [
  {
    code: "I",
    title: "Chỉ đạo điều hành",
    leaves: [
      { code: "1.1", title: "Kế hoạch", max: 1, survey: false },
      { code: "1.2", title: "Báo cáo", max: 1.5, survey: false },
    ],
  },
  {
    code: "II",
    title: "Thủ tục hành chính",
    leaves: [
      { code: "2.1", title: "Công khai", max: 2, survey: false },
      { code: "2.2", title: "Sự hài lòng", max: 1, survey: true },
    ],
  },
];
const LEAVES = FIELDS.flatMap((f) => f.leaves);

const CRITERIA = sheet("Bộ tiêu chí", [
  ["STT", "Nội dung", "Điểm tối đa", "Loại"],
  ...FIELDS.flatMap((f) => [
    [f.code, f.title, f.leaves.reduce((a, l) => a + l.max, 0)] as CellValue[],
    ...f.leaves.map((l) => [l.code, l.title, l.max, l.survey ? "ĐTXHH" : null]),
  ]),
]);

type Score = { self: number; appraised: number | null };
type Unit = { name: string; group: string; scores: Score[] };

/** Scores in quarter points within the leaf's maximum. */
const score = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);
const unitScores = fc.tuple(
  ...LEAVES.map((l) => fc.record({ self: score(l.max), appraised: fc.option(score(l.max), { nil: null }) })),
);
const NAMES = [
  ["Sở Tư pháp", "Sở, ban, ngành"],
  ["Sở Tài chính", "Sở, ban, ngành"],
  ["Sở Xây dựng", "Sở, ban, ngành"],
  ["Xã Tân Lập", "Cấp xã"],
  ["Phường Hạc Thành", "Cấp xã"],
] as const;
const workbookUnits = fc
  .subarray([...NAMES], { minLength: 2 })
  .chain((names) =>
    fc
      .tuple(...names.map(() => unitScores))
      .map((all) => names.map(([name, group], i): Unit => ({ name, group, scores: all[i] }))),
  );

/** The one value a single score column shows: the appraised score when there is one. */
const final = (s: Score) => s.appraised ?? s.self;

function unitSheets(units: Unit[]): SheetSnapshot[] {
  return units.map((u, n) =>
    sheet(`DV${n + 1}`, [
      [`Đơn vị: ${u.name}`],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm ĐTXHH"],
      ...FIELDS.flatMap((f) => [
        [f.code, f.title] as CellValue[],
        ...f.leaves.map((l) => {
          const s = u.scores[LEAVES.indexOf(l)];
          return l.survey
            ? [l.code, l.title, l.max, null, null, final(s)]
            : [l.code, l.title, l.max, s.self, s.appraised];
        }),
      ]),
    ]),
  );
}

function matrix(units: Unit[], two: boolean): SheetSnapshot {
  const merges: CellRange[] = [];
  const top: CellValue[] = ["STT", "Nội dung", "Điểm tối đa"];
  const sub: CellValue[] = [null, null, null];
  units.forEach((u, i) => {
    if (two) {
      top.push(u.name, null);
      sub.push("Tự đánh giá", "Thẩm định");
      merges.push({ top: 0, bottom: 0, left: 3 + 2 * i, right: 4 + 2 * i });
    } else top.push(u.name);
  });
  const rows = FIELDS.flatMap((f) => [
    [f.code, f.title] as CellValue[],
    ...f.leaves.map((l) => [
      l.code,
      l.title,
      l.max,
      ...units.flatMap((u) => {
        const s = u.scores[LEAVES.indexOf(l)];
        if (!two) return [final(s)];
        return l.survey ? [null, final(s)] : [s.self, s.appraised];
      }),
    ]),
  ]);
  return sheet("Ma trận", two ? [top, sub, ...rows] : [top, ...rows], merges);
}

function transposed(units: Unit[], two: boolean, sections: boolean): SheetSnapshot {
  const merges: CellRange[] = [];
  const codes: CellValue[] = ["STT", "Tên đơn vị"];
  const sub: CellValue[] = [null, null];
  const maxima: CellValue[] = [null, "Điểm tối đa"];
  LEAVES.forEach((l, i) => {
    if (two) {
      codes.push(l.code, null);
      sub.push("Tự đánh giá", "Thẩm định");
      maxima.push(l.max, null);
      merges.push({ top: 1, bottom: 1, left: 2 + 2 * i, right: 3 + 2 * i });
    } else {
      codes.push(l.code);
      maxima.push(l.max);
    }
  });
  const body: CellValue[][] = [];
  const ordered = sections ? [...units].sort((a, b) => a.group.localeCompare(b.group)) : units;
  let group = "";
  ordered.forEach((u, n) => {
    if (sections && u.group !== group) {
      group = u.group;
      body.push([group === "Cấp xã" ? "B" : "A", group]);
    }
    body.push([
      n + 1,
      u.name,
      ...LEAVES.flatMap((l, i) => {
        const s = u.scores[i];
        if (!two) return [final(s)];
        return l.survey ? [null, final(s)] : [s.self, s.appraised];
      }),
    ]);
  });
  const head = two ? [codes, sub, maxima] : [codes, maxima];
  return sheet("Tổng hợp", [["BẢNG TỔNG HỢP ĐIỂM"], ...head, ...body], merges);
}

/** Points, index and rank of every unit, by name. */
function outcome(sheets: SheetSnapshot[]) {
  const a = analyzeWorkbook({ sheets: [CRITERIA, ...sheets] });
  const out: Record<string, { points: number; index: number | null; rank: number; group: string }> = {};
  for (const g of a.groups) {
    for (const u of g.units)
      out[u.unit] = { points: u.result.points, index: u.result.index, rank: u.rank, group: g.group };
  }
  return { out, refused: a.issues.filter((i) => i.code === "layout_implausible") };
}

describe("the same scores in every layout", () => {
  it("give identical points, indices and ranks", () => {
    fc.assert(
      fc.property(workbookUnits, (units) => {
        const expected = outcome(unitSheets(units));
        expect(expected.refused).toEqual([]);
        expect(Object.keys(expected.out).sort()).toEqual(units.map((u) => u.name).sort());
        for (const layout of [
          [matrix(units, false)],
          [matrix(units, true)],
          [transposed(units, false, false)],
          [transposed(units, true, false)],
          [transposed(units, false, true)],
          [transposed(units, true, true)],
        ]) {
          const got = outcome(layout);
          expect(got.refused).toEqual([]);
          expect(got.out).toEqual(expected.out);
        }
      }),
      { numRuns: 30 },
    );
  });
});
