/**
 * A unit scored on several sheets (an agency re-sent a corrected file, a draft sheet sits beside
 * the final one, the same file was sent twice): which copy counts is decided here, never by the
 * order of files or sheets, and always said.
 *
 * 1. The user's choice (settings.sources: unit → file or sheet name) wins.
 * 2. A copy whose sheet name or title says draft ("nháp", "dự thảo", "cũ", "draft") loses to one
 *    that does not (warning unit_draft_ignored).
 * 3. Copies with the same scores are one copy counted once (warning unit_identical_copy).
 * 4. Otherwise the copies differ and nothing can tell which is right: an error on every copy
 *    naming all of them (unit_duplicate), and the unit is left out of the ranking until the user
 *    chooses.
 */
import type { SheetSnapshot } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { UnitScores } from "../model";
import { cellText, foldText } from "../text";
import { unitKey } from "../evaluate/infer-group";

export type DecidedCopies = {
  /** The units to evaluate, one copy each, in the order they were found. */
  units: UnitScores[];
  /** The copies left out (drafts, identical copies, copies not chosen yet). */
  setAside: UnitScores[];
  issues: Issue[];
};

/** Where a sheet came from: its file (consolidated files) and its name there. */
type Place = { file: string | null; sheet: string };

/** How a copy is named in messages: `"Tự đánh giá" (so-tu-phap.xlsx)`, or `"Tự đánh giá"` in a single workbook. */
function describePlace(place: Place): string {
  return place.file ? `"${place.sheet}" (${baseName(place.file)})` : `"${place.sheet}"`;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}

/** Words that mark a draft or an outdated copy, as typed with accents. */
const DRAFT_WORDS = ["nháp", "cũ", "draft"];
/** The same typed without accents (only trusted in a text typed without any accent: "nhap" could be "nhập"). */
const FOLDED_DRAFT_WORDS = ["nhap", "cu", "draft"];

/**
 * True when a sheet name or title says draft. Accents are kept where the text has them, since
 * folding would take "nhập" (enter) for "nháp" and "cụ thể" for "cũ"; a text typed without any
 * accent is matched folded.
 */
export function saysDraft(text: string): boolean {
  const lower = text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ");
  const folded = foldText(text);
  const accented = [...lower].some((ch) => ch.charCodeAt(0) > 0x7f);
  if (accented) {
    const words = lower.split(/[^\p{L}\p{N}]+/u);
    return DRAFT_WORDS.some((w) => words.includes(w)) || lower.includes("dự thảo");
  }
  const words = folded.split(/[^a-z0-9]+/);
  return FOLDED_DRAFT_WORDS.some((w) => words.includes(w)) || /\bdu thao\b/.test(folded);
}

/** The title lines of a unit sheet: text in its first rows, above the table. */
const TITLE_ROWS = 3;

function isDraft(unit: UnitScores, place: Place, sheet: SheetSnapshot | undefined): boolean {
  if (saysDraft(place.sheet)) return true;
  if (!sheet || unit.layout !== "unitSheet") return false;
  for (let r = 0; r < Math.min(TITLE_ROWS, sheet.values.length); r++) {
    for (const value of sheet.values[r] ?? []) {
      const text = cellText(value);
      if (text && saysDraft(text)) return true;
    }
  }
  return false;
}

/** The scores of a copy, criterion by criterion: two copies with the same are the same copy. */
function scoresKey(unit: UnitScores): string {
  const rows = unit.rows.map((r) =>
    JSON.stringify([
      r.criterionId ?? r.code,
      r.selfScore?.value ?? null,
      r.appraisedScore?.value ?? null,
      r.surveyPoints?.value ?? null,
    ]),
  );
  return rows.sort().join("\n");
}

/**
 * The copies a setting names: by sheet name (as in its file, or as merged), else by file name
 * (the path, the name, or the name without .xlsx).
 */
function matchChoice(choice: string, copies: readonly { unit: UnitScores; place: Place }[]): number[] {
  const wanted = foldText(choice);
  const bySheet = copies.flatMap((c, i) =>
    foldText(c.place.sheet) === wanted || foldText(c.unit.sheet) === wanted ? [i] : [],
  );
  if (bySheet.length === 1) return bySheet;
  const byFile = copies.flatMap((c, i) => {
    if (!c.place.file) return [];
    const name = baseName(c.place.file);
    const stem = name.replace(/\.xls[xm]?$/i, "");
    return [foldText(c.place.file), foldText(name), foldText(stem)].includes(wanted) ? [i] : [];
  });
  return byFile.length ? byFile : bySheet;
}

/**
 * Decides, for every unit found on more than one sheet, which copy is evaluated.
 * `sheets` are the workbook's sheets (their origin names the file of a consolidated sheet);
 * `sources` is settings.sources.
 */
export function decideUnitCopies(
  found: readonly UnitScores[],
  sheets: readonly SheetSnapshot[],
  sources: Readonly<Record<string, string>>,
): DecidedCopies {
  const byName = new Map<string, UnitScores[]>();
  for (const u of found) {
    const key = unitKey(u.unit);
    const list = byName.get(key) ?? [];
    list.push(u);
    byName.set(key, list);
  }
  const sheetByName = new Map(sheets.map((s) => [s.name, s]));
  const placeOf = (u: UnitScores): Place => {
    const origin = sheetByName.get(u.sheet)?.origin;
    return origin ? { file: origin.file, sheet: origin.sheet } : { file: null, sheet: u.sheet };
  };
  const choices = new Map(Object.entries(sources).map(([unit, choice]) => [unitKey(unit), choice]));

  const keep = new Set<UnitScores>();
  const setAside: UnitScores[] = [];
  const issues: Issue[] = [];
  for (const [key, list] of byName) {
    if (list.length === 1) {
      keep.add(list[0]);
      continue;
    }
    const copies = list.map((unit) => ({ unit, place: placeOf(unit) }));
    const where = (c: (typeof copies)[number]) => ({
      sheet: c.unit.sheet,
      cell: c.unit.nameCell,
      unit: c.unit.unit,
    });
    const name = list[0].unit;
    const all = copies.map((c) => describePlace(c.place)).join(", ");

    // 1. The user's choice.
    const choice = choices.get(key);
    if (choice !== undefined) {
      const matched = matchChoice(choice, copies);
      if (matched.length === 1) {
        const chosen = copies[matched[0]];
        keep.add(chosen.unit);
        for (const c of copies) {
          if (c === chosen) continue;
          setAside.push(c.unit);
          issues.push(
            makeIssue("unit_copy_not_chosen", where(c), {
              name,
              input: describePlace(c.place),
              other: describePlace(chosen.place),
            }),
          );
        }
        continue;
      }
      issues.push(
        makeIssue("unit_source_unmatched", where(copies[0]), {
          name,
          input: choice,
          other: all,
          count: matched.length,
        }),
      );
    }

    // 2. Drafts lose to final copies.
    let remaining = copies;
    const drafts = copies.filter((c) => isDraft(c.unit, c.place, sheetByName.get(c.unit.sheet)));
    if (drafts.length > 0 && drafts.length < copies.length) {
      remaining = copies.filter((c) => !drafts.includes(c));
      const finals = remaining.map((c) => describePlace(c.place)).join(", ");
      for (const d of drafts) {
        setAside.push(d.unit);
        issues.push(
          makeIssue("unit_draft_ignored", where(d), { name, input: describePlace(d.place), other: finals }),
        );
      }
    }

    // 3. Identical copies count once: the first found (files are read in the order of their paths).
    const first = remaining[0];
    const firstScores = scoresKey(first.unit);
    if (remaining.length === 1 || remaining.every((c) => scoresKey(c.unit) === firstScores)) {
      keep.add(first.unit);
      for (const c of remaining.slice(1)) {
        setAside.push(c.unit);
        issues.push(
          makeIssue("unit_identical_copy", where(c), {
            name,
            input: describePlace(c.place),
            other: describePlace(first.place),
          }),
        );
      }
      continue;
    }

    // 4. Different copies: nothing may be guessed.
    for (const c of remaining) {
      setAside.push(c.unit);
      const others = remaining.filter((o) => o !== c).map((o) => describePlace(o.place));
      issues.push(
        makeIssue("unit_duplicate", where(c), {
          name,
          input: describePlace(c.place),
          other: others.join(", "),
          expected: c.place.file ? baseName(c.place.file) : c.place.sheet,
          count: remaining.length,
        }),
      );
    }
  }
  return { units: found.filter((u) => keep.has(u)), setAside, issues };
}
