/**
 * What the task pane's "Giải thích" view shows for one unit: its totals, every field's points,
 * the leaves where it lost the most points, and the criteria that did not apply to it.
 * Points are plain numbers (not micro-points), unrounded; the view formats them.
 */
import { unitIssues } from "../unit-issues";
import type { Analysis } from "../model";
import type { Issue } from "../issues";
import type { CriteriaNode, PointsSource, UnitResult } from "../model";
import { fromMicro } from "../points";
import { foldText } from "../text";

export type FieldExplanation = {
  criterionId: string;
  code: string;
  title: string;
  points: number;
  /** Applicable maximum of the field for this unit. */
  maxPoints: number;
  /** Unrounded percent; null when nothing in the field applies (and for bonus and deduction fields). */
  index: number | null;
};

export type LostPoints = {
  criterionId: string;
  code: string;
  title: string;
  /** Code of the field (lĩnh vực) the leaf belongs to. */
  fieldCode: string | null;
  /** maxPoints − points. */
  lost: number;
  points: number;
  maxPoints: number;
  selfScore: number | null;
  appraisedScore: number | null;
  source: PointsSource;
  hasError: boolean;
  /** Where to look: the unit's sheet and the cell the points came from (or the row's code cell). */
  sheet: string;
  cell: string | null;
};

export type NotApplicableCriterion = {
  criterionId: string;
  code: string;
  title: string;
  /** The maximum the leaf would have carried. */
  maxPoints: number;
  sheet: string;
  cell: string | null;
};

export type UnitExplanation = {
  unit: string;
  sheet: string;
  group: string;
  /** Rank in the group; null when the unit has no index. */
  rank: number | null;
  /** Number of units in the group. */
  groupSize: number;
  band: string | null;
  index: number | null;
  points: number;
  maxPoints: number;
  bonus: number;
  deduction: number;
  errorCount: number;
  warningCount: number;
  fields: FieldExplanation[];
  /**
   * Ordinary and survey leaves that earned less than their maximum, largest loss first (survey
   * leaves only once they have survey points).
   */
  lostPoints: LostPoints[];
  notApplicable: NotApplicableCriterion[];
  /** The issues about this unit, in reading order. */
  issues: Issue[];
};

/** The explanation of one unit's result (name matched exactly, else without regard to case and accents); null when unknown. */
export function explainUnit(analysis: Analysis, unit: string): UnitExplanation | null {
  const result =
    analysis.results.find((r) => r.unit === unit) ??
    analysis.results.find((r) => foldText(r.unit) === foldText(unit));
  if (!result) return null;
  const group = analysis.groups.find((g) =>
    g.units.some((u) => u.result === result || u.unit === result.unit),
  );
  const ranked = group?.units.find((u) => u.result === result || u.unit === result.unit) ?? null;
  const criteria = analysis.criteria;
  const nodes = criteria?.nodes ?? {};
  const rows = new Map(
    (analysis.units.find((u) => u.unit === result.unit && u.sheet === result.sheet)?.rows ?? []).map(
      (row) => [row.criterionId, row],
    ),
  );

  const fields: FieldExplanation[] = (criteria?.fieldIds ?? []).map((id) => {
    const node = nodes[id];
    const r = result.nodes[id];
    return {
      criterionId: id,
      code: node?.code ?? id,
      title: node?.title ?? "",
      points: fromMicro(r?.points ?? 0),
      maxPoints: fromMicro(r?.maxPoints ?? 0),
      index: r?.index ?? null,
    };
  });

  const lostPoints: LostPoints[] = [];
  const notApplicable: NotApplicableCriterion[] = [];
  const order = criteria?.leafIds ?? [];
  for (const id of order) {
    const node = nodes[id];
    const leaf = result.leaves[id];
    if (!node || !leaf) continue;
    const cell = leaf.cell ?? rows.get(id)?.codeCell ?? null;
    if (leaf.source === "notApplicable") {
      notApplicable.push({
        criterionId: id,
        code: node.code,
        title: node.title,
        maxPoints: fromMicro(node.maxPoints ?? 0),
        sheet: result.sheet,
        cell,
      });
      continue;
    }
    if (node.role === "bonus" || node.role === "deduction") continue;
    // A survey leaf without survey points yet was not lost by the unit: Sở Nội vụ has not scored it.
    if (node.role === "survey" && leaf.source === "none" && !leaf.hasError) continue;
    const lost = leaf.maxPoints - leaf.points;
    if (lost <= 0) continue;
    lostPoints.push({
      criterionId: id,
      code: node.code,
      title: node.title,
      fieldCode: fieldOf(node, nodes)?.code ?? null,
      lost: fromMicro(lost),
      points: fromMicro(leaf.points),
      maxPoints: fromMicro(leaf.maxPoints),
      selfScore: leaf.selfScore === null ? null : fromMicro(leaf.selfScore),
      appraisedScore: leaf.appraisedScore === null ? null : fromMicro(leaf.appraisedScore),
      source: leaf.source,
      hasError: leaf.hasError,
      sheet: result.sheet,
      cell,
    });
  }
  // Largest loss first; equal losses keep the order of the criteria set.
  const position = new Map(order.map((id, i) => [id, i]));
  lostPoints.sort(
    (a, b) => b.lost - a.lost || (position.get(a.criterionId) ?? 0) - (position.get(b.criterionId) ?? 0),
  );

  return {
    unit: result.unit,
    sheet: result.sheet,
    group: result.group,
    rank: ranked && result.index !== null ? ranked.rank : null,
    groupSize: group?.units.length ?? 0,
    band: ranked?.band ?? null,
    index: result.index,
    ...totals(result),
    fields,
    lostPoints,
    notApplicable,
    issues: unitIssues(analysis.issues, {
      unit: result.unit,
      sheet: result.sheet,
      layout:
        analysis.units.find((u) => u.unit === result.unit && u.sheet === result.sheet)?.layout ?? "matrix",
    }),
  };
}

function totals(result: UnitResult) {
  return {
    points: fromMicro(result.points),
    maxPoints: fromMicro(result.maxPoints),
    bonus: fromMicro(result.bonus),
    deduction: fromMicro(result.deduction),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
}

function fieldOf(node: CriteriaNode, nodes: Record<string, CriteriaNode>): CriteriaNode | null {
  let current: CriteriaNode | undefined = node;
  while (current && current.parentId !== null) current = nodes[current.parentId];
  return current ?? null;
}
