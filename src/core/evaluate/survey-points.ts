/**
 * Survey points from answer tallies (domain README §3): points = maximum × Σ(count × option
 * weight) / Σ count. Option weights come from settings.surveyOptionWeights (A = 100 %, B = 60 %…).
 */
import type { Micro } from "../points";
import type { SurveyTally } from "../model";

export type TallyOutcome =
  | { kind: "points"; micro: Micro }
  | { kind: "noAnswers" }
  | { kind: "invalid"; option: string; input: string };

/**
 * Points of a survey leaf from its tally, rounded half up to the micro-point. Options absent
 * from the weights count as answers worth 0 %. Counts must be whole numbers ≥ 0.
 */
export function computeTallyPoints(
  tally: SurveyTally,
  maxPoints: Micro,
  optionWeights: Readonly<Record<string, number>>,
): TallyOutcome {
  const weights = new Map(Object.entries(optionWeights).map(([k, w]) => [normaliseOption(k), w]));
  let answers = 0;
  let weighted = 0;
  // Sorted options: the float sum is the same whatever order the sheet listed them in.
  for (const option of Object.keys(tally.counts).sort()) {
    const count = tally.counts[option];
    if (!Number.isInteger(count) || count < 0) return { kind: "invalid", option, input: String(count) };
    answers += count;
    weighted += count * (weights.get(normaliseOption(option)) ?? 0);
  }
  if (answers === 0) return { kind: "noAnswers" };
  return { kind: "points", micro: Math.round((maxPoints * weighted) / answers) };
}

function normaliseOption(option: string): string {
  return option.trim().toUpperCase();
}
