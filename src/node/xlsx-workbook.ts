/**
 * The command line's workbook port: an .xlsx file through ExcelJS. The file is checked before
 * ExcelJS opens it (inspect-package.ts); nothing is written to disk until save().
 */
import { promises as fs } from "node:fs";
import { writeFileSafely } from "./safe-write";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/grid";
import type { WritePlan } from "../core/model";
import type { ProgressListener, WorkbookPort } from "../core/workbook-port";
import { applyWritePlan } from "./apply-write-plan";
import { packWorkbook } from "./pack-workbook";
import { type FileProblem, FileProblemError } from "./file-problems";
import {
  DEFAULT_LIMITS,
  type LossyPart,
  type PackageLimits,
  findLossyParts,
  inspectPackage,
} from "./inspect-package";
import { SheetTooLargeError, readWorksheet } from "../xlsx/read-worksheet";
import { type SheetRename, retargetFormulas, shortenLongSheetNames } from "./long-sheet-names";

export type XlsxWorkbook = WorkbookPort & {
  readonly file: string;
  /** The ExcelJS workbook (for tests and tools). */
  readonly workbook: ExcelJS.Workbook;
  /** Parts of the original package that ExcelJS would drop when saving (for --in-place). */
  lossyParts(): Promise<LossyPart[]>;
  /** Writes the workbook to a file safely (safe-write.ts): a temporary file beside it, then renamed. */
  save(target: string): Promise<void>;
  /** Sheets whose names are over Excel's 31 characters: read under their real name, written under a short one. */
  readonly renamedSheets: readonly SheetRename[];
};

export type OpenOptions = { limits?: PackageLimits };

/** Reads and checks a file; rejects with FileProblemError when it cannot be used. */
export async function openXlsxWorkbook(file: string, options: OpenOptions = {}): Promise<XlsxWorkbook> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const bytes = await readFileBytes(file, limits);
  const check = await inspectPackage(file, bytes, limits);
  if (!check.ok) throw new FileProblemError(check.problem);
  const { zip } = check.report;
  // A sheet name over Excel's 31 characters would make ExcelJS refuse the whole file.
  const { bytes: loadable, renames } = await shortenLongSheetNames(bytes, zip);
  const realName = new Map(renames.map((r) => [r.written, r.name]));

  const workbook = new ExcelJS.Workbook();
  try {
    await withoutLibraryWarnings(() => workbook.xlsx.load(loadable as unknown as ExcelJS.Buffer));
  } catch {
    // ExcelJS's own message is English and technical: the user gets "the file is damaged".
    throw new FileProblemError({ code: "unreadable_workbook", file });
  }
  if (workbook.worksheets.length === 0) throw new FileProblemError({ code: "no_sheets", file });
  retargetFormulas(workbook, renames);
  const date1904 = Boolean(workbook.properties?.date1904);
  const snapshotOf = (): WorkbookSnapshot => {
    try {
      const sheets = workbook.worksheets.map((ws) => readWorksheet(ws, date1904));
      return {
        sheets: sheets.map((s) => (realName.has(s.name) ? { ...s, name: realName.get(s.name)! } : s)),
      };
    } catch (error) {
      if (!(error instanceof SheetTooLargeError)) throw error;
      throw new FileProblemError({
        code: "sheet_too_large",
        file,
        detail: error.sheet,
        count: error.cells,
        limit: error.limit,
      });
    }
  };
  let cached: WorkbookSnapshot | null = snapshotOf();
  if (cached.sheets.every((s) => s.values.length === 0))
    throw new FileProblemError({ code: "empty_workbook", file });

  // After a save, unstyled cells share one frozen style (pack-workbook.ts) until the workbook is
  // handed out or changed again: a command line that saves last never pays for the undo.
  let restoreStyles: (() => void) | null = null;
  const ownWorkbook = (): ExcelJS.Workbook => {
    restoreStyles?.();
    restoreStyles = null;
    return workbook;
  };
  return {
    file,
    get workbook() {
      return ownWorkbook();
    },
    async read() {
      cached ??= snapshotOf();
      return cached;
    },
    async write(plan: WritePlan, onProgress?: ProgressListener) {
      cached = null;
      applyWritePlan(ownWorkbook(), plan, onProgress);
    },
    lossyParts: () => findLossyParts(zip),
    renamedSheets: renames,
    async save(target: string) {
      const packed = await packWorkbook(ownWorkbook());
      restoreStyles = packed.restoreStyles;
      await writeFileSafely(target, packed.bytes);
    },
  };
}

/**
 * Runs ExcelJS with console.warn silenced: it prints English warnings of its own (a sheet name
 * over 31 characters) that must not reach the user; PAR Scorer reports what matters itself.
 */
async function withoutLibraryWarnings<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

async function readFileBytes(file: string, limits: PackageLimits): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw problem({ code: "file_unreadable", file, detail: "không phải tệp" });
    if (stat.size > limits.maxFileBytes)
      throw problem({ code: "file_too_large", file, count: stat.size, limit: limits.maxFileBytes });
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof FileProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw problem({ code: "file_not_found", file });
    throw problem({ code: "file_unreadable", file, detail: code ?? messageOf(error) });
  }
}

const problem = (p: FileProblem): FileProblemError => new FileProblemError(p);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
