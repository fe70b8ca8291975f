/**
 * Reads one score cell into what it means: blank, "not applicable", a number, or an invalid
 * entry with the issue it raises. No judgement against the maximum happens here.
 */
import { type CellValue, isBlank, isCellError } from "../grid";
import type { IssueCode } from "../issues";
import { MICRO, toMicro, type Micro } from "../points";
import { cellText, foldText, parseNumber } from "../text";

/** Folded spellings meaning "this criterion does not apply to the unit". */
const NOT_APPLICABLE_TOKENS = new Set(["khong ap dung", "kad", "n/a", "na", "khong danh gia", "kdg"]);

/** Excel's error texts, for hosts that hand an error value over as plain text (Office.js does). */
const ERROR_TEXT =
  /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|GETTING_DATA)$/i;

/** Beyond this many points a number is certainly out of range; kept out of micro-points to stay exact. */
const LARGEST_SENSIBLE_POINTS = 1e9;

export type ScoreReading =
  | { kind: "blank" }
  | { kind: "notApplicable" }
  | { kind: "number"; points: number; micro: Micro }
  | {
      kind: "invalid";
      code: Extract<IssueCode, "score_not_number" | "score_error_value" | "score_too_many_decimals">;
      input: string;
      /** score_too_many_decimals: the number that would have been kept (6 decimals). */
      kept?: number;
    };

/** Decimals kept of a score: points are held as micro-points, millionths (src/core/points.ts). */
const KEPT_DECIMALS = 6;

/** What a score cell holds: blank, a not-applicable mark, a number (decimal comma allowed) or an invalid entry. */
export function readScoreCell(value: CellValue): ScoreReading {
  if (isBlank(value)) return { kind: "blank" };
  if (isCellError(value)) return { kind: "invalid", code: "score_error_value", input: value.error };
  if (typeof value === "boolean")
    return { kind: "invalid", code: "score_not_number", input: cellText(value) };
  if (typeof value === "string") {
    const text = cellText(value);
    if (ERROR_TEXT.test(text))
      return { kind: "invalid", code: "score_error_value", input: text.toUpperCase() };
    if (isNotApplicableText(text)) return { kind: "notApplicable" };
  }
  const points = parseNumber(value);
  if (points === null) return { kind: "invalid", code: "score_not_number", input: cellText(value) };
  // Text is what the person typed: digits beyond the 6th decimal would be dropped without a word
  // ("1,5000001" read as 1,5), so the cell is reported, not rounded. A number cell is read at
  // Excel's precision and rounded as the engine rounds its own computed points (formula results
  // such as =2/3 or survey shares carry more decimals than anyone typed): docs/computation.md.
  if (typeof value === "string" && typedDecimals(value) > KEPT_DECIMALS) {
    const kept = toMicro(points) / MICRO;
    return { kind: "invalid", code: "score_too_many_decimals", input: cellText(value), kept };
  }
  const micro =
    Math.abs(points) > LARGEST_SENSIBLE_POINTS
      ? Math.sign(points) * Number.MAX_SAFE_INTEGER
      : toMicro(points);
  return { kind: "number", points, micro };
}

/**
 * Significant decimals typed in a number text ("1,5000001": 7; "1,50": 1; "1.250.000": 0): the
 * digits after the last separator, trailing zeros aside. Thousands groups have 3 digits, so they
 * never exceed the 6 kept.
 */
function typedDecimals(text: string): number {
  const m = /[.,](\d+)\s*$/.exec(text);
  return m ? m[1].replace(/0+$/, "").length : 0;
}

/** True for "Không áp dụng", "KAD", "N/A", "NA", "Không đánh giá", "KĐG" in any case, with or without accents. */
export function isNotApplicableText(text: string): boolean {
  return NOT_APPLICABLE_TOKENS.has(foldText(text).replace(/\.$/, ""));
}
