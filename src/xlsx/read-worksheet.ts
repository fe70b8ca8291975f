/**
 * ExcelJS worksheets to the core's snapshot: values anchored at A1, visibility, merged areas.
 * Values read like Office.js's `values`: formulas give their cached result, rich text and
 * hyperlinks their text, the non-top-left cells of a merged area are empty, and dates are Excel
 * serial numbers (as Office.js reports them), so both adapters feed the core the same grid.
 * Plain code over ExcelJS objects (no Node API): the command line and the task pane's import share it.
 */
import type ExcelJS from "exceljs";
import {
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type SheetVisibility,
  MAX_GRID_CELLS,
  clipMerges,
} from "../core/grid";

const MS_PER_DAY = 86_400_000;

/** A JavaScript Date from ExcelJS back to the Excel serial number it was read from. */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = 25569 + date.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
  // ExcelJS rounds to the millisecond on read; undo the float noise of the division.
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** One ExcelJS cell value (as in cell.value) to a core CellValue. */
export function toCellValue(value: ExcelJS.CellValue | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value !== "object") return null;
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if ("formula" in v || "sharedFormula" in v) {
    return toCellValue(v.result as ExcelJS.CellValue | undefined, date1904);
  }
  if (Array.isArray(v.richText)) return flattenRichText(v.richText);
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
      return flattenRichText((text as { richText: unknown[] }).richText);
    }
    return typeof v.hyperlink === "string" ? v.hyperlink : null;
  }
  return null;
}

function flattenRichText(runs: unknown[]): string {
  return runs
    .map((r) => (r && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : ""))
    .join("");
}

/** Merged areas of a worksheet, zero-based. */
export function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  // ExcelJS indexes merges on the worksheet (1-based Range objects); `ws.model` would rebuild
  // every row just to list them.
  const index = (ws as unknown as { _merges?: Record<string, MergeRange | undefined> })._merges ?? {};
  const merges: CellRange[] = [];
  for (const m of Object.values(index)) {
    if (!m) continue;
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return merges.sort((a, b) => a.top - b.top || a.left - b.left);
}

type MergeRange = { top: number; left: number; bottom: number; right: number };

/** A sheet whose values spread too wide to hold as a grid (a stray value far down and right). */
export class SheetTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(`sheet "${sheet}" spreads over ${cells} grid cells (limit ${limit})`);
  }
}

/**
 * A worksheet's snapshot: rows from A1 to the last row holding a value, each row as long as its
 * own last value (an empty row is one shared empty array). Only values count: a formatted or
 * merged area beyond them adds nothing, and merged areas are clipped to the values' extent. The
 * grid holds at most `maxGridCells` cells (MAX_GRID_CELLS), else SheetTooLargeError: one value
 * at XFD1048576 costs one row of 16,384 cells, not the whole sheet.
 */
export function readWorksheet(
  ws: ExcelJS.Worksheet,
  date1904: boolean,
  maxGridCells = MAX_GRID_CELLS,
): SheetSnapshot {
  // Each row's values are gathered (reused buffers), then copied into an array of the row's
  // own width, unless the grid would pass its bound: then widths are only counted, for the error.
  const rowIndexes: number[] = [];
  const lines: CellValue[][] = [];
  const cols: number[] = [];
  const found: CellValue[] = [];
  let total = 0;
  let maxWidth = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    cols.length = 0;
    found.length = 0;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The other cells of a merged area repeat its first cell's value in ExcelJS; Excel keeps them empty.
      if (cell.master !== cell) return;
      const value = toCellValue(cell.value, date1904);
      if (value === null) return;
      cols.push(colNumber - 1);
      found.push(value);
    });
    if (cols.length === 0) return;
    const width = cols[cols.length - 1] + 1;
    total += width;
    maxWidth = Math.max(maxWidth, width);
    if (total > maxGridCells) return;
    const line = new Array<CellValue>(width).fill(null);
    for (let i = 0; i < cols.length; i++) line[cols[i]] = found[i];
    rowIndexes.push(rowNumber - 1);
    lines.push(line);
  });
  if (total > maxGridCells) throw new SheetTooLargeError(ws.name, total, maxGridCells);
  const rows = rowIndexes.length ? rowIndexes[rowIndexes.length - 1] + 1 : 0;
  const values: CellValue[][] = new Array<CellValue[]>(rows).fill(EMPTY_ROW);
  for (let i = 0; i < lines.length; i++) values[rowIndexes[i]] = lines[i];
  const merges = clipMerges(readMerges(ws), rows, maxWidth);
  return { name: ws.name, values, visibility: visibilityOf(ws), merges };
}

/** The row of a grid that holds nothing (shared: never written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible";
}
