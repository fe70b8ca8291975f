/**
 * Everything the task pane needs from its host, as one small type: the workbook port for the
 * use case, plus the Excel-only extras (marks, navigation, settings, import). Components reach
 * it through HostContext only, so every one of them runs in tests over a fake host.
 */
import type { Issue } from "../../core/issues";
import type { Settings } from "../../core/settings";
import type { WorkbookPort } from "../../core/workbook-port";

/** A workbook picked for import: its file name and its bytes as base64. */
export type ImportFile = { name: string; base64: string };

/**
 * A scoring sheet an import would copy in, and whether the workbook already has it (or an
 * earlier file of the same pick brings a sheet of that name: the same question is asked).
 */
export type ImportCandidate = { file: string; sheet: string; exists: boolean; units?: string[] };

/** A picked file that cannot be imported, and why (the other files go on). */
export type ImportFileProblem = { file: string; message: { vi: string; en: string } };

/** What the picked files hold: their scoring sheets, and the files that cannot be read. */
export type ImportInspection = { candidates: ImportCandidate[]; problems: ImportFileProblem[] };

/** What an import did. */
export type ImportOutcome = { imported: string[]; skipped: string[] };

export type ThemeKind = "light" | "dark";

export type TaskpaneHost = {
  port: WorkbookPort;
  /** Office's display language ("vi-VN", "en-US"). */
  displayLanguage: string;
  theme: ThemeKind;
  /** The sheet the user is on, for the agency's check of its own sheet. */
  activeSheet(): Promise<string | null>;
  /** Selects a cell (or the sheet's A1) and brings it into view. */
  goTo(sheet: string, cell: string | null): Promise<void>;
  /** Marks the cells of these issues; a later call replaces the marks. */
  highlightIssues(issues: readonly Issue[]): Promise<void>;
  clearHighlights(): Promise<void>;
  /** Saves the settings inside the workbook. */
  saveSettings(settings: Settings): Promise<void>;
  /** False where the host cannot insert sheets from another workbook. */
  canImport(): boolean;
  /** The scoring sheets these files would bring in. */
  inspectImport(files: readonly ImportFile[]): Promise<ImportInspection>;
  /** Copies the scoring sheets in; existing sheets are replaced only when `replace` is true. */
  importWorkbooks(files: readonly ImportFile[], replace: boolean): Promise<ImportOutcome>;
  /** A host failure as a sentence for people (never a stack trace). */
  describeError(error: unknown, lang: "vi" | "en"): string;
};
