/**
 * ExcelJS worksheets to the core's snapshot: values anchored at A1, visibility, merged areas.
 * Values read like Office.js's `values`: formulas give their cached result, rich text and
 * hyperlinks their text, the non-top-left cells of a merged area are empty, and dates are Excel
 * serial numbers (as Office.js reports them), so both adapters feed the core the same grid.
 * Plain code over ExcelJS objects (no Node API): the command line and the task pane's import share it.
 */
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetSnapshot, SheetVisibility } from "../core/grid";

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

/** A worksheet's snapshot: a rectangular grid from A1 to the last cell holding a value. */
export function readWorksheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const merges = readMerges(ws);
  const hidden = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(`${r},${c}`);
  }
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (hidden.has(`${r},${c}`)) return;
      const value = toCellValue(cell.value, date1904);
      if (value === null) return;
      cells.push({ row: r, col: c, value });
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
  });
  // Like Office.js's used range, the grid covers merged areas even where they hold nothing.
  for (const m of merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  for (const { row, col, value } of cells) values[row][col] = value;
  return { name: ws.name, values, visibility: visibilityOf(ws), merges };
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible";
}
