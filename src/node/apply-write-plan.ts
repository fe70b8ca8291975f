/**
 * Applies the core's write plan to an ExcelJS workbook: the planned sheets (replacing only
 * those PAR Scorer wrote before), the deletions and the settings sheet. Nothing else is touched.
 * ExcelJS cannot write charts, so a plan's chart is skipped (docs/cli.md says so).
 */
import type ExcelJS from "exceljs";
import { type CellRange, type CellValue, isCellError, toA1 } from "../core/grid";
import type { BandFormat, CellStyle, SheetPatch, SheetPlan, WritePlan } from "../core/model";
import {
  SETTINGS_SHEET,
  isStorageSheet,
  settingsSheetValues,
  storageSheetState,
} from "../core/saved-settings";
import type { ProgressListener } from "../core/workbook-port";

const FORBIDDEN_NAME = /[*?:\\/[\]]/;

/** The worksheet of that name, ignoring case as Excel does. */
export function findWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toLocaleLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLocaleLowerCase() === key);
}

/** Writes a plan into the workbook (in memory); a plan that would overwrite a person's sheet is a bug and throws. */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan, onProgress?: ProgressListener): void {
  for (const sheet of plan.sheets) checkSheetPlan(wb, sheet);
  if (plan.settingsJson !== null) checkStorageSheet(wb);
  for (const name of plan.deleteSheets) {
    const ws = findWorksheet(wb, name);
    if (ws && !isStorageSheet(ws.name)) wb.removeWorksheet(ws.id);
  }
  plan.sheets.forEach((sheet, i) => {
    onProgress?.(i / (plan.sheets.length + 1), `Đang ghi sheet ${sheet.name}…`);
    writeSheet(freshWorksheet(wb, sheet.name), sheet);
  });
  if (plan.settingsJson !== null) writeSettings(wb, plan.settingsJson);
  keepActiveTabVisible(wb);
  onProgress?.(1, "Đã ghi xong");
}

function checkSheetPlan(wb: ExcelJS.Workbook, sheet: SheetPlan): void {
  if (sheet.name.length === 0 || sheet.name.length > 31 || FORBIDDEN_NAME.test(sheet.name))
    throw new Error(`write plan: invalid sheet name "${sheet.name}"`);
  if (sheet.name.toLocaleLowerCase() === SETTINGS_SHEET.toLocaleLowerCase())
    throw new Error(`write plan: "${sheet.name}" is the settings sheet`);
  if (!sheet.replaces && findWorksheet(wb, sheet.name))
    throw new Error(`write plan: sheet "${sheet.name}" exists and is not PAR Scorer's to replace`);
}

/**
 * The storage sheet is replaced only when it is PAR Scorer's (very hidden, marker in A1): the core
 * plans no settings over a person's sheet of that name, so meeting one here is a bug.
 */
function checkStorageSheet(wb: ExcelJS.Workbook): void {
  const ws = findWorksheet(wb, SETTINGS_SHEET);
  if (!ws) return;
  const visibility = ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible";
  const a1 = ws.getCell(1, 1).value;
  const state = storageSheetState({
    name: ws.name,
    values: [[typeof a1 === "string" ? a1 : null]],
    visibility,
  });
  if (state !== "own")
    throw new Error(`write plan: "${ws.name}" is a person's sheet, not PAR Scorer's storage`);
}

/** A new empty worksheet; one of the same name (PAR Scorer's own) is replaced at its position. */
function freshWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = findWorksheet(wb, name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : null;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  if (orderNo !== null) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  return ws;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  for (const patch of sheet.patches) writePatch(ws, patch);
  for (const m of sheet.merges) {
    if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const { row, height } of sheet.rowHeights ?? []) ws.getRow(row + 1).height = height;
  if (sheet.freezeRows > 0) {
    ws.views = [
      { state: "frozen", xSplit: 0, ySplit: sheet.freezeRows, topLeftCell: `A${sheet.freezeRows + 1}` },
    ];
  }
  for (const { range, style } of sheet.styles ?? []) overlayStyle(ws, range, style);
  applyPrint(ws, sheet.print);
  sheet.bands.forEach((band, i) => addBandFormat(ws, band, i + 1));
  // sheet.chart: ExcelJS 4 cannot write charts; the task pane (Office.js) draws them.
}

/** Page setup: paper, orientation, margins (inches in the file), fit, print titles and area, footer. */
function applyPrint(ws: ExcelJS.Worksheet, print: SheetPlan["print"]): void {
  const setup: Partial<ExcelJS.PageSetup> = {};
  if (print.landscape) setup.orientation = "landscape";
  if (print.paper === "A4") setup.paperSize = 9;
  if (print.fitToWidth)
    Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: print.fitToHeight ?? 0 });
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows.first + 1}:${print.titleRows.last + 1}`;
  if (print.area) setup.printArea = rangeA1(print.area);
  if (print.centerHorizontally) setup.horizontalCentered = true;
  if (print.margins) {
    const inch = (mm: number): number => Math.round((mm / 25.4) * 10000) / 10000;
    const m = print.margins;
    setup.margins = {
      top: inch(m.top),
      bottom: inch(m.bottom),
      left: inch(m.left),
      right: inch(m.right),
      header: inch(m.header),
      footer: inch(m.footer),
    };
  }
  Object.assign(ws.pageSetup, setup);
  // ExcelJS puts a row's page break below it: the break above row r goes on row r - 1 (1-based r).
  for (const r of print.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  if (print.footer) {
    ws.headerFooter.oddFooter = `&C${print.footer}`;
    ws.headerFooter.evenFooter = `&C${print.footer}`;
  }
}

/** Lays a style over every cell of a range, keeping what the patches set and the style leaves out. */
function overlayStyle(ws: ExcelJS.Worksheet, range: CellRange, style: CellStyle): void {
  const extra = toExcelStyle(style);
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      // An ExcelJS cell in memory, not an Office.js proxy: reading it needs no sync.
      const target: ExcelStyle = ws.getCell(r + 1, c + 1);
      const { font, alignment } = target;
      if (extra.font) target.font = { ...font, ...extra.font };
      if (extra.fill) target.fill = extra.fill;
      if (extra.alignment) target.alignment = { ...alignment, ...extra.alignment };
      if (extra.border) target.border = extra.border;
    }
  }
}

function writePatch(ws: ExcelJS.Worksheet, patch: SheetPatch): void {
  const style = patch.style ? toExcelStyle(patch.style) : null;
  patch.values.forEach((line, r) => {
    line.forEach((value, c) => {
      const cell = ws.getCell(patch.row + r + 1, patch.col + c + 1);
      cell.value = toExcelValue(value);
      const format =
        typeof patch.numberFormat === "string" ? patch.numberFormat : patch.numberFormat?.[r]?.[c];
      if (format) cell.numFmt = format;
      if (style) Object.assign(cell, style);
    });
  });
}

/**
 * A core value as ExcelJS writes it. A string is always a string value (a shared string in the
 * file), never a formula, whatever its first character: formulas only come from {formula} objects.
 */
export function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`write plan: non-finite number ${value}`);
    return value;
  }
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  throw new Error("write plan: unknown cell value");
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

type ExcelStyle = Partial<Pick<ExcelJS.Cell, "font" | "fill" | "alignment" | "border">>;

function toExcelStyle(style: CellStyle): ExcelStyle {
  const out: ExcelStyle = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontName) font.name = style.fontName;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length) out.font = font;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return out;
}

function rangeA1(range: CellRange): string {
  return `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`;
}

/** A band's fill as a conditional format (cell text equals the label), so it follows later edits. */
function addBandFormat(ws: ExcelJS.Worksheet, band: BandFormat, priority: number): void {
  ws.addConditionalFormatting({
    ref: rangeA1(band.range),
    rules: [
      {
        type: "cellIs",
        operator: "equal",
        priority,
        formulae: [`"${band.label.replace(/"/g, '""')}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(band.fill) } },
          font: { color: { argb: argb(band.fontColor) } },
        },
      },
    ],
  });
}

/** The very hidden settings sheet: marker in A1, the JSON in chunks below (saved-settings.ts). */
function writeSettings(wb: ExcelJS.Workbook, json: string): void {
  const ws = freshWorksheet(wb, SETTINGS_SHEET);
  ws.state = "veryHidden";
  settingsSheetValues(json).forEach((line, r) => {
    ws.getCell(r + 1, 1).value = toExcelValue(line[0]);
  });
}

/** Excel refuses a workbook whose active tab is gone or hidden. */
function keepActiveTabVisible(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const view = wb.views?.[0];
  if (!view) return;
  const active = view.activeTab ?? 0;
  if (active < sheets.length && sheets[active].state === "visible") return;
  const first = sheets.findIndex((ws) => ws.state === "visible");
  view.activeTab = first < 0 ? 0 : first;
  if ((view.firstSheet ?? 0) >= sheets.length) view.firstSheet = 0;
}
