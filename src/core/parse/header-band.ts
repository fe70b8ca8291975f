/**
 * Finding the header of a sheet: the row (or two or three rows) in the first 20 that best names
 * the columns, after titles and "Đơn vị: …" lines. Multi-row headers are read column by column:
 * "Điểm" merged above "Tự chấm | Thẩm định" gives "Điểm Tự chấm", "Điểm Thẩm định"; a unit's name
 * merged above score sub-columns makes a matrix column group. Merged areas come from the
 * snapshot when the adapter gives them; otherwise a label is carried rightwards over blank
 * cells that have a sub-label beneath, as merged cells arrive (value in the first cell only).
 */
import { type CellRange, type Grid, type SheetSnapshot, cellAt, isBlank } from "../grid";
import type { ColumnMap, ColumnRole } from "../model";
import { cellText, foldText } from "../text";
import {
  MAX_ROLE_CONFIDENCE,
  classifyHeaderText,
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
  const byRow: CellRange[][] = Array.from({ length: rows }, () => []);
  for (const m of merges) {
    if (m.top >= rows || m.left >= width) continue;
    for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++) byRow[r].push(m);
  }
  for (const line of byRow) line.sort((a, b) => a.left - b.left);
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

/** Texts of the header region, each cell read once: its own text, or its merged area's. */
function headerTexts(grid: Grid, mergeAt: MergeLookup, rows: number, width: number): string[][] {
  const texts: string[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: string[] = [];
    for (let col = 0; col < width; col++) {
      // A blank cell's merged area's text stands in for it.
      const own = cellAt(grid, row, col);
      if (!isBlank(own)) line.push(cellText(own));
      else {
        const area = mergeAt(row, col);
        line.push(area ? cellText(cellAt(grid, area.top, area.left)) : "");
      }
    }
    texts.push(line);
  }
  return texts;
}

/** Width of the used part of the first rows. */
function widthOf(grid: Grid, rows: number): number {
  let w = 0;
  for (let r = 0; r < Math.min(rows, grid.length); r++) w = Math.max(w, grid[r]?.length ?? 0);
  return w;
}

/** Reads a band of header rows into columns. */
function readBand(
  grid: Grid,
  mergeAt: MergeLookup,
  regionTexts: readonly (readonly string[])[],
  top: number,
  rows: number,
  width: number,
  isUnit: IsListedUnit,
): HeaderColumn[] {
  // A band of one row carries nothing, so its row is read as it is (no copy).
  const texts =
    rows === 1
      ? [regionTexts[top] as string[]]
      : Array.from({ length: rows }, (_, i) => [...regionTexts[top + i]]);
  // Carry a label over blanks to its right when the blank has a sub-label and so did the origin.
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
  const columns: HeaderColumn[] = [];
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
    const match = isUnit(text) ? null : classifyHeaderText(text);
    const last = labels[labels.length - 1] ?? "";
    const lastMatch = labels.length <= 1 ? match : isUnit(last) ? null : classifyHeaderText(last);
    let owner: HeaderColumn["owner"] = null;
    if (labels.length >= 2 && lastMatch && isScoreRole(lastMatch.role)) {
      for (let i = labels.length - 2; i >= 0; i--) {
        if (isUnit(labels[i]) || (!classifyHeaderText(labels[i]) && !isGenericScoreLabel(labels[i]))) {
          owner = { name: labels[i], ...originOf(grid, mergeAt, texts, top, labelRows[i], c, labels[i]) };
          break;
        }
      }
    }
    const role = owner ? (lastMatch?.role ?? null) : (match?.role ?? null);
    const confidence = owner ? (lastMatch?.confidence ?? 0) : (match?.confidence ?? 0);
    columns.push({ col: c, labels, text, role, confidence, owner });
  }
  return columns;
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

function namesCodeOrTitle(text: string): boolean {
  const role = classifyHeaderText(text)?.role;
  return role === "code" || role === "title";
}

/** isNumberingRow of a grid row, stopping at its first cell that is not a column number (a wide matrix row). */
function numberingRow(grid: Grid, row: number): boolean {
  const line = grid[row] ?? [];
  let filled = 0;
  for (const v of line) {
    const text = cellText(v ?? null);
    if (text === "") continue;
    if (!isColumnNumber(text)) return false;
    filled++;
  }
  return filled >= 2;
}

/** Where the header region has words: per row, which cells, and the first such column. */
type WordCells = { has: boolean[][]; first: number[] };

/**
 * Marks the cells of the header region whose folded text holds a letter. Every rule of
 * classifyHeaderText names words, so a cell without a letter (a score, "1.2.3", "(4)") names
 * no column, and neither does a label joined from such cells.
 */
function wordCells(texts: readonly (readonly string[])[]): WordCells {
  const has = texts.map((line) => line.map((t) => t !== "" && /[a-z]/.test(foldText(t))));
  return { has, first: has.map((line) => line.indexOf(true)) };
}

/** At most what the groups of units add to a band's score: their bonus, plus one confidence per score role. */
const UNIT_BONUS_BOUND = UNITS_BONUS + 3 * MAX_ROLE_CONFIDENCE;
/** A single header row has no sub-labels, so its units (plain score columns) add the bonus alone. */
const SINGLE_ROW_BONUS_BOUND = UNITS_BONUS;

/**
 * An upper bound of the score `assess` gives the band of `rows` rows from `top`, read without
 * building the band: each column names at most one role, worth at most MAX_ROLE_CONFIDENCE, and only a column that
 * has a word (its own, or one carried to it from the left of its row over a blank with a sub-label
 * beneath) names one; groups of units add at most their bonus. Stops counting above `beat`.
 */
function scoreBound(
  texts: readonly (readonly string[])[],
  words: WordCells,
  top: number,
  rows: number,
  width: number,
  beat: number,
): number {
  const bonus = rows === 1 ? SINGLE_ROW_BONUS_BOUND : UNIT_BONUS_BOUND;
  let bound = bonus;
  for (let c = 0; c < width && bound <= beat; c++) {
    let named = false;
    for (let i = 0; i < rows && !named; i++) {
      const row = top + i;
      if (words.has[row][c]) named = true;
      else if (i < rows - 1 && texts[row][c] === "" && words.first[row] >= 0 && words.first[row] < c) {
        for (let j = i + 1; j < rows && !named; j++) named = texts[top + j][c] !== "";
      }
    }
    if (named) bound += MAX_ROLE_CONFIDENCE;
  }
  return bound;
}

/**
 * The best header of a sheet within its first rows, or null when no row names at least a code
 * or title column. Ties go to the earlier and shorter band. With `band` (the header rows the
 * user gave, zero-based and inclusive), exactly those rows are the header. With `isUnit`, a cell
 * naming a listed unit is read as that unit's name whatever words it holds.
 */
export function findHeader(
  sheet: SheetSnapshot,
  band?: { top: number; bottom: number },
  isUnit: IsListedUnit = NO_UNITS,
): Header | null {
  const grid = sheet.values;
  if (band) return headerAt(sheet, band.top, band.bottom, isUnit);
  const width = widthOf(grid, HEADER_SEARCH_ROWS + MAX_BAND_ROWS);
  let best: Header | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.length);
  const regionRows = Math.min(grid.length, HEADER_SEARCH_ROWS + MAX_BAND_ROWS);
  const mergeAt = indexMerges(sheet.merges ?? [], regionRows, width);
  const texts = headerTexts(grid, mergeAt, regionRows, width);
  // Each row is asked "a numbering row?" by up to six bands: answer once per row.
  const numbering: boolean[] = [];
  const numberingAt = (row: number): boolean => (numbering[row] ??= numberingRow(grid, row));
  const words = wordCells(texts);
  for (let top = 0; top < limit; top++) {
    if (numberingAt(top) || (grid[top] ?? []).every((v) => isBlank(v))) continue;
    for (let rows = 1; rows <= MAX_BAND_ROWS && top + rows <= grid.length; rows++) {
      const bottom = top + rows - 1;
      if (rows > 1 && numberingAt(bottom)) break;
      // One row naming no code or title column scores 0 (it cannot group units either): skip it.
      if (rows === 1 && !texts[top].some(namesCodeOrTitle)) continue;
      // A band that cannot score above the best so far would not be chosen: not read.
      if (best && scoreBound(texts, words, top, rows, width, best.score) <= best.score) continue;
      let dataStart = bottom + 1;
      while (dataStart < grid.length && numberingAt(dataStart)) dataStart++;
      const header = assess(
        grid,
        readBand(grid, mergeAt, texts, top, rows, width, isUnit),
        top,
        bottom,
        dataStart,
        isUnit,
      );
      if (header.score > 0 && (!best || header.score > best.score)) best = header;
    }
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
  const mergeAt = indexMerges(sheet.merges ?? [], regionRows, width);
  const texts = headerTexts(grid, mergeAt, regionRows, width);
  let dataStart = last + 1;
  while (dataStart < grid.length && numberingRow(grid, dataStart)) dataStart++;
  const header = assess(
    grid,
    readBand(grid, mergeAt, texts, top, last - top + 1, width, isUnit),
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
