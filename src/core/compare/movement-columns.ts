/**
 * The columns a ranking sheet gains when last year is given: "Năm trước" (last year's index and
 * rank) and "Thay đổi" (▲3 / ▼1 / = / mới, and the index change in percentage points). Values
 * stay unrounded numbers where they are numbers; only the formats round.
 */
import type { CellValue } from "../grid";
import { type YearComparison, unitChangeOf } from "./compare-years";
import { rankMovementText } from "./movement-text";

export const MOVEMENT_HEADERS = [
  "Năm trước - Chỉ số (%)",
  "Năm trước - Xếp hạng",
  "Thay đổi - Xếp hạng",
  "Thay đổi - Chỉ số",
] as const;

/** Widths in characters of the four columns (their headers wrap), within the A4 landscape budget. */
export const MOVEMENT_WIDTHS = [7.5, 6.5, 6.5, 7.5];

/** Alignment of the four columns: figures right, ranks and arrows centred. */
export const MOVEMENT_ALIGN = ["right", "center", "center", "right"] as const;

/** The four cells of a unit: last index, last rank, ▲n / ▼n / = / mới, index change (null where none). */
export function movementCells(comparison: YearComparison, unit: string): CellValue[] {
  const change = unitChangeOf(comparison, unit);
  if (!change) return [null, null, null, null];
  const text = rankMovementText(change);
  return [
    change.previous?.index ?? null,
    change.previous?.rank ?? null,
    text === "" ? null : text,
    change.indexChange,
  ];
}

/**
 * Number formats of the four columns: `decimals` decimals for the index, a whole rank, text for
 * the movement, and a signed change (+1,25 / -0,50 / 0,00) for the index change.
 */
export function movementFormats(indexFormat: string, integerFormat: string, textFormat: string): string[] {
  // A locale tag ("[$-42A]", Vietnamese) stays in front of the whole format, once.
  const [, locale = "", body = indexFormat] = /^(\[\$-[0-9A-Fa-f]+\])?(.*)$/.exec(indexFormat) ?? [];
  return [indexFormat, integerFormat, textFormat, `${locale}+${body};-${body};${body}`];
}
