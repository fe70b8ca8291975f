/**
 * Reads one score cell into what it means: blank, "not applicable", a number, or an invalid
 * entry with the issue it raises. No judgement against the maximum happens here.
 */
import { type CellValue, isBlank, isCellError } from "../grid";
import type { IssueCode } from "../issues";
import { toMicro, type Micro } from "../points";
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
  | { kind: "invalid"; code: Extract<IssueCode, "score_not_number" | "score_error_value">; input: string };

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
  const micro =
    Math.abs(points) > LARGEST_SENSIBLE_POINTS
      ? Math.sign(points) * Number.MAX_SAFE_INTEGER
      : toMicro(points);
  return { kind: "number", points, micro };
}

/** True for "Không áp dụng", "KAD", "N/A", "NA", "Không đánh giá", "KĐG" in any case, with or without accents. */
export function isNotApplicableText(text: string): boolean {
  return NOT_APPLICABLE_TOKENS.has(foldText(text).replace(/\.$/, ""));
}
