/**
 * Plain sheet data as the core sees it: 2-D grids of cell values, always anchored at A1.
 * Adapters (Office.js, ExcelJS) pad the used range so that grid[r][c] is row r+1, column c+1.
 * Rows may differ in length (each reaches its own last value; an empty row may be empty): read
 * cells through cellAt, which gives null outside a row.
 */

/** An Excel error value such as #REF! or #VALUE!, kept as a value (never thrown). */
export type CellError = { readonly error: string };

/** One cell's value. Dates arrive as numbers (Excel serials) or ISO text; formulas as their cached value. */
export type CellValue = string | number | boolean | null | CellError;

export type Grid = readonly (readonly CellValue[])[];

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A merged area, zero-based and inclusive. */
export type CellRange = { top: number; left: number; bottom: number; right: number };

export type SheetSnapshot = {
  name: string;
  values: Grid;
  visibility?: SheetVisibility;
  /** Merged areas, when the adapter can read them. */
  merges?: readonly CellRange[];
  /** When several files are consolidated into one snapshot: the file the sheet came from and its name there. */
  origin?: { file: string; sheet: string };
};

/**
 * Cells of one sheet's grid that an adapter agrees to hold: the sum of its rows' lengths, each row
 * from column A to its own last value. Scoring sheets have a few thousand; beyond this a sheet
 * is refused with a message (a stray value far down and right), never allocated.
 */
export const MAX_GRID_CELLS = 2_000_000;

/** The merged areas that overlap the values' extent, cut to it; the others say nothing about data. */
export function clipMerges(merges: readonly CellRange[], rows: number, cols: number): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    if (m.top >= rows || m.left >= cols) continue;
    const clipped = { ...m, bottom: Math.min(m.bottom, rows - 1), right: Math.min(m.right, cols - 1) };
    if (clipped.bottom > clipped.top || clipped.right > clipped.left) out.push(clipped);
  }
  return out;
}

/** Everything a run reads from a workbook, in one go. */
export type WorkbookSnapshot = {
  sheets: readonly SheetSnapshot[];
};

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && typeof (value as CellError).error === "string";
}

/** The cell at zero-based row and column, or null outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const line = grid[row];
  if (!line) return null;
  const value = line[col];
  return value === undefined ? null : value;
}

/** True when a cell holds nothing a person typed (null, empty or whitespace-only text). */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`invalid column index ${col}`);
  // Every source cell of every row is addressed: the letters of a column are spelt once.
  if (col >= LETTERS_KEPT) return spellColumn(col);
  // Spelt in order up to the column asked for, so the list stays a dense array (a far column asked
  // for first would leave a sparse one, slow to read).
  while (knownLetters.length <= col) knownLetters.push(spellColumn(knownLetters.length));
  return knownLetters[col];
}

/**
 * Columns whose letters are kept: every column an Excel sheet can have (A…XFD, 16,384) and the
 * wider grids other programs write (a 10,000-unit matrix of three columns each has 30,003).
 */
const LETTERS_KEPT = 65_536;
const knownLetters: string[] = [];

function spellColumn(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to column index (0-based): A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) throw new RangeError(`invalid column letters "${letters}"`);
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column to an A1 address: (0, 0) → "A1". */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`invalid row index ${row}`);
  return `${columnLetters(col)}${row + 1}`;
}

/** An A1 address to zero-based row and column. */
export function fromA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`invalid A1 address "${address}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
