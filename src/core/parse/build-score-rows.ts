/**
 * The ScoreRows of a unit read from a sheet with criteria down the rows (a unit's own sheet, a
 * unit's column group of a matrix, a unit's row of a transposed sheet): one SourceCell per role.
 * Every (unit, criterion) pair of a workbook is built here, so this is where the engine's memory goes.
 */
import { type CellValue, type SheetSnapshot, columnLetters } from "../grid";
import type { ColumnMap, ColumnRole, CriteriaSet, ScoreRow, SourceCell } from "../model";
import type { CodedRow } from "./scoring-rows";

/**
 * The ScoreRows of one unit. Survey criteria take their points from the survey column; when the
 * sheet has none, Sở Nội vụ writes them in the appraised column (or in the only column of a
 * one-column-per-unit matrix), so that cell becomes the survey points.
 */
export function buildRows(
  sheet: SheetSnapshot,
  rows: CodedRow[],
  columns: ColumnMap,
  criteria: CriteriaSet | null,
  single: number | null,
): ScoreRow[] {
  const grid = sheet.values;
  return rows.map((r) => {
    // Up to eight cells of one row are addressed: the row is found and numbered once.
    const line = grid[r.row];
    const rowNumber = String(r.row + 1);
    const pick = (role: ColumnRole) => sourceOn(line, rowNumber, columns[role]);
    const survey = r.criterionId !== null && criteria?.nodes[r.criterionId]?.role === "survey";
    let selfScore = single !== null ? (survey ? null : sourceOn(line, rowNumber, single)) : pick("selfScore");
    let appraisedScore = pick("appraisedScore");
    let surveyPoints =
      single !== null ? (survey ? sourceOn(line, rowNumber, single) : null) : pick("surveyPoints");
    if (survey && columns.surveyPoints === undefined && single === null) {
      surveyPoints = appraisedScore ?? selfScore;
      if (appraisedScore) appraisedScore = null;
      else selfScore = null;
    }
    return {
      criterionId: r.criterionId,
      code: r.code,
      row: r.row,
      codeCell: r.codeCell,
      maxPoints: pick("maxPoints"),
      selfScore,
      appraisedScore,
      surveyPoints,
      evidence: pick("evidence"),
      explanation: pick("explanation"),
      comment: pick("comment"),
    };
  });
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
