/**
 * `npm run bench`: the engine, the Office.js adapter, the command line and the task pane, each
 * against its target (docs/benchmarks.md), printed as tables with the machine they ran on.
 */
import { cpus } from "node:os";
import { readFileSync } from "node:fs";
import { benchCli } from "./cli-bench";
import { benchEngine } from "./engine-bench";
import { fixed, formatTable } from "./measure";
import { type OfficeResult, benchOffice } from "./office-bench";
import { benchTaskpane } from "./taskpane-bench";

export type BenchPart = "engine" | "office" | "cli" | "taskpane";
export const ALL_PARTS: BenchPart[] = ["engine", "office", "cli", "taskpane"];

/** Targets (issue #6). */
export const TARGETS = {
  engineMs: 500,
  officeSyncs: 4,
  cliRatio: 1.3,
  bundleGzipBytes: 350 * 1024,
};

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");

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
    const cases = [
      benchEngine(20, 100, "unitSheets", runs),
      benchEngine(20, 100, "matrix", runs),
      benchEngine(1000, 150, "matrix", runs),
      benchEngine(1000, 150, "unitSheets", runs),
    ];
    say(
      `Engine: analyzeWorkbook = parse + validate + compute + rank (median of ${runs} runs after a warm-up)`,
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
          c.units === 1000 ? `< ${TARGETS.engineMs} ms: ${verdict(c.analyzeMs < TARGETS.engineMs)}` : "",
        ]),
      ),
    );
    say("");
  }

  if (parts.includes("office")) {
    const cases: OfficeResult[] = [];
    for (const units of [5, 50, 500]) cases.push(await benchOffice(units));
    const constant = cases.every(
      (c) => c.rankSyncs === cases[0].rankSyncs && c.checkSyncs === cases[0].checkSyncs,
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
          `rank ≤ ${TARGETS.officeSyncs}: ${verdict(c.rankSyncs <= TARGETS.officeSyncs)}`,
        ]),
      ),
    );
    say(`Constant across 5, 50, 500 units: ${constant ? "yes" : "NO"}\n`);
  }

  if (parts.includes("cli")) {
    const c = await benchCli(quick ? 40 : 200, quick ? 1 : 3);
    say(
      `Command line: ${c.files} files (criteria + ${c.files - 1} unit files, ${fixed(c.bytes / 1024 / 1024, 2)} MB), medians`,
    );
    say(
      formatTable(
        ["run", "ms", "× ExcelJS load floor", "exit", "target"],
        [
          ["ExcelJS load only (floor)", fixed(c.floorMs), "1.00", "", ""],
          [
            "par-scorer check",
            fixed(c.checkMs),
            fixed(c.checkRatio, 2),
            String(c.checkStatus),
            `≤ ${TARGETS.cliRatio}: ${verdict(c.checkRatio <= TARGETS.cliRatio)}`,
          ],
          [
            "par-scorer rank -o",
            fixed(c.rankMs),
            fixed(c.rankRatio, 2),
            String(c.rankStatus),
            `≤ ${TARGETS.cliRatio}: ${verdict(c.rankRatio <= TARGETS.cliRatio)}`,
          ],
        ],
      ),
    );
    say("");
  }

  if (parts.includes("taskpane")) {
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
      `First render (navigation start → app content), median of ${t.firstRenderRuns.length} reloads: ${fixed(t.firstRenderMs)} ms (runs: ${t.firstRenderRuns.map((r) => fixed(r)).join(", ")})\n`,
    );
  }
}
