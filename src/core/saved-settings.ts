/**
 * Settings travel inside the workbook, on a very hidden sheet, so that the task pane and the
 * command line read the same ones: a very hidden worksheet survives files rewritten by ExcelJS,
 * Office's document settings part does not. A1 holds a marker, A2 downwards the JSON in chunks
 * (Excel caps a cell at 32,767 characters).
 */
import { type CellValue, type SheetSnapshot, type WorkbookSnapshot, cellAt } from "./grid";
import { type Settings, type SettingsProblem, parseSettings } from "./settings";
import type { SheetRecord } from "./sheet-ownership";

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
  /**
   * The sheets PAR Scorer wrote, each with the signature of what it wrote (sheet-ownership.ts);
   * a list saved by an earlier version has names only (signature null: nothing proven).
   */
  sheets: SheetRecord[];
  /** The settings sheet: absent, PAR Scorer's own, or a person's sheet of that name ("foreign"). */
  storage: "absent" | "own" | "foreign";
  problems: SettingsProblem[];
};

/** The sheet holding PAR Scorer's settings, found ignoring case as Excel does. */
export function findSettingsSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const wanted = SETTINGS_SHEET.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/**
 * Whether the settings sheet is PAR Scorer's: very hidden (when the adapter reports visibility)
 * with the marker in A1, or empty. A visible sheet, or one without the marker, is a person's: never read as
 * settings, never replaced.
 */
export function storageSheetState(sheet: SheetSnapshot | undefined): SavedState["storage"] {
  if (!sheet) return "absent";
  const veryHidden = sheet.visibility === undefined || sheet.visibility === "veryHidden";
  // An empty very hidden sheet holds nothing of anyone's (a run stopped before writing into it).
  const empty = sheet.values.every((line) => line.every((v) => v === null));
  return veryHidden && (cellAt(sheet.values, 0, 0) === SETTINGS_MARKER || empty) ? "own" : "foreign";
}

/** Reads the saved settings; a missing or broken settings sheet gives the defaults and problems. */
export function readSavedState(snapshot: WorkbookSnapshot): SavedState {
  const sheet = findSettingsSheet(snapshot);
  const storage = storageSheetState(sheet);
  if (!sheet || storage !== "own") {
    return { ...parseSettings({}), sheets: [], storage };
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
      sheets: [],
      storage,
      problems: [{ path: "", message: "nội dung cài đặt không phải JSON hợp lệ" }],
    };
  }
  const record = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const { generatedSheets, ownSheets, ...rest } = record;
  const parsed = parseSettings(rest);
  return { ...parsed, sheets: [...sheetRecords(ownSheets), ...legacyRecords(generatedSheets)], storage };
}

/** The signed list: [{ name, signature }]. */
function sheetRecords(value: unknown): SheetRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { name, signature } = (typeof item === "object" && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    return typeof name === "string" && typeof signature === "string" ? [{ name, signature }] : [];
  });
}

/** The list of earlier versions: names only, which prove nothing. */
function legacyRecords(value: unknown): SheetRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is string => typeof s === "string").map((name) => ({ name, signature: null }));
}

/** The JSON saved for a state: the settings and the signed list of the sheets PAR Scorer wrote. */
export function serializeSavedState(settings: Settings, sheets: readonly SheetRecord[]): string {
  const ownSheets = sheets.flatMap((s) =>
    s.signature === null ? [] : [{ name: s.name, signature: s.signature }],
  );
  return JSON.stringify({ ...settings, ownSheets });
}

/** The settings sheet's column A for a JSON text: the marker, then the chunks. */
export function settingsSheetValues(json: string): CellValue[][] {
  const rows: CellValue[][] = [[SETTINGS_MARKER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}
