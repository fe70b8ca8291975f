/**
 * Which of last year's units each unit of this year is. By name as typed, else by the folded
 * name the rest of the engine uses (unitKey: no case, accents, spacing or leading dashes), else
 * through settings.previousNames for units renamed or merged in the 2025 reorganisation.
 * A unit with no match is new ("mới"): not an error.
 */
import { unitKey } from "../evaluate/infer-group";
import type { PreviousUnit } from "./previous-year";

export type MatchKind = "exact" | "folded" | "mapped" | "new";

export type UnitMatch = {
  unit: string;
  kind: MatchKind;
  /** The unit last year, null when new. A merged unit takes its first listed predecessor found. */
  previous: PreviousUnit | null;
  /** Every one of last year's units this unit continues (several when merged). */
  predecessors: PreviousUnit[];
};

/**
 * Matches each of `units` (this year's names) to last year's; `previousNames` maps a new name
 * to its old names ({ "Xã Tân Phong": ["Xã Tân Lập", "Xã Phong Phú"] }).
 */
export function matchUnits(
  units: readonly string[],
  previous: readonly PreviousUnit[],
  previousNames: Readonly<Record<string, readonly string[]>>,
): { matches: UnitMatch[]; vanished: PreviousUnit[] } {
  const exact = new Map<string, PreviousUnit>();
  const folded = new Map<string, PreviousUnit>();
  for (const p of previous) {
    if (!exact.has(p.unit)) exact.set(p.unit, p);
    const key = unitKey(p.unit);
    if (!folded.has(key)) folded.set(key, p);
  }
  const mapped = new Map<string, readonly string[]>();
  for (const [name, olds] of Object.entries(previousNames)) {
    const key = unitKey(name);
    mapped.set(key, [...(mapped.get(key) ?? []), ...olds]);
  }

  const claimed = new Set<PreviousUnit>();
  const matches = units.map((unit): UnitMatch => {
    const same = exact.get(unit);
    if (same) return claim({ unit, kind: "exact", previous: same, predecessors: [same] });
    const alike = folded.get(unitKey(unit));
    if (alike) return claim({ unit, kind: "folded", previous: alike, predecessors: [alike] });
    const olds = mapped.get(unitKey(unit)) ?? [];
    const found = olds
      .map((old) => exact.get(old) ?? folded.get(unitKey(old)))
      .filter((p): p is PreviousUnit => p !== undefined);
    const predecessors = [...new Set(found)];
    if (predecessors.length > 0)
      return claim({ unit, kind: "mapped", previous: predecessors[0], predecessors });
    return { unit, kind: "new", previous: null, predecessors: [] };
  });

  function claim(match: UnitMatch): UnitMatch {
    for (const p of match.predecessors) claimed.add(p);
    return match;
  }

  return { matches, vanished: previous.filter((p) => !claimed.has(p)) };
}
