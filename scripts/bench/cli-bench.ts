/**
 * Command-line benchmark, measured from outside as a person runs it: `par-scorer rank` (the
 * compiled command line, dist/node, through bin/par-scorer.js) against the floor, a plain node
 * process that loads the same files with ExcelJS and saves each again (exceljs-floor.js). Two
 * inputs: one workbook of 200 unit sheets, and one criteria file + 200 unit files. The floor and
 * the command alternate, run after run, and the ratio of their medians is reported, so the
 * machine's load cancels out as far as it can. Also the start-up: `par-scorer --version` against
 * a bare `node -e 0`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { buildProvinceWorkbook } from "../../test/fixtures/province-workbook";
import { median } from "./measure";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/par-scorer.js");
const FLOOR = path.join(__dirname, "exceljs-floor.js");
const CLI_SOURCES = ["src/core", "src/app", "src/xlsx", "src/node", "src/cli"];

/** The newest modification time of the .ts files under a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(full));
    else if (entry.name.endsWith(".ts")) time = Math.max(time, statSync(full).mtimeMs);
  }
  return time;
}

/** Compiles the command line (tsc -p tsconfig.cli.json) unless dist/node is newer than its sources. */
export function ensureCliBuilt(): void {
  const main = path.join(ROOT, "dist/node/cli/main.js");
  const sources = Math.max(...CLI_SOURCES.map((d) => newest(path.join(ROOT, d))));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  process.stderr.write("bench: compiling the command line (npm run build:cli)…\n");
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

/** Wall-clock ms of one child process, with its exit status. */
function runChild(args: readonly string[]): { ms: number; status: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status === null || child.status > 2)
    throw new Error(`${args.join(" ")} failed (${child.status}): ${child.stderr}`);
  return { ms, status: child.status };
}

export type CliCase = {
  label: string;
  files: number;
  bytes: number;
  /** Median ms of ExcelJS loading and saving the files, in a fresh node process. */
  floorMs: number;
  rankMs: number;
  ratio: number;
  /** Ratio of each pair (floor, rank) of the interleaved runs. */
  pairRatios: number[];
  status: number;
};

export type StartupResult = { versionMs: number; nodeMs: number; versionRuns: number[]; nodeRuns: number[] };

export type CliResult = { cases: CliCase[]; startup: StartupResult };

/** One workbook of `units` unit sheets (with the fixture's mistakes). */
async function writeOneWorkbook(units: number, dir: string): Promise<string[]> {
  const book = buildProvinceWorkbook({ units, layout: "unitSheets", mistakes: true });
  const file = path.join(dir, "so-noi-vu.xlsx");
  await snapshotToWorkbook(book.snapshot).xlsx.writeFile(file);
  return [file];
}

/** The criteria file and one file per unit; criteria file first. */
async function writeUnitFiles(units: number, dir: string): Promise<string[]> {
  const book = buildProvinceWorkbook({ units, layout: "unitSheets", mistakes: true });
  const unitSheets = new Set(book.units.map((u) => u.sheet));
  const shared: WorkbookSnapshot = { sheets: book.snapshot.sheets.filter((s) => !unitSheets.has(s.name)) };
  const files = [path.join(dir, "bo-tieu-chi.xlsx")];
  await snapshotToWorkbook(shared).xlsx.writeFile(files[0]);
  for (const [i, sheet] of book.snapshot.sheets.filter((s) => unitSheets.has(s.name)).entries()) {
    const file = path.join(dir, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`);
    await snapshotToWorkbook({ sheets: [sheet] }).xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

/** `par-scorer --version` and `node -e 0`, alternately, `runs` times each. */
export function benchStartup(runs: number): StartupResult {
  ensureCliBuilt();
  runChild([BIN, "--version"]); // warm-up: file cache
  const versionRuns: number[] = [];
  const nodeRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeRuns.push(runChild(["-e", "0"]).ms);
    versionRuns.push(runChild([BIN, "--version"]).ms);
  }
  return { versionMs: median(versionRuns), nodeMs: median(nodeRuns), versionRuns, nodeRuns };
}

/** Floor and rank of both inputs, interleaved, `runs` times each; medians. */
export async function benchCli(units = 200, runs = 5): Promise<CliResult> {
  ensureCliBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-bench-cli-"));
  try {
    const oneDir = path.join(dir, "one");
    const manyDir = path.join(dir, "many");
    for (const d of [oneDir, manyDir, path.join(dir, "floor"), path.join(dir, "out")])
      execFileSync("mkdir", ["-p", d]);
    const inputs = [
      { label: `rank, 1 workbook of ${units} unit sheets`, files: await writeOneWorkbook(units, oneDir) },
      { label: `rank, 1 criteria file + ${units} unit files`, files: await writeUnitFiles(units, manyDir) },
    ];
    const floorArgs = (files: string[]) => [FLOOR, path.join(dir, "floor"), ...files];
    const rankArgs = (files: string[]) => [
      BIN,
      "rank",
      ...files,
      "-o",
      path.join(dir, "out", "xep-hang.xlsx"),
    ];
    for (const input of inputs) {
      runChild(floorArgs(input.files)); // warm-up: file cache
      runChild(rankArgs(input.files));
    }
    const floors = inputs.map((): number[] => []);
    const ranks = inputs.map((): number[] => []);
    const status = inputs.map(() => -1);
    for (let i = 0; i < runs; i++) {
      inputs.forEach((input, k) => {
        floors[k].push(runChild(floorArgs(input.files)).ms);
        const r = runChild(rankArgs(input.files));
        ranks[k].push(r.ms);
        status[k] = r.status;
      });
    }
    const cases = inputs.map((input, k): CliCase => {
      const floorMs = median(floors[k]);
      const rankMs = median(ranks[k]);
      return {
        label: input.label,
        files: input.files.length,
        bytes: input.files.reduce((sum, f) => sum + readFileSync(f).length, 0),
        floorMs,
        rankMs,
        ratio: rankMs / floorMs,
        pairRatios: ranks[k].map((ms, i) => ms / floors[k][i]),
        status: status[k],
      };
    });
    return { cases, startup: benchStartup(Math.max(runs, 5)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
