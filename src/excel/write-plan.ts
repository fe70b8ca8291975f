/**
 * Applies a write plan through Office.js in one Excel.run (delayForCellEdit: a run waits while
 * the user edits a cell instead of failing), in a constant number of syncs. Right after a read
 * (a ranking run), what the read learnt — sheets, protection, charts — is enough: the writes go
 * in one sync per 4 MB batch under the 5 MB payload limit. Otherwise two syncs first see which
 * sheets exist and whether any to change is protected.
 *
 * Strings are always written into cells formatted as text ("@") with the format set before the
 * value: Office.js would otherwise take "=…", "+…", "-…", "@…" as formulas and "1.1" as a number.
 */
import { type CellValue, columnLetters } from "../core/grid";
import type { CellStyle, SheetPatch, SheetPlan, WritePlan } from "../core/model";
import { SETTINGS_SHEET, isStorageSheet, settingsSheetValues } from "../core/saved-settings";
import type { ProgressListener } from "../core/workbook-port";
import { SYNC_BUDGET_BYTES, type Step, jsonSize, runInBatches } from "./batches";
import { ExcelAdapterError } from "./host-errors";
import { OPTIONAL_EXCEL_API, isExcelApiSupported } from "./excel-api";
import type { KnownWorkbook } from "./read-workbook";
import { blockToA1, rangeToA1 } from "./range-address";

/** The number format that makes Excel keep a cell's text exactly as written. */
export const TEXT_FORMAT = "@";

/** Name given to the chart PAR Scorer adds to a ranking sheet. */
export const CHART_NAME = "ParScorerChart";

/** A value as Office.js should receive it: text as is, errors as their text, empty as "". */
function officeValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

/** The number format of one cell: text for any string (or error text), else the plan's format. */
function cellFormat(value: CellValue, planned: string | undefined): string {
  if (typeof value === "string" || (value !== null && typeof value === "object")) return TEXT_FORMAT;
  return planned ?? "General";
}

/** The 2-D values and number formats of a block of a patch's rows. */
export function patchArrays(
  patch: SheetPatch,
  from: number,
  to: number,
): { values: (string | number | boolean)[][]; formats: string[][] } {
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = from; r < to; r++) {
    const line = patch.values[r];
    values.push(line.map(officeValue));
    formats.push(
      line.map((value, c) => {
        const nf = patch.numberFormat;
        return cellFormat(value, typeof nf === "string" ? nf : nf?.[r]?.[c]);
      }),
    );
  }
  return { values, formats };
}

/** Excel column width in points for a width in characters of the default font (7 px each + 5 px padding). */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/** Queues a style for a whole range of `rows` × `cols` cells. */
export function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontName !== undefined) format.font.name = style.fontName;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) {
    // Inside borders only where the range has an inside: a single row has no inside horizontal.
    const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (cols > 1) edges.push("InsideVertical");
    if (rows > 1) edges.push("InsideHorizontal");
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

/** Consecutive rows of equal height as one range each: a constant number of operations for equal rows. */
export function rowHeightRuns(
  heights: readonly { row: number; height: number }[],
): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    if (last && last.last === row - 1 && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

/** Points of a length in millimetres (Office.js margins are in points). */
const mmToPoints = (mm: number): number => Math.round(((mm * 72) / 25.4) * 100) / 100;

/** Queues the page setup: paper, orientation, margins, fit, print titles and area, footer. */
function applyPrint(layout: Excel.PageLayout, print: SheetPlan["print"]): void {
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  if (print.paper === "A4") layout.paperSize = "A4";
  if (print.margins) {
    layout.topMargin = mmToPoints(print.margins.top);
    layout.bottomMargin = mmToPoints(print.margins.bottom);
    layout.leftMargin = mmToPoints(print.margins.left);
    layout.rightMargin = mmToPoints(print.margins.right);
    layout.headerMargin = mmToPoints(print.margins.header);
    layout.footerMargin = mmToPoints(print.margins.footer);
  }
  if (print.centerHorizontally) layout.centerHorizontally = true;
  // One page wide, as many pages tall as the rows need. Only the width is set: an explicit
  // verticalFitToPages of 0 is not documented to mean "automatic" and could fail the batch.
  if (print.fitToWidth) {
    layout.zoom = print.fitToHeight
      ? { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight }
      : { horizontalFitToPages: 1 };
  }
  const titles = print.titleRows;
  if (titles) layout.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
  if (print.area) layout.setPrintArea(rangeToA1(print.area));
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

/** Rows per write block so that one block's values and formats stay well under the budget. */
function rowsPerBlock(patch: SheetPatch, budget: number): number {
  const rows = patch.values.length;
  if (rows === 0) return 1;
  const sample = patchArrays(patch, 0, Math.min(rows, 50));
  const perRow = (jsonSize(sample.values) + jsonSize(sample.formats)) / Math.min(rows, 50);
  return Math.max(1, Math.floor(budget / 2 / Math.max(perRow, 1)));
}

/** Steps writing one planned sheet on a worksheet that exists (added or cleared before). */
function sheetSteps(
  getSheet: () => Excel.Worksheet,
  plan: SheetPlan,
  budget: number,
  printSupported: boolean,
): Step[] {
  const steps: Step[] = [];
  for (const patch of plan.patches) {
    const rows = patch.values.length;
    const cols = rows ? patch.values[0].length : 0;
    if (rows === 0 || cols === 0) continue;
    const perBlock = rowsPerBlock(patch, budget);
    for (let from = 0; from < rows; from += perBlock) {
      const to = Math.min(rows, from + perBlock);
      const { values, formats } = patchArrays(patch, from, to);
      steps.push({
        bytes: jsonSize(values) + jsonSize(formats),
        queue: () => {
          const range = getSheet().getRange(blockToA1(patch.row + from, patch.col, to - from, cols));
          // Format first: a value assigned to a text-formatted cell stays text.
          range.numberFormat = formats;
          range.values = values;
        },
      });
    }
    const style = patch.style;
    if (style && Object.keys(style).length > 0) {
      steps.push({
        bytes: 200,
        queue: () =>
          applyStyle(getSheet().getRange(blockToA1(patch.row, patch.col, rows, cols)), style, rows, cols),
      });
    }
  }
  steps.push({
    bytes:
      100 *
        (plan.merges.length +
          plan.columnWidths.length +
          plan.bands.length +
          (plan.styles?.length ?? 0) +
          (plan.rowHeights?.length ?? 0)) +
      1000,
    queue: () => {
      const sheet = getSheet();
      for (const merge of plan.merges) sheet.getRange(rangeToA1(merge)).merge(false);
      plan.columnWidths.forEach((width, col) => {
        const letters = columnLetters(col);
        sheet.getRange(`${letters}:${letters}`).format.columnWidth = charactersToPoints(width);
      });
      for (const { range, style } of plan.styles ?? []) {
        applyStyle(
          sheet.getRange(rangeToA1(range)),
          style,
          range.bottom - range.top + 1,
          range.right - range.left + 1,
        );
      }
      for (const run of rowHeightRuns(plan.rowHeights ?? [])) {
        sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.height;
      }
      if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
      if (printSupported) {
        applyPrint(sheet.pageLayout, plan.print);
        // A manual break above each row that starts a page (the same ExcelApi 1.9 as the layout).
        for (const r of plan.print.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${r + 1}`);
      }
      for (const band of plan.bands) {
        const format = sheet.getRange(rangeToA1(band.range)).conditionalFormats.add("CellValue");
        format.cellValue.format.fill.color = band.fill;
        format.cellValue.format.font.color = band.fontColor;
        format.cellValue.rule = { formula1: `="${band.label.replace(/"/g, '""')}"`, operator: "EqualTo" };
      }
      const chart = plan.chart;
      if (chart) {
        const added = sheet.charts.add("BarClustered", sheet.getRange(rangeToA1(chart.values)), "Columns");
        added.name = CHART_NAME;
        added.title.text = chart.title;
        added.legend.visible = false;
        added.series.getItemAt(0).setXAxisValues(sheet.getRange(rangeToA1(chart.categories)));
        added.setPosition(
          blockToA1(chart.anchor.top, chart.anchor.left, 1, 1),
          blockToA1(chart.anchor.bottom, chart.anchor.right, 1, 1),
        );
      }
    },
  });
  return steps;
}

const lower = (name: string): string => name.toLowerCase();

/** A protected sheet (by name) or workbook structure (null) that the plan would have to change. */
function protectedError(sheet: string | null): ExcelAdapterError {
  return sheet
    ? new ExcelAdapterError(
        `Sheet "${sheet}" đang được bảo vệ nên PAR Scorer không ghi được. Hãy bỏ bảo vệ (Review > Unprotect Sheet) rồi chạy lại; chưa có gì bị thay đổi.`,
        `Sheet "${sheet}" is protected, so PAR Scorer cannot write it. Unprotect it (Review > Unprotect Sheet) and run again; nothing was changed.`,
      )
    : new ExcelAdapterError(
        "Cấu trúc bảng tính đang được bảo vệ nên không thêm hoặc xóa được sheet. Hãy bỏ bảo vệ (Review > Protect Workbook) rồi chạy lại; chưa có gì bị thay đổi.",
        "The workbook structure is protected, so sheets cannot be added or deleted. Unprotect it (Review > Protect Workbook) and run again; nothing was changed.",
      );
}

/** A person's sheet carries the storage sheet's name: PAR Scorer cannot save its settings. */
export function foreignStorageError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(
    `Sheet "${sheet}" là sheet của người dùng (không phải sheet lưu trữ ẩn của PAR Scorer) nên không bị ghi đè, và cài đặt không lưu được. Hãy đổi tên sheet đó rồi thử lại; chưa có gì bị thay đổi.`,
    `Sheet "${sheet}" is a person's sheet (not PAR Scorer's very hidden storage sheet), so it is not overwritten and the settings cannot be saved. Rename that sheet and try again; nothing was changed.`,
  );
}

/** Writes the plan: planned sheets, deletions, settings. Nothing else in the workbook changes. */
export async function writeOfficePlan(
  plan: WritePlan,
  onProgress?: ProgressListener,
  budget = SYNC_BUDGET_BYTES,
  known: KnownWorkbook | null = null,
): Promise<void> {
  for (const sheet of plan.sheets) {
    if (isStorageSheet(sheet.name)) throw new Error(`write plan uses the reserved sheet name ${sheet.name}`);
  }
  await Excel.run({ delayForCellEdit: true }, async (context) => {
    onProgress?.(0, "Đang kiểm tra các sheet hiện có…");
    const collection = context.workbook.worksheets;
    const state = known ? fromKnown(collection, known) : await loadWorkbookState(context);

    const existing = new Map(state.sheets.map((sheet) => [lower(sheet.name), sheet]));
    for (const sheet of plan.sheets) {
      if (existing.has(lower(sheet.name)) && !sheet.replaces) {
        // The core never plans over a person's sheet; if it did, writing would destroy their data.
        throw new ExcelAdapterError(
          `Sheet "${sheet.name}" đã có trong bảng tính và không do PAR Scorer tạo, nên không bị ghi đè. Hãy đổi tên sheet đó rồi chạy lại.`,
          `Sheet "${sheet.name}" already exists and was not written by PAR Scorer, so it is not overwritten. Rename it and run again.`,
        );
      }
    }
    const planned = new Set(plan.sheets.map((s) => lower(s.name)));
    const replacedStates = plan.sheets.flatMap((sheet) => existing.get(lower(sheet.name)) ?? []);
    const deletedStates = plan.deleteSheets.flatMap((name) =>
      planned.has(lower(name)) || isStorageSheet(name) ? [] : (existing.get(lower(name)) ?? []),
    );
    const settingsState = existing.get(lower(SETTINGS_SHEET)) ?? null;
    const saveSettings = plan.settingsJson !== null;
    // A visible sheet of the storage sheet's name is a person's: never hidden, cleared nor reused.
    if (saveSettings && settingsState && settingsState.visibility !== "VeryHidden")
      throw foreignStorageError(settingsState.name);
    const changesStructure =
      replacedStates.length < plan.sheets.length ||
      deletedStates.length > 0 ||
      (saveSettings && !settingsState);
    if (changesStructure && state.bookProtected) throw protectedError(null);

    // Refuse before writing anything when a sheet to change is protected: Excel would stop the
    // batch half-way, after earlier sheets were already cleared or deleted.
    const touched = [
      ...replacedStates,
      ...deletedStates,
      ...(saveSettings && settingsState ? [settingsState] : []),
    ];
    const details = await state.details(touched);
    const locked = touched.find((sheet) => details.get(sheet)?.protected);
    if (locked) throw protectedError(locked.name);
    const replaced = replacedStates.map((sheet) => sheet.worksheet);
    const deleted = deletedStates.map((sheet) => sheet.worksheet);
    const settingsSheet = settingsState?.worksheet ?? null;
    const charts = replacedStates.map((sheet) => details.get(sheet)?.charts ?? []);

    onProgress?.(0.1, "Đang xóa nội dung cũ…");
    context.application.suspendApiCalculationUntilNextSync();
    for (const ws of deleted) ws.delete();
    // Clear in place rather than delete and re-add: the sheet keeps its position and tab colour,
    // and Excel can undo a clear (it cannot undo a deleted sheet).
    const printSupported = isExcelApiSupported(OPTIONAL_EXCEL_API.pageLayout);
    replaced.forEach((ws, i) => {
      for (const chart of charts[i]) ws.charts.getItem(chart).delete();
      const all = ws.getRange();
      all.conditionalFormats.clearAll();
      all.unmerge();
      all.clear("All");
      ws.freezePanes.unfreeze();
      // Last run's manual page breaks would fall in the wrong places under a new table.
      if (printSupported) ws.horizontalPageBreaks.removePageBreaks();
    });

    // The settings, with the names of the sheets PAR Scorer now owns, are saved before any sheet
    // is added: a run that Excel stops half-way leaves sheets that the next run knows as its own
    // and rewrites, instead of taking them for a person's sheets and adding "(2)" copies.
    const steps: Step[] = [];
    if (plan.settingsJson !== null) {
      const settingsRows = settingsSheetValues(plan.settingsJson);
      steps.push({
        bytes: jsonSize(settingsRows) + 200,
        queue: () => {
          const settings = settingsSheet ?? collection.add(SETTINGS_SHEET);
          if (!settingsState) settings.visibility = "VeryHidden";
          settings.getRange("A:A").clear("Contents");
          const range = settings.getRange(blockToA1(0, 0, settingsRows.length, 1));
          range.numberFormat = settingsRows.map(() => [TEXT_FORMAT]);
          range.values = settingsRows as string[][];
        },
      });
    }
    for (const sheetPlan of plan.sheets) {
      let worksheet: Excel.Worksheet | null = existing.get(lower(sheetPlan.name))?.worksheet ?? null;
      steps.push({
        bytes: 100,
        queue: () => {
          worksheet ??= collection.add(sheetPlan.name);
        },
      });
      steps.push(...sheetSteps(() => worksheet as Excel.Worksheet, sheetPlan, budget, printSupported));
    }

    onProgress?.(0.2, "Đang ghi các sheet xếp hạng…");
    await runInBatches(context, steps, budget, (done, total) =>
      onProgress?.(
        0.2 + (0.8 * done) / total,
        done === total ? "Đã ghi xong" : "Đang ghi các sheet xếp hạng…",
      ),
    );
  });
}

/** A sheet as the write sees it: its name and visibility, and a proxy to act on it. */
type SheetState = { name: string; visibility: string; worksheet: Excel.Worksheet };

/** What the write needs to know of the workbook before it changes anything. */
type WorkbookState = {
  bookProtected: boolean;
  sheets: SheetState[];
  /** Protection and chart names of the given sheets (one sync when not already known). */
  details: (sheets: SheetState[]) => Promise<Map<SheetState, { protected: boolean; charts: string[] }>>;
};

/** The state a read just learnt: proxies by name, nothing to load. */
function fromKnown(collection: Excel.WorksheetCollection, known: KnownWorkbook): WorkbookState {
  const byState = new Map<SheetState, { protected: boolean; charts: string[] }>();
  const sheets = known.sheets.map((sheet) => {
    const state: SheetState = {
      name: sheet.name,
      visibility: sheet.visibility,
      worksheet: collection.getItem(sheet.name),
    };
    byState.set(state, { protected: sheet.protected, charts: sheet.charts });
    return state;
  });
  return { bookProtected: known.bookProtected, sheets, details: async () => byState };
}

/** Loads the state: the sheets and the workbook's protection, then on demand the sheets' details. */
async function loadWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/visibility");
  const bookProtection = context.workbook.protection.load("protected");
  await context.sync();
  const sheets = collection.items.map((ws) => ({ name: ws.name, visibility: ws.visibility, worksheet: ws }));
  return {
    bookProtected: bookProtection.protected,
    sheets,
    details: async (wanted) => {
      const protections = wanted.map((sheet) => sheet.worksheet.protection.load("protected"));
      const charts = wanted.map((sheet) => sheet.worksheet.charts.load("items/name"));
      if (wanted.length > 0) await context.sync();
      return new Map(
        wanted.map((sheet, i) => [
          sheet,
          { protected: protections[i].protected, charts: charts[i].items.map((chart) => chart.name) },
        ]),
      );
    },
  };
}
