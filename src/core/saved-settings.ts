/**
 * Settings travel inside the workbook, on a very hidden sheet, so that the task pane and the
 * command line read the same ones: a very hidden worksheet survives files rewritten by ExcelJS,
 * Office's document settings part does not. A1 holds a marker, A2 downwards the JSON in chunks
 * (Excel caps a cell at 32,767 characters).
 */
import { type CellValue, type WorkbookSnapshot, cellAt } from "./grid";
import { type Settings, type SettingsProblem, parseSettings } from "./settings";

export const SETTINGS_SHEET = "_ParScorer";

/**
 * True for PAR Scorer's own storage sheets: the settings sheet and any other very hidden
 * "_ParScorer…" sheet an adapter keeps (the task pane's highlight marks). They are never read as data.
 */
export function isStorageSheet(name: string): boolean {
  // Excel's sheet names ignore case: "_parscorer" is the same sheet.
  return name.toLowerCase().startsWith(SETTINGS_SHEET.toLowerCase());
}
export const SETTINGS_MARKER = "PAR Scorer settings v1";
const CHUNK = 30000;

/** What PAR Scorer keeps in the workbook besides the user's settings. */
export type SavedState = {
  settings: Settings;
  /** Names of the sheets PAR Scorer wrote (so that only those are ever replaced). */
  generatedSheets: string[];
  problems: SettingsProblem[];
};

/** Reads the saved settings; a missing or broken settings sheet gives the defaults and problems. */
export function readSavedState(snapshot: WorkbookSnapshot): SavedState {
  const sheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sheet || cellAt(sheet.values, 0, 0) !== SETTINGS_MARKER) {
    return { ...parseSettings({}), generatedSheets: [] };
  }
  let json = "";
  for (let row = 1; row < sheet.values.length; row++) {
    const v = cellAt(sheet.values, row, 0);
    if (typeof v !== "string" || v === "") break;
    json += v;
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      ...parseSettings({}),
      generatedSheets: [],
      problems: [{ path: "", message: "nội dung cài đặt không phải JSON hợp lệ" }],
    };
  }
  const record = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const { generatedSheets, ...rest } = record;
  const parsed = parseSettings(rest);
  const names = Array.isArray(generatedSheets)
    ? generatedSheets.filter((s): s is string => typeof s === "string")
    : [];
  return { ...parsed, generatedSheets: names };
}

/** The JSON saved for a state. */
export function serializeSavedState(settings: Settings, generatedSheets: readonly string[]): string {
  return JSON.stringify({ ...settings, generatedSheets });
}

/** The settings sheet's column A for a JSON text: the marker, then the chunks. */
export function settingsSheetValues(json: string): CellValue[][] {
  const rows: CellValue[][] = [[SETTINGS_MARKER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}
