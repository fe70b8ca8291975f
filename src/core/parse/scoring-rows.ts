/**
 * What every reader of a scoring sheet with criteria down the rows shares (a unit's own sheet,
 * a criteria × units matrix): coded rows keyed by the same code logic as the criteria sheet, and
 * the sheet-wide checks of those rows (the ScoreRows of one unit are built in build-score-rows.ts).
 * Only structural problems are reported here (unknown or repeated codes, missing criteria, a
 * maximum that differs from the set, a typed parent total that disagrees with its children); the
 * values themselves are judged later, from the SourceCells.
 */
import { type CellValue, type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaSet } from "../model";
import { fromMicro, toMicro } from "../points";
import { foldText, parseNumber } from "../text";
import { type CodeEntry, type CodeStyle, type ResolvedCode, resolveCodes } from "./code-tree";
import { romanValue } from "./criterion-code";
import { isTotalLabel, readRowCode } from "./criteria-sheet";
import { isPlausiblePoints } from "./limits";

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
  const first = value.search(/[^\s\u00a0\u200b]/);
  if (first < 0) return false;
  const code = value.charCodeAt(first);
  if (code < 128 && !TOTAL_OPENINGS.includes(value[first])) return false;
  return isTotalLabel(value);
}

const TOTAL_OPENINGS = "tTcC";

/** Reads the coded rows under a header and reports unknown and repeated codes (once per sheet). */
export function readCodedRows(
  sheet: SheetSnapshot,
  columns: ColumnMap,
  dataStart: number,
  criteria: CriteriaSet | null,
  unit: string | null,
  issues: Issue[],
): CodedRow[] {
  const grid = sheet.values;
  const codeCol = (columns.code ?? columns.title) as number;
  const entries: CodeEntry[] = [];
  for (let row = dataStart; row < grid.length; row++) {
    const title = columns.title === undefined ? null : cellAt(grid, row, columns.title);
    if (totalLabelCell(title) || totalLabelCell(cellAt(grid, row, codeCol))) continue;
    const code = readRowCode(sheet, row, columns);
    if (code) {
      const max = columns.maxPoints === undefined ? null : cellAt(grid, row, columns.maxPoints);
      entries.push({ row, code, hasMax: !isBlank(max) });
    }
  }
  const resolved = resolveCodes(entries, criteria ? styleOf(criteria) : {});
  const rows: CodedRow[] = [];
  const seen = new Map<string, string>();
  resolved.forEach((r, i) => {
    const row = entries[i].row;
    const codeCell = toA1(row, codeCol);
    const code = r?.code ?? entries[i].code.text;
    // A code the tree cannot place and without a maximum is a numbered guidance line.
    if (!r && !entries[i].hasMax) return;
    const criterionId = r && criteria ? matchCriterion(criteria, r) : null;
    if (criteria && !criterionId) {
      issues.push(makeIssue("unknown_code", { sheet: sheet.name, cell: codeCell, unit }, { input: code }));
      return;
    }
    const key = criterionId ?? r?.id ?? code;
    const first = seen.get(key);
    if (first) {
      issues.push(
        makeIssue(
          "duplicate_code_in_sheet",
          { sheet: sheet.name, cell: codeCell, unit, criterion: code },
          { input: code, other: first },
        ),
      );
      return;
    }
    seen.set(key, codeCell);
    rows.push({ row, code, codeCell, criterionId });
  });
  return rows;
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
  const present = new Set(rows.map((r) => r.criterionId));
  for (const id of level === "fields" ? criteria.fieldIds : criteria.leafIds) {
    if (!present.has(id)) {
      issues.push(
        makeIssue("missing_criterion", {
          sheet: sheet.name,
          cell: null,
          unit,
          criterion: criteria.nodes[id].code,
        }),
      );
    }
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
): void {
  if (!criteria) return;
  const grid = sheet.values;
  const parents = parentRows(rows, criteria);
  for (const role of SCORE_ROLES) {
    const col = columns[role];
    if (col === undefined) continue;
    for (const { row: r, node, children } of parents) {
      const total = cellAt(grid, r.row, col);
      // A total that is not a number says nothing: its children are not read.
      if (typeof total !== "number" && typeof total !== "string") continue;
      const parts: CellValue[] = [];
      for (const child of children) parts.push(cellAt(grid, child.row, col));
      const differs = typedTotalDiffers(total, parts);
      if (!differs) continue;
      const { actual: typed, sum } = differs;
      issues.push(
        makeIssue(
          "parent_total_mismatch",
          { sheet: sheet.name, cell: toA1(r.row, col), unit, criterion: node.code },
          { actual: typed, sum },
        ),
      );
    }
  }
}

type ParentRow = { row: CodedRow; node: CriteriaSet["nodes"][string]; children: CodedRow[] };

/** The parent rows of a sheet with their children's rows, found once per rows read (a matrix's units share them). */
const parentRowsOf = new WeakMap<
  readonly CodedRow[],
  { criteria: CriteriaSet; count: number; parents: ParentRow[] }
>();

function parentRows(rows: readonly CodedRow[], criteria: CriteriaSet): ParentRow[] {
  const known = parentRowsOf.get(rows);
  if (known && known.criteria === criteria && known.count === rows.length) return known.parents;
  const rowOf = new Map(rows.filter((r) => r.criterionId).map((r) => [r.criterionId as string, r]));
  const parents: ParentRow[] = [];
  for (const r of rows) {
    const node = r.criterionId ? criteria.nodes[r.criterionId] : null;
    if (!node || node.childIds.length === 0) continue;
    const children = node.childIds.map((id) => rowOf.get(id)).filter((c) => c !== undefined);
    parents.push({ row: r, node, children });
  }
  parentRowsOf.set(rows, { criteria, count: rows.length, parents });
  return parents;
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
  const typed = parseNumber(total);
  if (typed === null || !isPlausiblePoints(typed)) return null;
  let sum = 0;
  let numbers = 0;
  for (const v of parts) {
    const n = parseNumber(v);
    if (n !== null && !isPlausiblePoints(n)) return null;
    if (n !== null) {
      sum += toMicro(n);
      numbers++;
    } else if (!isBlank(v) && !isNotApplicableText(v)) return null;
  }
  if (numbers === 0 || sum === toMicro(typed)) return null;
  return { actual: typed, sum: fromMicro(sum) };
}
