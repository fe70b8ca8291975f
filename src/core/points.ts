/**
 * Exact point arithmetic. Points are held as integer millionths ("micro-points") so that sums
 * do not depend on the order of the terms (domain README §4: the same scores in another order
 * must give the identical index). A published score has at most 3 decimals; 6 leave room for
 * survey points computed from answer shares. Integers stay exact in a double up to 2^53.
 */

export type Micro = number;

export const MICRO = 1_000_000;

/** A point value (e.g. 0.75) to micro-points, rounded half away from zero at the 6th decimal. */
export function toMicro(points: number): Micro {
  if (!Number.isFinite(points)) throw new RangeError(`not a finite number of points: ${points}`);
  const scaled = points * MICRO;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return rounded === 0 ? 0 : rounded;
}

/** Micro-points back to points (for display and JSON). */
export function fromMicro(micro: Micro): number {
  return micro / MICRO;
}

/** Sum of micro-points: exact, so order-independent. */
export function sumMicro(values: Iterable<Micro>): Micro {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Index in percent = points / maximum × 100, from integers, so equal ratios give the identical
 * double whatever the terms (one correctly rounded division). Null when the maximum is 0.
 */
export function indexPercent(points: Micro, maxPoints: Micro): number | null {
  if (maxPoints <= 0) return null;
  return (points * 100) / maxPoints;
}

/** Compares two ratios a/b and c/d exactly (b, d > 0): negative, zero or positive. */
export function compareRatios(a: Micro, b: Micro, c: Micro, d: Micro): number {
  // A division of integers is correctly rounded, and rounding keeps order: two quotients that
  // differ as doubles are ordered as the ratios are. Only equal quotients (equal ratios, or ratios
  // closer than a double tells apart) are compared as exact products; a ranking sorts thousands of
  // units, and that is the rare case.
  const x = a / b;
  const y = c / d;
  if (x !== y) return x < y ? -1 : 1;
  const left = BigInt(a) * BigInt(d);
  const right = BigInt(c) * BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
