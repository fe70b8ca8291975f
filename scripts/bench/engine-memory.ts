/**
 * Peak memory of one analyzeWorkbook, measured in a fresh process: the workbook is written as
 * JSON, the child reads it, collects garbage, notes its peak resident memory (maxRSS), analyses
 * once and notes it again. The difference is what the engine adds at its peak.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type BenchLayout, buildBenchWorkbook } from "./bench-workbooks";

const ROOT = path.resolve(__dirname, "../..");

const CHILD = `
const { readFileSync } = require("node:fs");
const snapshot = JSON.parse(readFileSync(process.env.PAR_SNAPSHOT, "utf8"));
const { analyzeWorkbook } = require(${JSON.stringify(path.join(ROOT, "src/core/analyze.ts"))});
global.gc();
const before = process.resourceUsage().maxRSS;
const rss = process.memoryUsage().rss;
const analysis = analyzeWorkbook(snapshot);
const after = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ before, after, rss, issues: analysis.issues.length }));
`;

export type EngineMemory = { baselineMb: number; peakMb: number; addedMb: number };

/** Peak resident memory that one analysis of this workbook adds, MB. */
export function measureEngineMemory(units: number, leaves: number, layout: BenchLayout): EngineMemory {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-bench-mem-"));
  try {
    const file = path.join(dir, "snapshot.json");
    writeFileSync(file, JSON.stringify(buildBenchWorkbook(units, leaves, layout).snapshot));
    const child = spawnSync(
      process.execPath,
      ["--expose-gc", "-r", "ts-node/register/transpile-only", "-e", CHILD],
      {
        cwd: ROOT,
        env: { ...process.env, PAR_SNAPSHOT: file, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
    const m = JSON.parse(child.stdout) as { before: number; after: number };
    return { baselineMb: m.before / 1024, peakMb: m.after / 1024, addedMb: (m.after - m.before) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
