/**
 * Where an issue may point. Derived from ISSUE_CATALOG: every code names a sheet and a cell,
 * except the codes below, whose subject has no cell (or no sheet) to point at.
 */
import { type CellValue, type WorkbookSnapshot, fromA1 } from "../../src/core/grid";
import { type Issue, type IssueCode, ISSUE_CODES } from "../../src/core/issues";

/**
 * Problems of the whole workbook (Issue.sheet may be null): no criteria sheet at all, settings
 * saved in the workbook or given on the command line that are invalid, a sheet that the settings
 * name but the workbook lacks.
 */
export const WORKBOOK_LEVEL_CODES: readonly IssueCode[] = [
  "no_criteria_sheet",
  "settings_invalid",
  "sheet_not_found",
  // Comparison with last year: a unit of last year's workbook, which has no place in this one.
  "previous_unit_vanished",
];

/**
 * Problems about something absent (Issue.cell may be null): a missing header row or column, a
 * criterion row missing from a scoring sheet (and so its survey points), a second sheet of a unit
 * named only by its sheet tab (unit_duplicate: the tab is the location), a file whose maxima follow
 * another version of the set (command line, per file). The workbook-level codes have no cell either.
 */
export const CELL_LESS_CODES: readonly IssueCode[] = [
  ...WORKBOOK_LEVEL_CODES,
  "criteria_header_not_found",
  "criteria_column_missing",
  "scoring_column_missing",
  "missing_criterion",
  "survey_missing",
  "unit_duplicate",
  "unit_identical_copy",
  "unit_draft_ignored",
  "unit_copy_not_chosen",
  "unit_source_unmatched",
  "criteria_version_differs",
  // A criterion of last year's set only: its row is in last year's workbook (named in the message).
  "criterion_removed_since_previous",
];

/** Rows and columns a sheet's grid covers (merged areas included, as adapters pad them). */
function gridBounds(
  values: readonly (readonly CellValue[])[],
  merges: readonly { bottom: number; right: number }[],
) {
  let rows = values.length;
  let cols = Math.max(0, ...values.map((line) => line.length));
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}

/** What is wrong with an issue's location, or null when it is sound. */
export function locationProblem(issue: Issue, snapshot: WorkbookSnapshot): string | null {
  if (!ISSUE_CODES.includes(issue.code)) return `unknown code ${issue.code}`;
  if (issue.sheet === null) {
    return WORKBOOK_LEVEL_CODES.includes(issue.code) ? null : `${issue.code} names no sheet`;
  }
  const sheet = snapshot.sheets.find((s) => s.name === issue.sheet);
  if (!sheet) return `${issue.code} names sheet "${issue.sheet}", which is not in the workbook`;
  if (issue.cell === null) {
    return CELL_LESS_CODES.includes(issue.code) ? null : `${issue.code} on "${issue.sheet}" names no cell`;
  }
  if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(issue.cell))
    return `${issue.code}: "${issue.cell}" is not an A1 address`;
  const { row, col } = fromA1(issue.cell);
  const bounds = gridBounds(sheet.values, sheet.merges ?? []);
  if (row >= bounds.rows || col >= bounds.cols) {
    return `${issue.code}: ${issue.cell} is outside "${issue.sheet}" (${bounds.rows} rows × ${bounds.cols} columns)`;
  }
  return null;
}
