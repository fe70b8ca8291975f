import { BoundedMemo } from "./bounded-memo";
import { formatFigure } from "./format-number";
import { type CellValue, isCellError } from "./grid";

/**
 * Folds Vietnamese text for matching: NFC/NFD alike, no accents, đ → d, lower case,
 * runs of white space (including non-breaking) collapsed to one space, trimmed.
 */
export function foldText(text: string): string {
  const known = foldCache.get(text);
  if (known !== undefined) return known;
  const folded = foldUncached(text);
  // Workbooks repeat the same texts (headers, tokens, unit names) thousands of times; a bounded
  // memo keeps folding linear in the number of distinct texts. Purely an optimisation.
  foldCache.set(text, folded);
  return folded;
}

const FOLD_CACHE_LIMIT = 100_000;
const foldCache = new BoundedMemo<string, string>(FOLD_CACHE_LIMIT);

function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/** Text of a cell for matching: folded, or "" for anything that is not text or a number. */
export function foldCell(value: CellValue): string {
  if (typeof value === "string") return foldText(value);
  if (typeof value === "number") return String(value);
  return "";
}

/** Trims a cell's text and puts it in NFC; numbers become their shortest text; other values "". */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return tidyText(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isCellError(value)) return value.error;
  return "";
}

const tidyCache = new BoundedMemo<string, string>(FOLD_CACHE_LIMIT);

/** NFC, collapsed white space, trimmed; memoised like foldText (sheets repeat their texts). */
function tidyText(text: string): string {
  const known = tidyCache.get(text);
  if (known !== undefined) return known;
  const tidy = text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  tidyCache.set(text, tidy);
  return tidy;
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}([. ]\d{3})+(,\d+)?$/;

/**
 * Reads a number typed as a number or as text: "1,5", "1.5", " 1,5 " and 1.5 are all 1.5.
 * Returns null when the cell is not a finite number (blank, words, error values, "1e309", booleans).
 */
export function parseNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const plain = plainNumber(value);
  if (plain !== undefined) return plain;
  const s = value.replace(/[\s\u00a0]+/g, " ").trim();
  if (s === "") return null;
  const compact = s.replace(/ /g, "");
  if (NUMBER_TEXT.test(compact)) {
    const n = Number(compact.replace(",", "."));
    return Number.isFinite(n) ? n : null;
  }
  // "1.250,5" — thousands grouped with dots or spaces, decimal comma.
  if (GROUPED_NUMBER_TEXT.test(s)) {
    const n = Number(s.replace(/[. ]/g, "").replace(",", "."));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * The number of a text that is only a number as NUMBER_TEXT reads it ("0,25", " 1.5 ", "-3"),
 * with ordinary spaces around it, read without copying the text (scores typed as text are read
 * on every sheet); undefined for any other text, which parseNumber reads the long way.
 */
function plainNumber(text: string): number | null | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  let digits = 0;
  let decimals = 0;
  let separator = -1;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (separator < 0) digits++;
      else decimals++;
      mantissa = mantissa * 10 + (c - 0x30);
    } else if ((c === 0x2c || c === 0x2e) && separator < 0) separator = i;
    else return undefined;
  }
  if (digits === 0 && decimals === 0) return undefined;
  // Up to 15 digits the mantissa is an exact integer and 10^decimals an exact power, so their
  // quotient is the correctly rounded value of the decimal text, which Number() also gives.
  if (digits + decimals <= 15) {
    const value = mantissa / POWERS_OF_TEN[decimals];
    return sign === 0x2d ? -value : value;
  }
  const n =
    text.charCodeAt(separator) === 0x2c
      ? Number(`${text.slice(start, separator)}.${text.slice(separator + 1, end)}`)
      : Number(start === 0 && end === text.length ? text : text.slice(start, end));
  return Number.isFinite(n) ? n : null;
}

/** 10^0 … 10^15, each exact (products of integers below 2^53). */
const POWERS_OF_TEN: number[] = [1];
while (POWERS_OF_TEN.length < 16) POWERS_OF_TEN.push(POWERS_OF_TEN[POWERS_OF_TEN.length - 1] * 10);

/** Formats a number the Vietnamese way: decimal comma, fixed decimals, rounded half-up as Excel shows it (format-number.ts). */
export function formatDecimalVi(value: number, decimals: number): string {
  return formatFigure(value, decimals, "vi");
}
