/**
 * The ScoreRows of a unit read from a sheet with criteria down the rows (a unit's own sheet, a
 * unit's column group of a matrix, a unit's row of a transposed sheet): one SourceCell per role.
 * Every (unit, criterion) pair of a workbook is built here, when its unit's rows are asked for
 * (unit-rows.ts: evaluation reads them unit by unit without keeping them). What the units of one
 * sheet have in common (each row's number, whether it is a survey row, the
 * cells of a column every unit of a matrix shares, such as Điểm tối đa) is made once per sheet.
 */
import { type CellValue, type Grid, type SheetSnapshot, columnLetters } from "../grid";
import { keepShapeOf } from "../kept-shapes";
import type { ColumnMap, CriteriaSet, ScoreRow, SourceCell } from "../model";
import { type CodedRow, type RowsMemo, onRows } from "./scoring-rows";

/** A column's cells kept for sheets laid out alike: addresses by row, the blank cells made so far. */
type KeptColumn = { addresses: string[]; blanks: (SourceCell | undefined)[] };

/** What every unit read from the same coded rows of a sheet shares, row by row (by position in the rows). */
export type SharedRowParts = {
  /** Each row's number as people see it ("12"). */
  numbers: string[];
  /** True for a row of a survey criterion. */
  survey: boolean[];
  /** The cells of columns shared by every unit (a matrix's Điểm tối đa), made once, by column. */
  columns: Map<number, (SourceCell | null)[]>;
  /**
   * Each column's cells as every unit sheet laid out alike has them (unitSheetParts): their A1
   * addresses, spelt once, and the blank cells, made once; null when each cell is made as it is read.
   */
  kept: Map<number, KeptColumn> | null;
  /** A matrix's columns read a block at a time (ColumnBlocks); null: each cell is read from its row. */
  blocks: ColumnBlocks | null;
};

/**
 * The cells of a matrix's columns by position in its coded rows, read a block of columns at a time,
 * row by row. A grid is kept row by row: reading one unit's columns down 200 rows of a
 * 30,000-column sheet touches a far part of memory at every cell, so a 10,000-unit matrix read
 * unit by unit spent more time waiting for memory than reading. The units of a matrix are read in
 * the order of their columns (the block after the current one is the next to be asked for); a
 * unit asked for out of order costs one block's read. Only the current block is kept; a column
 * handed out stays as it was when a later block is read (each read makes new arrays), so a unit
 * whose columns straddle two blocks holds both (buildRows, checkParentTotals rely on it).
 */
export class ColumnBlocks {
  private first = -1;
  private columns: (CellValue | undefined)[][] = [];
  /** The coded rows' lines of the grid, found once. */
  private readonly lines: (readonly CellValue[] | undefined)[];

  constructor(
    grid: Grid,
    rows: readonly CodedRow[],
    private readonly width = 64,
  ) {
    this.lines = rows.map((r) => grid[r.row]);
  }

  /** The column's cells by position in the rows (undefined where a row is short or missing). */
  column(col: number): readonly (CellValue | undefined)[] {
    if (col < this.first || col >= this.first + this.width) this.read(col);
    return this.columns[col - this.first];
  }

  /** Reads the block of columns from `from`, row by row (each line's part of the block is adjacent in memory). */
  private read(from: number): void {
    const { lines, width } = this;
    const columns: (CellValue | undefined)[][] = [];
    for (let k = 0; k < width; k++) columns.push(new Array<CellValue | undefined>(lines.length));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined) continue;
      const to = Math.min(line.length, from + width);
      for (let col = from; col < to; col++) columns[col - from][i] = line[col];
    }
    this.first = from;
    this.columns = columns;
  }
}

// Blocks live only while a matrix is read; one kept keeps their methods compiled (kept-shapes.ts).
keepShapeOf(new ColumnBlocks([[null]], []));

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
  return { numbers, survey, columns, kept: null, blocks: null };
}

/**
 * The parts of a unit sheet's rows: the same for every sheet laid out alike (readCodedRows gives
 * them the same frozen rows, onRows), so the row numbers and the cells' addresses are spelt, and
 * blank cells made, once for 1,000 sheets instead of on each. No value of a sheet is kept in them.
 */
const unitSheetParts: RowsMemo<SharedRowParts> = new WeakMap();

export function partsOfUnitSheet(
  sheet: SheetSnapshot,
  rows: readonly CodedRow[],
  criteria: CriteriaSet | null,
): SharedRowParts {
  if (!criteria) return sharedRowParts(sheet, rows, criteria);
  return onRows(unitSheetParts, rows, criteria, "", () => ({
    ...sharedRowParts(sheet, rows, criteria),
    kept: new Map(),
  }));
}

/** A column's cells kept in `parts` (null: not kept, each cell is made as it is read). */
function keptColumn(parts: SharedRowParts, col: number | undefined): KeptColumn | null {
  if (col === undefined || parts.kept === null) return null;
  let kept = parts.kept.get(col);
  if (!kept) {
    const letters = columnLetters(col);
    kept = { addresses: parts.numbers.map((n) => letters + n), blanks: [] };
    parts.kept.set(col, kept);
  }
  return kept;
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
  parts: SharedRowParts,
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
  // Each role's cells kept for every sheet laid out alike (addresses, blank cells), if they are.
  const atSelf = keptColumn(parts, colSelf);
  const atAppraised = keptColumn(parts, colAppraised);
  const atSurvey = keptColumn(parts, colSurvey);
  const atMax = maxShared ? null : keptColumn(parts, colMax);
  const atEvidence = evidenceShared ? null : keptColumn(parts, colEvidence);
  const atExplanation = explanationShared ? null : keptColumn(parts, colExplanation);
  const atComment = commentShared ? null : keptColumn(parts, colComment);
  // A matrix unit's score columns, read with its neighbours' a block at a time (ColumnBlocks).
  const inBlock = (col: number | undefined) =>
    col === undefined || parts.blocks === null ? null : parts.blocks.column(col);
  const selfCells = inBlock(colSelf);
  const appraisedCells = inBlock(colAppraised);
  const surveyCells = inBlock(colSurvey);
  const out: ScoreRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    // Up to eight cells of one row are addressed: the row is found and numbered once.
    const line = grid[r.row];
    const rowNumber = numbers[i];
    const survey = surveyRows[i];
    let selfScore = single !== null && survey ? null : cellOn(line, colSelf, atSelf, i, rowNumber, selfCells);
    let appraisedScore = cellOn(line, colAppraised, atAppraised, i, rowNumber, appraisedCells);
    let surveyPoints =
      single !== null && !survey ? null : cellOn(line, colSurvey, atSurvey, i, rowNumber, surveyCells);
    if (survey && noSurveyColumn)
      [selfScore, appraisedScore, surveyPoints] = asSurveyPoints(selfScore, appraisedScore);
    out.push({
      criterionId: r.criterionId,
      code: r.code,
      row: r.row,
      codeCell: r.codeCell,
      maxPoints: maxShared ? maxShared[i] : cellOn(line, colMax, atMax, i, rowNumber),
      selfScore,
      appraisedScore,
      surveyPoints,
      evidence: evidenceShared ? evidenceShared[i] : cellOn(line, colEvidence, atEvidence, i, rowNumber),
      explanation: explanationShared
        ? explanationShared[i]
        : cellOn(line, colExplanation, atExplanation, i, rowNumber),
      comment: commentShared ? commentShared[i] : cellOn(line, colComment, atComment, i, rowNumber),
    });
  }
  return out;
}

/**
 * The source cell of the i-th row in a column: from the column's block when it was read with its
 * neighbours' (ColumnBlocks, `block`). When the column is kept for sheets laid out alike, its
 * address is the one spelt for them and a blank cell is the one made for them (frozen: no reader
 * changes a source cell); otherwise it is made here.
 */
function cellOn(
  line: readonly CellValue[] | undefined,
  col: number | undefined,
  kept: KeptColumn | null,
  i: number,
  rowNumber: string,
  block: readonly (CellValue | undefined)[] | null = null,
): SourceCell | null {
  if (col === undefined) return null;
  const value = block !== null ? block[i] : line?.[col];
  if (kept === null)
    return { value: value === undefined ? null : value, cell: columnLetters(col) + rowNumber };
  if (value === undefined || value === null) {
    return (kept.blanks[i] ??= Object.freeze({ value: null, cell: kept.addresses[i] }));
  }
  return { value, cell: kept.addresses[i] };
}

/**
 * A survey criterion's cells on a sheet without a survey column: Sở Nội vụ writes the survey points
 * in the appraised column (else the self-score one), so that cell becomes the survey points.
 * Returns [self, appraised, survey].
 */
export function asSurveyPoints(
  selfScore: SourceCell | null,
  appraisedScore: SourceCell | null,
): [SourceCell | null, SourceCell | null, SourceCell | null] {
  return appraisedScore ? [selfScore, null, appraisedScore] : [null, null, selfScore];
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
