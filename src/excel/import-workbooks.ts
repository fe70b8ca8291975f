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

/** The names of the workbook's sheets (one sync; no cell is read). */
export async function listSheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name");
    await context.sync();
    return collection.items.map((ws) => ws.name);
  });
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
 * Inserts the named sheets of a workbook (base64 of the .xlsx): new ones at the end, a sheet
 * whose name already exists skipped, or with `replace` replaced where it stands (the user chose
 * to replace it; its tab keeps its place). Returns the sheets' names (Excel answers with ids).
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
    // A sheet being replaced is renamed out of the way first and deleted only once the new one is
    // in, right after it: Excel refuses to delete a workbook's last visible sheet, and a failed
    // insert must not lose the old sheet (its name is then given back).
    const replaced = replace
      ? toInsert.flatMap((name) => {
          const old = existing.get(name.toLowerCase());
          return old ? [{ name, old, originalName: old.name }] : [];
        })
      : [];
    replaced.forEach((r, i) => {
      r.old.name = `~ParScorer cũ ${i + 1}`;
    });
    const added = toInsert.filter((name) => !replaced.some((r) => r.name === name));
    const results = [
      ...replaced.map((r) =>
        context.workbook.insertWorksheetsFromBase64(base64, {
          sheetNamesToInsert: [r.name],
          positionType: "After",
          relativeTo: r.old,
        }),
      ),
      ...(added.length
        ? [
            context.workbook.insertWorksheetsFromBase64(base64, {
              sheetNamesToInsert: [...added],
              positionType: "End",
            }),
          ]
        : []),
    ];
    try {
      await context.sync();
    } catch (error) {
      replaced.forEach((r) => {
        r.old.name = r.originalName;
      });
      await context.sync();
      throw error;
    }
    replaced.forEach((r) => r.old.delete());
    const inserted = results.flatMap((r) => r.value).map((id) => collection.getItem(id).load("name"));
    await context.sync();
    return { imported: inserted.map((ws) => ws.name), skipped };
  });
}
