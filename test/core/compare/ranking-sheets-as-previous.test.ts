import { analyzeWorkbook, planRanking } from "../../../src/core/analyze";
import { compareYears } from "../../../src/core/compare/compare-years";
import { readPreviousYear } from "../../../src/core/compare/previous-year";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/model";
import { buildProvinceWorkbook } from "../../fixtures/province-workbook";

/** The values a planned sheet holds once written (the last patch covering a cell wins). */
function writtenSheet(plan: SheetPlan): SheetSnapshot {
  const values: CellValue[][] = [];
  for (const patch of plan.patches) {
    patch.values.forEach((line, r) => {
      const row = (values[patch.row + r] ??= []);
      line.forEach((value, c) => {
        row[patch.col + c] = value;
      });
    });
  }
  return { name: plan.name, values: Array.from(values, (row) => Array.from(row ?? [], (v) => v ?? null)) };
}

describe("last year given as the ranking sheets PAR Scorer wrote", () => {
  const book = buildProvinceWorkbook({ units: 12, layout: "unitSheets", seed: 5 });
  const analysis = analyzeWorkbook(book.snapshot);
  const plan = planRanking(analysis, book.snapshot);
  // Only the ranking sheets are kept: last year's scoring sheets are not at hand.
  const rankingOnly: WorkbookSnapshot = { sheets: plan.sheets.map(writtenSheet) };

  it("reads every ranked unit with the index and rank the ranking gave it", () => {
    const previous = readPreviousYear(rankingOnly);
    expect(previous?.source).toBe("rankingSheets");
    const expected = analysis.groups.flatMap((g) =>
      g.units.map((u) => [u.unit, u.result.index, u.result.index === null ? null : u.rank]),
    );
    const read = previous!.units.map((u) => [u.unit, u.index, u.rank]);
    expect(read).toHaveLength(expected.length);
    expect(read).toEqual(expect.arrayContaining(expected));
  });

  it("gives zero change for every unit when compared with the year it was written from", () => {
    const comparison = compareYears(analysis, readPreviousYear(rankingOnly)!);
    expect(comparison.vanished).toEqual([]);
    for (const u of comparison.units) {
      expect(u.match).toBe("exact");
      expect([u.rankChange, u.indexChange]).toEqual(u.index === null ? [null, null] : [0, 0]);
    }
    expect(comparison.groups.every((g) => g.previousGroup !== null)).toBe(true);
  });
});
