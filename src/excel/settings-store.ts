/**
 * Settings saved in the workbook, on the very hidden settings sheet that the command line reads
 * too (src/core/saved-settings.ts). Saving keeps the signed list of sheets PAR Scorer owns. A
 * person's sheet of that name (visible, or without the marker) is never read nor overwritten.
 */
import { type CellValue, type SheetVisibility } from "../core/grid";
import { type SavedState, SETTINGS_SHEET, readSavedState, serializeSavedState } from "../core/saved-settings";
import type { Settings } from "../core/settings";
import { foreignStorageError, writeOfficePlan } from "./write-plan";

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Reads the saved settings (defaults when the workbook has none, or when the sheet is a person's). */
export async function loadSavedSettings(): Promise<SavedState> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    sheet.load("name,visibility");
    await context.sync();
    if (sheet.isNullObject) return readSavedState({ sheets: [] });
    const visibility = VISIBILITY[sheet.visibility] ?? "visible";
    const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    await context.sync();
    let values: CellValue[][] = [];
    if (!used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0) {
      values = used.values.map((line) =>
        line.map((v) => (v === "" ? null : (v as string | number | boolean))),
      );
    }
    return readSavedState({ sheets: [{ name: sheet.name, values, visibility }] });
  });
}

/** Saves settings in the workbook, keeping the signed list of the sheets PAR Scorer wrote. */
export async function saveSettingsToWorkbook(settings: Settings): Promise<void> {
  const saved = await loadSavedSettings();
  if (saved.storage === "foreign") throw foreignStorageError(SETTINGS_SHEET);
  await writeOfficePlan({
    sheets: [],
    deleteSheets: [],
    settingsJson: serializeSavedState(settings, saved.sheets),
  });
}
