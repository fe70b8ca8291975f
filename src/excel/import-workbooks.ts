/**
 * Importing agencies' workbooks into the open one with workbook.insertWorksheetsFromBase64
 * (ExcelApi 1.13: Microsoft 365, Excel on the web; not Excel 2019). Callers check
 * canImportWorkbooks() first and offer the command line otherwise.
 */
import { OPTIONAL_EXCEL_API, isExcelApiSupported } from "./excel-api";
import { ExcelAdapterError } from "./host-errors";

export type ImportResult = { imported: string[]; skipped: string[] };

/** True when this Excel can insert sheets from another workbook. */
export function canImportWorkbooks(): boolean {
  return isExcelApiSupported(OPTIONAL_EXCEL_API.insertWorksheets);
}

/** Base64 of a file's bytes (FileReader-free, chunked so large files do not overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Inserts the named sheets of a workbook (base64 of the .xlsx) at the end. A sheet whose name
 * already exists is skipped, or with `replace` deleted first: the user chose to replace it.
 */
export async function importWorksheets(
  base64: string,
  sheets: readonly string[],
  replace: boolean,
): Promise<ImportResult> {
  if (!canImportWorkbooks()) {
    throw new ExcelAdapterError(
      "Phiên bản Excel này không nhập được sheet từ tệp khác (cần Microsoft 365 hoặc Excel trên web). Hãy dùng dòng lệnh par-scorer để gộp các tệp.",
      "This Excel cannot insert sheets from another file (Microsoft 365 or Excel on the web is needed). Use the par-scorer command line to combine the files.",
    );
  }
  if (sheets.length === 0) return { imported: [], skipped: [] };
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name");
    await context.sync();
    const existing = new Map(collection.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const skipped = replace ? [] : sheets.filter((name) => existing.has(name.toLowerCase()));
    const toInsert = sheets.filter((name) => !skipped.includes(name));
    if (toInsert.length === 0) return { imported: [], skipped };
    if (replace) {
      for (const name of toInsert) existing.get(name.toLowerCase())?.delete();
    }
    const inserted = context.workbook.insertWorksheetsFromBase64(base64, {
      sheetNamesToInsert: [...toInsert],
      positionType: "End",
    });
    await context.sync();
    return { imported: inserted.value, skipped };
  });
}
