/**
 * Reads ranking tables: the ranking sheets PAR Scorer wrote, or a published ranking table
 * (Phụ lục: STT · Đơn vị · … · Chỉ số · Xếp hạng), with or without group section rows
 * ("I. KHỐI SỞ, BAN, NGÀNH"). Headers are matched folded (no case, accents or spacing).
 * This is not a scoring-sheet reader: it only needs each unit's index and rank.
 */
import { type CellValue, type Grid, cellAt, isBlank, toA1 } from "../grid";
import { RANKING_SHEET_PREFIX } from "../render/layout";
import { isStorageSheet } from "../saved-settings";
import { cellText, foldText, parseNumber } from "../text";
import { unitKey } from "../evaluate/infer-group";
import type { PreviousUnit } from "./previous-year";

/** How far down a header row is looked for (titles, "Kèm theo Quyết định…" lines come first). */
const HEADER_SEARCH_ROWS = 30;

type TableColumns = {
  unit: number;
  index: number;
  rank: number | null;
  order: number | null;
  group: number | null;
};

const UNIT_HEADER = /^(ten )?(co quan, |co quan\/ ?|co quan )?(don vi|dia phuong|co quan)( \/ ?dia phuong)?$/;
const INDEX_HEADER = /^(chi so|diem chi so|ket qua chi so)\b/;
const RANK_HEADER = /^(xep hang|thu hang|thu tu xep hang|hang)\b/;
const ORDER_HEADER = /^(stt|tt|so tt|so thu tu)$/;
const GROUP_HEADER = /^(khoi|nhom)$/;
/** Rows that close or summarise a table rather than name a unit. */
const SUMMARY_ROW = /^(binh quan|trung binh|tong cong|tong so|tong)\b/;
/** Column numbering under a header: "(1)", "2", "A", "B". */
const COLUMN_NUMBER = /^\(?([0-9]{1,2}|[a-z])\)?$/;
/** Numbering before a section's name: "I.", "A.", "1.", "II -". */
const SECTION_NUMBER = /^([ivxlc]+|[a-z]|\d+)\s*[.)\-–:]\s*/i;

export type RankingTables = {
  units: PreviousUnit[];
  /** True when at least one table was a ranking sheet PAR Scorer wrote. */
  writtenByParScorer: boolean;
  /** The sheets a table was read from. */
  sheets: string[];
};

/**
 * Every unit of every ranking table in the workbook, a unit counted once (its first table).
 * Ranks missing from a table are computed from the index within the unit's group (ties share).
 */
export function readRankingTables(
  snapshot: { sheets: readonly { name: string; values: Grid }[] },
  generatedSheets: readonly string[] = [],
): RankingTables {
  const units: PreviousUnit[] = [];
  const seen = new Set<string>();
  const generated = new Set(generatedSheets.map((n) => n.toLowerCase()));
  let writtenByParScorer = false;
  const sheets: string[] = [];
  for (const sheet of snapshot.sheets) {
    if (isStorageSheet(sheet.name)) continue;
    const found = findHeader(sheet.values);
    if (!found) continue;
    const ours = generated.has(sheet.name.toLowerCase()) || sheet.name.startsWith(RANKING_SHEET_PREFIX);
    const sheetGroup = ours ? sheet.name.slice(RANKING_SHEET_PREFIX.length).trim() || sheet.name : sheet.name;
    const read = readTable(sheet.values, sheet.name, found.row, found.columns, sheetGroup);
    if (read.length === 0) continue;
    writtenByParScorer ||= ours;
    sheets.push(sheet.name);
    for (const unit of read) {
      const key = unitKey(unit.unit);
      if (seen.has(key)) continue;
      seen.add(key);
      units.push(unit);
    }
  }
  return { units, writtenByParScorer, sheets };
}

function findHeader(grid: Grid): { row: number; columns: TableColumns } | null {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < last; row++) {
    const line = grid[row] ?? [];
    let unit: number | null = null;
    let index: number | null = null;
    let rank: number | null = null;
    let order: number | null = null;
    let group: number | null = null;
    line.forEach((value, col) => {
      const text = headerText(value);
      if (text === "") return;
      if (unit === null && UNIT_HEADER.test(text)) unit = col;
      else if (index === null && INDEX_HEADER.test(text)) index = col;
      else if (rank === null && RANK_HEADER.test(text)) rank = col;
      else if (order === null && ORDER_HEADER.test(text)) order = col;
      else if (group === null && GROUP_HEADER.test(text)) group = col;
    });
    if (unit !== null && index !== null) return { row, columns: { unit, index, rank, order, group } };
  }
  return null;
}

/** A header cell folded, without a trailing "(%)" or line breaks. */
function headerText(value: CellValue): string {
  return foldText(cellText(value))
    .replace(/\(%\)|%/g, "")
    .trim();
}

type Row = { unit: string; group: string; index: number | null; rank: number | null; cell: string };

function readTable(
  grid: Grid,
  sheet: string,
  headerRow: number,
  cols: TableColumns,
  sheetGroup: string,
): PreviousUnit[] {
  const rows: Row[] = [];
  let section: string | null = null;
  for (let row = headerRow + 1; row < grid.length; row++) {
    const line = grid[row] ?? [];
    const texts = line.map((v) => cellText(v)).filter((t) => t !== "");
    if (texts.length === 0) continue;
    if (texts.every((t) => COLUMN_NUMBER.test(foldText(t)))) continue;
    // "Sở Tư pháp (*)": the mark of a unit with errors (render/layout.ts ERROR_MARK) is not its name.
    const name = cellText(cellAt(grid, row, cols.unit)).replace(/\s*\(\*\)$/, "");
    const index = readIndex(cellAt(grid, row, cols.index));
    const rank = cols.rank === null ? null : readRank(cellAt(grid, row, cols.rank));
    if (SUMMARY_ROW.test(foldText(name)) || SUMMARY_ROW.test(foldText(texts[0]))) continue;
    const numbered = cols.order !== null && parseNumber(cellAt(grid, row, cols.order)) !== null;
    if (index === null && rank === null && !numbered) {
      // A section row: the group of the units below ("I. KHỐI SỞ, BAN, NGÀNH").
      section = texts[0].replace(SECTION_NUMBER, "").trim() || texts[0];
      continue;
    }
    if (name === "") continue;
    const listed = cols.group === null ? "" : cellText(cellAt(grid, row, cols.group));
    rows.push({
      unit: name,
      group: listed || section || sheetGroup,
      index,
      rank,
      cell: toA1(row, cols.unit),
    });
  }
  // A published table may give indices as fractions formatted as percentages (0,8945 → 89,45 %).
  const indices = rows.map((r) => r.index).filter((i): i is number => i !== null);
  if (indices.length > 0 && indices.every((i) => i <= 1)) {
    for (const r of rows) if (r.index !== null) r.index *= 100;
  }
  fillMissingRanks(rows);
  return rows.map((r) => ({
    unit: r.unit,
    group: r.group,
    index: r.index,
    rank: r.index === null ? null : r.rank,
    nodes: null,
    sheet,
    cell: r.cell,
  }));
}

function readIndex(value: CellValue): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "string") return parseNumber(value.replace(/%\s*$/, ""));
  return parseNumber(value);
}

function readRank(value: CellValue): number | null {
  const n = parseNumber(value);
  return n !== null && Number.isInteger(n) && n > 0 ? n : null;
}

/** Ranks by index within each group where the table gives none: ties share (1, 2, 2, 4). */
function fillMissingRanks(rows: Row[]): void {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }
  for (const list of groups.values()) {
    if (list.every((r) => r.rank !== null || r.index === null)) continue;
    for (const r of list) {
      if (r.index === null) continue;
      const own = r.index;
      r.rank = 1 + list.filter((o) => o.index !== null && o.index > own).length;
    }
  }
}
