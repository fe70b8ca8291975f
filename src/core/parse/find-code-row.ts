/**
 * Where a sheet's criterion codes are: down a column (a unit's sheet, a criteria × units matrix)
 * or along a row (a transposed sheet: units in rows). Both are measured the same way: the codes
 * read in order go through the criteria sheet's code logic (resolveCodes) and are matched to the
 * criteria set; what counts is how many distinct leaves (or, for field totals, fields) they name.
 *
 * Cost: one pass over the first rows of a sheet (HEADER_SEARCH_ROWS + 3) and, only when codes
 * were found along a row, one pass down the code column. Nothing is rescanned per cell.
 */
import { type CellValue, type Grid, type SheetSnapshot, cellAt } from "../grid";
import type { CriteriaSet } from "../model";
import { cellText } from "../text";
import { type CodeEntry, resolveCodes } from "./code-tree";
import { type ParsedCode, leadingCode, parseCode } from "./criterion-code";
import { HEADER_SEARCH_ROWS, type Header } from "./header-band";
import { classifyHeaderText, isNumberingRow } from "./header-roles";
import { matchCriterion, styleOf } from "./scoring-rows";

/** What a run of codes names: mostly leaves, or (no leaf at all) mostly fields. */
export type CodeLevel = "leaves" | "fields";

/** A code read at a position (a column of the code row, or a row of the code column). */
export type PlacedCode = { at: number; code: ParsedCode; criterionId: string | null; text: string };

export type CodeRun = {
  codes: PlacedCode[];
  /** Distinct leaves (or fields) of the criteria set named; with no criteria set, distinct codes. */
  matched: number;
  level: CodeLevel | null;
};

export type CodeRow = CodeRun & { row: number };

/** Only cells that can start a code are parsed: digits, "(", Roman numerals, "Tiêu chí", "Lĩnh vực", "Mục", "TC". */
const MAY_BE_CODE = /^\s*(\(?\d|[IVXLivxlTtMm])/;

/** The code a header or code cell holds: "1.1", 1.1, "TC 1.1", or the code opening a title ("I. Chỉ đạo"). */
export function codeOfCell(value: CellValue): ParsedCode | null {
  if (typeof value === "number") return parseCode(value);
  if (typeof value !== "string" || !MAY_BE_CODE.test(value)) return null;
  return parseCode(value) ?? leadingCode(value);
}

/** Matches codes read in order to the criteria set and counts what they name. */
export function matchCodes(
  placed: readonly { at: number; code: ParsedCode }[],
  criteria: CriteriaSet | null,
): CodeRun {
  if (placed.length === 0) return { codes: [], matched: 0, level: null };
  const entries: CodeEntry[] = placed.map((p) => ({ row: p.at, code: p.code, hasMax: true }));
  const resolved = resolveCodes(entries, criteria ? styleOf(criteria) : {});
  const codes: PlacedCode[] = placed.map((p, i) => {
    const r = resolved[i];
    return {
      at: p.at,
      code: p.code,
      text: r?.code ?? p.code.text,
      criterionId: r && criteria ? matchCriterion(criteria, r) : null,
    };
  });
  if (!criteria) {
    const distinct = new Set(codes.map((c) => c.text)).size;
    return { codes, matched: distinct, level: distinct >= 3 ? "leaves" : null };
  }
  const { level, matched } = levelOf(
    codes.map((c) => c.criterionId),
    criteria,
  );
  return { codes, matched, level };
}

/** At least half of them, and at least two when there are two (one code proves little). */
export function isMost(found: number, of: number): boolean {
  return found >= Math.min(2, of) && found > 0 && found * 2 >= of;
}

/** How much of the criteria set a sheet's codes name, and at which level. */
export type Coverage = { level: CodeLevel | null; matched: number; of: number };

/** What criterion ids read on a sheet name: most leaves, or (no leaf) most fields; null when neither. */
export function levelOf(ids: Iterable<string | null>, criteria: CriteriaSet): Coverage {
  const present = new Set<string>();
  for (const id of ids) if (id !== null) present.add(id);
  const leaves = criteria.leafIds.filter((id) => present.has(id)).length;
  if (leaves > 0 || criteria.leafIds.length === 0) {
    const of = criteria.leafIds.length;
    return { level: isMost(leaves, of) ? "leaves" : null, matched: leaves, of };
  }
  const fields = criteria.fieldIds.filter(
    (id) => present.has(id) && criteria.nodes[id].childIds.length > 0,
  ).length;
  const of = criteria.fieldIds.length;
  return { level: isMost(fields, of) ? "fields" : null, matched: fields, of };
}

/** True when the row (or the two rows above it) names a unit column ("Tên đơn vị", "Đơn vị"). */
function namesUnits(grid: Grid, row: number, before: number): boolean {
  for (let r = Math.max(0, row - 2); r <= row; r++) {
    for (let c = 0; c < before; c++) {
      if (classifyHeaderText(cellText(cellAt(grid, r, c)))?.role === "unitName") return true;
    }
  }
  return false;
}

/** True when some text that is not a number stands left of `before` in the row or the two above it. */
function labelledLeft(grid: Grid, row: number, before: number): boolean {
  for (let r = Math.max(0, row - 2); r <= row; r++) {
    for (let c = 0; c < before; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "string" && v.trim() !== "" && codeOfCell(v) === null) return true;
    }
  }
  return false;
}

/** The codes of the given row (the code row the user named), however little of the set they name. */
export function codeRowAt(sheet: SheetSnapshot, row: number, criteria: CriteriaSet | null): CodeRow | null {
  const placed = codesOfRow(sheet.values, row);
  if (placed.length === 0) return null;
  const run = matchCodes(placed, criteria);
  return { ...run, level: run.level ?? "leaves", row };
}

/** The codes of a row, left to right; header texts that name a column role ("STT") are not codes. */
function codesOfRow(grid: Grid, row: number, from = 0): { at: number; code: ParsedCode }[] {
  const line = grid[row] ?? [];
  const placed: { at: number; code: ParsedCode }[] = [];
  for (let col = from; col < line.length; col++) {
    const code = headerCode(line[col] ?? null);
    if (code) placed.push({ at: col, code });
  }
  return placed;
}

/** The code a header cell holds; not a blank, nor a header text naming a column role ("STT"). */
function headerCode(v: CellValue): ParsedCode | null {
  if (typeof v === "number") return parseCode(v);
  if (typeof v !== "string" || !MAY_BE_CODE.test(v)) return null;
  if (classifyHeaderText(cellText(v))?.role === "code") return null;
  return parseCode(v) ?? leadingCode(v);
}

/** The column of the first code of a row, or -1. */
function firstCodeAt(grid: Grid, row: number): number {
  const line = grid[row] ?? [];
  for (let col = 0; col < line.length; col++) if (headerCode(line[col] ?? null)) return col;
  return -1;
}

/**
 * The row of criterion codes of a sheet whose units run down the rows: the first row among the
 * first ones (or among `rows`, when the user gave the header rows) whose codes name most of the
 * criteria set's leaves, or most of its fields. Without a criteria set, a row of three or more
 * codes beside a unit-name header. Null when no row qualifies.
 */
export function findCodeRow(
  sheet: SheetSnapshot,
  criteria: CriteriaSet | null,
  rows: { first: number; last: number } | null = null,
): CodeRow | null {
  const grid = sheet.values;
  const first = rows?.first ?? 0;
  const last = Math.min(grid.length - 1, rows?.last ?? HEADER_SEARCH_ROWS + 2);
  for (let row = first; row <= last; row++) {
    const line = grid[row] ?? [];
    if (line.length < 3) continue;
    // Codes from the first column on are a code column's cells, not a header; a code row has
    // its STT / unit-name labels to the left, in it or in the rows just above (merged down).
    // Checked first: on a matrix's data rows it stops the scan at the first cell.
    const firstCode = firstCodeAt(grid, row);
    if (firstCode < 1 || !labelledLeft(grid, row, firstCode)) continue;
    const placed = codesOfRow(grid, row, firstCode);
    if (placed.length < 2) continue;
    if (isNumberingRow(line.map((v) => cellText(v ?? null)))) continue;
    const run = matchCodes(placed, criteria);
    if (run.level === null) continue;
    if (!criteria && !namesUnits(grid, row, placed[0].at)) continue;
    return { ...run, row };
  }
  return null;
}

/** The codes down a sheet's code column (criteria in rows), matched the same way as a code row. */
export function findCodeColumn(sheet: SheetSnapshot, header: Header, criteria: CriteriaSet | null): CodeRun {
  const col = header.roles.code ?? header.roles.title;
  if (col === undefined) return { codes: [], matched: 0, level: null };
  const placed: { at: number; code: ParsedCode }[] = [];
  for (let row = header.dataStart; row < sheet.values.length; row++) {
    const v = cellAt(sheet.values, row, col);
    const code = header.roles.code === undefined ? codeOfCell(v) : parseCode(v);
    if (code) placed.push({ at: row, code });
  }
  return matchCodes(placed, criteria);
}
