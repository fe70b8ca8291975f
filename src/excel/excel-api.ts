/**
 * Which Excel JavaScript API sets PAR Scorer relies on. The manifest asks for ExcelApi 1.7 (Excel
 * 2019 and later, Microsoft 365, Excel on the web and Mac): everything a run needs exists there.
 * Newer features are used only when the host has them (docs/excel.md, "Requirement sets").
 */

/** The minimum set, as declared in manifest.xml. */
export const MIN_EXCEL_API = "1.7";

/** Features above the minimum, by the ExcelApi version that brings them. */
export const OPTIONAL_EXCEL_API = {
  /** worksheet.pageLayout: landscape, fit to width, print titles. */
  pageLayout: "1.9",
  /** range.format.fill.pattern: tells "no fill" from a white fill when restoring marks. */
  fillPattern: "1.9",
  /** range.getMergedAreasOrNullObject: merged areas when reading. */
  mergedAreas: "1.13",
  /** workbook.insertWorksheetsFromBase64: importing agencies' workbooks. */
  insertWorksheets: "1.13",
} as const;

/** True when the running Excel supports ExcelApi at this version (false outside Office). */
export function isExcelApiSupported(version: string): boolean {
  if (typeof Office === "undefined") return false;
  const requirements = Office.context?.requirements;
  return !!requirements && requirements.isSetSupported("ExcelApi", version);
}
