/** An Analysis built from literal parts, and A1 lookups into a planned sheet. */
import type { Analysis } from "../../../src/core/model";
import { evaluateUnits } from "../../../src/core/evaluate/evaluate-units";
import { type CellValue, fromA1 } from "../../../src/core/grid";
import type { ParsedWorkbook, SheetPlan } from "../../../src/core/model";
import { rankUnits } from "../../../src/core/rank/rank-units";
import type { Settings } from "../../../src/core/settings";

/** Runs the compute stages on a parsed workbook, as analyzeWorkbook does after parsing. */
export function analysisOf(
  parsed: ParsedWorkbook,
  settings: Settings,
  generatedSheets: string[] = [],
): Analysis {
  const { results, issues } = evaluateUnits(parsed, settings);
  return {
    settings,
    layout: parsed.layout,
    criteria: parsed.criteria,
    units: parsed.units,
    unitList: parsed.unitList,
    results,
    groups: rankUnits(results, settings),
    issues,
    generatedSheets,
    year: settings.year,
  };
}

/** The value and number format a planned sheet puts in an A1 cell (the last patch covering it wins). */
export function cellOf(
  sheet: SheetPlan,
  address: string,
): { value: CellValue; format: string | null } | undefined {
  const { row, col } = fromA1(address);
  let found: { value: CellValue; format: string | null } | undefined;
  for (const p of sheet.patches) {
    const r = row - p.row;
    const c = col - p.col;
    if (r < 0 || c < 0 || r >= p.values.length || c >= p.values[r].length) continue;
    const format =
      p.numberFormat === undefined
        ? null
        : typeof p.numberFormat === "string"
          ? p.numberFormat
          : p.numberFormat[r][c];
    found = { value: p.values[r][c], format };
  }
  return found;
}

/** Just the value of an A1 cell of a planned sheet. */
export function valueAt(sheet: SheetPlan, address: string): CellValue | undefined {
  return cellOf(sheet, address)?.value;
}
