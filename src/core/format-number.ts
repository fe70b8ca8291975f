/**
 * The one display formatter of PAR Scorer's figures (CLI tables, the task pane, texts the sheets
 * hold). It rounds half away from zero from the exact value, never through a binary `toFixed`:
 * 77,345 shows as 77,35, 1,005 as 1,01, 85,125 as 85,13 — what Excel shows for the stored number.
 *
 * A figure is either an exact ratio (the engine's micro-points, an index points ÷ maximum) or a
 * stored double, read as Excel reads it: to 15 significant digits.
 */
import type { UnitResult } from "./model";
import { MICRO, type Micro } from "./points";

/** An exact value numerator ÷ denominator (denominator > 0). */
export type ExactRatio = { numerator: bigint; denominator: bigint };

/** A figure to display: a stored double, or an exact ratio. */
export type Figure = number | ExactRatio;

export type NumberLang = "vi" | "en";

/** Micro-points as the exact number of points. */
export function microFigure(micro: Micro): ExactRatio {
  return { numerator: BigInt(micro), denominator: BigInt(MICRO) };
}

/**
 * A unit's index as an exact ratio when it is the plain points ÷ maximum × 100 (the usual case),
 * else the stored double (weighted or bounded indices); null when it has none.
 */
export function indexFigure(result: Pick<UnitResult, "index" | "points" | "maxPoints">): Figure | null {
  if (result.index === null) return null;
  if (result.maxPoints > 0 && result.index === (result.points * 100) / result.maxPoints) {
    return { numerator: BigInt(result.points) * 100n, denominator: BigInt(result.maxPoints) };
  }
  return result.index;
}

/** The figure as an exact ratio: a double is taken at 15 significant digits, as Excel shows it. */
export function toRatio(value: Figure): ExactRatio {
  if (typeof value !== "number") return value;
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // "7.73450000000000e+1" → digits 773450000000000, power of ten −13.
  const [mantissa, exp] = value.toExponential(14).split("e");
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/[-.]/g, "");
  const power = Number(exp) - 14;
  const magnitude = BigInt(digits);
  const signed = negative ? -magnitude : magnitude;
  return power >= 0
    ? { numerator: signed * 10n ** BigInt(power), denominator: 1n }
    : { numerator: signed, denominator: 10n ** BigInt(-power) };
}

/** The figure rounded half away from zero to `decimals` decimals, as an integer count of 10^−decimals. */
export function roundFigure(value: Figure, decimals: number): bigint {
  const { numerator, denominator } = toRatio(value);
  const scaled = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(decimals);
  const rounded = (2n * scaled + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/**
 * The figure with exactly `decimals` decimals: decimal comma in Vietnamese ("77,35"), decimal
 * point in English ("77.35"). No grouping of thousands (as Excel's "0.00" format).
 */
export function formatFigure(value: Figure, decimals: number, lang: NumberLang): string {
  const rounded = roundFigure(value, decimals);
  const negative = rounded < 0n;
  const digits = (negative ? -rounded : rounded).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const mark = lang === "vi" ? "," : ".";
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? mark + fraction : ""}`;
}

/** True when two figures show the same at `decimals` decimals. */
export function sameDisplay(a: Figure, b: Figure, decimals: number): boolean {
  return roundFigure(a, decimals) === roundFigure(b, decimals);
}

/** Exact comparison of two figures: negative, zero or positive. */
export function compareFigures(a: Figure, b: Figure): number {
  const x = toRatio(a);
  const y = toRatio(b);
  const left = x.numerator * y.denominator;
  const right = y.numerator * x.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Points without trailing zeros, as typed ("0,75", "10", "68,32"); at most 6 decimals (the
 * engine's precision).
 */
export function formatPointsFigure(value: Figure, lang: NumberLang): string {
  const text = formatFigure(value, 6, lang);
  const mark = lang === "vi" ? "," : ".";
  return text.includes(mark) ? text.replace(/0+$/, "").replace(/[.,]$/, "") : text;
}
