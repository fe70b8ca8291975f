/**
 * Totals of one unit from its leaves: points and applicable maximum of every field and
 * criterion, bonus and deduction after their caps, and the index. Integer micro-points
 * throughout, so no order of the terms can change a total (domain README §4).
 */
import type { CriteriaNode, CriteriaSet, LeafResult, NodeResult } from "../model";
import { indexPercent, type Micro } from "../points";
import { recordWithKeys } from "./keyed-record";
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
  const plan = planOf(criteria, atFields);
  // Every field and criterion of the walk gets a result, in this order (keyed-record.ts).
  const nodes = recordWithKeys<NodeResult>(plan.nodeIds);
  const steps = plan.steps;
  const points = scratch(steps.length, 0);
  const maxPoints = scratch(steps.length, 1);
  const bonus = scratch(steps.length, 2);
  const deduction = scratch(steps.length, 3);
  for (let i = 0; i < steps.length; i++) {
    const { id, node, children } = steps[i];
    let p = 0;
    let m = 0;
    let b = 0;
    let d = 0;
    if (node === null) {
      // An id the set does not hold sums to nothing.
    } else if (children === null) {
      const leaf = leaves[id];
      if (leaf) {
        if (node.role === "bonus") b = leaf.points;
        else if (node.role === "deduction") d = -leaf.points;
        else {
          p = leaf.points;
          m = leaf.maxPoints;
        }
      }
    } else {
      for (const c of children) {
        p += points[c];
        m += maxPoints[c];
        b += bonus[c];
        d += deduction[c];
      }
      // Bonus and deduction groups are capped at their stated maximum (điểm cộng / điểm trừ tối đa).
      if (node.role === "bonus" && node.maxPoints !== null) b = Math.min(b, node.maxPoints);
      if (node.role === "deduction" && node.maxPoints !== null) d = Math.min(d, node.maxPoints);
    }
    points[i] = p;
    maxPoints[i] = m;
    bonus[i] = b;
    deduction[i] = d;
    if (node !== null && node.kind !== "subCriterion") nodes[id] = nodeResult(node, p, m, b, d);
  }

  const fieldSums = plan.fields.map(({ node, step }) => ({
    node,
    sums: {
      points: points[step],
      maxPoints: maxPoints[step],
      bonus: bonus[step],
      deduction: deduction[step],
    },
  }));
  const total: Sums = { points: 0, maxPoints: 0, bonus: 0, deduction: 0 };
  for (const { sums } of fieldSums) {
    total.points += sums.points;
    total.maxPoints += sums.maxPoints;
    total.bonus += sums.bonus;
    total.deduction += sums.deduction;
  }
  const unitPoints = total.points + total.bonus - total.deduction;
  const weighted = weightedIndex(fieldSums, total, unitPoints);
  const raw = weighted === undefined ? indexPercent(unitPoints, total.maxPoints) : weighted;
  return {
    points: unitPoints,
    maxPoints: total.maxPoints,
    bonus: total.bonus,
    deduction: total.deduction,
    index: raw === null ? null : boundIndex(raw, settings),
    nodes,
  };
}

/**
 * One step of the walk up the tree: a node whose sums come from its leaf result (`children`
 * null) or from the steps of its children, which come earlier.
 */
type Step = { id: string; node: CriteriaNode | null; children: number[] | null };

/** The walk of a criteria set, children before parents, and the step of each field. */
type Plan = {
  steps: Step[];
  fields: { node: CriteriaNode | undefined; step: number }[];
  /** The ids given a node result, in the order of the walk: the keys of a unit's `nodes`. */
  nodeIds: string[];
};

/**
 * The walk depends only on the shape of the set, the same for every unit: it is worked out once
 * per set (and per way of scoring) rather than recursed through for each of 1,000 units. The
 * nodes' maxima and roles are read afresh on every call.
 */
const plans = new WeakMap<CriteriaSet, { leaves?: Plan; fields?: Plan }>();

function planOf(criteria: CriteriaSet, atFields: boolean): Plan {
  let cached = plans.get(criteria);
  if (!cached) plans.set(criteria, (cached = {}));
  const key = atFields ? "fields" : "leaves";
  const known = cached[key];
  if (known) return known;
  const steps: Step[] = [];
  const visit = (id: string): number => {
    const node = criteria.nodes[id];
    let children: number[] | null = null;
    if (node && !(node.childIds.length === 0 || (atFields && node.depth === 1))) {
      children = node.childIds.map(visit);
    }
    steps.push({ id, node: node ?? null, children });
    return steps.length - 1;
  };
  const fields = criteria.fieldIds.map((id) => ({ node: criteria.nodes[id], step: visit(id) }));
  const nodeIds = [
    ...new Set(steps.filter((s) => s.node !== null && s.node.kind !== "subCriterion").map((s) => s.id)),
  ];
  const plan = { steps, fields, nodeIds };
  cached[key] = plan;
  return plan;
}

/** Running sums, reused from call to call (integers up to 2^53 are exact in a double). */
const scratchSums: Float64Array[] = [];

function scratch(length: number, which: number): Float64Array {
  const known = scratchSums[which];
  if (known && known.length >= length) return known;
  const made = new Float64Array(Math.max(length, 256));
  scratchSums[which] = made;
  return made;
}

/** A node's result from its sums (passed one by one: no object is made for them per node and unit). */
function nodeResult(
  node: CriteriaNode,
  points: Micro,
  maxPoints: Micro,
  bonus: Micro,
  deduction: Micro,
): NodeResult {
  // A bonus or deduction node shows its signed contribution against its cap; it has no index of its own.
  if (node.role === "bonus")
    return { criterionId: node.id, points: storedSum(bonus), maxPoints: node.maxPoints ?? 0, index: null };
  if (node.role === "deduction")
    return {
      criterionId: node.id,
      points: storedSum(-deduction),
      maxPoints: node.maxPoints ?? 0,
      index: null,
    };
  return {
    criterionId: node.id,
    points: storedSum(points),
    maxPoints: storedSum(maxPoints),
    index: indexPercent(points, maxPoints),
  };
}

/**
 * A sum read from the running sums (a Float64Array) as the same number, written as a small
 * integer when it is one: such a number is held in the result itself, where one read from a
 * Float64Array is held in a separate box (two objects more per node and unit, about two million
 * for 10,000 units, for the collector to copy and mark). -0 and numbers beyond 32 bits stay as they are.
 */
function storedSum(sum: number): number {
  return (sum | 0) === sum && (sum !== 0 || 1 / sum > 0) ? sum | 0 : sum;
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
