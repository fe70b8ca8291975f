/** Unit results written as literals for ranking and rendering tests. */
import type { UnitResult } from "../../../src/core/model";
import { indexPercent, toMicro } from "../../../src/core/points";

/** A unit result with the given points over the given maximum (index = the plain ratio). */
export function unitResult(
  unit: string,
  group: string,
  points: number,
  maxPoints = 100,
  extra: Partial<UnitResult> = {},
): UnitResult {
  const p = toMicro(points);
  const m = toMicro(maxPoints);
  return {
    unit,
    sheet: unit.slice(0, 31),
    group,
    points: p,
    maxPoints: m,
    index: indexPercent(p, m),
    bonus: 0,
    deduction: 0,
    nodes: {},
    leaves: {},
    errorCount: 0,
    warningCount: 0,
    ...extra,
  };
}
