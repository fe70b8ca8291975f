/**
 * Full check-and-rank runs through both hosts, for the hardening tests:
 * - the command line: the snapshot written to a temporary .xlsx with ExcelJS, then `main(["rank"…])`
 *   exactly as `par-scorer rank` runs it, the output read back with ExcelJS;
 * - Office.js: the in-memory Excel stand-in, the Office.js port (src/excel/office-workbook.ts) and
 *   the use case rankWorkbook, as the task pane runs it.
 * Also: comparing every input cell before and after, and reading written sheets' formats.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { rankWorkbook } from "../../src/app/score-workbook";
import { main } from "../../src/cli/main";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import type { WritePlan } from "../../src/core/model";
import type { WorkbookPort } from "../../src/core/workbook-port";
import { SETTINGS_SHEET } from "../../src/core/saved-settings";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { readWorksheet } from "../../src/xlsx/read-worksheet";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import {
  type StandInHost,
  type StandInWorkbook,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";

// ── Comparing grids ─────────────────────────────────────────────────────────────────────────

/** A grid without trailing empty rows and columns, "" read as empty (hosts do not keep empty text). */
export function normalizeGrid(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((line) => line.map((v) => (v === "" ? null : v)));
  let height = rows.length;
  while (height > 0 && rows[height - 1].every((v) => v === null)) height--;
  let width = 0;
  for (const line of rows.slice(0, height)) {
    for (let c = line.length - 1; c >= width; c--) {
      if (line[c] !== null) {
        width = c + 1;
        break;
      }
    }
  }
  return rows.slice(0, height).map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
}

/** The user's sheets of a snapshot (all but PAR Scorer's own), by name, normalised. */
export function userSheets(
  snapshot: WorkbookSnapshot,
  generated: readonly string[],
): Map<string, CellValue[][]> {
  const own = new Set([SETTINGS_SHEET, ...generated].map((n) => n.toLocaleLowerCase()));
  const out = new Map<string, CellValue[][]>();
  for (const s of snapshot.sheets)
    if (!own.has(s.name.toLocaleLowerCase())) out.set(s.name, normalizeGrid(s.values));
  return out;
}

/** Every cell that differs between two sets of user sheets, as "Sheet!A1: before → after". */
export function changedCells(
  before: Map<string, CellValue[][]>,
  after: Map<string, CellValue[][]>,
): string[] {
  const out: string[] = [];
  for (const [name, grid] of before) {
    const other = after.get(name);
    if (!other) {
      out.push(`${name}: sheet gone`);
      continue;
    }
    const rows = Math.max(grid.length, other.length);
    const cols = Math.max(grid[0]?.length ?? 0, other[0]?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const a = grid[r]?.[c] ?? null;
        const b = other[r]?.[c] ?? null;
        if (JSON.stringify(a) !== JSON.stringify(b) || (typeof a === "number" && !Object.is(a, b))) {
          out.push(`${name}!R${r + 1}C${c + 1}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
        }
      }
    }
  }
  return out;
}

// ── ExcelJS and the command line ────────────────────────────────────────────────────────────

/** Writes a snapshot to an .xlsx file, hiding the given zero-based rows of every sheet. */
export async function writeSnapshotFile(
  snapshot: WorkbookSnapshot,
  file: string,
  hiddenRows: readonly number[] = [],
): Promise<void> {
  const wb = snapshotToWorkbook(snapshot);
  for (const ws of wb.worksheets) for (const r of hiddenRows) ws.getRow(r + 1).hidden = true;
  await wb.xlsx.writeFile(file);
}

/** Every sheet of an .xlsx file as the command line reads it. */
export async function readSnapshotFile(
  file: string,
): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return { snapshot: { sheets: workbook.worksheets.map((ws) => readWorksheet(ws, false)) }, workbook };
}

export type CliRun = { status: number; stdout: string; stderr: string };

/** Runs the command line in this process, capturing its output. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
  });
  return { status, stdout, stderr };
}

/** The sheet names PAR Scorer owns in a written workbook, from its settings sheet. */
export function generatedSheetsOf(snapshot: WorkbookSnapshot): string[] {
  const sheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!sheet) return [];
  const json = sheet.values
    .slice(1)
    .map((line) => line[0])
    .filter((v): v is string => typeof v === "string")
    .join("");
  const own = (JSON.parse(json) as { ownSheets?: unknown }).ownSheets;
  return Array.isArray(own)
    ? own.flatMap((o: unknown) => {
        const name = (o as { name?: unknown } | null)?.name;
        return typeof name === "string" ? [name] : [];
      })
    : [];
}

export type ExcelJsRankRun = CliRun & {
  before: WorkbookSnapshot;
  /** Null when the command wrote nothing. */
  after: WorkbookSnapshot | null;
  output: string;
};

/** `par-scorer rank input.xlsx -o output.xlsx` over a snapshot written with ExcelJS. */
export async function rankThroughCli(
  snapshot: WorkbookSnapshot,
  dir: string,
  name: string,
  hiddenRows: readonly number[] = [],
): Promise<ExcelJsRankRun> {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}.xep-hang.xlsx`);
  await writeSnapshotFile(snapshot, input, hiddenRows);
  const before = (await readSnapshotFile(input)).snapshot;
  const run = await runCli(["rank", input, "-o", output, "--json"]);
  const after = existsSync(output) ? (await readSnapshotFile(output)).snapshot : null;
  return { ...run, before, after, output };
}

// ── Office.js through the stand-in ──────────────────────────────────────────────────────────

export type OfficeRankRun = {
  before: WorkbookSnapshot;
  after: WorkbookSnapshot;
  plan: WritePlan;
  workbook: StandInWorkbook;
  host: StandInHost;
};

/** Installs the stand-in holding a snapshot; the caller uninstalls it. */
export function installStandIn(snapshot: WorkbookSnapshot): StandInHost {
  return installExcelStandIn(globalThis, createStandInWorkbook(snapshot));
}

/** One rank run through the Office.js port on an installed stand-in. */
export async function rankThroughOffice(host: StandInHost): Promise<OfficeRankRun> {
  const before = dumpWorkbook(host.workbook);
  const { plan } = await rankWorkbook(createOfficeWorkbook());
  return { before, after: dumpWorkbook(host.workbook), plan, workbook: host.workbook, host };
}

type ExcelRun = (...args: unknown[]) => Promise<unknown>;

/**
 * The Office.js port whose write fails at its nth context.sync() (1-based), as Excel does when the
 * connection drops or the workbook is closed. A small budget splits the write into many syncs.
 */
export function portFailingAtSync(
  host: StandInHost,
  n: number,
  budget: number,
): WorkbookPort & { syncs: () => number } {
  const port = createOfficeWorkbook(budget);
  let count = 0;
  return {
    syncs: () => count,
    read: () => port.read(),
    async write(plan, onProgress) {
      const excel = (globalThis as unknown as { Excel: { run: ExcelRun } }).Excel;
      const run = excel.run;
      excel.run = (...args: unknown[]) => {
        const batch = args[args.length - 1] as (ctx: { sync: () => Promise<void> }) => Promise<unknown>;
        const wrapped = (ctx: { sync: () => Promise<void> }) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = () => {
            if (++count === n) host.failNextSync("GeneralException", "The connection to Excel was lost.");
            return sync();
          };
          return batch(ctx);
        };
        return run(...args.slice(0, -1), wrapped);
      };
      try {
        await port.write(plan, onProgress);
      } finally {
        excel.run = run;
      }
    },
  };
}

/** The cells of PAR Scorer's sheets, copied (for comparing states). */
export function rankingState(host: StandInHost, names: readonly string[]): unknown {
  return structuredClone(names.map((name) => [name, sheetOf(host.workbook, name)?.cells ?? null]));
}

/** A sheet of a snapshot by name. */
export function sheetNamed(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}
