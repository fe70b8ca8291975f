/**
 * `npm run bench`: the engine, the Office.js adapter, the command line and the task pane, each
 * against its target (docs/benchmarks.md), printed as tables with the machine they ran on.
 */
import { cpus, loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { benchCli } from "./cli-bench";
import { benchEngine } from "./engine-bench";
import { fixed, formatTable } from "./measure";
import { type OfficeResult, benchOffice } from "./office-bench";
import { benchTaskpane } from "./taskpane-bench";

export type BenchPart = "engine" | "scale" | "office" | "cli" | "taskpane";
export const ALL_PARTS: BenchPart[] = ["engine", "scale", "office", "cli", "taskpane"];

/** Targets (issues #6 and #13). */
export const TARGETS = {
  engineMs: 500,
  engineAddedMb: 200,
  officeSyncs: 4,
  cliRatio: 1.3,
  startupMs: 300,
  bundleGzipBytes: 350 * 1024,
};

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");
/** The load average over the last minute and the core count, printed next to each part's figures. */
const load = (): string => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;

/** The machine, as docs/benchmarks.md records it. */
export function describeMachine(): string {
  let model = cpus()[0]?.model ?? "unknown CPU";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) model = m[1].trim();
  } catch {
    // Not Linux: os.cpus() names the CPU well enough.
  }
  return `${cpus().length} cores (nproc), ${model}, Node ${process.version}, ${process.platform}`;
}

/** Runs the chosen parts; `quick` uses fewer runs (for a smoke check, not for the record). */
export async function runBenchmarks(parts: readonly BenchPart[], quick = false): Promise<void> {
  say(`PAR Scorer benchmarks — ${new Date().toISOString()}`);
  say(`Machine: ${describeMachine()}\n`);

  if (parts.includes("engine")) {
    const runs = quick ? 2 : 5;
    say(`[${load()}]`);
    const cases = [
      benchEngine(20, 100, "unitSheets", runs),
      benchEngine(20, 100, "matrix", runs),
      benchEngine(1000, 150, "matrix", runs),
      benchEngine(1000, 150, "transposed", runs),
      benchEngine(1000, 150, "unitSheets", runs),
    ];
    say(
      `Engine: analyzeWorkbook = parse + validate + compute + rank (median of ${runs} runs after a warm-up, each from a collected heap)`,
    );
    say(
      formatTable(
        [
          "workbook",
          "cells",
          "analyze ms",
          "parse",
          "evaluate",
          "rank",
          "plan",
          "heap MB",
          "peak RSS +MB",
          "target",
        ],
        cases.map((c) => [
          c.label,
          String(c.cells),
          fixed(c.analyzeMs),
          fixed(c.stages.parse),
          fixed(c.stages.evaluate),
          fixed(c.stages.rank, 2),
          fixed(c.stages.plan, 2),
          fixed(c.heapDeltaMb),
          fixed(c.rssPeakAddedMb),
          c.units === 1000
            ? `< ${TARGETS.engineMs} ms: ${verdict(c.analyzeMs < TARGETS.engineMs)}; < ${TARGETS.engineAddedMb} MB: ${verdict(c.rssPeakAddedMb < TARGETS.engineAddedMb)}`
            : "",
        ]),
      ),
    );
    say("");
  }

  if (parts.includes("scale")) {
    say(`[${load()}]`);
    const runs = quick ? 1 : 5;
    const small = benchEngine(1000, 150, "matrix", runs, { uncollected: true });
    const large = benchEngine(10000, 150, "matrix", runs, { uncollected: true });
    const ratio = large.analyzeMs / small.analyzeMs;
    say(
      `Scale: 10,000 units × 150 leaves (matrix) against 1,000, median of ${runs} runs after a warm-up, each from a collected heap`,
    );
    say(
      formatTable(
        ["workbook", "cells", "analyze ms", "parse", "evaluate", "rank", "heap MB", "peak RSS +MB"],
        [small, large].map((c) => [
          c.label,
          String(c.cells),
          fixed(c.analyzeMs),
          fixed(c.stages.parse),
          fixed(c.stages.evaluate),
          fixed(c.stages.rank, 2),
          fixed(c.heapDeltaMb),
          fixed(c.rssPeakAddedMb),
        ]),
      ),
    );
    say(
      `10,000 / 1,000 by stage: parse × ${fixed(large.stages.parse / small.stages.parse, 2)}, evaluate × ${fixed(large.stages.evaluate / small.stages.evaluate, 2)}, rank × ${fixed(large.stages.rank / small.stages.rank, 2)}`,
    );
    // Under a few MB the peak added at 1,000 units is within what reading the workbook reached: no ratio to speak of.
    const memory =
      small.rssPeakAddedMb >= 5
        ? `peak memory × ${fixed(large.rssPeakAddedMb / small.rssPeakAddedMb, 2)}`
        : `peak memory: 1,000 units add ${fixed(small.rssPeakAddedMb)} MB above reading the workbook (no ratio), 10,000 add ${fixed(large.rssPeakAddedMb)} MB, heap kept × ${fixed(large.heapDeltaMb / small.heapDeltaMb, 2)}`;
    say(
      `10,000 / 1,000: time × ${fixed(ratio, 2)}, ${memory} (linear: × 10; target: no worse than linear, ${verdict(ratio <= 11)})`,
    );
    // The same runs without collecting garbage between them, for the record (docs/benchmarks.md,
    // issue 13, fifth pass): a full collection marking 450 MB or more falls in some 10,000-unit runs.
    say(
      `The same without collecting garbage between runs (each also marks what the runs before left, when V8's full collection falls in it): ${fixed(small.analyzeUncollectedMs)} ms and ${fixed(large.analyzeUncollectedMs)} ms, × ${fixed(large.analyzeUncollectedMs / small.analyzeUncollectedMs, 2)} (for the record)\n`,
    );
  }

  if (parts.includes("office")) {
    const cases: OfficeResult[] = [];
    for (const units of [5, 50, 500]) cases.push(await benchOffice(units));
    // Beyond one 4 MB block of values read, each further block is one sync more (a platform limit):
    // what must not grow with the units is the count without those.
    const constant = cases.every(
      (c) =>
        c.rankSyncs - c.extraBlocks === cases[0].rankSyncs - cases[0].extraBlocks &&
        c.checkSyncs - c.extraBlocks === cases[0].checkSyncs - cases[0].extraBlocks,
    );
    say(
      "Office.js adapter: context.sync() round trips of a check, then a rank (read, check, write), on the stand-in",
    );
    say(
      formatTable(
        [
          "units",
          "check syncs",
          "rank syncs",
          "both",
          "Excel.run",
          "largest request",
          "largest response",
          "rank read",
          "target",
        ],
        cases.map((c) => [
          String(c.units),
          String(c.checkSyncs),
          String(c.rankSyncs),
          String(c.totalSyncs),
          String(c.runs),
          `${fixed(c.largestRequestBytes / 1024)} KB`,
          `${fixed(c.largestResponseBytes / 1024)} KB`,
          `${fixed(c.rankResponseBytes / 1024)} KB`,
          `rank ≤ ${TARGETS.officeSyncs}${c.extraBlocks > 0 ? ` + ${c.extraBlocks} (4 MB blocks)` : ""}: ${verdict(c.rankSyncs <= TARGETS.officeSyncs + c.extraBlocks)}`,
        ]),
      ),
    );
    say(
      `Constant across 5, 50, 500 units, one sync per further 4 MB block of values aside: ${constant ? "yes" : "NO"}\n`,
    );
  }

  if (parts.includes("cli")) {
    say(`[${load()}]`);
    const runs = quick ? 1 : 5;
    const c = await benchCli(quick ? 40 : 200, runs);
    say(
      `Command line (dist/node through bin/par-scorer.js, fresh processes): rank against ExcelJS loading the same files and saving each again (floor), interleaved, medians of ${runs}`,
    );
    say(
      formatTable(
        ["run", "files", "MB", "floor ms", "rank ms", "× floor", "each run", "exit", "target"],
        c.cases.map((k) => [
          k.label,
          String(k.files),
          fixed(k.bytes / 1024 / 1024, 2),
          fixed(k.floorMs),
          fixed(k.rankMs),
          fixed(k.ratio, 2),
          k.pairRatios.map((r) => fixed(r, 2)).join(" "),
          String(k.status),
          `≤ ${TARGETS.cliRatio}: ${verdict(k.ratio <= TARGETS.cliRatio)}`,
        ]),
      ),
    );
    const s = c.startup;
    say(
      `Start-up, par-scorer --version: ${fixed(s.versionMs)} ms median (< ${TARGETS.startupMs} ms: ${verdict(s.versionMs < TARGETS.startupMs)}); bare node -e 0: ${fixed(s.nodeMs)} ms, so ${fixed(s.versionMs - s.nodeMs)} ms are ours (runs: ${s.versionRuns.map((r) => fixed(r, 0)).join(", ")} / ${s.nodeRuns.map((r) => fixed(r, 0)).join(", ")})`,
    );
    say(`[${load()}]\n`);
  }

  if (parts.includes("taskpane")) {
    say(`[${load()}]`);
    const t = await benchTaskpane(quick ? 2 : 5);
    say(
      "Task pane: initial JavaScript of dist/taskpane.html (office.js from the CDN excluded), first render in headless Chromium",
    );
    say(
      formatTable(
        ["script", "bytes", "gzip"],
        [
          ...t.scripts.map((s) => [s.file, `${fixed(s.bytes / 1024)} KB`, `${fixed(s.gzipBytes / 1024)} KB`]),
          [
            "initial total",
            "",
            `${fixed(t.initialGzipBytes / 1024)} KB (< 350 KB: ${verdict(t.initialGzipBytes < TARGETS.bundleGzipBytes)})`,
          ],
        ],
      ),
    );
    say(
      `First render (navigation start → app content), median of ${t.firstRenderRuns.length} reloads: ${fixed(t.firstRenderMs)} ms (runs: ${t.firstRenderRuns.map((r) => fixed(r)).join(", ")})`,
    );
    const a = t.actions;
    say(
      `${a.units} unit sheets over the stand-in, click → result, median of ${a.checkRuns.length}: check ${fixed(a.checkMs)} ms (runs: ${a.checkRuns.map((r) => fixed(r, 0)).join(", ")}), rank and write ${fixed(a.rankMs)} ms (runs: ${a.rankRuns.map((r) => fixed(r, 0)).join(", ")}) — measured, no target\n`,
    );
  }
}
