import { useMemo, useState } from "react";
import { type Issue } from "../../../core/issues";
import type { Analysis } from "../../../core/model";
import { simulateScores } from "../../../core/explain/what-if";
import { fromMicro } from "../../../core/points";

export type WhatIfLeaf = {
  id: string;
  code: string;
  title: string;
  maxPoints: number;
  points: number | null;
};

/**
 * The what-if of the explain tab: scores typed for the unit's leaves (kept in the pane only) and
 * the engine's answer — new points, index, band and rank — recomputed as each key is typed.
 */
export function useWhatIf(analysis: Analysis, unit: string) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  const criteria = analysis.criteria;
  const result = analysis.results.find((r) => r.unit === unit);

  const leaves: WhatIfLeaf[] = useMemo(
    () =>
      (criteria?.leafIds ?? []).flatMap((id) => {
        const node = criteria?.nodes[id];
        if (!node) return [];
        const leaf = result?.leaves[id];
        return [
          {
            id,
            code: node.code,
            title: node.title,
            maxPoints: fromMicro(node.maxPoints ?? 0),
            points: leaf && leaf.source !== "none" ? fromMicro(leaf.points) : null,
          },
        ];
      }),
    [criteria, result],
  );
  const [picked, setPicked] = useState("");
  const leafId = picked && leaves.some((l) => l.id === picked) ? picked : (leaves[0]?.id ?? "");

  const outcome = useMemo(() => simulateScores(analysis, unit, typed), [analysis, unit, typed]);
  const tried = Object.entries(typed).filter(([, v]) => v.trim() !== "");
  const rejectedOf = (id: string): Issue | null => {
    const code = criteria?.nodes[id]?.code;
    return outcome?.rejected.find((i) => i.criterion === code) ?? null;
  };

  return {
    leaves,
    leafId,
    pickLeaf: setPicked,
    /** The text typed for the picked leaf ("" when none). */
    value: typed[leafId] ?? "",
    type: (text: string) => setTyped((t) => ({ ...t, [leafId]: text })),
    remove: (id: string) => setTyped((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== id))),
    reset: () => setTyped({}),
    tried: tried.map(([id, value]) => ({
      id,
      code: criteria?.nodes[id]?.code ?? id,
      value,
      problem: rejectedOf(id),
    })),
    outcome,
    /** The engine's issue for the picked leaf's typed score, when it is not valid. */
    problem: rejectedOf(leafId),
  };
}
