/**
 * Marks the cells of issues with a fill, and removes the marks again restoring each cell's
 * previous fill. Values are never touched. The previous fills are kept on a very hidden sheet
 * (MARKS_SHEET) so that marks can be removed after the workbook was saved and reopened.
 * A cell whose fill the user changed after marking keeps the user's fill. A sheet of that name
 * that is not PAR Scorer's (visible or hidden, or very hidden without the marker in A1) is a
 * person's: it is never written, hidden nor cleared, and nothing is marked (a message says why),
 * as for the settings sheet (src/core/saved-settings.ts, storageSheetState).
 *
 * Each call is one Excel.run with four syncs whatever the number of issues: sheet names; the
 * stored marks and the issue cells' fills; the fills of earlier marks; the changes.
 */
import type { CellValue } from "../core/grid";
import type { Issue } from "../core/issues";
import { OPTIONAL_EXCEL_API, isExcelApiSupported } from "./excel-api";
import { ExcelAdapterError } from "./host-errors";
import { MARKS_MARKER, MARKS_SHEET } from "./marks-sheet";
import { isCellAddress } from "./navigation";
import { TEXT_FORMAT } from "./write-plan";
import { blockToA1 } from "./range-address";

/** Fill of a cell with an error (light red) and with a warning (light yellow). */
export const MARK_FILLS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** One marked cell: where, the fill it had before (null: none) and the fill PAR Scorer put. */
export type MarkRecord = { sheet: string; cell: string; previous: string | null; mark: string };

export type HighlightOutcome = {
  marked: number;
  restored: number;
  /** Sheets named by issues or stored marks that no longer exist (renamed or deleted). */
  missingSheets: string[];
};

const CHUNK = 30000;

/** The marks sheet's column A for a list of records: marker, then the JSON in chunks. */
export function marksSheetValues(records: readonly MarkRecord[]): string[][] {
  const json = JSON.stringify(records);
  const rows = [[MARKS_MARKER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}

/** The records stored on the marks sheet (none when it is missing or unreadable). */
export function parseMarksSheet(values: readonly (readonly CellValue[])[]): MarkRecord[] {
  if (values[0]?.[0] !== MARKS_MARKER) return [];
  let json = "";
  for (
    let row = 1;
    row < values.length && typeof values[row][0] === "string" && values[row][0] !== "";
    row++
  ) {
    json += values[row][0] as string;
  }
  try {
    const data: unknown = JSON.parse(json);
    return Array.isArray(data)
      ? data.filter(
          (r): r is MarkRecord =>
            typeof r === "object" &&
            r !== null &&
            typeof r.sheet === "string" &&
            typeof r.cell === "string" &&
            typeof r.mark === "string" &&
            (r.previous === null || typeof r.previous === "string"),
        )
      : [];
  } catch {
    return [];
  }
}

const cellKey = (sheet: string, cell: string): string => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

/** The cells to mark: one per sheet and cell, an error's fill winning over a warning's. */
function issueTargets(issues: readonly Issue[]): Map<string, { sheet: string; cell: string; mark: string }> {
  const targets = new Map<string, { sheet: string; cell: string; mark: string }>();
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell || !isCellAddress(issue.cell)) continue;
    // Information marks no cell: there is nothing to fix.
    if (issue.severity === "info") continue;
    const cell = issue.cell.replace(/\$/g, "").toUpperCase();
    const k = cellKey(issue.sheet, cell);
    const mark = MARK_FILLS[issue.severity];
    const known = targets.get(k);
    if (!known || mark === MARK_FILLS.error) targets.set(k, { sheet: issue.sheet, cell, mark });
  }
  return targets;
}

type LoadedFill = { fill: Excel.RangeFill; withPattern: boolean };

/** A loaded fill as a stored value: null for "no fill". */
function fillValue({ fill, withPattern }: LoadedFill): string | null {
  if (withPattern) return fill.pattern === "None" ? null : fill.color;
  // Before ExcelApi 1.9 "no fill" reads as white; restoring it as no fill looks the same.
  return fill.color === "#FFFFFF" ? null : fill.color;
}

const sameColor = (a: string | null, b: string | null): boolean =>
  (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/**
 * Replaces the marks: earlier marks not in `issues` are removed (previous fill restored), the
 * cells of `issues` are filled. Pass no issues to only remove marks.
 */
export async function highlightIssueCells(issues: readonly Issue[]): Promise<HighlightOutcome> {
  const targets = issueTargets(issues);
  const withPattern = isExcelApiSupported(OPTIONAL_EXCEL_API.fillPattern);
  const fillProps = withPattern ? "color,pattern" : "color";
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility");
    await context.sync();

    const sheets = new Map(collection.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const marksSheet = sheets.get(MARKS_SHEET.toLowerCase()) ?? null;
    if (marksSheet && marksSheet.visibility !== "VeryHidden") throw foreignMarksSheet(marksSheet.name);
    const stored = marksSheet
      ? marksSheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex")
      : null;
    const missing = new Set<string>();
    const fills = new Map<string, LoadedFill>();
    const loadFill = (sheet: string, cell: string): void => {
      const k = cellKey(sheet, cell);
      if (fills.has(k)) return;
      const ws = sheets.get(sheet.toLowerCase());
      if (!ws) {
        missing.add(sheet);
        return;
      }
      const fill = ws.getRange(cell).format.fill.load(fillProps);
      fills.set(k, { fill, withPattern });
    };
    for (const t of targets.values()) loadFill(t.sheet, t.cell);
    await context.sync();

    // A very hidden sheet holding anything but PAR Scorer's marker in A1 is not its own.
    if (marksSheet && stored && !stored.isNullObject) {
      const origin = stored.rowIndex === 0 && stored.columnIndex === 0;
      if (!origin || stored.values[0]?.[0] !== MARKS_MARKER) throw foreignMarksSheet(marksSheet.name);
    }
    const previous = stored && !stored.isNullObject ? parseMarksSheet(stored.values as CellValue[][]) : [];
    // Fills of the earlier marks, to restore only those the user has not recoloured since.
    for (const r of previous) loadFill(r.sheet, r.cell);
    await context.sync();

    let restored = 0;
    const records: MarkRecord[] = [];
    const previousByKey = new Map(previous.map((r) => [cellKey(r.sheet, r.cell), r]));
    for (const r of previous) {
      const k = cellKey(r.sheet, r.cell);
      const loaded = fills.get(k);
      if (!loaded || targets.has(k)) continue;
      if (sameColor(fillValue(loaded), r.mark)) {
        const fill = sheets.get(r.sheet.toLowerCase())!.getRange(r.cell).format.fill;
        if (r.previous === null) fill.clear();
        else fill.color = r.previous;
        restored++;
      }
    }
    for (const [k, t] of targets) {
      const loaded = fills.get(k);
      if (!loaded) continue;
      const earlier = previousByKey.get(k);
      const current = fillValue(loaded);
      // A cell still carrying an earlier mark keeps the fill it had before that mark.
      const before = earlier && sameColor(current, earlier.mark) ? earlier.previous : current;
      records.push({ sheet: t.sheet, cell: t.cell, previous: before, mark: t.mark });
    }

    // Order matters when Excel stops the batch half-way (a protected sheet): earlier marks are
    // restored first, then the new record is saved, then cells are filled. Whatever is done
    // stays consistent with the record, since a cell is only restored while it shows its mark.
    if (marksSheet || records.length > 0) {
      const sheet = marksSheet ?? collection.add(MARKS_SHEET);
      if (!marksSheet || marksSheet.visibility !== "VeryHidden") sheet.visibility = "VeryHidden";
      sheet.getRange("A:A").clear("Contents");
      if (records.length > 0) {
        const rows = marksSheetValues(records);
        const range = sheet.getRange(blockToA1(0, 0, rows.length, 1));
        range.numberFormat = rows.map(() => [TEXT_FORMAT]);
        range.values = rows;
      }
    }
    for (const r of records) sheets.get(r.sheet.toLowerCase())!.getRange(r.cell).format.fill.color = r.mark;
    await context.sync();
    return { marked: records.length, restored, missingSheets: [...missing] };
  });
}

/** The refusal when a person's sheet bears the marks sheet's name: nothing is marked nor changed. */
function foreignMarksSheet(name: string): ExcelAdapterError {
  return new ExcelAdapterError(
    `Không đánh dấu ô: sheet "${name}" không phải sheet lưu trữ của PAR Scorer (đang hiện, hoặc thiếu dấu của PAR Scorer) nên không bị ghi đè hay ẩn đi; không ô nào bị đổi. Hãy đổi tên sheet đó rồi đánh dấu lại.`,
    `Cells not marked: sheet "${name}" is not PAR Scorer's storage sheet (it is visible, or lacks PAR Scorer's marker), so it is neither overwritten nor hidden; no cell was changed. Rename that sheet and mark again.`,
  );
}

/** Removes every mark PAR Scorer put, restoring the cells' previous fills. */
export async function clearIssueHighlights(): Promise<HighlightOutcome> {
  return highlightIssueCells([]);
}
