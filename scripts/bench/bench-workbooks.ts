/**
 * Workbooks of any size for the benchmarks, from the fixture builders: a criteria set of exactly
 * `leaves` leaves (8 fields, criteria of three sub-criteria, the last field from the survey),
 * units in two groups, scores typed the way people type them, as unit sheets or one matrix.
 */
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import {
  type FixtureNode,
  type LeafScore,
  buildCriteriaSheet,
  buildMatrixSheet,
  buildUnitSheet,
  buildUnitsListSheet,
  flattenCriteria,
  makeRandom,
  provinceUnits,
} from "../../test/fixtures/province-workbook";

const FIELDS = 8;

/** A criteria set of 8 fields and exactly `leaves` leaves (depth 3, a few at depth 2). */
export function criteriaWithLeaves(leaves: number): FixtureNode[] {
  const perField = Array.from(
    { length: FIELDS },
    (_, f) => Math.floor(leaves / FIELDS) + (f < leaves % FIELDS ? 1 : 0),
  );
  return perField.map((count, f) => {
    const code = `${f + 1}`;
    const criteria: FixtureNode[] = [];
    let made = 0;
    for (let c = 1; made < count; c++) {
      const take = Math.min(3, count - made);
      const id = `${code}.${c}`;
      if (take === 1) {
        criteria.push({ code: id, title: `Tiêu chí ${id}`, max: 1 });
      } else {
        const children = Array.from({ length: take }, (_, k) => ({
          code: `${id}.${k + 1}`,
          title: `Tiêu chí thành phần ${id}.${k + 1}`,
          max: 0.5,
        }));
        criteria.push({ code: id, title: `Tiêu chí ${id}`, max: take * 0.5, children });
      }
      made += take;
    }
    const max = criteria.reduce((sum, n) => sum + n.max, 0);
    return {
      code: ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][f],
      title: `Lĩnh vực ${f + 1}`,
      max,
      children: criteria,
      kind: f === FIELDS - 1 ? "ĐTXHH" : undefined,
    };
  });
}

/** Plausible scores of one unit: quarter steps, some appraisal cuts, survey points, evidence. */
function scoresFor(fields: readonly FixtureNode[], random: () => number): Record<string, LeafScore> {
  const out: Record<string, LeafScore> = {};
  const quality = 0.6 + random() * 0.35;
  for (const n of flattenCriteria(fields).filter((x) => x.isLeaf)) {
    const share = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.3));
    const self = Math.floor((n.max * share) / 0.25) * 0.25;
    out[n.code] = n.survey
      ? {
          self: null,
          appraised: null,
          survey: Math.round(n.max * share * 100) / 100,
          notApplicable: false,
          evidence: null,
          explanation: null,
        }
      : {
          self,
          appraised: random() < 0.2 ? Math.max(0, self - 0.25) : self,
          survey: null,
          notApplicable: false,
          evidence: `Văn bản số ${1 + Math.floor(random() * 250)}/BC-UBND`,
          explanation: null,
        };
  }
  return out;
}

export type BenchWorkbook = { snapshot: WorkbookSnapshot; cells: number };

export type BenchLayout = "unitSheets" | "matrix" | "transposed";

/**
 * One transposed sheet, as scoring software exports it: units in rows under section rows (one
 * per group), the leaf codes along a header row, two columns per leaf (Tự đánh giá, Thẩm định;
 * a survey leaf's points in the second) under the code merged across both, a maxima row.
 */
function buildTransposedSheet(
  people: readonly { name: string; group: string }[],
  scores: Record<string, Record<string, LeafScore>>,
  fields: readonly FixtureNode[],
): SheetSnapshot {
  const leaves = flattenCriteria(fields).filter((n) => n.isLeaf);
  const codes: CellValue[] = ["STT", "Tên đơn vị"];
  const sub: CellValue[] = [null, null];
  const maxima: CellValue[] = [null, "Điểm tối đa"];
  const merges: CellRange[] = [{ top: 0, bottom: 0, left: 0, right: 12 }];
  leaves.forEach((l, i) => {
    codes.push(l.code, null);
    sub.push("Tự đánh giá", "Thẩm định");
    maxima.push(l.max, null);
    merges.push({ top: 1, bottom: 1, left: 2 + 2 * i, right: 3 + 2 * i });
  });
  const body: CellValue[][] = [];
  const groups = [...new Set(people.map((u) => u.group))];
  let n = 0;
  groups.forEach((group, g) => {
    body.push([String.fromCharCode(65 + g), group.toUpperCase()]);
    for (const u of people.filter((x) => x.group === group)) {
      const s = scores[u.name];
      body.push([
        ++n,
        u.name,
        ...leaves.flatMap((l) =>
          l.survey ? [null, s[l.code].survey] : [s[l.code].self, s[l.code].appraised],
        ),
      ]);
    }
  });
  const title: CellValue[] = ["BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"];
  return { name: "Tổng hợp", values: [title, codes, sub, maxima, ...body], merges };
}

/** A whole workbook: criteria sheet, units list, and the scores as unit sheets, one matrix or one transposed sheet. */
export function buildBenchWorkbook(units: number, leaves: number, layout: BenchLayout): BenchWorkbook {
  const fields = criteriaWithLeaves(leaves);
  const people = provinceUnits(units);
  const random = makeRandom(units * 1000 + leaves);
  const scores = Object.fromEntries(people.map((u) => [u.name, scoresFor(fields, random)]));
  const sheets: SheetSnapshot[] = [buildCriteriaSheet({ fields }), buildUnitsListSheet(people)];
  if (layout === "matrix") {
    sheets.push(buildMatrixSheet(people, scores, { fields }));
  } else if (layout === "transposed") {
    sheets.push(buildTransposedSheet(people, scores, fields));
  } else {
    people.forEach((u, i) => {
      const sheetName = `${String(i + 1).padStart(4, "0")} ${u.name}`.slice(0, 31);
      sheets.push(buildUnitSheet(u, scores[u.name], { fields, sheetName, seed: i + 1 }));
    });
  }
  const cells = sheets.reduce((sum, s) => sum + s.values.reduce((n, line) => n + line.length, 0), 0);
  return { snapshot: { sheets }, cells };
}
