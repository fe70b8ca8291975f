/**
 * Properties of the compute stage over generated workbooks (fast-check): exact, order-free
 * totals; rankings that follow the index; robustness against any cell value.
 */
import fc from "fast-check";
import { evaluateUnits } from "../../src/core/evaluate/evaluate-units";
import type { CellValue } from "../../src/core/grid";
import type { UnitResult } from "../../src/core/model";
import { indexPercent, toMicro } from "../../src/core/points";
import { rankUnits } from "../../src/core/rank/rank-units";
import {
  type Outline,
  criteriaSet,
  parsedWorkbook,
  type RowCells,
  settingsWith,
  unitScores,
} from "./evaluate/helpers";
import { unitResult } from "./rank/helpers";

/** A score typed the ways people type it: number, text with a decimal comma, or "not applicable". */
const typedScore = (maxThousandths: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: maxThousandths }).map((t) => t / 1000),
    fc.integer({ min: 0, max: maxThousandths }).map((t) => String(t / 1000).replace(".", ",")),
    fc.constantFrom("Không áp dụng", "KAD", "N/A"),
  );

function evaluateOne(outline: Outline[], rows: Record<string, RowCells>): UnitResult {
  const parsed = parsedWorkbook(criteriaSet(outline), [unitScores("Sở Tư pháp", rows)]);
  return evaluateUnits(parsed, settingsWith()).results[0];
}

describe("properties of the totals", () => {
  it("permuting scores among leaves of equal maximum never changes the index", () => {
    const scoresAndPermutation = fc
      .array(typedScore(2000), { minLength: 2, maxLength: 12 })
      .chain((scores) =>
        fc.tuple(
          fc.constant(scores),
          fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
        ),
      );
    fc.assert(
      fc.property(scoresAndPermutation, ([scores, permuted]) => {
        const outline: Outline[] = [
          { id: "I", max: 2 * scores.length, children: scores.map((_, i) => ({ id: `1.${i + 1}`, max: 2 })) },
        ];
        const rowsOf = (values: CellValue[]) =>
          Object.fromEntries(values.map((v, i) => [`1.${i + 1}`, { self: v }]));
        const a = evaluateOne(outline, rowsOf(scores));
        const b = evaluateOne(outline, rowsOf(permuted));
        expect(b.index).toBe(a.index);
        expect(b.points).toBe(a.points);
        expect(b.maxPoints).toBe(a.maxPoints);
      }),
    );
  });

  it("the total equals the sum of the leaves, exactly in micro-points, for the unit and every field", () => {
    const field = fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 5 });
    const workbook = fc
      .array(field, { minLength: 1, maxLength: 4 })
      .chain((fields) =>
        fc.tuple(
          fc.constant(fields),
          fc.tuple(...fields.map((leaves) => fc.tuple(...leaves.map((max) => typedScore(max))))),
        ),
      );
    fc.assert(
      fc.property(workbook, ([fields, scores]) => {
        const outline: Outline[] = fields.map((leaves, f) => ({
          id: `F${f + 1}`,
          max: leaves.reduce((s, m) => s + m, 0) / 1000,
          children: leaves.map((max, l) => ({ id: `${f + 1}.${l + 1}`, max: max / 1000 })),
        }));
        const rows: Record<string, RowCells> = {};
        fields.forEach((leaves, f) =>
          leaves.forEach((_, l) => (rows[`${f + 1}.${l + 1}`] = { self: scores[f][l] })),
        );
        const result = evaluateOne(outline, rows);
        const leaves = Object.values(result.leaves);
        expect(result.points).toBe(leaves.reduce((s, l) => s + l.points, 0));
        expect(result.maxPoints).toBe(leaves.reduce((s, l) => s + l.maxPoints, 0));
        expect(result.index).toBe(
          result.maxPoints > 0 ? indexPercent(result.points, result.maxPoints) : null,
        );
        for (const f of outline) {
          const ids = (f.children ?? []).map((c) => c.id);
          expect(result.nodes[f.id].points).toBe(ids.reduce((s, id) => s + result.leaves[id].points, 0));
          expect(result.nodes[f.id].maxPoints).toBe(
            ids.reduce((s, id) => s + result.leaves[id].maxPoints, 0),
          );
        }
        expect(Number.isInteger(result.points)).toBe(true);
      }),
    );
  });
});

describe("properties of the ranking", () => {
  const units = fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(84, 100, 42)), {
    minLength: 1,
    maxLength: 30,
  });
  const build = (list: [number, number][]) =>
    list.map(([hundredths, max], i) =>
      unitResult(`Đơn vị ${i + 1}`, "Khối", Math.min(hundredths / 100, max), max),
    );

  it("rank order follows index order", () => {
    fc.assert(
      fc.property(units, (list) => {
        const [group] = rankUnits(build(list), settingsWith());
        for (let i = 1; i < group.units.length; i++) {
          const prev = group.units[i - 1];
          const cur = group.units[i];
          expect(prev.result.index as number).toBeGreaterThanOrEqual(cur.result.index as number);
          expect(prev.rank).toBeLessThanOrEqual(cur.rank);
        }
      }),
    );
  });

  it("ties share ranks: a unit's rank is 1 + the number of units with a strictly higher index", () => {
    fc.assert(
      fc.property(units, (list) => {
        const [group] = rankUnits(build(list), settingsWith());
        for (const u of group.units) {
          const higher = group.units.filter(
            (o) => (o.result.index as number) > (u.result.index as number),
          ).length;
          expect(u.rank).toBe(higher + 1);
        }
      }),
    );
  });

  it("equal ratios with different terms get the same index and share a rank", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4200 }), fc.integer({ min: 2, max: 9 }), (hundredths, k) => {
        const a = unitResult("A", "K", hundredths / 100, 42);
        const b = unitResult("B", "K", (hundredths * k) / 100, 42 * k);
        expect(b.points).toBe(toMicro((hundredths * k) / 100));
        const [group] = rankUnits([a, b], settingsWith());
        expect(group.units[0].rank).toBe(group.units[1].rank);
      }),
    );
  });
});

describe("robustness", () => {
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.record({ error: fc.constantFrom("#REF!", "#VALUE!", "#DIV/0!", "#N/A") }),
    fc.constantFrom("KAD", "0,75", " 1,5 ", "#REF!", "1e309", "-0", "đạt", "1.250,5", "Infinity"),
  );
  const anyRow = fc.record({
    self: anyCell,
    appraised: anyCell,
    survey: anyCell,
    evidence: anyCell,
    explanation: anyCell,
  });

  it("arbitrary cell values as scores never throw, and every issue names its sheet and cell", () => {
    const outline: Outline[] = [
      {
        id: "I",
        max: 6,
        children: [
          { id: "1.1", max: 2, levels: { kind: "step", step: 250_000 } },
          { id: "1.2", max: 4 },
        ],
      },
      { id: "II", max: 4, role: "survey", children: [{ id: "2.1", max: 4 }] },
      { id: "III", max: 2, role: "bonus", children: [{ id: "3.1", max: 2 }] },
      { id: "IV", max: 2, role: "deduction", children: [{ id: "4.1", max: 2 }] },
    ];
    const settings = fc.record({
      scoreSource: fc.constantFrom("appraised" as const, "self" as const),
      notApplicable: fc.constantFrom("exclude" as const, "fullPoints" as const),
      rescaleWithoutSurvey: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: 5, maxLength: 5 }), settings, (rows, s) => {
        const ids = ["1.1", "1.2", "2.1", "3.1", "4.1"];
        const parsed = parsedWorkbook(criteriaSet(outline), [
          unitScores("Xã Tân Lập", Object.fromEntries(rows.map((r, i) => [ids[i], r]))),
        ]);
        const { results, issues } = evaluateUnits(parsed, settingsWith(s));
        for (const issue of issues) {
          expect(issue.sheet).not.toBeNull();
          expect(issue.cell).not.toBeNull();
        }
        const index = results[0].index;
        expect(index === null || Number.isFinite(index)).toBe(true);
        expect(Number.isSafeInteger(results[0].points)).toBe(true);
        expect(() => rankUnits(results, settingsWith(s))).not.toThrow();
      }),
    );
  });
});
