/**
 * Reads an agency's .xlsx (base64) into a WorkbookSnapshot in the browser, so that the engine can
 * tell which of its sheets are scoring sheets before they are imported. ExcelJS does the reading,
 * loaded on demand: only the import needs it, so it stays out of the task pane's first download.
 */
import type { WorkbookSnapshot } from "../../core/grid";
import { readWorksheet } from "../../xlsx/read-worksheet";

/** The sheets of an .xlsx given as base64, values anchored at A1; rejects when it is not a workbook. */
export async function readXlsxSnapshot(base64: string): Promise<WorkbookSnapshot> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS takes base64 text with { base64: true }; its typings know only Buffer and ignoreNodes.
    await workbook.xlsx.load(base64 as never, { base64: true } as never);
  } catch (error) {
    throw new Error(`not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  if (workbook.worksheets.length === 0) throw new Error("not an .xlsx workbook (no worksheet)");
  const date1904 = Boolean(workbook.properties?.date1904);
  return { sheets: workbook.worksheets.map((ws) => readWorksheet(ws, date1904)) };
}
