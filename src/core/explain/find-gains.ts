/**
 * Where a unit can gain points, for its improvement plan: every ordinary and survey leaf that
 * earned less than its applicable maximum, largest loss first, with its field and cell, and
 * what full points on that leaf alone would make of the unit's index and rank (computed by the
 * what-if, i.e. by the engine's own stages).
 */
import type { Analysis } from "../model";
import { type LostPoints, explainUnit } from "./explain-unit";
import { simulateScores } from "./what-if";

export type Gain = LostPoints & {
  /** Title of the field (lĩnh vực) the leaf belongs to. */
  fieldTitle: string | null;
  /** The unit's index and rank with full points on this leaf alone. */
  indexIfFull: number | null;
  rankIfFull: number | null;
};

export type GainSummary = {
  unit: string;
  group: string;
  points: number;
  maxPoints: number;
  index: number | null;
  rank: number | null;
  groupSize: number;
  band: string | null;
  /** Sum of the points lost over all leaves. */
  totalLost: number;
  gains: Gain[];
};

/** The gain list of a unit (name as shown, else folded alike); null when the unit is unknown. */
export function findGains(analysis: Analysis, unit: string): GainSummary | null {
  const explained = explainUnit(analysis, unit);
  if (!explained) return null;
  const nodes = analysis.criteria?.nodes ?? {};
  const fieldTitles = new Map(
    (analysis.criteria?.fieldIds ?? []).map((id) => [nodes[id]?.code ?? id, nodes[id]?.title ?? ""]),
  );
  const gains = explained.lostPoints.map((lost): Gain => {
    const full = simulateScores(analysis, explained.unit, { [lost.criterionId]: lost.maxPoints });
    return {
      ...lost,
      fieldTitle: lost.fieldCode === null ? null : (fieldTitles.get(lost.fieldCode) ?? null),
      indexIfFull: full?.after.index ?? null,
      rankIfFull: full?.after.rank ?? null,
    };
  });
  // Micro-points keep the float sum of the losses free of binary noise (0.1 + 0.2).
  const totalLost = gains.reduce((sum, g) => sum + Math.round(g.lost * 1_000_000), 0) / 1_000_000;
  return {
    unit: explained.unit,
    group: explained.group,
    points: explained.points,
    maxPoints: explained.maxPoints,
    index: explained.index,
    rank: explained.rank,
    groupSize: explained.groupSize,
    band: explained.band,
    totalLost,
    gains,
  };
}
