/**
 * How this year's criteria set differs from last year's: criteria added, removed, or with a
 * different maximum. Sets are reissued yearly, so the comparison with last year is read with
 * care; the differences are information, never errors. Nodes are matched by their key (the
 * normalised code, "II/1" when numbering restarts per field).
 */
import { toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { CriteriaNode, CriteriaSet } from "../model";
import { fromMicro } from "../points";

export type CriteriaDifference = {
  kind: "added" | "removed" | "maxChanged";
  criterionId: string;
  code: string;
  title: string;
  /** This year's maximum in points; null when removed. */
  maxPoints: number | null;
  /** Last year's maximum in points; null when added. */
  previousMaxPoints: number | null;
};

/**
 * The differences between the two sets, in this year's order then last year's; an added or
 * removed node's descendants are not listed again.
 */
export function compareCriteria(current: CriteriaSet, previous: CriteriaSet): CriteriaDifference[] {
  const out: CriteriaDifference[] = [];
  const points = (node: CriteriaNode): number | null =>
    node.maxPoints === null ? null : fromMicro(node.maxPoints);
  const listedParent = (node: CriteriaNode, set: CriteriaSet, other: CriteriaSet): boolean =>
    node.parentId !== null && set.nodes[node.parentId] !== undefined && !other.nodes[node.parentId];
  for (const id of current.order) {
    const node = current.nodes[id];
    if (!node) continue;
    const before = previous.nodes[id];
    if (!before) {
      if (!listedParent(node, current, previous))
        out.push({ kind: "added", ...about(node), maxPoints: points(node), previousMaxPoints: null });
    } else if (node.maxPoints !== before.maxPoints) {
      out.push({
        kind: "maxChanged",
        ...about(node),
        maxPoints: points(node),
        previousMaxPoints: points(before),
      });
    }
  }
  for (const id of previous.order) {
    const node = previous.nodes[id];
    if (!node || current.nodes[id] || listedParent(node, previous, current)) continue;
    out.push({ kind: "removed", ...about(node), maxPoints: null, previousMaxPoints: points(node) });
  }
  return out;
}

/** Fields found in both sets with the same maximum: the only ones whose change is shown. */
export function comparableFieldIds(current: CriteriaSet, previous: CriteriaSet): string[] {
  return current.fieldIds.filter((id) => {
    const now = current.nodes[id];
    const before = previous.nodes[id];
    return (
      now !== undefined &&
      before !== undefined &&
      now.maxPoints !== null &&
      now.maxPoints === before.maxPoints
    );
  });
}

/** The differences as information issues, at this year's criteria rows (last year's cell named for a removed one). */
export function criteriaDifferenceIssues(
  differences: readonly CriteriaDifference[],
  current: CriteriaSet,
  previous: CriteriaSet,
): Issue[] {
  const cellOf = (set: CriteriaSet, id: string): string | null => {
    const node = set.nodes[id];
    return node ? toA1(node.row, set.columns.code ?? 0) : null;
  };
  return differences.map((d) => {
    const where = { sheet: current.sheet, criterion: d.code };
    if (d.kind === "added")
      return makeIssue(
        "criterion_added_since_previous",
        { ...where, cell: cellOf(current, d.criterionId) },
        {
          max: d.maxPoints ?? undefined,
        },
      );
    if (d.kind === "removed")
      return makeIssue(
        "criterion_removed_since_previous",
        { ...where, cell: null },
        {
          max: d.previousMaxPoints ?? undefined,
          other: `${previous.sheet}!${cellOf(previous, d.criterionId) ?? "?"}`,
        },
      );
    return makeIssue(
      "criterion_max_changed_since_previous",
      { ...where, cell: cellOf(current, d.criterionId) },
      {
        max: d.maxPoints ?? undefined,
        actual: d.previousMaxPoints ?? undefined,
      },
    );
  });
}

function about(node: CriteriaNode): { criterionId: string; code: string; title: string } {
  return { criterionId: node.id, code: node.code, title: node.title };
}
