/**
 * Which sheets PAR Scorer may replace or delete: only those it can prove it wrote. A name in the
 * saved list is not proof (the list can be edited, or an officer can delete an old ranking sheet
 * and make a sheet of their own with that name). The proof is a signature: when PAR Scorer plans a
 * sheet it records, in its storage sheet, a fingerprint of each row of values it writes there; a
 * listed sheet is its own only while every row holding a value still has the fingerprint recorded
 * for that row, so that replacing it loses nothing a person typed. (A sheet whose writing was
 * interrupted, with some rows still empty, passes; so does an empty sheet.) A sheet that fails the
 * check is kept (and reported), and the new ranking goes under another name.
 *
 * The storage sheet itself is checked in saved-settings.ts (storageSheetState).
 */
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "./grid";
import type { SheetPlan } from "./model";
import { isStorageSheet } from "./saved-settings";

/** One sheet PAR Scorer wrote, as recorded in its storage sheet. */
export type SheetRecord = { name: string; signature: string | null };

/** What the ownership check decided for a workbook. */
export type Ownership = {
  /** Listed sheets whose values still carry PAR Scorer's signature: replaced or deleted freely. */
  owned: string[];
  /** Listed sheets that fail the check: kept as they are, never replaced nor deleted. */
  kept: string[];
};

const key = (name: string): string => name.normalize("NFC").toLowerCase();

/** Decides, for each recorded sheet still in the workbook, whether PAR Scorer can prove it is its own. */
export function decideOwnership(snapshot: WorkbookSnapshot, records: readonly SheetRecord[]): Ownership {
  const byName = new Map(snapshot.sheets.map((s) => [key(s.name), s]));
  const owned: string[] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const sheet = byName.get(key(record.name));
    if (!sheet || seen.has(key(sheet.name)) || isStorageSheet(sheet.name)) continue;
    seen.add(key(sheet.name));
    const rows = record.signature === null ? null : parseSignature(record.signature);
    const proven = rows !== null && sheet.visibility !== "veryHidden" && rowsMatch(sheet, rows);
    (proven ? owned : kept).push(sheet.name);
  }
  return { owned, kept };
}

// ── Signatures ────────────────────────────────────────────────────────
// A fingerprint of each row of a sheet's values: its non-empty cells with their columns. Values
// are compared as both hosts read them back: numbers at Excel's 15 significant digits, error
// values as their text (Office.js writes them as text), line ends as "\n". The hash is FNV-1a in
// two 32-bit lanes: it detects changes made by people, it does not resist someone crafting a file
// (who controls every sheet of it anyway). Written as "v2;row:hash;row:hash…".

const VERSION = "v2";

/**
 * Feeds one cell to a row's fingerprint as both hosts read it back, or does nothing for an empty
 * one. The cell is hashed as the text "<col>=<kind><value>\u0000" (kind n, b or s), fed piece by
 * piece rather than built: a 1,000-unit ranking sheet holds some 20,000 cells.
 */
function feedCell(print: Fingerprint, col: number, value: CellValue): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number") {
    if (Number.isFinite(value)) print.cell(col, "n", numberText(value));
    return;
  }
  if (typeof value === "boolean") {
    print.cell(col, "b", String(value));
    return;
  }
  const text = typeof value === "string" ? value : value.error;
  if (text === "") return;
  print.cell(col, "s", text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);
}

/**
 * A number at Excel's 15 significant digits, as text. When its shortest text already has at most
 * 15 significant digits, rounding to 15 gives the same number back, so that text is the answer
 * without the (slow) toPrecision.
 */
function numberText(value: number): string {
  const shortest = String(value);
  let digits = 0;
  let leading = true;
  for (let i = 0; i < shortest.length; i++) {
    const c = shortest.charCodeAt(i);
    if (c === 101 /* e */) break;
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    digits += 1;
  }
  return digits <= 15 ? shortest : String(Number(value.toPrecision(15)));
}

class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  private empty = true;
  cell(col: number, kind: string, value: string): void {
    this.empty = false;
    this.feed(String(col));
    this.feed("=");
    this.feed(kind);
    this.feed(value);
    this.feed("\u0000");
  }
  private feed(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
  }
  /** The row's hash, or null when the row holds no value. */
  digest(): string | null {
    if (this.empty) return null;
    const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, "0");
    return `${hex(this.a)}${hex(this.b)}`;
  }
}

/** The hash of one row of a grid, or null when it holds no value. */
function rowHash(line: readonly CellValue[] | undefined): string | null {
  if (!line) return null;
  const print = new Fingerprint();
  for (let col = 0; col < line.length; col++) feedCell(print, col, line[col]);
  return print.digest();
}

function formatSignature(rows: Map<number, string>): string {
  return [VERSION, ...[...rows.entries()].sort((x, y) => x[0] - y[0]).map(([r, h]) => `${r}:${h}`)].join(";");
}

/** The row hashes of a signature, or null when it is not one PAR Scorer writes. */
function parseSignature(signature: string): Map<number, string> | null {
  const [version, ...parts] = signature.split(";");
  if (version !== VERSION) return null;
  const rows = new Map<number, string>();
  for (const part of parts) {
    const m = /^(\d{1,7}):([0-9a-f]{16})$/.exec(part);
    if (!m) return null;
    rows.set(Number(m[1]), m[2]);
  }
  return rows;
}

/** True when every row of the sheet holding a value has the hash recorded for that row. */
function rowsMatch(sheet: SheetSnapshot, rows: Map<number, string>): boolean {
  for (let r = 0; r < sheet.values.length; r++) {
    const hash = rowHash(sheet.values[r]);
    if (hash !== null && rows.get(r) !== hash) return false;
  }
  return true;
}

/**
 * The signature of a sheet as read. Both readers leave the cells of a merged area other than its
 * top-left empty (as Excel keeps them), so merges need no look-up here: linear in the cells.
 */
export function snapshotSignature(sheet: SheetSnapshot): string {
  const rows = new Map<number, string>();
  sheet.values.forEach((line, r) => {
    const hash = rowHash(line);
    if (hash !== null) rows.set(r, hash);
  });
  return formatSignature(rows);
}

/** True when (row, col) lies in a merged area but is not its top-left cell. */
function coveredBy(merges: readonly CellRange[]): (row: number, col: number) => boolean {
  const areas = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  if (areas.length === 0) return () => false;
  return (row, col) =>
    areas.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        (row !== m.top || col !== m.left),
    );
}

/** The signature the sheet will have once the plan is written (later patches win, merges keep their top-left). */
export function planSignature(plan: SheetPlan): string {
  const grid: CellValue[][] = [];
  for (const patch of plan.patches) {
    patch.values.forEach((line, r) =>
      line.forEach((value, c) => {
        (grid[patch.row + r] ??= [])[patch.col + c] = value;
      }),
    );
  }
  const covered = coveredBy(plan.merges);
  grid.forEach((line, r) => line.forEach((_, c) => covered(r, c) && (line[c] = null)));
  return snapshotSignature({ name: plan.name, values: grid });
}
