/**
 * A TaskpaneHost over an in-memory workbook, for component tests: the port reads the snapshot
 * and applies write plans to it (so a second read sees the ranking sheets), settings are saved
 * on the settings sheet the way the real adapters do, and every Excel-only call is recorded.
 */
import { type CellValue, type SheetSnapshot, type WorkbookSnapshot, fromA1 } from "../../src/core/grid";
import type { WritePlan } from "../../src/core/model";
import { SETTINGS_SHEET, serializeSavedState, settingsSheetValues } from "../../src/core/saved-settings";
import type { Settings } from "../../src/core/settings";
import type { ProgressListener } from "../../src/core/workbook-port";
import type {
  ImportCandidate,
  ImportFile,
  ImportFileProblem,
  ImportInspection,
  ImportOutcome,
  TaskpaneHost,
} from "../../src/taskpane/host/taskpane-host";

export type FakeHostOptions = {
  displayLanguage?: string;
  activeSheet?: string | null;
  canImport?: boolean;
  importCandidates?: ImportCandidate[];
  importProblems?: ImportFileProblem[];
  /** Holds write() until this promise settles, to watch the progress. */
  writeGate?: Promise<void>;
  /** Makes read() fail with this error. */
  readError?: Error;
};

export type FakeHost = {
  host: TaskpaneHost;
  workbook: { sheets: SheetSnapshot[] };
  plans: WritePlan[];
  /** How many times the port was read. */
  reads: () => number;
  /** Types a value into a cell of the in-memory workbook, as a person would between two checks. */
  setCell: (sheet: string, a1: string, value: CellValue) => void;
  goTo: jest.Mock<Promise<void>, [string, string | null]>;
  highlightIssues: jest.Mock;
  clearHighlights: jest.Mock;
  saveSettings: jest.Mock<Promise<void>, [Settings]>;
  importWorkbooks: jest.Mock<Promise<ImportOutcome>, [readonly ImportFile[], boolean]>;
  inspectImport: jest.Mock<Promise<ImportInspection>, [readonly ImportFile[]]>;
};

/** A fake host holding a copy of the snapshot. */
export function makeFakeHost(snapshot: WorkbookSnapshot, options: FakeHostOptions = {}): FakeHost {
  const workbook = { sheets: snapshot.sheets.map(copySheet) };
  const plans: WritePlan[] = [];
  let reads = 0;
  const putSheet = (sheet: SheetSnapshot) => {
    const at = workbook.sheets.findIndex((s) => s.name === sheet.name);
    if (at >= 0) workbook.sheets[at] = sheet;
    else workbook.sheets.push(sheet);
  };
  const saveSettings = jest.fn(async (settings: Settings) => {
    putSheet({
      name: SETTINGS_SHEET,
      visibility: "veryHidden",
      values: settingsSheetValues(serializeSavedState(settings, [])),
    });
  });
  const fake: FakeHost = {
    workbook,
    plans,
    reads: () => reads,
    setCell: (sheet, a1, value) => {
      const target = workbook.sheets.find((s) => s.name === sheet);
      if (!target) throw new Error(`no sheet ${sheet}`);
      const { row, col } = fromA1(a1);
      const values = target.values.map((line) => [...line]);
      while (values.length <= row) values.push([]);
      values[row][col] = value;
      target.values = values;
    },
    goTo: jest.fn<Promise<void>, [string, string | null]>(async () => undefined),
    highlightIssues: jest.fn(async () => undefined),
    clearHighlights: jest.fn(async () => undefined),
    saveSettings,
    inspectImport: jest.fn<Promise<ImportInspection>, [readonly ImportFile[]]>(async () => ({
      candidates: options.importCandidates ?? [],
      problems: options.importProblems ?? [],
    })),
    importWorkbooks: jest.fn<Promise<ImportOutcome>, [readonly ImportFile[], boolean]>(
      async (_files, replace) => {
        const candidates = options.importCandidates ?? [];
        return {
          imported: candidates.filter((c) => replace || !c.exists).map((c) => c.sheet),
          skipped: candidates.filter((c) => !replace && c.exists).map((c) => c.sheet),
        };
      },
    ),
    host: null as unknown as TaskpaneHost,
  };
  fake.host = {
    port: {
      read: async () => {
        reads++;
        if (options.readError) throw options.readError;
        return { sheets: workbook.sheets.map(copySheet) };
      },
      write: async (plan: WritePlan, onProgress?: ProgressListener) => {
        plans.push(plan);
        await options.writeGate;
        plan.sheets.forEach((sheetPlan, i) => {
          putSheet({ name: sheetPlan.name, values: applyPatches(sheetPlan.patches) });
          onProgress?.((i + 1) / plan.sheets.length, sheetPlan.name);
        });
        workbook.sheets = workbook.sheets.filter((s) => !plan.deleteSheets.includes(s.name));
        if (plan.settingsJson !== null)
          putSheet({
            name: SETTINGS_SHEET,
            visibility: "veryHidden",
            values: settingsSheetValues(plan.settingsJson),
          });
      },
    },
    displayLanguage: options.displayLanguage ?? "vi-VN",
    theme: "light",
    activeSheet: async () => options.activeSheet ?? null,
    goTo: fake.goTo,
    highlightIssues: fake.highlightIssues,
    clearHighlights: fake.clearHighlights,
    saveSettings,
    canImport: () => options.canImport ?? true,
    inspectImport: fake.inspectImport,
    importWorkbooks: fake.importWorkbooks,
    describeError: (_error, lang) =>
      lang === "vi" ? "Excel không phản hồi. Hãy thử lại." : "Excel did not respond. Try again.",
  };
  return fake;
}

function copySheet(sheet: SheetSnapshot): SheetSnapshot {
  return { ...sheet, values: sheet.values.map((row) => [...row]) };
}

/** The grid a sheet plan's patches produce, anchored at A1. */
function applyPatches(patches: WritePlan["sheets"][number]["patches"]): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const patch of patches) {
    patch.values.forEach((line, r) => {
      const row = (grid[patch.row + r] ??= []);
      line.forEach((value, c) => {
        row[patch.col + c] = value;
      });
    });
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (v) => (v === undefined ? null : v)));
}
