/**
 * Bounds on numbers read from a workbook. Points are summed as integer micro-points, exact up to
 * 2^53 (about 9·10^9 points), so a maximum such as 1e308 (a pasted serial, a runaway formula)
 * cannot be held; no criteria set comes near a million points.
 */

/** Largest magnitude of a maximum or a score level, in points. */
export const MAX_POINTS = 1_000_000;

/** Largest answer count of a survey option. */
export const MAX_ANSWER_COUNT = 10_000_000;

/** True when a number of points can be held exactly. */
export function isPlausiblePoints(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_POINTS;
}

/**
 * Largest number in a criterion code ("200", "1.200", "1.1.200"). A number beyond it in the
 * criteria set's code column is an error that refuses the set (criteria_code_beyond_limit): no
 * published set comes near it, and reading only the criteria up to it would rank on part of the set.
 */
export const MAX_CODE_NUMBER = 200;
