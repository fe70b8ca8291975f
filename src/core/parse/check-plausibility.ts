/**
 * Second step of reading a scoring sheet: is what was read plausible? A sheet read the wrong
 * way round yields confident garbage (criterion codes as "units", STT numbers as criteria), so
 * before anything is scored each sheet must pass these rules; one that fails is not scored and
 * gets one error, layout_implausible, naming what was found and what was expected:
 * - codes_across: criterion codes run along a row of a sheet read with units in columns;
 * - unit_names_codes: most unit names are criterion codes or numbers;
 * - leaves_missing: fewer than half of the set's leaves (or, for field totals, fields) are on it;
 * - more_units_than_list: more units than the units list holds, most of them not in it;
 * - two_orientations: a unit named both along the header and down the name column;
 * - no_unit_column: codes along a row but no column of unit names beside them.
 */
import { type Grid, type SheetSnapshot, cellAt, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { UnitListEntry, UnitScores } from "../model";
import { cellText, foldText, parseNumber } from "../text";
import { parseCodeText } from "./criterion-code";
import type { Coverage } from "./find-code-row";

export type PlausibilityReason =
  | "codes_across"
  | "unit_names_codes"
  | "leaves_missing"
  | "more_units_than_list"
  | "two_orientations"
  | "no_unit_column";

/** A failed rule: the reason, the cell that shows it, an example and counts. */
export type Implausible = {
  reason: PlausibilityReason;
  cell: string;
  example?: string;
  count?: number;
  of?: number;
};

/** The one issue of a refused sheet. */
export function implausibleIssue(sheet: string, problem: Implausible): Issue {
  return makeIssue(
    "layout_implausible",
    { sheet, cell: problem.cell },
    {
      name: sheet,
      reason: problem.reason,
      input: problem.example,
      count: problem.count,
      max: problem.of,
    },
  );
}

/** The key a unit name is compared by (as the units list is matched: folded, leading dashes dropped). */
function nameKey(name: string): string {
  return foldText(name).replace(/^[\s\-–+*•.:]+/, "");
}

/** True for a "unit name" that is a number or a criterion code ("3", "1.2", "TC 2", "II"). */
export function isCodeOrNumber(name: string): boolean {
  const t = name.trim();
  return t !== "" && (parseNumber(t) !== null || parseCodeText(t) !== null);
}

/** A rule failed by some units: the first one's cell, the first three names, and the counts. */
function unitsProblem(
  reason: PlausibilityReason,
  units: readonly UnitScores[],
  counts: { count: number; of?: number },
): Implausible {
  return {
    reason,
    cell: units[0].nameCell ?? "A1",
    example: units
      .slice(0, 3)
      .map((u) => u.unit)
      .join(", "),
    ...counts,
  };
}

/** unit_names_codes: at least half the units (and at least one) are named by a code or a number. */
export function checkUnitNames(units: readonly UnitScores[]): Implausible | null {
  const bad = units.filter((u) => isCodeOrNumber(u.unit));
  if (bad.length === 0 || bad.length * 2 < units.length) return null;
  return unitsProblem("unit_names_codes", bad, { count: bad.length });
}

/** leaves_missing: the codes read name too little of the criteria set. */
export function checkCoverage(coverage: Coverage | null, cell: string): Implausible | null {
  if (!coverage || coverage.level !== null) return null;
  return { reason: "leaves_missing", cell, count: coverage.matched, of: coverage.of };
}

/** more_units_than_list: more units than the list holds, most of them unknown to it. */
export function checkAgainstList(
  units: readonly UnitScores[],
  unitList: readonly UnitListEntry[],
): Implausible | null {
  if (unitList.length === 0 || units.length <= unitList.length) return null;
  const listed = new Set(unitList.map((e) => nameKey(e.unit)));
  const unknown = units.filter((u) => !listed.has(nameKey(u.unit)));
  if (unknown.length * 2 <= units.length) return null;
  return unitsProblem("more_units_than_list", unknown, { count: units.length, of: unitList.length });
}

/**
 * two_orientations: a unit of a sheet read with units in columns whose name also stands down
 * the columns left of the first unit (rows `from`…), or, units in rows, in the header rows.
 */
export function checkTwoOrientations(
  sheet: SheetSnapshot,
  units: readonly UnitScores[],
  area: { rows: [number, number]; cols: [number, number] },
): Implausible | null {
  if (units.length === 0) return null;
  const names = new Map(units.map((u) => [nameKey(u.unit), u]));
  const grid: Grid = sheet.values;
  const lastRow = Math.min(area.rows[1], grid.length - 1);
  for (let row = area.rows[0]; row <= lastRow; row++) {
    const line = grid[row] ?? [];
    const lastCol = Math.min(area.cols[1], line.length - 1);
    for (let col = area.cols[0]; col <= lastCol; col++) {
      const v = cellAt(grid, row, col);
      if (typeof v !== "string") continue;
      const unit = names.get(nameKey(cellText(v)));
      if (!unit || unit.nameCell === toA1(row, col)) continue;
      return { reason: "two_orientations", cell: toA1(row, col), example: unit.unit };
    }
  }
  return null;
}
