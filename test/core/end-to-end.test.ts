/**
 * The engine end to end on realistic fixture workbooks (test/fixtures/province-workbook.ts):
 * parse → evaluate → rank → plan, checked against an independent computation of every index
 * from the scores the fixture meant to type.
 */
import { analyzeWorkbook, planRanking } from "../../src/core/analyze";
import { explainUnit } from "../../src/core/explain/explain-unit";
import { toMicro } from "../../src/core/points";
import {
  buildProvinceWorkbook,
  flattenCriteria,
  GROUP_COMMUNES,
  GROUP_DEPARTMENTS,
} from "../fixtures/province-workbook";

type Fixture = ReturnType<typeof buildProvinceWorkbook>;

const LISTED_LEVELS = new Map(
  flattenCriteria()
    .filter((n) => n.isLeaf && n.levels !== undefined && !/bước/i.test(n.levels))
    .map((n) => [
      n.code,
      (n.levels as string).split(";").map((v) => toMicro(Number(v.trim().replace(",", ".")))),
    ]),
);

/** True when a score respects its leaf's listed levels (levels given as a step are always respected by the fixture). */
const onLevels = (code: string, score: number): boolean =>
  LISTED_LEVELS.get(code)?.includes(toMicro(score)) ?? true;

/**
 * An independent oracle of the rules: appraised else self-score, each only when on its listed
 * levels; survey points; not-applicable leaves out of the maximum. Also the cells that must be
 * reported as off their levels.
 */
function expectedOf(fixture: Fixture, unit: string): { index: number; offLevels: string[] } {
  let points = 0;
  let max = 0;
  const offLevels: string[] = [];
  for (const leaf of fixture.leaves) {
    const s = fixture.scores[unit][leaf.id];
    if (s.notApplicable) continue;
    max += toMicro(leaf.max);
    if (leaf.survey) {
      points += toMicro(s.survey ?? 0);
      continue;
    }
    const cells = fixture.cells[unit][leaf.id];
    if (s.self !== null && !onLevels(leaf.id, s.self)) offLevels.push(cells.self);
    if (s.appraised !== null && !onLevels(leaf.id, s.appraised)) offLevels.push(cells.appraised);
    const valid = [s.appraised, s.self].find((v): v is number => v !== null && onLevels(leaf.id, v));
    points += toMicro(valid ?? 0);
  }
  return { index: (points * 100) / max, offLevels };
}

describe.each(["unitSheets", "matrix"] as const)("a clean provincial workbook (%s)", (layout) => {
  const fixture = buildProvinceWorkbook({ layout, units: 24, seed: 7 });
  const analysis = analyzeWorkbook(fixture.snapshot);

  it("reads every unit and reports no error but the scores off their listed levels, at their cells", () => {
    expect(analysis.results.map((r) => r.unit).sort()).toEqual(fixture.units.map((u) => u.name).sort());
    const errors = analysis.issues.filter((i) => i.severity === "error");
    const expected = fixture.units.flatMap((u) =>
      expectedOf(fixture, u.name).offLevels.map((cell) => [u.name, "score_off_levels", cell]),
    );
    expect(errors.map((i) => [i.unit, i.code, i.cell]).sort()).toEqual(expected.sort());
  });

  it("computes every unit's index exactly as an independent oracle of the rules", () => {
    for (const result of analysis.results) {
      expect([result.unit, result.index]).toEqual([result.unit, expectedOf(fixture, result.unit).index]);
    }
  });

  it("ranks the two groups of the units list separately, 12 units each, in index order", () => {
    expect(analysis.groups.map((g) => [g.group, g.units.length])).toEqual([
      [GROUP_DEPARTMENTS, 12],
      [GROUP_COMMUNES, 12],
    ]);
    for (const g of analysis.groups) {
      const indices = g.units.map((u) => u.result.index as number);
      expect(indices).toEqual([...indices].sort((a, b) => b - a));
      expect(g.units[0].rank).toBe(1);
      expect(g.average).toBeCloseTo(indices.reduce((s, i) => s + i, 0) / indices.length, 10);
    }
  });

  it("plans a summary and one ranking sheet per group, with the unrounded indices", () => {
    const plan = planRanking(analysis, fixture.snapshot);
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Tổng hợp xếp hạng",
      `Xếp hạng - ${GROUP_DEPARTMENTS}`,
      `Xếp hạng - ${GROUP_COMMUNES}`,
    ]);
    const sheet = plan.sheets[1];
    const body = sheet.patches.find((p) => p.row === 4);
    const indexCol = body?.values[0].length === undefined ? -1 : body.values[0].length - 4;
    expect(body?.values.map((r) => r[indexCol])).toEqual(analysis.groups[0].units.map((u) => u.result.index));
  });
});

describe("the same scores give the same indices in both layouts", () => {
  it("unit sheets and a matrix agree to the last bit", () => {
    const a = analyzeWorkbook(buildProvinceWorkbook({ layout: "unitSheets", seed: 11 }).snapshot);
    const b = analyzeWorkbook(buildProvinceWorkbook({ layout: "matrix", seed: 11 }).snapshot);
    const byUnit = (an: typeof a) => Object.fromEntries(an.results.map((r) => [r.unit, r.index]));
    expect(byUnit(b)).toEqual(byUnit(a));
  });
});

describe.each(["unitSheets", "matrix"] as const)("a workbook with real-looking mistakes (%s)", (layout) => {
  const fixture = buildProvinceWorkbook({ layout, mistakes: true, seed: 3 });
  const analysis = analyzeWorkbook(fixture.snapshot);
  const valueMistakes = fixture.mistakes.filter((m) =>
    ["score_above_max", "score_not_number", "score_blank", "score_error_value"].includes(m.code),
  );

  it("reports each value mistake at its cell", () => {
    expect(valueMistakes.length).toBe(4);
    for (const m of valueMistakes) {
      expect(analysis.issues).toContainEqual(
        expect.objectContaining({ code: m.code, sheet: m.sheet, cell: m.cell, unit: m.unit }),
      );
    }
  });

  it("still ranks every unit, and marks those with errors on their ranking sheet", () => {
    const ranked = analysis.groups.flatMap((g) => g.units);
    expect(ranked).toHaveLength(fixture.units.length);
    expect(ranked.every((u) => u.result.index !== null)).toBe(true);
    const plan = planRanking(analysis, fixture.snapshot);
    const rows = plan.sheets
      .filter((s) => s.purpose === "ranking")
      .flatMap((s) => s.patches.filter((p) => p.row === 4).flatMap((p) => p.values));
    const noteOf = (unit: string) => rows.find((r) => r[1] === `${unit} (*)`)?.at(-1);
    for (const name of new Set(valueMistakes.map((m) => m.unit))) {
      expect(analysis.results.find((x) => x.unit === name)?.errorCount).toBeGreaterThan(0);
      expect(noteOf(name)).toMatch(/^\(\*\) \d+ lỗi: /);
    }
  });

  it("explains a unit with a mistake: the leaf in error shows among the lost points", () => {
    const m = valueMistakes.find((x) => x.code === "score_above_max");
    const explained = explainUnit(analysis, m?.unit ?? "");
    expect(explained?.lostPoints).toContainEqual(
      expect.objectContaining({ code: m?.criterion, hasError: true }),
    );
  });
});
