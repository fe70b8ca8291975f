/**
 * Settings saved in the workbook, on the very hidden settings sheet that the command line reads
 * too (src/core/saved-settings.ts). Saving keeps the list of sheets PAR Scorer owns.
 */
import { type SavedState, SETTINGS_SHEET, readSavedState, serializeSavedState } from "../core/saved-settings";
import type { Settings } from "../core/settings";
import { writeOfficePlan } from "./write-plan";

/** Reads the saved settings (defaults when the workbook has none). */
export async function loadSavedSettings(): Promise<SavedState> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return readSavedState({ sheets: [] });
    const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    await context.sync();
    if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0)
      return readSavedState({ sheets: [] });
    const values = used.values.map((line) =>
      line.map((v) => (v === "" ? null : (v as string | number | boolean))),
    );
    return readSavedState({ sheets: [{ name: SETTINGS_SHEET, values }] });
  });
}

/** Saves settings in the workbook, keeping the names of the sheets PAR Scorer wrote. */
export async function saveSettingsToWorkbook(settings: Settings): Promise<void> {
  const saved = await loadSavedSettings();
  await writeOfficePlan({
    sheets: [],
    deleteSheets: [],
    settingsJson: serializeSavedState(settings, saved.generatedSheets),
  });
}
