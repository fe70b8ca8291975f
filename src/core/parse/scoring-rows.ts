/**
 * What every reader of a scoring sheet with criteria down the rows shares (a unit's own sheet,
 * a criteria × units matrix): coded rows keyed by the same code logic as the criteria sheet, and
 * the sheet-wide checks of those rows (the ScoreRows of one unit are built in build-score-rows.ts).
 * Only structural problems are reported here (unknown or repeated codes, missing criteria, a
 * maximum that differs from the set, a typed parent total that disagrees with its children); the
 * values themselves are judged later, from the SourceCells.
 */
import { type CellValue, type Grid, type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaSet } from "../model";
import { fromMicro, toMicro } from "../points";
import { cellText, foldText, parseNumber } from "../text";
import { type CodeEntry, type CodeStyle, type ResolvedCode, resolveCodes } from "./code-tree";
import { leadingCode, parseCode, romanValue } from "./criterion-code";
import { isTotalLabel } from "./criteria-sheet";
import { isPlausiblePoints } from "./limits";
import type { ColumnBlocks } from "./build-score-rows";

const NOT_APPLICABLE = /^(khong ap dung|kad|k\.a\.d|n\/a|na|khong danh gia|kdg)$/;

/** True for a score cell that marks the criterion not applicable ("Không áp dụng", "KAD", "N/A"). */
export function isNotApplicableText(value: CellValue): boolean {
  return typeof value === "string" && NOT_APPLICABLE.test(foldText(value).replace(/\.$/, ""));
}

/** A coded row of a scoring sheet, matched to the criteria set. */
export type CodedRow = { row: number; code: string; codeCell: string; criterionId: string | null };

/** The criteria node an id read on a scoring sheet refers to, qualified or not. */
export function matchCriterion(criteria: CriteriaSet, resolved: ResolvedCode): string | null {
  if (criteria.nodes[resolved.id]) return resolved.id;
  const sameCode = criteria.order.filter((id) => criteria.nodes[id].code === resolved.code);
  return sameCode.length === 1 ? sameCode[0] : null;
}

type SetStyle = { qualify: boolean; style: Omit<CodeStyle, "qualify"> };

/** Styles of the criteria sets seen: every scoring sheet (1,000 unit sheets) asks for its set's. */
const stylesOf = new WeakMap<CriteriaSet, SetStyle>();

/** The numbering style of a criteria set, so that a scoring sheet's codes are placed alike. */
export function styleOf(criteria: CriteriaSet): SetStyle {
  const known = stylesOf.get(criteria);
  if (known) return known;
  const style = styleOfSet(criteria);
  stylesOf.set(criteria, style);
  return style;
}

function styleOfSet(criteria: CriteriaSet): SetStyle {
  const nodes = criteria.order.map((id) => criteria.nodes[id]);
  const romanFields = nodes.some((n) => n.depth === 1 && romanValue(n.code) !== null);
  const criteriaAcross = romanFields && nodes.some((n) => n.depth === 2 && !n.code.includes("."));
  return { qualify: criteria.order.some((id) => id.includes("/")), style: { romanFields, criteriaAcross } };
}

/**
 * True for a cell reading "Tổng cộng" (isTotalLabel). Only text can: a number, a truth value or an
 * error value reads as digits or "#REF!", and folding a cell's text already tidies it as cellText does.
 */
function totalLabelCell(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  // Folded, a total label opens with "tong" or "cong": a text opening with another ASCII
  // character (a code, a number, most titles) cannot be one, and is not looked up.
  let first = 0;
  while (first < value.length && isSpaceCode(value.charCodeAt(first))) first++;
  if (first === value.length) return false;
  const code = value.charCodeAt(first);
  if (code < 128 && code !== 0x74 && code !== 0x54 && code !== 0x63 && code !== 0x43) return false;
  return isTotalLabel(value);
}

/** White space as /\s/ reads it, the non-breaking space included, and the zero-width space. */
function isSpaceCode(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code === 0xa0) return true;
  return code >= 0x1680 && /[\s\u200b]/.test(String.fromCharCode(code));
}

/** A problem of a coded row, reported at its code cell: the same for every sheet laid out alike. */
type RowProblem = { row: number; code: string; codeCell: string; other: string | null };

/**
 * One read of a sheet's coded rows: what it depended on (the code, title and maximum columns from
 * the data start to the sheet's end) and what it found. Every unit sheet of a workbook repeats its
 * template's codes and titles, so the next sheet whose cells are the same gives the same rows.
 */
type CodedRowsRead = {
  code: number | undefined;
  title: number | undefined;
  max: number | undefined;
  dataStart: number;
  end: number;
  /** The code cell, the title cell and whether the maximum is blank, of each row from dataStart. */
  codes: CellValue[];
  titles: CellValue[];
  maxBlank: boolean[];
  /** Each sheet gets a copy of the rows (frozen, shared) and its own issues from the problems. */
  rows: readonly CodedRow[];
  problems: readonly RowProblem[];
};

/**
 * The last reads of each criteria set, the latest first: a few templates (a sheet with a row of
 * its own among standard ones, two groups laid out apart) are each read once, not in turn.
 */
const lastReads = new WeakMap<CriteriaSet, CodedRowsRead[]>();
const READS_KEPT = 4;

/** What is found once for the rows of a read: the rows (in order), the set and the question asked. */
export type RowsMemo<T> = WeakMap<
  CodedRow,
  { rows: readonly CodedRow[]; criteria: CriteriaSet; tag: string; value: T }
>;

/**
 * `compute()` for these rows, found once per read: every sheet laid out alike gets the same row
 * objects from readCodedRows (a matrix passes the same rows for each unit), so the answer is kept
 * on the first row for the same rows in the same order, the same criteria set and the same `tag`.
 * Rows not made by readCodedRows (frozen) are not kept: they could change.
 */
export function onRows<T>(
  memo: RowsMemo<T>,
  rows: readonly CodedRow[],
  criteria: CriteriaSet,
  tag: string,
  compute: () => T,
): T {
  const first = rows[0];
  if (first === undefined || !Object.isFrozen(first)) return compute();
  const known = memo.get(first);
  if (known && known.criteria === criteria && known.tag === tag && sameRowList(known.rows, rows)) {
    return known.value;
  }
  const value = compute();
  memo.set(first, { rows: rows.slice(), criteria, tag, value });
  return value;
}

function sameRowList(a: readonly CodedRow[], b: readonly CodedRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads the coded rows under a header and reports unknown and repeated codes (once per sheet). */
export function readCodedRows(
  sheet: SheetSnapshot,
  columns: ColumnMap,
  dataStart: number,
  criteria: CriteriaSet | null,
  unit: string | null,
  issues: Issue[],
): CodedRow[] {
  const kept = criteria ? lastReads.get(criteria) : undefined;
  let read = kept?.find((r) => sameCells(r, sheet.values, columns, dataStart));
  if (!read) {
    read = readRows(sheet.values, columns, dataStart, criteria);
    if (criteria) lastReads.set(criteria, [read, ...(kept ?? []).slice(0, READS_KEPT - 1)]);
  }
  for (const p of read.problems) {
    issues.push(
      p.other === null
        ? makeIssue("unknown_code", { sheet: sheet.name, cell: p.codeCell, unit }, { input: p.code })
        : makeIssue(
            "duplicate_code_in_sheet",
            { sheet: sheet.name, cell: p.codeCell, unit, criterion: p.code },
            { input: p.code, other: p.other },
          ),
    );
  }
  return read.rows.slice();
}

/** True when a sheet holds, from dataStart, the same code, title and maximum cells as a read. */
function sameCells(read: CodedRowsRead, grid: Grid, columns: ColumnMap, dataStart: number): boolean {
  if (
    read.dataStart !== dataStart ||
    read.end !== grid.length ||
    read.code !== columns.code ||
    read.title !== columns.title ||
    read.max !== columns.maxPoints
  ) {
    return false;
  }
  const { code, title, max } = read;
  for (let row = dataStart, i = 0; row < grid.length; row++, i++) {
    const line = grid[row];
    if (code !== undefined && cellOf(line, code) !== read.codes[i]) return false;
    if (title !== undefined && cellOf(line, title) !== read.titles[i]) return false;
    if (max !== undefined && isBlank(cellOf(line, max)) !== read.maxBlank[i]) return false;
  }
  return true;
}

function cellOf(line: readonly CellValue[] | undefined, col: number): CellValue {
  const value = line?.[col];
  return value === undefined ? null : value;
}

function readRows(
  grid: Grid,
  columns: ColumnMap,
  dataStart: number,
  criteria: CriteriaSet | null,
): CodedRowsRead {
  const codeCol = (columns.code ?? columns.title) as number;
  const entries: CodeEntry[] = [];
  const codes: CellValue[] = [];
  const titles: CellValue[] = [];
  const maxBlank: boolean[] = [];
  for (let row = dataStart; row < grid.length; row++) {
    const line = grid[row];
    const title = columns.title === undefined ? null : cellOf(line, columns.title);
    const codeValue = columns.code === undefined ? null : cellOf(line, columns.code);
    const blank = columns.maxPoints === undefined || isBlank(cellOf(line, columns.maxPoints));
    codes.push(codeValue);
    titles.push(title);
    maxBlank.push(blank);
    if (totalLabelCell(title) || totalLabelCell(cellOf(line, codeCol))) continue;
    const code =
      columns.code !== undefined
        ? parseCode(codeValue)
        : title !== null
          ? leadingCode(cellText(title))
          : null;
    if (code) entries.push({ row, code, hasMax: !blank });
  }
  const resolved = resolveCodes(entries, criteria ? styleOf(criteria) : {});
  const rows: CodedRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, string>();
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i];
    const row = entries[i].row;
    // A code the tree cannot place and without a maximum is a numbered guidance line.
    if (!r && !entries[i].hasMax) continue;
    const codeCell = toA1(row, codeCol);
    const code = r?.code ?? entries[i].code.text;
    const criterionId = r && criteria ? matchCriterion(criteria, r) : null;
    if (criteria && !criterionId) {
      problems.push(Object.freeze({ row, code, codeCell, other: null }));
      continue;
    }
    const key = criterionId ?? r?.id ?? code;
    const first = seen.get(key);
    if (first) {
      problems.push(Object.freeze({ row, code, codeCell, other: first }));
      continue;
    }
    seen.set(key, codeCell);
    rows.push(Object.freeze({ row, code, codeCell, criterionId }));
  }
  const { code, title, maxPoints: max } = columns;
  return {
    code,
    title,
    max,
    dataStart,
    end: grid.length,
    codes,
    titles,
    maxBlank,
    rows,
    problems: Object.freeze(problems),
  };
}

/** Sheet-wide checks of the rows: leaves missing from the sheet, maxima that differ from the set. */
export function checkRows(
  sheet: SheetSnapshot,
  rows: CodedRow[],
  maxCol: number | undefined,
  criteria: CriteriaSet | null,
  unit: string | null,
  issues: Issue[],
  level: "leaves" | "fields" = "leaves",
): void {
  if (!criteria) return;
  for (const id of missingIds(rows, criteria, level)) {
    issues.push(
      makeIssue("missing_criterion", {
        sheet: sheet.name,
        cell: null,
        unit,
        criterion: criteria.nodes[id].code,
      }),
    );
  }
  if (maxCol === undefined) return;
  for (const r of rows) {
    const node = r.criterionId ? criteria.nodes[r.criterionId] : null;
    const typed = parseNumber(cellAt(sheet.values, r.row, maxCol));
    if (!node || node.maxPoints === null || typed === null) continue;
    // A maximum beyond any set (1e308) differs all the same; compare without converting it.
    if (!isPlausiblePoints(typed)) {
      issues.push(
        makeIssue(
          "max_differs",
          { sheet: sheet.name, cell: toA1(r.row, maxCol), unit, criterion: node.code },
          { actual: typed, max: fromMicro(node.maxPoints) },
        ),
      );
      continue;
    }
    if (toMicro(typed) !== node.maxPoints) {
      issues.push(
        makeIssue(
          "max_differs",
          { sheet: sheet.name, cell: toA1(r.row, maxCol), unit, criterion: node.code },
          { actual: typed, max: fromMicro(node.maxPoints) },
        ),
      );
    }
  }
}

/** The leaves (or fields) of a set that rows do not name, found once per read (sheets laid out alike share it). */
const missingOf: RowsMemo<string[]> = new WeakMap();

function missingIds(rows: readonly CodedRow[], criteria: CriteriaSet, level: "leaves" | "fields"): string[] {
  return onRows(missingOf, rows, criteria, level, () => {
    const present = new Set(rows.map((r) => r.criterionId));
    return (level === "fields" ? criteria.fieldIds : criteria.leafIds).filter((id) => !present.has(id));
  });
}

export const SCORE_ROLES = ["selfScore", "appraisedScore", "surveyPoints"] as const;

/**
 * A typed parent total (field or criterion row) against the sum of its children's typed values,
 * per score column. Blank and "Không áp dụng" children count 0; a child that is not a number
 * (an error value, "đạt") makes the sum unknowable, so nothing is said.
 */
export function checkParentTotals(
  sheet: SheetSnapshot,
  rows: CodedRow[],
  columns: ColumnMap,
  criteria: CriteriaSet | null,
  unit: string,
  issues: Issue[],
  blocks: ColumnBlocks | null = null,
): void {
  if (!criteria) return;
  const grid = sheet.values;
  const parents = parentRows(rows, criteria);
  const sum: PartsSum = { micro: 0, numbers: 0 };
  for (const role of SCORE_ROLES) {
    const col = columns[role];
    if (col === undefined) continue;
    // A matrix's column is read with its neighbours' (ColumnBlocks), by position in the rows.
    const cells = blocks ? blocks.column(col) : null;
    const cellOf = (r: CodedRow, at: number): CellValue =>
      cells ? (cells[at] ?? null) : cellAt(grid, r.row, col);
    for (const { row: r, at, node, children, childAt } of parents) {
      // A total that is not a number says nothing: its children are not read.
      const typed = typedTotal(cellOf(r, at));
      if (typed === null) continue;
      sum.micro = 0;
      sum.numbers = 0;
      let known = true;
      for (let i = 0; known && i < children.length; i++)
        known = addPart(sum, cellOf(children[i], childAt[i]));
      const differs = known ? sumDiffers(typed, sum) : null;
      if (!differs) continue;
      issues.push(
        makeIssue(
          "parent_total_mismatch",
          { sheet: sheet.name, cell: toA1(r.row, col), unit, criterion: node.code },
          { actual: differs.actual, sum: differs.sum },
        ),
      );
    }
  }
}

/** A parent row with its children's rows, and the positions of each in the rows read. */
type ParentRow = {
  row: CodedRow;
  at: number;
  node: CriteriaSet["nodes"][string];
  children: CodedRow[];
  childAt: number[];
};

/** The parent rows of a sheet with their children's rows, found once per rows read (onRows). */
const parentRowsOf: RowsMemo<ParentRow[]> = new WeakMap();

function parentRows(rows: readonly CodedRow[], criteria: CriteriaSet): ParentRow[] {
  return onRows(parentRowsOf, rows, criteria, "", () => {
    const atOf = new Map<string, number>();
    rows.forEach((r, i) => {
      if (r.criterionId) atOf.set(r.criterionId, i);
    });
    const parents: ParentRow[] = [];
    rows.forEach((r, at) => {
      const node = r.criterionId ? criteria.nodes[r.criterionId] : null;
      if (!node || node.childIds.length === 0) return;
      const childAt = node.childIds.map((id) => atOf.get(id)).filter((i) => i !== undefined);
      parents.push({ row: r, at, node, children: childAt.map((i) => rows[i]), childAt });
    });
    return parents;
  });
}

/**
 * A typed total against the sum of the cells it totals: blank and "Không áp dụng" cells count 0;
 * a cell that is not a number (an error value, "đạt") makes the sum unknowable, so nothing is
 * said. The difference in points, or null when they agree or cannot be compared.
 */
export function typedTotalDiffers(
  total: CellValue,
  parts: readonly CellValue[],
): { actual: number; sum: number } | null {
  const typed = typedTotal(total);
  if (typed === null) return null;
  const sum: PartsSum = { micro: 0, numbers: 0 };
  for (const v of parts) if (!addPart(sum, v)) return null;
  return sumDiffers(typed, sum);
}

/** The running sum of a total's parts: micro-points, and how many parts were numbers. */
type PartsSum = { micro: number; numbers: number };

/** A total typed as a plausible number of points, or null (its parts are then not read). */
function typedTotal(total: CellValue): number | null {
  if (typeof total !== "number" && typeof total !== "string") return null;
  const typed = parseNumber(total);
  return typed === null || !isPlausiblePoints(typed) ? null : typed;
}

/** Adds one part to the sum; false when the part makes the sum unknowable (an error, "đạt", 1e308). */
function addPart(sum: PartsSum, v: CellValue): boolean {
  const n = parseNumber(v);
  if (n === null) return isBlank(v) || isNotApplicableText(v);
  if (!isPlausiblePoints(n)) return false;
  sum.micro += toMicro(n);
  sum.numbers++;
  return true;
}

/** The typed total against the sum of its parts: null when they agree or no part is a number. */
function sumDiffers(typed: number, sum: PartsSum): { actual: number; sum: number } | null {
  if (sum.numbers === 0 || sum.micro === toMicro(typed)) return null;
  return { actual: typed, sum: fromMicro(sum.micro) };
}
