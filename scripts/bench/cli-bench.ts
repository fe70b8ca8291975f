/**
 * Command-line benchmark: check and rank of one criteria file and N unit files (one unit sheet
 * each, as units send them in), against the floor: the time ExcelJS alone needs to load the same
 * files. Reported as ratios measured in one run, so the machine's speed cancels out.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { buildProvinceWorkbook } from "../../test/fixtures/province-workbook";
import { median, timedAsync } from "./measure";

export type CliResult = {
  files: number;
  bytes: number;
  /** Median ms to load every file with ExcelJS alone. */
  floorMs: number;
  checkMs: number;
  rankMs: number;
  checkRatio: number;
  rankRatio: number;
  checkStatus: number;
  rankStatus: number;
};

/** Writes the criteria file and one file per unit; returns their paths, criteria file first. */
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

const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} };

/** Loads every file with ExcelJS and nothing else. */
async function loadAll(files: readonly string[]): Promise<void> {
  for (const file of files) {
    await new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  }
}

/** Floor, check and rank over `units` unit files, `runs` times each, medians. */
export async function benchCli(units = 200, runs = 3): Promise<CliResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-bench-cli-"));
  try {
    const files = await writeUnitFiles(units, dir);
    const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
    await loadAll(files); // warm-up: file cache and JIT
    const floor: number[] = [];
    const check: number[] = [];
    const rank: number[] = [];
    let checkStatus = -1;
    let rankStatus = -1;
    for (let i = 0; i < runs; i++) {
      floor.push((await timedAsync(() => loadAll(files))).ms);
      const c = await timedAsync(() => main(["check", ...files], quiet));
      check.push(c.ms);
      checkStatus = c.value;
      const r = await timedAsync(() =>
        main(["rank", ...files, "-o", path.join(dir, "xep-hang.xlsx")], quiet),
      );
      rank.push(r.ms);
      rankStatus = r.value;
    }
    const floorMs = median(floor);
    return {
      files: files.length,
      bytes,
      floorMs,
      checkMs: median(check),
      rankMs: median(rank),
      checkRatio: median(check) / floorMs,
      rankRatio: median(rank) / floorMs,
      checkStatus,
      rankStatus,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
