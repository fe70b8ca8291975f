/**
 * A failure in the middle of writing.
 *
 * Command line: the whole file is written to a temporary file beside the target and renamed over
 * it, so the target is the old file or absent, never half-written, and no temporary file is left.
 *
 * Office.js: Excel has no transaction across context.sync() calls. Each sync sends one batch; the
 * batches before it stay applied, and within a failing batch the commands before the failing one
 * may already be applied (the stand-in fails a whole batch before applying it). What the adapter
 * (src/excel/write-plan.ts) does: sync 1 lists the sheets, sync 2 their protection and the charts
 * to remove (both read-only); the writes follow in 4 MB batches, the first of which saves the settings sheet
 * naming PAR Scorer's sheets before it clears them in place or adds new ones. So: a failure at
 * sync 1 or 2 changes nothing; a later one never touches a person's sheet, but may leave PAR
 * Scorer's sheets cleared or half-written, and ranking again repairs them, whether it was the
 * first ranking (write-failure-first-ranking.test.ts) or a later one (below).
 */
import { promises as fsp, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { rankWorkbook } from "../../src/app/score-workbook";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { dumpWorkbook } from "../stand-in/excel-stand-in";
import {
  changedCells,
  installStandIn,
  portFailingAtSync,
  rankingState,
  runCli,
  userSheets,
  writeSnapshotFile,
} from "./adapters";

const tempDir = useTempDir("par-write-failure-");

afterEach(() => jest.restoreAllMocks());

const province = (): WorkbookSnapshot =>
  buildProvinceWorkbook({ units: 4, layout: "unitSheets", mistakes: true }).snapshot;

/** A disk that fills up: the first half of the bytes land, then ENOSPC. */
function failWritesHalfway(): void {
  const real = fsp.writeFile.bind(fsp);
  jest.spyOn(fsp, "writeFile").mockImplementation(async (file, data) => {
    const bytes = Buffer.from(data as Uint8Array);
    await real(file as string, bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  });
}

/** Files in a folder that are not the expected ones (temporary leftovers). */
const strayFiles = (dir: string, expected: string[]): string[] =>
  readdirSync(dir).filter((f) => !expected.includes(f));

describe("the command line when saving fails", () => {
  it("a full disk leaves no output file and no temporary file, exit 2", async () => {
    const dir = path.join(tempDir(), "full-disk");
    await fsp.mkdir(dir);
    const input = path.join(dir, "tinh.xlsx");
    const output = path.join(dir, "tinh.xep-hang.xlsx");
    await writeSnapshotFile(province(), input);
    failWritesHalfway();
    const run = await runCli(["rank", input, "-o", output]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("tinh.xep-hang.xlsx");
    expect(existsSync(output)).toBe(false);
    expect(strayFiles(dir, ["tinh.xlsx"])).toEqual([]);
  });

  it("a full disk leaves the previous ranking file byte for byte", async () => {
    const dir = path.join(tempDir(), "previous");
    await fsp.mkdir(dir);
    const input = path.join(dir, "tinh.xlsx");
    const output = path.join(dir, "tinh.xep-hang.xlsx");
    await writeSnapshotFile(province(), input);
    expect((await runCli(["rank", input, "-o", output])).status).toBe(1);
    const previous = readFileSync(output);
    failWritesHalfway();
    expect((await runCli(["rank", input, "-o", output])).status).toBe(2);
    expect(readFileSync(output).equals(previous)).toBe(true);
    expect(strayFiles(dir, ["tinh.xlsx", "tinh.xep-hang.xlsx"])).toEqual([]);
  });

  it("a failed rename (another program holds the file) leaves the old file and removes the temporary one", async () => {
    const dir = path.join(tempDir(), "rename");
    await fsp.mkdir(dir);
    const input = path.join(dir, "tinh.xlsx");
    const output = path.join(dir, "tinh.xep-hang.xlsx");
    await writeSnapshotFile(province(), input);
    writeFileSync(output, "bản cũ");
    jest
      .spyOn(fsp, "rename")
      .mockRejectedValue(Object.assign(new Error("EBUSY: resource busy"), { code: "EBUSY" }));
    expect((await runCli(["rank", input, "-o", output])).status).toBe(2);
    expect(readFileSync(output, "utf8")).toBe("bản cũ");
    expect(strayFiles(dir, ["tinh.xlsx", "tinh.xep-hang.xlsx"])).toEqual([]);
  });

  it("--in-place on a full disk leaves the input file byte for byte", async () => {
    const dir = path.join(tempDir(), "in-place");
    await fsp.mkdir(dir);
    const input = path.join(dir, "tinh.xlsx");
    await writeSnapshotFile(province(), input);
    const original = readFileSync(input);
    failWritesHalfway();
    expect((await runCli(["rank", input, "--in-place"])).status).toBe(2);
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(strayFiles(dir, ["tinh.xlsx"])).toEqual([]);
  });
});

// ── Office.js ────────────────────────────────────────────────────────────────────────────────

/** Bytes per sync small enough to split a four-unit ranking into several syncs. */
const SMALL_BUDGET = 3000;

describe("the task pane (Office.js stand-in) when a sync fails while writing", () => {
  const snapshot = province();

  /** Sheet names and ranking content after one clean run, and the number of write syncs. */
  async function cleanRun(): Promise<{ names: string[]; state: unknown; order: string[]; syncs: number }> {
    const host = installStandIn(snapshot);
    try {
      const port = portFailingAtSync(host, 0, SMALL_BUDGET);
      const { plan } = await rankWorkbook(port);
      const names = plan.sheets.map((s) => s.name);
      return {
        names,
        state: rankingState(host, names),
        order: host.workbook.sheets.map((s) => s.name),
        syncs: port.syncs(),
      };
    } finally {
      host.uninstall();
    }
  }

  it("the small budget really splits the write into several syncs", async () => {
    expect((await cleanRun()).syncs).toBeGreaterThan(4);
  });

  it("a failure at any sync of a second ranking leaves the user's sheets untouched, and rank again restores the ranking", async () => {
    const clean = await cleanRun();
    for (let n = 1; n <= clean.syncs; n++) {
      const host = installStandIn(snapshot);
      try {
        await rankWorkbook(createOfficeWorkbook(SMALL_BUDGET));
        const before = dumpWorkbook(host.workbook);
        await expect(rankWorkbook(portFailingAtSync(host, n, SMALL_BUDGET))).rejects.toMatchObject({
          code: "GeneralException",
        });
        expect(
          changedCells(userSheets(before, clean.names), userSheets(dumpWorkbook(host.workbook), clean.names)),
        ).toEqual([]);

        await rankWorkbook(createOfficeWorkbook(SMALL_BUDGET));
        expect(host.workbook.sheets.map((s) => s.name)).toEqual(clean.order);
        expect(rankingState(host, clean.names)).toEqual(clean.state);
      } finally {
        host.uninstall();
      }
    }
  });

  it("a failure in the checks of a write that follows no read leaves the previous ranking sheets exactly as they were", async () => {
    const host = installStandIn(snapshot);
    try {
      await rankWorkbook(createOfficeWorkbook());
      // The plan of a second ranking: it replaces the sheets of the first.
      const { plan } = await rankWorkbook(createOfficeWorkbook());
      const names = host.workbook.sheets.map((s) => s.name);
      const previous = rankingState(host, names);
      // A write right after a read knows the sheets already. Without one (saving settings, or a
      // caller that did not read), sync 1 lists the sheets and sync 2 reads protections and
      // charts; nothing is changed before sync 3.
      for (const n of [1, 2]) {
        await expect(portFailingAtSync(host, n, SMALL_BUDGET).write(plan)).rejects.toBeDefined();
        expect(rankingState(host, names)).toEqual(previous);
      }
    } finally {
      host.uninstall();
    }
  });
});
