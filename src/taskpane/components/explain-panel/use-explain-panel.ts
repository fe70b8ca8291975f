import { useMemo, useState } from "react";
import { explainUnit } from "../../../core/explain/explain-unit";
import { findGains } from "../../../core/explain/find-gains";
import { compareYears, unitChangeOf } from "../../../core/compare/compare-years";
import { useHost } from "../../host/host-context";
import { useSession } from "../../session/session-context";
import { usePreviousYear } from "../year-compare/previous-year-context";

export type GoToCell = (sheet: string, cell: string | null) => void;

/** The explain tab: the unit picked and the engine's explanation of its result. */
export function useExplainPanel() {
  const host = useHost();
  const session = useSession();
  const { analysis } = session;
  const [picked, setPicked] = useState("");
  const units = useMemo(() => analysis?.results.map((r) => r.unit) ?? [], [analysis]);
  const unit = picked && units.includes(picked) ? picked : (units[0] ?? "");
  const explanation = useMemo(
    () => (analysis && unit ? explainUnit(analysis, unit) : null),
    [analysis, unit],
  );

  // Where points can be gained: each lost leaf with its field and the index and rank at full points.
  const gains = useMemo(() => (analysis && unit ? findGains(analysis, unit) : null), [analysis, unit]);

  /** The code cell of a field's row on the unit's sheet, so that field lines link somewhere too. */
  const fieldCells = useMemo(() => {
    const scores = analysis?.units.find(
      (u) => u.unit === explanation?.unit && u.sheet === explanation?.sheet,
    );
    return new Map((scores?.rows ?? []).map((row) => [row.criterionId, row.codeCell]));
  }, [analysis, explanation]);

  // With last year's file picked in Xếp hạng (kept for the session): the unit's change since then.
  const { previous } = usePreviousYear();
  const comparison = useMemo(
    () => (analysis && previous ? compareYears(analysis, previous.year) : null),
    [analysis, previous],
  );
  const change = useMemo(
    () => unitChangeOf(comparison, explanation?.unit ?? "") ?? null,
    [comparison, explanation],
  );

  const goTo: GoToCell = (sheet, cell) => void session.run(() => host.goTo(sheet, cell));

  return {
    analysis,
    decimals: analysis?.settings.decimals ?? 2,
    units,
    unit,
    pick: setPicked,
    explanation,
    gains,
    fieldCells,
    change,
    goTo,
  };
}
