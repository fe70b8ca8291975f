/**
 * Names of the sheets PAR Scorer writes, within Excel's rules: at most 31 characters, none of
 * * ? : \ / [ ], not empty, no apostrophe at either end, unique without regard to case. A name
 * a person already uses is never taken over.
 */

const MAX_SHEET_NAME = 31;

/** A name made acceptable to Excel: forbidden characters become "-", trimmed, cut to 31 characters. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[*?:\\/[\]]/g, "-")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  const cut = cutToLength(cleaned, MAX_SHEET_NAME).trim();
  return cut === "" ? "Sheet" : cut;
}

/** The longest prefix of whole characters within `max` UTF-16 units (Excel's count). */
export function cutToLength(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * Chooses sheet names one by one: a name is free when no sheet has it, or when the sheet of that
 * name was written by PAR Scorer earlier (it is then replaced). A person's sheet is never reused:
 * the name gets " (2)", " (3)"… instead.
 */
export function createSheetNamer(existingSheetNames: readonly string[], generatedSheets: readonly string[]) {
  const key = (name: string): string => name.normalize("NFC").toLowerCase();
  const generated = new Set(generatedSheets.map(key));
  const existing = new Set(existingSheetNames.map(key));
  const taken = new Set(existingSheetNames.map(key).filter((k) => !generated.has(k)));
  // Excel reserves "History" for its change tracking.
  taken.add("history");
  return (wanted: string): { name: string; replaces: boolean } => {
    const base = sanitizeSheetName(wanted);
    let name = base;
    for (let n = 2; taken.has(key(name)); n++) {
      const suffix = ` (${n})`;
      name = `${cutToLength(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(key(name));
    return { name, replaces: existing.has(key(name)) };
  };
}

/** True when a name follows Excel's rules for sheet names. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    name.trim() === name &&
    !/[*?:\\/[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}
