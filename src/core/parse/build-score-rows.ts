/**
 * The ScoreRows of a unit read from a sheet with criteria down the rows (a unit's own sheet, a
 * unit's column group of a matrix, a unit's row of a transposed sheet): one SourceCell per role.
 * Every (unit, criterion) pair of a workbook is built here, so this is where the engine's memory goes:
 * what the units of one sheet have in common (each row's number, whether it is a survey row, the
 * cells of a column every unit of a matrix shares, such as Điểm tối đa) is made once per sheet.
 */
import { type CellValue, type SheetSnapshot, columnLetters } from "../grid";
import type { ColumnMap, CriteriaSet, ScoreRow, SourceCell } from "../model";
import type { CodedRow } from "./scoring-rows";

/** What every unit read from the same coded rows of a sheet shares, row by row (by position in the rows). */
export type SharedRowParts = {
  /** Each row's number as people see it ("12"). */
  numbers: string[];
  /** True for a row of a survey criterion. */
  survey: boolean[];
  /** The cells of columns shared by every unit (a matrix's Điểm tối đa), made once, by column. */
  columns: Map<number, (SourceCell | null)[]>;
};

/** The parts of the rows that every unit of a sheet shares, with the cells of the given shared columns. */
export function sharedRowParts(
  sheet: SheetSnapshot,
  rows: readonly CodedRow[],
  criteria: CriteriaSet | null,
  sharedColumns: Iterable<number> = [],
): SharedRowParts {
  const grid = sheet.values;
  const numbers: string[] = [];
  const survey: boolean[] = [];
  for (const r of rows) {
    numbers.push(String(r.row + 1));
    survey.push(r.criterionId !== null && criteria?.nodes[r.criterionId]?.role === "survey");
  }
  const columns = new Map<number, (SourceCell | null)[]>();
  for (const col of sharedColumns) {
    if (columns.has(col)) continue;
    const cells: (SourceCell | null)[] = [];
    for (let i = 0; i < rows.length; i++) cells.push(sourceOn(grid[rows[i].row], numbers[i], col));
    columns.set(col, cells);
  }
  return { numbers, survey, columns };
}

/**
 * The ScoreRows of one unit. Survey criteria take their points from the survey column; when the
 * sheet has none, Sở Nội vụ writes them in the appraised column (or in the only column of a
 * one-column-per-unit matrix), so that cell becomes the survey points. `parts` (from
 * sharedRowParts, for the same rows) lets the units of one sheet share what they have in common.
 */
export function buildRows(
  sheet: SheetSnapshot,
  rows: readonly CodedRow[],
  columns: ColumnMap,
  criteria: CriteriaSet | null,
  single: number | null,
  parts: SharedRowParts = sharedRowParts(sheet, rows, criteria),
): ScoreRow[] {
  const grid = sheet.values;
  const { numbers, survey: surveyRows } = parts;
  // Each role's column, and the cells already made when every unit shares that column.
  const colSelf = single !== null ? single : columns.selfScore;
  const colAppraised = columns.appraisedScore;
  const colSurvey = single !== null ? single : columns.surveyPoints;
  const colMax = columns.maxPoints;
  const colEvidence = columns.evidence;
  const colExplanation = columns.explanation;
  const colComment = columns.comment;
  const sharedOf = (col: number | undefined) => (col === undefined ? undefined : parts.columns.get(col));
  const maxShared = sharedOf(colMax);
  const evidenceShared = sharedOf(colEvidence);
  const explanationShared = sharedOf(colExplanation);
  const commentShared = sharedOf(colComment);
  const noSurveyColumn = columns.surveyPoints === undefined && single === null;
  const out: ScoreRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // Up to eight cells of one row are addressed: the row is found and numbered once.
    const line = grid[r.row];
    const rowNumber = numbers[i];
    const survey = surveyRows[i];
    let selfScore = single !== null && survey ? null : sourceOn(line, rowNumber, colSelf);
    let appraisedScore = sourceOn(line, rowNumber, colAppraised);
    let surveyPoints = single !== null && !survey ? null : sourceOn(line, rowNumber, colSurvey);
    if (survey && noSurveyColumn) {
      surveyPoints = appraisedScore ?? selfScore;
      if (appraisedScore) appraisedScore = null;
      else selfScore = null;
    }
    out.push({
      criterionId: r.criterionId,
      code: r.code,
      row: r.row,
      codeCell: r.codeCell,
      maxPoints: maxShared ? maxShared[i] : sourceOn(line, rowNumber, colMax),
      selfScore,
      appraisedScore,
      surveyPoints,
      evidence: evidenceShared ? evidenceShared[i] : sourceOn(line, rowNumber, colEvidence),
      explanation: explanationShared ? explanationShared[i] : sourceOn(line, rowNumber, colExplanation),
      comment: commentShared ? commentShared[i] : sourceOn(line, rowNumber, colComment),
    });
  }
  return out;
}

/** A source cell of a row already found (a missing row or cell reads null), by the row's number as text. */
export function sourceOn(
  line: readonly CellValue[] | undefined,
  rowNumber: string,
  col: number | undefined | null,
): SourceCell | null {
  if (col === undefined || col === null) return null;
  const value = line?.[col];
  return { value: value === undefined ? null : value, cell: columnLetters(col) + rowNumber };
}
