/**
 * Judges a numeric score against its criterion: range (0…maximum, or −maximum…0 for a
 * deduction item) and the allowed levels. Returns the issue it raises, or null when valid.
 */
import type { IssueCode, IssueData } from "../issues";
import type { AllowedLevels, ScoringRole } from "../model";
import { fromMicro, type Micro } from "../points";
import { formatDecimalVi } from "../text";

export type ScoreProblem = { code: IssueCode; data: IssueData };

/** The problem with a numeric score for a leaf of the given role, maximum and levels; null when valid. */
export function judgeScore(
  micro: Micro,
  points: number,
  role: ScoringRole,
  maxPoints: Micro,
  levels: AllowedLevels | null,
): ScoreProblem | null {
  const max = fromMicro(maxPoints);
  if (role === "deduction") {
    // Deductions are typed as non-positive numbers down to −maximum (điểm trừ).
    if (micro > 0 || micro < -maxPoints)
      return { code: "deduction_out_of_range", data: { actual: points, max } };
  } else {
    if (micro < 0) return { code: "score_negative", data: { actual: points, max } };
    if (micro > maxPoints) return { code: "score_above_max", data: { actual: points, max } };
  }
  if (levels && !isAllowedLevel(Math.abs(micro), levels)) {
    return {
      code: "score_off_levels",
      data: { actual: points, expected: describeLevels(levels, maxPoints) },
    };
  }
  return null;
}

/** True when a non-negative score (micro-points) is one of the allowed levels. */
export function isAllowedLevel(micro: Micro, levels: AllowedLevels): boolean {
  if (levels.kind === "values") return levels.values.includes(micro);
  return levels.step > 0 && micro % levels.step === 0;
}

/** The allowed levels as people write them: "0; 0,5; 1" (a step is spelled out up to the maximum). */
export function describeLevels(levels: AllowedLevels, maxPoints: Micro): string {
  const show = (m: Micro): string => formatDecimalVi(fromMicro(m), decimalsOf(fromMicro(m)));
  if (levels.kind === "values") return levels.values.map(show).join("; ");
  const steps: string[] = [];
  for (let m = 0; m <= maxPoints && steps.length < 6; m += levels.step) steps.push(show(m));
  if (levels.step > 0 && maxPoints / levels.step >= 6)
    steps.push("…", show(maxPoints - (maxPoints % levels.step)));
  return steps.join("; ");
}

function decimalsOf(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(s.length - dot - 1, 6);
}
