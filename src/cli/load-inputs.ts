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
import type { ParsedWorkbook, UnitScores } from "../core/model";
import { type FileProblem, FileProblemError } from "../node/file-problems";
import { type XlsxWorkbook, openXlsxWorkbook } from "../node/xlsx-workbook";
import { type SheetSource, mergeSnapshots } from "./merge-snapshots";

/** A unit found in a file, on one of its sheets (the sheet's name in that file). */
export type FoundUnit = {
  name: string;
  sheet: string;
  /** What became of this copy when the unit has several (from the run's issues). */
  fate?: "unit_duplicate" | "unit_draft_ignored" | "unit_identical_copy" | "unit_copy_not_chosen";
};

/** How one input file was used: the first part of the consolidation report. */
export type FileReport = {
  /** The path as given on the command line. */
  path: string;
  /** Units found on its scoring sheets (every copy, decided or not). */
  units: FoundUnit[];
  /** Its criteria sheet: the one used for the run, one ignored (another file's is used), or none. */
  criteria: { sheet: string; used: boolean } | null;
  /** Why the file cannot be used (it then takes no part in the run), else null. */
  problem: FileProblem | NothingFound | null;
};

/** A workbook that opens but holds neither a scoring sheet nor the criteria set used. */
export type NothingFound = { code: "no_scoring_sheet"; file: string };

export type Inputs = {
  /** The workbook the ranking is written into (the criteria file). */
  primary: XlsxWorkbook;
  /** The usable workbooks, in the order of their paths. */
  workbooks: XlsxWorkbook[];
  port: WorkbookPort;
  /** Merged sheet name → file and sheet; null for a single file. */
  sources: Map<string, SheetSource> | null;
  /** Settings overrides for the run (the --settings file and --criteria-sheet). */
  overrides: SettingsInput | null;
  /** True when the criteria file was chosen automatically among several. */
  criteriaChosen: boolean;
  /**
   * Every input file, usable or not, in the order of their paths (so that the order of the
   * arguments never changes a result). For a single file the units are filled in from its analysis.
   */
  files: FileReport[];
};

export type LoadOptions = {
  files: readonly string[];
  criteriaFile: string | null;
  criteriaSheet: string | null;
  settings: SettingsInput | null;
  /** Stop at the first unusable file (FileProblemError) instead of listing it and going on. */
  strict?: boolean;
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

/** Code-unit order of the resolved paths: the same on every machine and in every locale. */
function byPath(a: string, b: string): number {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/** The input files once each (a file named twice is read once), in the order of their paths. */
export function orderInputFiles(files: readonly string[], criteriaFile: string | null): string[] {
  const all = criteriaFile ? [criteriaFile, ...files] : [...files];
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const file of all) {
    const key = path.resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(file);
  }
  return unique.sort(byPath);
}

type Opened = { file: string; workbook: XlsxWorkbook } | { file: string; problem: FileProblem };

/**
 * Opens every file (all before anything else happens). An unusable file is listed with its
 * reason and the others go on (with `strict`, the first one rejects with FileProblemError);
 * the criteria file itself, or no usable file at all, still rejects.
 */
export async function loadInputs(options: LoadOptions): Promise<Inputs> {
  const files = orderInputFiles(options.files, options.criteriaFile);
  const criteriaPath = options.criteriaFile ? path.resolve(options.criteriaFile) : null;
  let opened = 0;
  const attempts = await mapConcurrently(files, OPEN_CONCURRENCY, async (file): Promise<Opened> => {
    try {
      const workbook = await openXlsxWorkbook(file);
      return { file, workbook };
    } catch (error) {
      // A single file, the named criteria file and --strict keep the stop-at-first behaviour.
      if (
        !(error instanceof FileProblemError) ||
        options.strict ||
        files.length === 1 ||
        path.resolve(file) === criteriaPath
      )
        throw error;
      return { file, problem: error.problem };
    } finally {
      options.onOpen?.(++opened, files.length, file);
    }
  });
  const failed = attempts.filter((a): a is Extract<Opened, { problem: FileProblem }> => "problem" in a);
  const usable = attempts.filter((a): a is Extract<Opened, { workbook: XlsxWorkbook }> => "workbook" in a);
  if (usable.length === 0) throw new FileProblemError(failed[0].problem);
  const workbooks = usable.map((a) => a.workbook);
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
  const problemReports = (): FileReport[] =>
    failed.map((f) => ({ path: f.file, units: [], criteria: null, problem: f.problem }));
  const inPathOrder = (reports: FileReport[]): FileReport[] => reports.sort((a, b) => byPath(a.path, b.path));

  if (workbooks.length === 1 && failed.length === 0) {
    const [only] = workbooks;
    return {
      primary: only,
      workbooks,
      port: only,
      sources: null,
      overrides: overridesFor(snapshots[0]),
      criteriaChosen: false,
      files: [{ path: only.file, units: [], criteria: null, problem: null }],
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
      const drop = new Set<string>([SETTINGS_SHEET]);
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
  const reports = workbooks.map((w, i): FileReport => {
    const parsed = analyses[i];
    const scoring = new Set([...parsed.layout.unitSheets, ...parsed.layout.matrixSheets]);
    const criteriaSheet = parsed.layout.criteriaSheet;
    // A unit-only file whose scoring sheet stood in for the criteria sheet has no criteria sheet of its own.
    const ownCriteria = criteriaSheet !== null && (i === primaryIndex || !scoring.has(criteriaSheet));
    const units = foundUnits(parsed);
    return {
      path: w.file,
      units,
      criteria: ownCriteria ? { sheet: criteriaSheet, used: i === primaryIndex } : null,
      problem: units.length === 0 && i !== primaryIndex ? { code: "no_scoring_sheet", file: w.file } : null,
    };
  });
  return {
    primary,
    workbooks,
    port,
    sources: merged.sources,
    overrides: overridesFor(primarySnapshot),
    criteriaChosen,
    files: inPathOrder([...reports, ...problemReports()]),
  };
}

/** Every unit copy a reading found (those set aside as duplicates too), in the order of its sheets. */
export function foundUnits(
  parsed: Pick<ParsedWorkbook, "units" | "layout"> & { setAside?: UnitScores[] },
): FoundUnit[] {
  const position = new Map(parsed.layout.sheetLayouts.map((s, i) => [s.sheet, i]));
  return [...parsed.units, ...(parsed.setAside ?? [])]
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (position.get(a.u.sheet) ?? 0) - (position.get(b.u.sheet) ?? 0) || a.i - b.i)
    .map(({ u }) => ({ name: u.unit, sheet: u.sheet }));
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
