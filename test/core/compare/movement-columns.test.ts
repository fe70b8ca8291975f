import { analyzeWorkbook, planRanking } from "../../../src/core/analyze";
import { withComparison } from "../../../src/core/compare/compare-years";
import type { PreviousYear } from "../../../src/core/compare/previous-year";
import { MOVEMENT_HEADERS } from "../../../src/core/compare/movement-columns";
import type { CellValue } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/model";
import { buildProvinceWorkbook } from "../../fixtures/province-workbook";

/** Every cell a planned sheet writes, row by row (the last patch covering a cell wins). */
function cells(plan: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const p of plan.patches)
    p.values.forEach((line, r) =>
      line.forEach((v, c) => {
        (grid[p.row + r] ??= [])[p.col + c] = v;
      }),
    );
  return grid;
}

describe("ranking sheets with last year's columns", () => {
  const book = buildProvinceWorkbook({ units: 10, layout: "unitSheets", seed: 3 });
  const analysis = analyzeWorkbook(book.snapshot);
  const group = analysis.groups[0];
  const [first, second] = group.units;
  // Last year: the first two units of the group in the other order, 5 points lower; the rest new.
  const previous: PreviousYear = {
    source: "table",
    year: 2024,
    criteria: null,
    units: [
      { unit: first.unit, group: group.group, index: 70, rank: 2, nodes: null, sheet: "Phụ lục", cell: "B5" },
      {
        unit: second.unit,
        group: group.group,
        index: 75,
        rank: 1,
        nodes: null,
        sheet: "Phụ lục",
        cell: "B6",
      },
    ],
  };
  const sheetOf = (plan: ReturnType<typeof planRanking>) =>
    plan.sheets.find((s) => s.purpose === "ranking" && s.group === group.group)!;
  const plain = sheetOf(planRanking(analysis, book.snapshot));
  const compared = sheetOf(planRanking(withComparison(analysis, previous), book.snapshot));

  it("puts Năm trước and Thay đổi before the note, with last index and rank, ▲/▼ and the index change", () => {
    const grid = cells(compared);
    const headerRow = grid.findIndex((row) => row?.includes(MOVEMENT_HEADERS[0]));
    const header = grid[headerRow];
    const at = header.indexOf(MOVEMENT_HEADERS[0]);
    expect(header.slice(at, at + 5)).toEqual([...MOVEMENT_HEADERS, "Ghi chú"]);
    const rowOf = (unit: string) => grid.find((row) => row?.[1] === unit || row?.[1] === `${unit} (*)`)!;
    expect(rowOf(first.unit).slice(at, at + 3)).toEqual([70, 2, first.rank < 2 ? "▲1" : "="]);
    expect(rowOf(first.unit)[at + 3]).toBeCloseTo((first.result.index ?? 0) - 70, 10);
    expect(rowOf(second.unit).slice(at, at + 2)).toEqual([75, 1]);
    const newcomer = group.units[2];
    expect(rowOf(newcomer.unit).slice(at, at + 4)).toEqual([null, null, "mới", null]);
  });

  it("gives the index change a signed format, takes the room from the other columns, prints one page wide", () => {
    const at = plain.columnWidths.length - 1;
    expect(compared.columnWidths.length).toBe(plain.columnWidths.length + 4);
    const others = [...compared.columnWidths.slice(0, at), compared.columnWidths[at + 4]];
    others.forEach((w, i) => expect(w).toBeLessThanOrEqual(plain.columnWidths[i]));
    expect(compared.print.fitToWidth).toBe(true);
    const formats = compared.patches.flatMap((p) => (Array.isArray(p.numberFormat) ? p.numberFormat : []));
    expect(formats.some((row) => row.some((f) => /^(\[\$-42A\])?\+0\.0+;-0\.0+;0\.0+$/.test(f)))).toBe(true);
  });

  it("adds nothing without a previous year", () => {
    expect(cells(plain).some((row) => row?.includes(MOVEMENT_HEADERS[0]))).toBe(false);
  });
});
