/**
 * The Mức điểm column: allowed score levels of a leaf, as a list ("0; 0,5; 1") or a step
 * ("0,25", "bước 0,25"). A comma is the decimal mark here, so lists are separated by ";", "/"
 * or "|" (or " - " / "hoặc" between numbers).
 */
import type { CellValue } from "../grid";
import type { AllowedLevels } from "../model";
import { toMicro } from "../points";
import { cellText, foldText, parseNumber } from "../text";
import { isPlausiblePoints } from "./limits";

export type LevelsReading = { levels: AllowedLevels | null; invalid: boolean };

function readPart(part: string): number | null {
  const n = parseNumber(foldText(part).replace(/\s*diem$/, ""));
  return n !== null && isPlausiblePoints(n) ? n : null;
}

/** Reads a levels cell; blank gives no levels, unreadable text gives `invalid`. */
export function parseLevels(value: CellValue): LevelsReading {
  if (value === null) return { levels: null, invalid: false };
  if (typeof value === "number") {
    return value > 0 && isPlausiblePoints(value)
      ? { levels: { kind: "step", step: toMicro(value) }, invalid: false }
      : { levels: null, invalid: true };
  }
  const text = cellText(value);
  if (text === "") return { levels: null, invalid: false };
  const folded = foldText(text);
  const step = /^(buoc|moi buoc|buoc nhay)\s*:?\s*(.+)$/.exec(folded);
  if (step) {
    const n = readPart(step[2]);
    return n !== null && n > 0
      ? { levels: { kind: "step", step: toMicro(n) }, invalid: false }
      : { levels: null, invalid: true };
  }
  const parts = folded
    .split(/\s*[;/|]\s*|\s+-\s+|\s+hoac\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const numbers = parts.map(readPart);
  if (numbers.length === 0 || numbers.some((n) => n === null || n < 0))
    return { levels: null, invalid: true };
  if (numbers.length === 1) {
    const n = numbers[0] as number;
    return n > 0
      ? { levels: { kind: "step", step: toMicro(n) }, invalid: false }
      : { levels: null, invalid: true };
  }
  const values = [...new Set((numbers as number[]).map(toMicro))].sort((a, b) => a - b);
  return { levels: { kind: "values", values }, invalid: false };
}
