/**
 * A unit's score rows are read from its sheet when first asked for (src/core/unit-rows.ts): the
 * analysis does not keep a ScoreRow and three source cells per (unit, criterion). What the officer
 * and the other stages see must not change: the rows asked for after the analysis are the sheet's
 * cells, at their addresses; they are kept once asked for; JSON and deep equality see them; and
 * the results do not depend on whether anyone asked before the evaluation.
 */
import { analyzeWorkbook, resolveSettings } from "../../src/core/analyze";
import { evaluateUnits } from "../../src/core/evaluate/evaluate-units";
import { cellAt, columnIndex, type SheetSnapshot } from "../../src/core/grid";
import type { ScoreRow, SourceCell, UnitScores } from "../../src/core/model";
import { ColumnBlocks } from "../../src/core/parse/build-score-rows";
import { parseWorkbook } from "../../src/core/parse/parse-workbook";
import type { CodedRow } from "../../src/core/parse/scoring-rows";
import { rowsOf } from "../../src/core/unit-rows";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { sheet } from "./parse/sheet-helpers";

/** The value at an A1 address of a sheet. */
function valueAt(s: SheetSnapshot, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return cellAt(s.values, Number(m[2]) - 1, columnIndex(m[1]));
}

/** Every source cell of the rows holds what its address holds on the sheet. */
function expectCellsOfSheet(rows: readonly ScoreRow[], s: SheetSnapshot): number {
  let seen = 0;
  for (const row of rows) {
    const cells: (SourceCell | null)[] = [row.maxPoints, row.selfScore, row.appraisedScore, row.surveyPoints];
    for (const c of cells) {
      if (!c) continue;
      expect(c.value).toEqual(valueAt(s, c.cell));
      seen += 1;
    }
  }
  return seen;
}

function parsed(layout: "matrix" | "unitSheets") {
  const { snapshot } = buildProvinceWorkbook({ units: 12, layout, mistakes: true });
  const resolved = resolveSettings(snapshot);
  return { snapshot, resolved, ...parseWorkbook(snapshot, resolved.settings, resolved.generatedSheets) };
}

describe.each(["matrix", "unitSheets"] as const)("rows read when asked for (%s)", (layout) => {
  it("gives, after the analysis, the rows of each unit with the sheet's values at their cells", () => {
    const { snapshot } = buildProvinceWorkbook({ units: 12, layout, mistakes: true });
    const analysis = analyzeWorkbook(snapshot);
    expect(analysis.units).toHaveLength(12);
    for (const unit of analysis.units) {
      const s = snapshot.sheets.find((x) => x.name === unit.sheet);
      expect(s).toBeDefined();
      expect(unit.rows.length).toBeGreaterThan(50);
      expect(expectCellsOfSheet(unit.rows, s as SheetSnapshot)).toBeGreaterThan(100);
      // Each leaf of the results points at the cell its row holds for the points.
      const result = analysis.results.find((r) => r.unit === unit.unit);
      const cells = new Set(
        unit.rows.flatMap((r) => [r.selfScore?.cell, r.appraisedScore?.cell, r.surveyPoints?.cell]),
      );
      for (const leaf of Object.values(result?.leaves ?? {}))
        if (leaf.cell) expect(cells.has(leaf.cell)).toBe(true);
    }
  });

  it("keeps the rows once asked for, and lets an assignment replace them", () => {
    const { parsed: p } = parsed(layout);
    const unit = p.units[0];
    const first = unit.rows;
    expect(unit.rows).toBe(first);
    expect(rowsOf(unit)).toBe(first);
    const replaced: ScoreRow[] = [];
    unit.rows = replaced;
    expect(unit.rows).toBe(replaced);
    expect(JSON.parse(JSON.stringify(unit)).rows).toEqual([]);
  });

  it("reads afresh for a pass over the rows without keeping them, the same rows each time", () => {
    const { parsed: p } = parsed(layout);
    const unit = p.units[1];
    const once = rowsOf(unit);
    const again = rowsOf(unit);
    expect(again).not.toBe(once);
    expect(again).toEqual(once);
    // Not kept: the unit still reads them when asked, and gives what the passes gave.
    expect(Object.getOwnPropertyDescriptor(unit, "rows")?.get).toBeDefined();
    expect(unit.rows).toEqual(once);
    expect(Object.getOwnPropertyDescriptor(unit, "rows")?.get).toBeUndefined();
  });

  it("is seen by JSON and deep equality as an ordinary property, in its place among the keys", () => {
    const { parsed: p } = parsed(layout);
    const unit: UnitScores = p.units[2];
    expect(Object.keys(unit).slice(0, 5)).toEqual(["unit", "sheet", "layout", "nameCell", "rows"]);
    const copy = JSON.parse(JSON.stringify(unit)) as UnitScores;
    expect(copy.rows.length).toBeGreaterThan(50);
    expect(copy).toEqual({ ...unit });
    expect(unit).toEqual(copy);
  });

  it("gives the same results and issues whether or not the rows were asked for before evaluation", () => {
    const lazy = parsed(layout);
    const eager = parsed(layout);
    for (const u of eager.parsed.units) expect(u.rows.length).toBeGreaterThan(0);
    const a = evaluateUnits(lazy.parsed, lazy.resolved.settings);
    const b = evaluateUnits(eager.parsed, eager.resolved.settings);
    expect(a.issues.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});

describe("rows read when asked for (transposed sheet)", () => {
  const CRITERIA = sheet("Bộ tiêu chí", [
    ["STT", "Nội dung", "Điểm tối đa"],
    ["I", "Chỉ đạo điều hành", 2],
    ["1.1", "Kế hoạch", 1],
    ["1.2", "Báo cáo", 1],
    [null, "Tổng cộng", 2],
  ]);
  const SCORES = sheet("Tổng hợp", [
    ["BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2024"],
    [],
    ["STT", "Tên đơn vị", "1.1", "1.2", "Tổng điểm"],
    [null, "Điểm tối đa", 1, 1, 2],
    [1, "Sở Tư pháp", 1, 0.5, 1.5],
    [2, "Sở Tài chính", "0,75", 1, 1.75],
    [3, "Sở Xây dựng", null, 1, 1],
  ]);

  it("reads each unit's row of the sheet, at its cells, when asked for after the analysis", () => {
    const analysis = analyzeWorkbook({ sheets: [CRITERIA, SCORES] });
    expect(analysis.units.map((u) => u.unit)).toEqual(["Sở Tư pháp", "Sở Tài chính", "Sở Xây dựng"]);
    const finance = analysis.units[1];
    expect(
      finance.rows.map((r) => [r.code, r.selfScore?.cell, r.selfScore?.value, r.maxPoints?.cell]),
    ).toEqual([
      ["1.1", "C6", "0,75", "C4"],
      ["1.2", "D6", 1, "D4"],
    ]);
    expect(expectCellsOfSheet(finance.rows, SCORES)).toBe(4);
    expect(analysis.results.map((r) => r.points)).toEqual([1_500_000, 1_750_000, 1_000_000]);
  });
});

describe("a matrix's columns read a block of units at a time", () => {
  it("gives each unit its own cells whatever the order the units are asked in, across blocks", () => {
    // 30 units × 3 columns: the units' columns run over more than one block of columns.
    const { snapshot } = buildProvinceWorkbook({ units: 30, layout: "matrix", mistakes: true });
    const { parsed: p } = (() => {
      const resolved = resolveSettings(snapshot);
      return { parsed: parseWorkbook(snapshot, resolved.settings, resolved.generatedSheets).parsed };
    })();
    expect(p.units).toHaveLength(30);
    const matrix = snapshot.sheets.find((s) => s.name === p.units[0].sheet) as SheetSnapshot;
    expect(matrix.values[3].length).toBeGreaterThan(64);
    const order = [29, 0, 28, 21, 22, 1, 15];
    for (const k of order) {
      const rows = rowsOf(p.units[k]);
      expect(expectCellsOfSheet(rows, matrix)).toBeGreaterThan(300);
      // The unit's own columns: under its name, not a neighbour's.
      const nameCol = columnIndex((p.units[k].nameCell as string).replace(/\d+$/, ""));
      const selfCol = columnIndex((rows[5].selfScore as SourceCell).cell.replace(/\d+$/, ""));
      expect(selfCol).toBe(nameCol);
    }
  });

  it("reads short and missing rows as blank", () => {
    const grid = [["STT", "a", "b", "c", "d", "e"], ["1.1", 1, 2], [], ["1.3", 1, 2, 3, 4, 5]];
    const rows: CodedRow[] = [1, 2, 3].map((row) => ({
      row,
      code: String(grid[row][0] ?? ""),
      codeCell: `A${row + 1}`,
      criterionId: null,
    }));
    const blocks = new ColumnBlocks(grid, rows, 2);
    expect(blocks.column(5)).toEqual([undefined, undefined, 5]);
    expect(blocks.column(1)).toEqual([1, undefined, 1]);
    expect(blocks.column(2)).toEqual([2, undefined, 2]);
    expect(blocks.column(3)).toEqual([undefined, undefined, 3]);
    expect(blocks.column(4)).toEqual([undefined, undefined, 4]);
    expect(blocks.column(9)).toEqual([undefined, undefined, undefined]);
  });
});
