/**
 * Criterion codes as people type them: fields "I", "II" or "1", "2"; criteria "1", "2" numbered
 * across the set or "1.1"; sub-criteria "1.1" or "1.1.1". Typed variants are accepted: "1.",
 * "1.1.", " 1,1" (comma typed for the dot), "Tiêu chí 1", and numbers stored as numbers (1.1).
 * Guidance marks ("-", "+", "a)", "*") are not codes.
 */
import { type CellValue } from "../grid";
import { cellText, foldText } from "../text";
import { MAX_CODE_NUMBER } from "./limits";

export type ParsedCode =
  | { kind: "roman"; value: number; text: string }
  | {
      kind: "arabic";
      segments: number[];
      text: string;
      /**
       * True when the cell held a number such as 1.1: Excel has dropped any trailing zero, so
       * "1.10" and "1.1" look alike and the row order must decide (see resolveCodes).
       */
      fromNumber: boolean;
    };

const PREFIX = /^(tieu chi thanh phan|tieu chi|linh vuc|tctp|tc|muc)\s*/;
const MAX_SEGMENT = MAX_CODE_NUMBER;

/** Value of a Roman numeral in canonical form (I…L), or null. */
export function romanValue(text: string): number | null {
  if (!/^[IVXL]+$/.test(text)) return null;
  const digits: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = digits[text[i]];
    const next = digits[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total <= 50 && toRoman(total) === text ? total : null;
}

/** A number from 1 to 50 as a Roman numeral. */
export function toRoman(value: number): string {
  const table: [number, string][] = [
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let n = value;
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function arabic(segments: number[], fromNumber: boolean): ParsedCode | null {
  if (segments.length === 0 || segments.some((s) => !Number.isInteger(s) || s < 0 || s > MAX_SEGMENT))
    return null;
  if (segments[0] === 0) return null;
  return { kind: "arabic", segments, text: segments.join("."), fromNumber };
}

/** Reads a code cell; null when it holds no criterion code (blank, guidance marks, words). */
export function parseCode(value: CellValue): ParsedCode | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value <= 0) return null;
    if (Number.isInteger(value)) return arabic([value], false);
    const text = String(value);
    if (!/^\d+\.\d+$/.test(text)) return null;
    return arabic(text.split(".").map(Number), true);
  }
  if (typeof value !== "string") return null;
  return parseCodeText(value);
}

/**
 * Codes already read, by the text typed: sheets repeat the same codes (every unit sheet, every
 * candidate header row), and reading one folds and runs several patterns. Bounded like the text
 * memos; the codes it returns are frozen, as they are shared.
 */
const codeMemo = new Map<string, ParsedCode | null>();
const CODE_MEMO_LIMIT = 50_000;

/** Reads a code typed as text ("II", "1.1.", " 1,1", "Tiêu chí 3"). */
export function parseCodeText(raw: string): ParsedCode | null {
  const known = codeMemo.get(raw);
  if (known !== undefined) return known;
  const code = readCodeText(raw);
  if (code?.kind === "arabic") Object.freeze(code.segments);
  if (codeMemo.size >= CODE_MEMO_LIMIT) codeMemo.clear();
  codeMemo.set(raw, code && Object.freeze(code));
  return code;
}

function readCodeText(raw: string): ParsedCode | null {
  const s = codeShape(raw);
  if (s === "") return null;
  const roman = romanValue(s);
  if (roman !== null) return { kind: "roman", value: roman, text: s };
  if (/^\d+(\.\d+)*$/.test(s)) return arabic(s.split(".").map(Number), false);
  return null;
}

/** A code text without its prefix, brackets and trailing marks, a typed comma read as the dot. */
function codeShape(raw: string): string {
  let s = cellText(raw);
  const prefix = PREFIX.exec(foldText(s));
  // Folding keeps one letter per NFC character, so the prefix has the same length in s.
  if (prefix) s = s.slice(prefix[0].length);
  s = s
    .replace(/^\(/, "")
    .replace(/[.):]+$/, "")
    .replace(/\s*([.,])\s*/g, "$1")
    .trim();
  // " 1,1" and "1,1,2": a comma typed for the dot (Vietnamese keyboards), never a decimal here.
  if (/^\d+(,\d+)+$/.test(s)) s = s.replace(/,/g, ".");
  return s;
}

/**
 * The code a cell (or, with `inTitle`, the start of a title) would hold but for a number above
 * MAX_CODE_NUMBER ("201", "1.250"), as typed; null for a code within the limit or no code at all.
 */
export function codeBeyondLimit(value: CellValue, inTitle = false): string | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value <= 0) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = codeShape(inTitle ? (leadingCodeText(value) ?? "") : value);
  } else return null;
  if (!/^\d+(\.\d+)*$/.test(text)) return null;
  const segments = text.split(".").map(Number);
  if (segments[0] === 0 || !segments.some((n) => n > MAX_SEGMENT)) return null;
  return text;
}

/**
 * A code at the start of a title ("1.1. Ban hành kế hoạch", "Tiêu chí 3: …", "II. CẢI CÁCH…"),
 * used when a sheet has no code column.
 */
export function leadingCode(title: string): ParsedCode | null {
  const text = leadingCodeText(title);
  return text === null ? null : parseCodeText(text);
}

function leadingCodeText(title: string): string | null {
  const s = cellText(title);
  const prefix = PREFIX.exec(foldText(s));
  const rest = prefix ? s.slice(prefix[0].length) : s;
  const m = /^([IVXL]+|\d+(?:[.,]\d+)*)(?:[.):]|\s-)?\s+\S/.exec(rest);
  return m ? m[1] : null;
}
