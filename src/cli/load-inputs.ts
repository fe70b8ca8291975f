/**
 * Opens the input files and makes one workbook port of them: a single file is its own port;
 * several files are consolidated around the one holding the criteria sheet (auto-detected,
 * --criteria FILE or --criteria-sheet NAME), into which the ranking is written.
 */
import * as path from "node:path";
import { readWorkbookLayout } from "../core/analyze";
import type { WorkbookSnapshot } from "../core/grid";
import { SETTINGS_SHEET, readSavedState } from "../core/saved-settings";
import type { SettingsInput } from "../core/settings";
import type { WorkbookPort } from "../core/workbook-port";
import { FileProblemError } from "../node/file-problems";
import { type XlsxWorkbook, openXlsxWorkbook } from "../node/xlsx-workbook";
import { type SheetSource, mergeSnapshots } from "./merge-snapshots";

export type Inputs = {
  /** The workbook the ranking is written into (the criteria file). */
  primary: XlsxWorkbook;
  workbooks: XlsxWorkbook[];
  port: WorkbookPort;
  /** Merged sheet name → file and sheet; null for a single file. */
  sources: Map<string, SheetSource> | null;
  /** Settings overrides for the run (the --settings file and --criteria-sheet). */
  overrides: SettingsInput | null;
  /** True when the criteria file was chosen automatically among several. */
  criteriaChosen: boolean;
};

export type LoadOptions = {
  files: readonly string[];
  criteriaFile: string | null;
  criteriaSheet: string | null;
  settings: SettingsInput | null;
  onOpen?: (index: number, total: number, file: string) => void;
};

/**
 * Files opened at once: unzipping yields to the event loop between chunks, so a few files in
 * flight keep the processor busy while each waits.
 */
const OPEN_CONCURRENCY = 4;

/** Maps items with at most `limit` calls in flight; results in the items' order; the first rejection wins. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Opens every file (all before anything else happens); rejects with FileProblemError. */
export async function loadInputs(options: LoadOptions): Promise<Inputs> {
  const files = [...options.files];
  const criteriaPath = options.criteriaFile ? path.resolve(options.criteriaFile) : null;
  if (criteriaPath && !files.some((f) => path.resolve(f) === criteriaPath))
    files.unshift(options.criteriaFile!);
  let opened = 0;
  const workbooks = await mapConcurrently(files, OPEN_CONCURRENCY, async (file) => {
    const workbook = await openXlsxWorkbook(file);
    options.onOpen?.(++opened, files.length, file);
    return workbook;
  });
  const snapshots = await Promise.all(workbooks.map((w) => w.read()));
  const overridesFor = (snapshot: WorkbookSnapshot): SettingsInput | null =>
    settingsOverrides(snapshot, options.settings, options.criteriaSheet);

  if (options.criteriaSheet) {
    const key = options.criteriaSheet.toLocaleLowerCase();
    if (!snapshots.some((s) => s.sheets.some((sh) => sh.name.toLocaleLowerCase() === key))) {
      throw new FileProblemError({
        code: "criteria_sheet_missing",
        file: files.join(", "),
        detail: options.criteriaSheet,
      });
    }
  }

  if (workbooks.length === 1) {
    const [only] = workbooks;
    return {
      primary: only,
      workbooks,
      port: only,
      sources: null,
      overrides: overridesFor(snapshots[0]),
      criteriaChosen: false,
    };
  }

  // Only the layout of each file is needed to consolidate them; the scores are judged once, on the merge.
  const analyses = snapshots.map((s) => readWorkbookLayout(s, overridesFor(s)));
  let primaryIndex: number;
  let criteriaChosen = false;
  if (criteriaPath) {
    primaryIndex = workbooks.findIndex((w) => path.resolve(w.file) === criteriaPath);
  } else if (options.criteriaSheet) {
    const key = options.criteriaSheet.toLocaleLowerCase();
    primaryIndex = snapshots.findIndex((s) => s.sheets.some((sh) => sh.name.toLocaleLowerCase() === key));
    if (primaryIndex < 0) primaryIndex = 0;
  } else {
    const candidates = analyses.map((a, i) => ({ a, i })).filter(({ a }) => a.criteria !== null);
    if (candidates.length === 0)
      throw new FileProblemError({ code: "no_criteria_sheet", file: files.join(", ") });
    // A file holding only the criteria set (no unit sheets) is the natural choice.
    const pure = candidates.find(({ a }) => a.units.length === 0);
    primaryIndex = (pure ?? candidates[0]).i;
    criteriaChosen = true;
  }

  const primarySnapshot = snapshots[primaryIndex];
  const primaryLayout = analyses[primaryIndex].layout;
  const others = workbooks
    .map((w, i) => ({ w, i }))
    .filter(({ i }) => i !== primaryIndex)
    .map(({ w, i }) => {
      const layout = analyses[i].layout;
      const drop = new Set<string>([SETTINGS_SHEET, ...readSavedState(snapshots[i]).generatedSheets]);
      // Another file's copy of the criteria set or of the units list would compete with the primary's.
      // (A unit-only file's scoring sheet may double as its criteria sheet: that one stays.)
      const scoring = new Set([...layout.unitSheets, ...layout.matrixSheets]);
      if (layout.criteriaSheet && !scoring.has(layout.criteriaSheet)) drop.add(layout.criteriaSheet);
      if (layout.unitsListSheet && primaryLayout.unitsListSheet) drop.add(layout.unitsListSheet);
      for (const g of layout.generatedSheets) drop.add(g);
      return { file: w.file, snapshot: snapshots[i], drop };
    });
  const merged = mergeSnapshots({ file: workbooks[primaryIndex].file, snapshot: primarySnapshot }, others);
  const primary = workbooks[primaryIndex];
  const port: WorkbookPort = {
    read: async () => merged.snapshot,
    write: (plan, onProgress) => primary.write(plan, onProgress),
  };
  return {
    primary,
    workbooks,
    port,
    sources: merged.sources,
    overrides: overridesFor(primarySnapshot),
    criteriaChosen,
  };
}

/**
 * The overrides of a run: the --settings object, and --criteria-sheet folded into the saved
 * `sheets` setting (overrides replace top-level fields whole, so the saved sheet choices are kept).
 */
export function settingsOverrides(
  snapshot: WorkbookSnapshot,
  settings: SettingsInput | null,
  criteriaSheet: string | null,
): SettingsInput | null {
  if (!criteriaSheet) return settings;
  const savedSheets = readSavedState(snapshot).settings.sheets;
  return { ...settings, sheets: { ...savedSheets, ...settings?.sheets, criteria: criteriaSheet } };
}
