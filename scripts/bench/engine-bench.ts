/**
 * Engine benchmark: parse + validate + compute + rank (analyzeWorkbook) on big and small
 * workbooks, median of a few runs after a warm-up, with the time of each stage and the memory.
 */
import { analyzeWorkbook, planRanking, resolveSettings } from "../../src/core/analyze";
import { evaluateUnits } from "../../src/core/evaluate/evaluate-units";
import { parseWorkbook } from "../../src/core/parse/parse-workbook";
import { rankUnits } from "../../src/core/rank/rank-units";
import { type BenchLayout, buildBenchWorkbook } from "./bench-workbooks";
import { measureEngineMemory } from "./engine-memory";
import { MB, collectGarbage, median, timed } from "./measure";

const LAYOUT_LABELS: Record<BenchLayout, string> = {
  matrix: "matrix",
  transposed: "transposed",
  unitSheets: "unit sheets",
};

export type EngineResult = {
  label: string;
  units: number;
  leaves: number;
  layout: BenchLayout;
  cells: number;
  /** analyzeWorkbook, median, ms. */
  analyzeMs: number;
  /** The same, runs one after another without collecting garbage between them (options.uncollected; else NaN). */
  analyzeUncollectedMs: number;
  /** Median ms per stage: parse (with validation of the layout), evaluate (judge and compute), rank; and planRanking. */
  stages: { parse: number; evaluate: number; rank: number; plan: number };
  /** Heap in use after one analyzeWorkbook above that before it (the result and uncollected garbage), MB. */
  heapDeltaMb: number;
  /** Peak resident memory one analysis adds, measured in a fresh process (engine-memory.ts), MB. */
  rssPeakAddedMb: number;
  issues: number;
};

export type EngineBenchOptions = {
  /** Time each stage too (parse, evaluate, rank) and the plan of the ranking sheets; default true. */
  stages?: boolean;
  /** Also time `runs` analyses one after another without collecting garbage between them (analyzeUncollectedMs). */
  uncollected?: boolean;
};

/** Times one workbook size: `runs` runs after one warm-up. */
export function benchEngine(
  units: number,
  leaves: number,
  layout: BenchLayout,
  runs = 5,
  options: EngineBenchOptions = {},
): EngineResult {
  const { snapshot, cells } = buildBenchWorkbook(units, leaves, layout);
  analyzeWorkbook(snapshot); // warm-up: JIT and zod schemas

  // No earlier run's result (about 1 GB at 10,000 units) is kept alive while a run is timed: each
  // analysis is let go once timed, and the heap-delta analysis is made after the timed runs.
  const total: number[] = [];
  const parse: number[] = [];
  const evaluate: number[] = [];
  const rank: number[] = [];
  const plan: number[] = [];
  /** One timed analysis, and the plan of its ranking sheets timed; the analysis is let go on return. */
  const analyseOnce = (): void => {
    const analysed = timed(() => analyzeWorkbook(snapshot));
    total.push(analysed.ms);
    if (options.stages !== false) plan.push(timed(() => planRanking(analysed.value, snapshot)).ms);
  };
  // Each timed run starts from a collected heap (the workbook and what the engine keeps for good):
  // otherwise a run also pays for marking the garbage the runs before it left (the analysis before
  // and the stage runs: about 600 MB at 10,000 units) whenever V8's full collection falls in it.
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    analyseOnce();
    if (options.stages === false) continue;
    collectGarbage();
    const resolved = resolveSettings(snapshot);
    const p = timed(() => parseWorkbook(snapshot, resolved.settings, resolved.generatedSheets));
    const e = timed(() => evaluateUnits(p.value.parsed, resolved.settings));
    const r = timed(() => rankUnits(e.value.results, resolved.settings));
    parse.push(p.ms);
    evaluate.push(e.ms);
    rank.push(r.ms);
  }

  // The same runs without collecting between them, for the record (each let go once timed).
  const uncollected: number[] = [];
  if (options.uncollected) {
    collectGarbage();
    for (let i = 0; i < runs; i++) uncollected.push(timed(() => analyzeWorkbook(snapshot)).ms);
  }

  collectGarbage();
  const before = process.memoryUsage();
  const first = analyzeWorkbook(snapshot);
  const after = process.memoryUsage();
  const heapDeltaMb = (after.heapUsed - before.heapUsed) / MB;

  return {
    label: `${units} × ${leaves} (${LAYOUT_LABELS[layout]})`,
    units,
    leaves,
    layout,
    cells,
    analyzeMs: median(total),
    stages:
      options.stages === false
        ? { parse: NaN, evaluate: NaN, rank: NaN, plan: NaN }
        : { parse: median(parse), evaluate: median(evaluate), rank: median(rank), plan: median(plan) },
    heapDeltaMb,
    analyzeUncollectedMs: options.uncollected ? median(uncollected) : NaN,
    rssPeakAddedMb: measureEngineMemory(units, leaves, layout).addedMb,
    issues: first.issues.length,
  };
}
