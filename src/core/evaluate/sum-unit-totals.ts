/**
 * Totals of one unit from its leaves: points and applicable maximum of every field and
 * criterion, bonus and deduction after their caps, and the index. Integer micro-points
 * throughout, so no order of the terms can change a total (domain README §4).
 */
import type { CriteriaNode, CriteriaSet, LeafResult, NodeResult } from "../model";
import { indexPercent, type Micro } from "../points";
import type { Settings } from "../settings";

type Sums = { points: Micro; maxPoints: Micro; bonus: Micro; deduction: Micro };

export type UnitTotals = {
  /** Ordinary and survey points plus bonus minus deduction. */
  points: Micro;
  /** Applicable maximum of the ordinary and survey leaves. */
  maxPoints: Micro;
  bonus: Micro;
  /** Deduction as a non-negative amount. */
  deduction: Micro;
  index: number | null;
  nodes: Record<string, NodeResult>;
};

/**
 * Sums a unit's leaves up the criteria tree and computes its index (weighted when every scored
 * field has a weight). With `atFields`, the unit was scored per field (a field-totals summary):
 * `leaves` holds the fields' results and the sums start there.
 */
export function sumUnitTotals(
  criteria: CriteriaSet,
  leaves: Readonly<Record<string, LeafResult>>,
  settings: Settings,
  atFields = false,
): UnitTotals {
  const nodes: Record<string, NodeResult> = {};
  const visit = (id: string): Sums => {
    const node = criteria.nodes[id];
    if (!node) return { points: 0, maxPoints: 0, bonus: 0, deduction: 0 };
    let sums: Sums;
    if (node.childIds.length === 0 || (atFields && node.depth === 1)) {
      sums = leafSums(node, leaves[id]);
    } else {
      sums = { points: 0, maxPoints: 0, bonus: 0, deduction: 0 };
      for (const child of node.childIds) {
        const c = visit(child);
        sums.points += c.points;
        sums.maxPoints += c.maxPoints;
        sums.bonus += c.bonus;
        sums.deduction += c.deduction;
      }
      // Bonus and deduction groups are capped at their stated maximum (điểm cộng / điểm trừ tối đa).
      if (node.role === "bonus" && node.maxPoints !== null) sums.bonus = Math.min(sums.bonus, node.maxPoints);
      if (node.role === "deduction" && node.maxPoints !== null)
        sums.deduction = Math.min(sums.deduction, node.maxPoints);
    }
    if (node.kind !== "subCriterion") nodes[id] = nodeResult(node, sums);
    return sums;
  };

  const fieldSums = criteria.fieldIds.map((id) => ({ node: criteria.nodes[id], sums: visit(id) }));
  const total: Sums = { points: 0, maxPoints: 0, bonus: 0, deduction: 0 };
  for (const { sums } of fieldSums) {
    total.points += sums.points;
    total.maxPoints += sums.maxPoints;
    total.bonus += sums.bonus;
    total.deduction += sums.deduction;
  }
  const points = total.points + total.bonus - total.deduction;
  const weighted = weightedIndex(fieldSums, total, points);
  const raw = weighted === undefined ? indexPercent(points, total.maxPoints) : weighted;
  return {
    points,
    maxPoints: total.maxPoints,
    bonus: total.bonus,
    deduction: total.deduction,
    index: raw === null ? null : boundIndex(raw, settings),
    nodes,
  };
}

function leafSums(node: CriteriaNode, leaf: LeafResult | undefined): Sums {
  const sums = { points: 0, maxPoints: 0, bonus: 0, deduction: 0 };
  if (!leaf) return sums;
  if (node.role === "bonus") sums.bonus = leaf.points;
  else if (node.role === "deduction") sums.deduction = -leaf.points;
  else {
    sums.points = leaf.points;
    sums.maxPoints = leaf.maxPoints;
  }
  return sums;
}

function nodeResult(node: CriteriaNode, sums: Sums): NodeResult {
  // A bonus or deduction node shows its signed contribution against its cap; it has no index of its own.
  if (node.role === "bonus")
    return { criterionId: node.id, points: sums.bonus, maxPoints: node.maxPoints ?? 0, index: null };
  if (node.role === "deduction")
    return { criterionId: node.id, points: -sums.deduction, maxPoints: node.maxPoints ?? 0, index: null };
  return {
    criterionId: node.id,
    points: sums.points,
    maxPoints: sums.maxPoints,
    index: indexPercent(sums.points, sums.maxPoints),
  };
}

/**
 * Weighted index when every ordinary and survey field carries a weight (Trọng số):
 * Σ(field index × weight) / Σ(weight of the fields with an applicable maximum), plus bonus minus
 * deduction as a percentage of the applicable maximum. Undefined when the set is not weighted.
 */
function weightedIndex(
  fields: readonly { node: CriteriaNode | undefined; sums: Sums }[],
  total: Sums,
  points: Micro,
): number | null | undefined {
  const scored = fields.filter((f) => f.node && f.node.role !== "bonus" && f.node.role !== "deduction");
  if (scored.length === 0 || scored.some((f) => f.node?.weight === null || f.node?.weight === undefined)) {
    return undefined;
  }
  if (!scored.some((f) => (f.node?.weight ?? 0) > 0)) return undefined;
  let numerator = 0;
  let denominator = 0;
  for (const { node, sums } of scored) {
    const fieldIndex = indexPercent(sums.points, sums.maxPoints);
    if (fieldIndex === null) continue;
    const weight = node?.weight ?? 0;
    numerator += fieldIndex * weight;
    denominator += weight;
  }
  if (denominator <= 0 || total.maxPoints <= 0) return null;
  const extra = points - total.points;
  return numerator / denominator + (extra * 100) / total.maxPoints;
}

/** The total index within settings.totalFloor … settings.totalCeiling (null: unbounded). */
function boundIndex(index: number, settings: Settings): number {
  let bounded = index;
  if (settings.totalFloor !== null && bounded < settings.totalFloor) bounded = settings.totalFloor;
  if (settings.totalCeiling !== null && bounded > settings.totalCeiling) bounded = settings.totalCeiling;
  return bounded;
}
