/**
 * Finding the header of a sheet: the row (or two or three rows) in the first 20 that best names
 * the columns, after titles and "Đơn vị: …" lines. Multi-row headers are read column by column:
 * "Điểm" merged above "Tự chấm | Thẩm định" gives "Điểm Tự chấm", "Điểm Thẩm định"; a unit's name
 * merged above score sub-columns makes a matrix column group. Merged areas come from the
 * snapshot when the adapter gives them; otherwise a label is carried rightwards over blank
 * cells that have a sub-label beneath, as merged cells arrive (value in the first cell only).
 */
import { type CellRange, type CellValue, type Grid, type SheetSnapshot, cellAt, isBlank } from "../grid";
import type { ColumnMap, ColumnRole } from "../model";
import { keepShapeOf } from "../kept-shapes";
import { cellText } from "../text";
import {
  MAX_ROLE_CONFIDENCE,
  type RoleMatch,
  classifyHeaderText,
  classifyJoinedLabels,
  isColumnNumber,
  isGenericScoreLabel,
  looksLikeUnitName,
} from "./header-roles";

/** How far down a header may sit. */
export const HEADER_SEARCH_ROWS = 20;
const MAX_BAND_ROWS = 3;
/** What two or more matrix units add to a header's score, besides their roles. */
const UNITS_BONUS = 4;

export type HeaderColumn = {
  col: number;
  /** Labels of the band's rows for this column, top to bottom, after merges and carrying. */
  labels: string[];
  text: string;
  role: ColumnRole | null;
  confidence: number;
  /** For a matrix: the unit label above this score sub-column, and where it is. */
  owner: { name: string; row: number; col: number } | null;
};

/** A unit's columns on a matrix sheet. */
export type UnitColumns = {
  name: string;
  /** A1-free position of the cell holding the name. */
  row: number;
  col: number;
  columns: ColumnMap;
  /** A single unlabelled score column per unit. */
  single: number | null;
};

export type Header = {
  /** First and last rows of the header band (zero-based). */
  top: number;
  bottom: number;
  /** First data row: after the band and any "(1) (2) (3)" row. */
  dataStart: number;
  columns: HeaderColumn[];
  /** Sheet-wide roles (first column per role, outside matrix groups). */
  roles: ColumnMap;
  units: UnitColumns[];
  score: number;
};

/**
 * True for a header cell that names a unit of the units list: a unit's name, never a role label,
 * even when it holds a role's words ("Cơ quan Cảnh sát điều tra Công an tỉnh": "điều tra").
 */
export type IsListedUnit = (text: string) => boolean;
const NO_UNITS: IsListedUnit = () => false;

/** Finds the merged area covering a cell of the header region, in constant time. */
type MergeLookup = (row: number, col: number) => CellRange | undefined;

/**
 * Indexes the merged areas that touch the first `rows` rows (only those can hold header labels):
 * per row, the areas' column spans sorted by their left edge, found by binary search. Linear in
 * the merges (times the few header rows), whatever their size: a merge over the whole sheet
 * costs one entry per header row, not one per cell.
 */
function indexMerges(merges: readonly CellRange[], rows: number, width: number): MergeLookup {
  const byRow: (CellRange[] | undefined)[] = [];
  for (const m of merges) {
    if (m.top >= rows || m.left >= width) continue;
    for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++) (byRow[r] ??= []).push(m);
  }
  for (const line of byRow) line?.sort((a, b) => a.left - b.left);
  return (row, col) => {
    const line = row < rows && col < width ? byRow[row] : undefined;
    if (!line || line.length === 0) return undefined;
    // The last area starting at or before col; areas do not overlap in a valid file.
    let lo = 0;
    let hi = line.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (line[mid].left <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && line[found].right >= col ? line[found] : undefined;
  };
}

const KNOWN = 1;
const FILLED = 2;
const WORDY = 4;
/** Set once leftWordy has been worked out for the cell, with its answer in LEFT_WORDY. */
const LEFT_KNOWN = 8;
const LEFT_WORDY = 16;
/** A text that folds to something holding a letter a–z has an ASCII letter or a character beyond ASCII. */
const MAY_HOLD_WORD = /[A-Za-z\u0080-\uffff]/;

/**
 * The marks of a cell's value (KNOWN set). Exact for FILLED (cellText gives "" only for blanks,
 * non-finite numbers and some error values); WORDY is set for every value whose text could
 * fold to something holding a letter (a number only when written with an exponent), and perhaps for a few more.
 */
function marksOf(value: CellValue): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return KNOWN;
    const size = Math.abs(value);
    return size >= 1e20 || (size < 1e-6 && size !== 0) ? KNOWN | FILLED | WORDY : KNOWN | FILLED;
  }
  if (typeof value === "string") {
    // Its text is the string in NFC, spaces collapsed and trimmed: "" exactly when it is blank,
    // and with a letter or a character beyond ASCII only when the string has one.
    if (isBlank(value)) return KNOWN;
    return MAY_HOLD_WORD.test(value) ? KNOWN | FILLED | WORDY : KNOWN | FILLED;
  }
  if (value === null || value === undefined) return KNOWN;
  return cellText(value) === "" ? KNOWN : KNOWN | FILLED | WORDY;
}

/** Marks of up to this many cells are kept in one buffer reused by every search (a search is never nested in another). */
const SHARED_MARKS = 65_536;
let sharedMarks = new Uint8Array(1024);

/** A zeroed buffer for the marks of `cells` cells: the shared one when it is large enough to keep. */
function marksBuffer(cells: number): Uint8Array {
  if (cells > SHARED_MARKS) return new Uint8Array(cells);
  if (sharedMarks.length < cells) sharedMarks = new Uint8Array(Math.min(SHARED_MARKS, 2 * cells));
  else sharedMarks.fill(0, 0, cells);
  return sharedMarks;
}

/**
 * The header region (the first rows), each thing worked out once and only when a band asks for
 * it: per cell, marks saying without building its text whether it is filled and whether it may
 * hold a word; per row, its texts (a cell's own, or its merged area's), its first column that
 * may hold a word, and whether it is a numbering row.
 */
class Region {
  readonly mergeAt: MergeLookup;
  private readonly cellMarks: Uint8Array;
  private readonly counts: ({ words: number; carried: number } | undefined)[] = [];
  private readonly rowTexts: (string[] | undefined)[] = [];
  private readonly numberingRows: (boolean | undefined)[] = [];

  constructor(
    readonly grid: Grid,
    merges: readonly CellRange[],
    readonly rows: number,
    readonly width: number,
  ) {
    this.mergeAt = indexMerges(merges, rows, width);
    this.cellMarks = marksBuffer(rows * width);
  }

  /** The marks of a cell: FILLED when its text is not "", WORDY when it may hold a letter. */
  marks(row: number, col: number): number {
    const at = row * this.width + col;
    const known = this.cellMarks[at];
    if (known !== 0) return known;
    let value: CellValue = this.grid[row]?.[col] ?? null;
    if (isBlank(value)) {
      // A blank cell's merged area's text stands in for it.
      const area = this.mergeAt(row, col);
      value = area ? cellAt(this.grid, area.top, area.left) : null;
    }
    return (this.cellMarks[at] = marksOf(value));
  }

  /**
   * Whether the nearest filled cell left of a cell in its row may hold a word: the label readBand
   * would carry to the cell if it is blank with a sub-label beneath. Remembered per cell.
   */
  leftWordy(row: number, col: number): boolean {
    const base = row * this.width;
    let k = col;
    let answer = false;
    for (; k > 0; k--) {
      const m = this.marks(row, k - 1);
      if (m & FILLED) {
        answer = (m & WORDY) !== 0;
        break;
      }
      if (m & LEFT_KNOWN) {
        answer = (m & LEFT_WORDY) !== 0;
        break;
      }
    }
    // The cells walked over are blank: the same label would reach each of them.
    for (let j = k; j <= col; j++) {
      this.marks(row, j);
      this.cellMarks[base + j] |= answer ? LEFT_KNOWN | LEFT_WORDY : LEFT_KNOWN;
    }
    return answer;
  }

  /** Per row: how many cells may hold a word, and how many are blank with such a label to carry from their left. */
  rowCounts(row: number): { words: number; carried: number } {
    let counts = this.counts[row];
    if (!counts) {
      counts = { words: 0, carried: 0 };
      for (let col = 0; col < this.width; col++) {
        const m = this.marks(row, col);
        if (m & WORDY) counts.words++;
        else if (!(m & FILLED) && this.leftWordy(row, col)) counts.carried++;
      }
      this.counts[row] = counts;
    }
    return counts;
  }

  /** The row's texts, as the bands read them. */
  texts(row: number): string[] {
    const known = this.rowTexts[row];
    if (known) return known;
    const { grid, width } = this;
    const line: string[] = new Array<string>(width);
    for (let col = 0; col < width; col++) {
      const own = cellAt(grid, row, col);
      if (!isBlank(own)) line[col] = cellText(own);
      else {
        const area = this.mergeAt(row, col);
        line[col] = area ? cellText(cellAt(grid, area.top, area.left)) : "";
      }
    }
    this.rowTexts[row] = line;
    return line;
  }

  numbering(row: number): boolean {
    return (this.numberingRows[row] ??= numberingRow(this.grid, row));
  }

  /**
   * Whether column `col` may name a role in the band of rows top…last: it may hold a word in one of
   * them, or be blank there with a filled cell beneath in the band and, nearest to its left in its
   * row, a filled cell that may hold a word (the label readBand would carry to it).
   */
  mayName(top: number, last: number, col: number): boolean {
    for (let row = top; row <= last; row++) {
      const m = this.marks(row, col);
      if (m & WORDY) return true;
      if (row < last && !(m & FILLED) && this.leftWordy(row, col)) {
        for (let below = row + 1; below <= last; below++) if (this.marks(below, col) & FILLED) return true;
      }
    }
    return false;
  }
}

// Regions live only while a sheet is searched; one kept keeps their methods compiled (kept-shapes.ts).
keepShapeOf(new Region([[""]], [], 1, 1));

/** Width of the used part of the first rows. */
function widthOf(grid: Grid, rows: number): number {
  let w = 0;
  for (let r = 0; r < Math.min(rows, grid.length); r++) w = Math.max(w, grid[r]?.length ?? 0);
  return w;
}

/**
 * The texts of a band of header rows, a label carried over blanks to its right when the blank has
 * a sub-label and so did the origin (as merged cells arrive without merges). A band of one row
 * carries nothing, so its row is given as it is (no copy).
 */
function bandTexts(region: Region, top: number, rows: number): string[][] {
  if (rows === 1) return [region.texts(top)];
  const { width } = region;
  const texts = Array.from({ length: rows }, (_, i) => region.texts(top + i).slice());
  for (let i = 0; i < rows - 1; i++) {
    let carry: string | null = null;
    for (let c = 0; c < width; c++) {
      let below = false;
      for (let j = i + 1; j < rows && !below; j++) below = texts[j][c] !== "";
      if (texts[i][c] !== "") {
        carry = below ? texts[i][c] : null;
        continue;
      }
      if (carry !== null && below) texts[i][c] = carry;
      else carry = null;
    }
  }
  return texts;
}

/** Reads a band of header rows (their texts after carrying, from bandTexts) into columns. */
function readBand(region: Region, texts: string[][], top: number, isUnit: IsListedUnit): HeaderColumn[] {
  const { grid, mergeAt, width } = region;
  const rows = texts.length;
  const columns: HeaderColumn[] = [];
  if (rows === 1) {
    // One row: a column's label is its text, and no column has an owner.
    for (let c = 0; c < width; c++) {
      const text = texts[0][c];
      const match = text === "" || isUnit(text) ? null : classifyHeaderText(text);
      columns.push(headerColumn(c, text === "" ? [] : [text], text, match, null));
    }
    return columns;
  }
  for (let c = 0; c < width; c++) {
    const labels: string[] = [];
    const labelRows: number[] = [];
    for (let i = 0; i < rows; i++) {
      const t = texts[i][c];
      if (t !== "" && labels[labels.length - 1] !== t) {
        labels.push(t);
        labelRows.push(i);
      }
    }
    const text = labels.length === 1 ? labels[0] : labels.join(" ");
    // Under two labels or more, the last one decides whether the column is a unit's score column;
    // the whole text is classified only when it is not.
    let owner: HeaderColumn["owner"] = null;
    let lastMatch: RoleMatch | null = null;
    if (labels.length >= 2) {
      const last = labels[labels.length - 1];
      lastMatch = isUnit(last) ? null : classifyHeaderText(last);
      if (lastMatch && isScoreRole(lastMatch.role)) {
        for (let i = labels.length - 2; i >= 0; i--) {
          if (isUnit(labels[i]) || (!classifyHeaderText(labels[i]) && !isGenericScoreLabel(labels[i]))) {
            owner = { name: labels[i], ...originOf(grid, mergeAt, texts, top, labelRows[i], c, labels[i]) };
            break;
          }
        }
      }
    }
    const match = owner ? lastMatch : isUnit(text) ? null : classifyJoinedLabels(labels, text);
    columns.push(headerColumn(c, labels, text, match, owner));
  }
  return columns;
}

/** A column of a header read, with the role its labels matched (none: null, confidence 0). */
function headerColumn(
  col: number,
  labels: string[],
  text: string,
  match: RoleMatch | null,
  owner: HeaderColumn["owner"],
): HeaderColumn {
  return { col, labels, text, role: match?.role ?? null, confidence: match?.confidence ?? 0, owner };
}

/** Where a unit label of a multi-row header really sits: its merge's first cell, or leftwards. */
function originOf(
  grid: Grid,
  mergeAt: MergeLookup,
  texts: string[][],
  top: number,
  bandRow: number,
  col: number,
  label: string,
): { row: number; col: number } {
  for (let i = bandRow; i >= 0; i--) {
    if (texts[i][col] !== label) continue;
    const row = top + i;
    const area = mergeAt(row, col);
    if (area) return { row: area.top, col: area.left };
    let c = col;
    while (c > 0 && isBlank(cellAt(grid, row, c)) && texts[i][c - 1] === label) c--;
    return { row, col: c };
  }
  return { row: top + bandRow, col };
}

function isScoreRole(role: ColumnRole): boolean {
  return role === "selfScore" || role === "appraisedScore" || role === "surveyPoints";
}

function looksNumeric(grid: Grid, col: number, from: number): boolean {
  for (let r = from; r < Math.min(grid.length, from + 30); r++) {
    const v = cellAt(grid, r, col);
    if (typeof v === "number" || (typeof v === "string" && /^\s*\d+([.,]\d+)?\s*$/.test(v))) return true;
  }
  return false;
}

/** Groups a band's columns into sheet-wide roles and matrix units, and scores the band. */
function assess(
  grid: Grid,
  columns: HeaderColumn[],
  top: number,
  bottom: number,
  dataStart: number,
  isUnit: IsListedUnit,
): Header {
  const roles: ColumnMap = {};
  let score = 0;
  const units = new Map<string, UnitColumns>();
  const unitRoles = new Map<ColumnRole, number>();
  for (const c of columns) {
    if (c.owner && c.role) {
      unitRoles.set(c.role, Math.max(unitRoles.get(c.role) ?? 0, c.confidence));
      const key = `${c.owner.row}:${c.owner.col}`;
      const u = units.get(key) ?? {
        name: c.owner.name,
        row: c.owner.row,
        col: c.owner.col,
        columns: {},
        single: null,
      };
      if (u.columns[c.role] === undefined) u.columns[c.role] = c.col;
      units.set(key, u);
      continue;
    }
    if (c.role && roles[c.role] === undefined) {
      roles[c.role] = c.col;
      score += c.confidence;
    }
  }
  // A single header row naming units above plain score columns (one column per unit).
  const scored =
    roles.selfScore !== undefined || roles.appraisedScore !== undefined || roles.surveyPoints !== undefined;
  if (units.size === 0 && !scored && (roles.code !== undefined || roles.title !== undefined)) {
    const unlabelled = columns.filter(
      (c) =>
        c.role === null &&
        c.text.length > 2 &&
        c.col > Math.max(roles.code ?? -1, roles.title ?? -1) &&
        (isUnit(c.text) || !isGenericScoreLabel(c.text)) &&
        looksNumeric(grid, c.col, dataStart),
    );
    if (unlabelled.length >= 2) {
      for (const c of unlabelled) {
        units.set(`${top}:${c.col}`, {
          name: c.labels[c.labels.length - 1],
          row: bottom,
          col: c.col,
          columns: {},
          single: c.col,
        });
      }
    }
  }
  if (roles.code === undefined && roles.title === undefined) score = 0;
  // Unit groups count their roles once, as a sheet-wide column would, plus a bonus for the units.
  if (units.size >= 2) score += UNITS_BONUS + [...unitRoles.values()].reduce((a, b) => a + b, 0);
  else units.clear();
  return { top, bottom, dataStart, columns, roles, units: [...units.values()], score };
}

/** isNumberingRow of a grid row, stopping at its first cell that is not a column number (a wide matrix row). */
function numberingRow(grid: Grid, row: number): boolean {
  const line = grid[row] ?? [];
  let filled = 0;
  for (let col = 0; col < line.length; col++) {
    const v = line[col] ?? null;
    if (typeof v === "number") {
      // A number's text is a column number when it is a whole number below 100 ("0"…"99").
      if (!Number.isFinite(v)) continue;
      if (!(Number.isInteger(v) && v >= 0 && v < 100)) return false;
      filled++;
      continue;
    }
    const text = cellText(v);
    if (text === "") continue;
    if (!isColumnNumber(text)) return false;
    filled++;
  }
  return filled >= 2;
}

/**
 * Whether the band of `rows` rows from `top` scores at most `most` by the bound of its marks,
 * worked out column by column and stopped as soon as the answer is known. Only a column that may
 * hold a word (its own, or one carried to it from the left of its row over a blank with a
 * sub-label beneath) names a role, since every rule of classifyHeaderText matches words, and it
 * names at most one, worth at most MAX_ROLE_CONFIDENCE. Sheet-wide roles count the columns not
 * owned by a unit; two units or more add UNITS_BONUS and at most one confidence per score role
 * of their owned columns (three roles), so with n such columns and o of them owned the score is
 * at most 3(n − o) + 4 + 3·min(o, 3) ≤ 3n + 4; plain unit columns under one label add the bonus alone.
 */
function boundAtMost(region: Region, top: number, rows: number, most: number): boolean {
  const allowed = Math.floor((most - UNITS_BONUS) / MAX_ROLE_CONFIDENCE);
  if (allowed < 0) return false;
  const { width } = region;
  const last = top + rows - 1;
  if (width > WIDE) {
    // On a wide sheet, first the counts of each row (worked out once per row): a column names a
    // role through a word in one of the rows or a label carried in one above the last.
    let mayNameAll = 0;
    for (let row = top; row <= last; row++) {
      const counts = region.rowCounts(row);
      mayNameAll += counts.words + (row < last ? counts.carried : 0);
    }
    if (mayNameAll <= allowed) return true;
  }
  let named = 0;
  let unnamed = 0;
  for (let c = 0; c < width; c++) {
    if (region.mayName(top, last, c)) {
      if (++named > allowed) return false;
    } else if (++unnamed >= width - allowed) return true;
  }
  return true;
}

/** Beyond this width, bands are first bounded from per-row counts rather than column by column. */
const WIDE = 64;

/** The bound of boundAtMost in full: UNITS_BONUS + MAX_ROLE_CONFIDENCE × the columns that may name a role. */
function marksBound(region: Region, top: number, rows: number): number {
  const last = top + rows - 1;
  let named = 0;
  for (let c = 0; c < region.width; c++) if (region.mayName(top, last, c)) named++;
  return UNITS_BONUS + MAX_ROLE_CONFIDENCE * named;
}

/**
 * Closer bounds, from the band's labels. At first (`closer` false) a column with a single label
 * names exactly that label's role, counted once per role, and a column of two labels or more
 * counts MAX_ROLE_CONFIDENCE, with UNITS_BONUS for units; a band whose columns are all single
 * labels and name no code or title scores 0. Then (`closer`) as readBand and assess would work
 * it out, but without building the columns: each column's role is known exactly (a single label's, or the joined
 * labels' when the last one does not make it a unit's score column) and counts once per role at
 * its highest confidence; a unit's score column counts towards its unit, and two units or more
 * add UNITS_BONUS and their roles, where an owner not under a merged area is taken for a unit of
 * its own (readBand would look for where its label starts). Plain unit columns under one label
 * add the bonus only when no score role is named; without a code or title column only units count.
 * Labels are carried as bandTexts carries them, column by column, without copying the rows.
 */
function labelsBound(
  region: Region,
  top: number,
  rows: number,
  isUnit: IsListedUnit,
  closer: boolean,
): number {
  const lines: string[][] = [];
  const carry: (string | null)[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(region.texts(top + i));
    carry.push(null);
  }
  const roles = new Map<ColumnRole, number>();
  const unitRoles = new Map<ColumnRole, number>();
  const owners = new Set<unknown>();
  const labels: string[] = [];
  const labelRows: number[] = [];
  const keep = (into: Map<ColumnRole, number>, match: RoleMatch | null): void => {
    if (match) into.set(match.role, Math.max(into.get(match.role) ?? 0, match.confidence));
  };
  /** Columns of two labels or more, when they are not classified (counted at MAX_ROLE_CONFIDENCE). */
  let multi = 0;
  for (let c = 0; c < region.width; c++) {
    let count = 0;
    for (let i = 0; i < rows; i++) {
      let t = lines[i][c];
      if (i < rows - 1) {
        // As bandTexts: the rows beneath are looked at before their own carrying.
        let below = false;
        for (let j = i + 1; j < rows && !below; j++) below = lines[j][c] !== "";
        if (t !== "") carry[i] = below ? t : null;
        else if (carry[i] !== null && below) t = carry[i] as string;
        else carry[i] = null;
      }
      if (t !== "" && (count === 0 || labels[count - 1] !== t)) {
        labels[count] = t;
        labelRows[count] = i;
        count++;
      }
    }
    if (count === 0) continue;
    if (count === 1) {
      keep(roles, isUnit(labels[0]) ? null : classifyHeaderText(labels[0]));
      continue;
    }
    if (!closer) {
      multi++;
      continue;
    }
    const own = labels.slice(0, count);
    const last = own[count - 1];
    const lastMatch = isUnit(last) ? null : classifyHeaderText(last);
    let owner = -1;
    if (lastMatch && isScoreRole(lastMatch.role)) {
      for (let i = count - 2; i >= 0 && owner < 0; i--) {
        if (isUnit(own[i]) || (!classifyHeaderText(own[i]) && !isGenericScoreLabel(own[i]))) owner = i;
      }
    }
    if (owner >= 0) {
      keep(unitRoles, lastMatch);
      owners.add(region.mergeAt(top + labelRows[owner], c) ?? `${c}`);
      continue;
    }
    const text = own.join(" ");
    keep(roles, isUnit(text) ? null : classifyJoinedLabels(own, text));
  }
  if (!closer) {
    // A column of two labels or more may be a unit's score column, or name any role.
    if (multi === 0 && !roles.has("code") && !roles.has("title")) return 0;
    let sum = 0;
    for (const v of roles.values()) sum += v;
    return UNITS_BONUS + sum + MAX_ROLE_CONFIDENCE * multi;
  }
  // As assess: roles count only beside a code or title column; two units or more count regardless.
  let score = 0;
  if (roles.has("code") || roles.has("title")) for (const v of roles.values()) score += v;
  else if (owners.size < 2) return 0;
  if (owners.size >= 2) {
    score += UNITS_BONUS;
    for (const v of unitRoles.values()) score += v;
  } else if (
    unitRoles.size === 0 &&
    !roles.has("selfScore") &&
    !roles.has("appraisedScore") &&
    !roles.has("surveyPoints")
  ) {
    score += UNITS_BONUS;
  }
  return score;
}

/** A band of header rows that findHeader may still choose, with its best bound so far. */
type Candidate = { top: number; rows: number; bound: number; stage: number };

/** Where a header was found: findHeader tries that band first on the next sheet (sheets of one template share it). */
export type HeaderHint = { top: number; bottom: number };

/** Whether band a comes before band b in the order bands are tried: by first row, then shorter first. */
function earlier(aTop: number, aRows: number, b: Header): boolean {
  return aTop < b.top || (aTop === b.top && aRows < b.bottom - b.top + 1);
}

/**
 * The best header of a sheet within its first rows, or null when no row names at least a code
 * or title column. Ties go to the earlier and shorter band. With `band` (the header rows the
 * user gave, zero-based and inclusive), exactly those rows are the header. With `isUnit`, a cell
 * naming a listed unit is read as that unit's name whatever words it holds.
 *
 * Every band of 1–3 rows from each of the first rows is a candidate; the one chosen is the one
 * reading them all would choose (the highest score, the earliest band among equals), but a band
 * is read only while a bound of its score can still beat the best read so far, or tie it from an
 * earlier place. The band of `hint` (the header of the previous sheet) is read first; each other
 * band is then bounded from the marks of its cells, stopping at the first columns that settle it,
 * and those that remain are bounded again from their texts and read highest bound first.
 */
export function findHeader(
  sheet: SheetSnapshot,
  band?: { top: number; bottom: number },
  isUnit: IsListedUnit = NO_UNITS,
  hint?: HeaderHint | null,
): Header | null {
  const grid = sheet.values;
  if (band) return headerAt(sheet, band.top, band.bottom, isUnit);
  const width = widthOf(grid, HEADER_SEARCH_ROWS + MAX_BAND_ROWS);
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.length);
  const regionRows = Math.min(grid.length, HEADER_SEARCH_ROWS + MAX_BAND_ROWS);
  const region = new Region(grid, sheet.merges ?? [], regionRows, width);
  const blankRows: (boolean | undefined)[] = [];
  /** Whether a band may start at this row: not a numbering row, not blank. */
  const opens = (top: number): boolean =>
    !region.numbering(top) && !(blankRows[top] ??= (grid[top] ?? []).every((v) => isBlank(v)));
  // Set by read(); typed wide so that the checks below do not narrow it to null.
  let best = null as Header | null;
  const read = (top: number, rows: number): void => {
    const bottom = top + rows - 1;
    let dataStart = bottom + 1;
    while (dataStart < grid.length && region.numbering(dataStart)) dataStart++;
    const texts = bandTexts(region, top, rows);
    const header = assess(grid, readBand(region, texts, top, isUnit), top, bottom, dataStart, isUnit);
    if (
      header.score > 0 &&
      (!best || header.score > best.score || (header.score === best.score && earlier(top, rows, best)))
    )
      best = header;
  };
  /** Whether a band with this bound, at this place, could still replace the best header. */
  const mayBeat = (bound: number, top: number, rows: number): boolean =>
    bound > 0 && (!best || bound > best.score || (bound === best.score && earlier(top, rows, best)));
  // The hint's band, when it is one of the candidates below (a band does not run into a numbering row).
  let hintTop = -1;
  let hintRows = 0;
  if (hint && hint.top >= 0 && hint.top < limit && hint.bottom >= hint.top) {
    const rows = hint.bottom - hint.top + 1;
    let valid = rows <= MAX_BAND_ROWS && hint.top + rows <= grid.length && opens(hint.top);
    for (let r = hint.top + 1; valid && r <= hint.bottom; r++) valid = !region.numbering(r);
    if (valid) {
      hintTop = hint.top;
      hintRows = rows;
      read(hintTop, hintRows);
    }
  }
  const queue: Candidate[] = [];
  for (let top = 0; top < limit; top++) {
    if (!opens(top)) continue;
    for (let rows = 1; rows <= MAX_BAND_ROWS && top + rows <= grid.length; rows++) {
      if (rows > 1 && region.numbering(top + rows - 1)) break;
      if (top === hintTop && rows === hintRows) continue;
      // Beaten for sure when its bound is at most the best score (below it, from a later place).
      if (best && boundAtMost(region, top, rows, earlier(top, rows, best) ? best.score - 1 : best.score))
        continue;
      const bound = marksBound(region, top, rows);
      if (mayBeat(bound, top, rows)) queue.push({ top, rows, bound, stage: 0 });
    }
  }
  // Highest bound first, the earlier band among equals; a band is bounded again from its labels
  // the first two times it comes to the head, and read the third time.
  const before = (a: Candidate, b: Candidate): boolean =>
    a.bound > b.bound || (a.bound === b.bound && (a.top < b.top || (a.top === b.top && a.rows < b.rows)));
  for (;;) {
    let pick: Candidate | undefined;
    let at = -1;
    for (let i = 0; i < queue.length; i++) {
      if (!pick || before(queue[i], pick)) {
        pick = queue[i];
        at = i;
      }
    }
    if (!pick || !mayBeat(pick.bound, pick.top, pick.rows)) break;
    if (pick.stage < 2) {
      pick.bound = Math.min(pick.bound, labelsBound(region, pick.top, pick.rows, isUnit, pick.stage === 1));
      pick.stage++;
      continue;
    }
    queue.splice(at, 1);
    read(pick.top, pick.rows);
  }
  return best;
}

/** The header made of exactly the rows top…bottom (zero-based), or null when they name no code or title column. */
function headerAt(sheet: SheetSnapshot, top: number, bottom: number, isUnit: IsListedUnit): Header | null {
  const grid = sheet.values;
  if (top >= grid.length || bottom < top) return null;
  const last = Math.min(bottom, grid.length - 1);
  const regionRows = last + 1;
  const width = widthOf(grid, regionRows);
  const region = new Region(grid, sheet.merges ?? [], regionRows, width);
  let dataStart = last + 1;
  while (dataStart < grid.length && numberingRow(grid, dataStart)) dataStart++;
  const rows = last - top + 1;
  const header = assess(
    grid,
    readBand(region, bandTexts(region, top, rows), top, isUnit),
    top,
    last,
    dataStart,
    isUnit,
  );
  return header.roles.code !== undefined || header.roles.title !== undefined ? header : null;
}

/**
 * Score columns headed by what reads like a unit's name ("Cơ quan Cảnh sát điều tra Công an
 * tỉnh" taken for a survey column for its "điều tra"): the label and its first column, once per label.
 */
export function unitLikeScoreColumns(header: Header): { label: string; col: number }[] {
  const out: { label: string; col: number }[] = [];
  for (const c of header.columns) {
    const label = c.labels[0];
    if (c.owner || !c.role || !isScoreRole(c.role) || !label || !looksLikeUnitName(label)) continue;
    if (!out.some((o) => o.label === label)) out.push({ label, col: c.col });
  }
  return out;
}

/** Applies column letters chosen by the user over the detected roles. */
export function overrideRoles(roles: ColumnMap, overrides: ColumnMap): ColumnMap {
  return { ...roles, ...overrides };
}
