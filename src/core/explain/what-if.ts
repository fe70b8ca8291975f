/**
 * What-if: a unit's result with some leaf scores typed differently, without touching the
 * workbook. The engine's own stages do the work (evaluateLeaf judges and credits each typed
 * score, sumUnitTotals totals the unit, rankUnits ranks its group again), so the answer is
 * the one a real change of those cells would give.
 */
import type { CellValue } from "../grid";
import { type Issue } from "../issues";
import type { Analysis, LeafResult, ScoreRow, SourceCell, UnitResult } from "../model";
import { evaluateLeaf } from "../evaluate/evaluate-leaf";
import { sumUnitTotals } from "../evaluate/sum-unit-totals";
import { rankUnits } from "../rank/rank-units";
import { fromMicro } from "../points";
import { foldText } from "../text";
import { isBlank } from "../grid";

/** Typed scores by criterion id (leaf key), as a person would type them ("0,75", 1, "KAD"). */
export type ScoreOverrides = Readonly<Record<string, CellValue>>;

export type WhatIfStanding = {
  points: number;
  maxPoints: number;
  /** Unrounded percent; null when nothing applies. */
  index: number | null;
  band: string | null;
  /** Rank in the group; null when the unit has no index. */
  rank: number | null;
  groupSize: number;
};

export type WhatIfOutcome = {
  unit: string;
  group: string;
  before: WhatIfStanding;
  after: WhatIfStanding;
  /** Leaves whose typed score was used. */
  applied: string[];
  /** Typed scores that are not valid for their leaf (out of range, not a number…): not used. */
  rejected: Issue[];
};

/**
 * The unit's points, index, band and rank in its group if its leaves were scored as in
 * `overrides` (blank entries are ignored; the other units keep their results). Null when the
 * unit is unknown or the workbook has no criteria set.
 */
export function simulateScores(
  analysis: Analysis,
  unit: string,
  overrides: ScoreOverrides,
): WhatIfOutcome | null {
  const criteria = analysis.criteria;
  const result = findResult(analysis, unit);
  if (!criteria || !result) return null;
  const scores = analysis.units.find((u) => u.unit === result.unit && u.sheet === result.sheet);
  const rows = new Map((scores?.rows ?? []).map((row) => [row.criterionId, row]));
  const leaves: Record<string, LeafResult> = { ...result.leaves };
  const applied: string[] = [];
  const rejected: Issue[] = [];
  for (const [id, value] of Object.entries(overrides)) {
    const node = criteria.nodes[id];
    if (!node || node.childIds.length > 0 || isBlank(value)) continue;
    const original = rows.get(id);
    // The cell the typed score stands for (a missing row has none: its sheet's first cell).
    const target = result.leaves[id]?.cell ?? original?.codeCell ?? "A1";
    const outcome = evaluateLeaf(node, typedRow(id, node.code, original, { value, cell: target }, analysis), {
      unit: result.unit,
      sheet: result.sheet,
      layout: scores?.layout ?? "unitSheet",
      settings: analysis.settings,
      tally: null,
    });
    const errors = outcome.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      rejected.push(...errors);
      continue;
    }
    leaves[id] = outcome.leaf;
    applied.push(id);
  }
  const totals = sumUnitTotals(criteria, leaves, analysis.settings);
  const changed: UnitResult = {
    ...result,
    points: totals.points,
    maxPoints: totals.maxPoints,
    index: totals.index,
    bonus: totals.bonus,
    deduction: totals.deduction,
    nodes: totals.nodes,
    leaves,
  };
  const groups = rankUnits(
    analysis.results.map((r) => (r === result ? changed : r)),
    analysis.settings,
  );
  return {
    unit: result.unit,
    group: result.group,
    before: standing(analysis.groups, result),
    after: standing(groups, changed),
    applied,
    rejected,
  };
}

/** The analysis's result for a unit: its name as shown, else folded alike. */
export function findResult(analysis: Analysis, unit: string): UnitResult | undefined {
  return (
    analysis.results.find((r) => r.unit === unit) ??
    analysis.results.find((r) => foldText(r.unit) === foldText(unit))
  );
}

/**
 * The leaf's row with the typed score as the only score cell, in the column the settings make
 * count first (appraised, or self when only self-scores count; survey points for a survey leaf).
 */
function typedRow(
  id: string,
  code: string,
  original: ScoreRow | undefined,
  typed: SourceCell,
  analysis: Analysis,
): ScoreRow {
  const base: ScoreRow = original ?? {
    criterionId: id,
    code,
    row: 0,
    codeCell: typed.cell,
    maxPoints: null,
    selfScore: null,
    appraisedScore: null,
    surveyPoints: null,
    evidence: null,
    explanation: null,
    comment: null,
  };
  const survey = analysis.criteria?.nodes[id]?.role === "survey";
  const column = survey
    ? "surveyPoints"
    : analysis.settings.scoreSource === "appraised"
      ? "appraisedScore"
      : "selfScore";
  return {
    ...base,
    selfScore: null,
    appraisedScore: null,
    surveyPoints: null,
    // The typed score stands for a score with its evidence: the what-if judges the score only.
    evidence: null,
    explanation: null,
    [column]: typed,
  };
}

function standing(groups: ReturnType<typeof rankUnits>, result: UnitResult): WhatIfStanding {
  const group = groups.find((g) => g.units.some((u) => u.result === result));
  const ranked = group?.units.find((u) => u.result === result);
  return {
    points: fromMicro(result.points),
    maxPoints: fromMicro(result.maxPoints),
    index: result.index,
    band: ranked?.band ?? null,
    rank: ranked && result.index !== null ? ranked.rank : null,
    groupSize: group?.units.length ?? 0,
  };
}
