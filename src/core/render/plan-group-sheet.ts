/**
 * The ranking sheet of one group, in the published layout: title, group, header, one row per
 * unit in rank order, the group average (bình quân), inside the printed frame (printed-sheet.ts).
 * Values stay unrounded; number formats show settings.decimals decimals, more for the units whose
 * shown index would equal a neighbour's of another rank (display-ties.ts).
 */
import type { CellValue } from "../grid";
import type { CriteriaSet, GroupRanking, RankedUnit, SheetPlan } from "../model";
import { fromMicro } from "../points";
import { bandsOfGroup } from "../rank/rank-units";
import type { Settings } from "../settings";
import { type UnitIssueCount, describeUnitErrors } from "../unit-issues";
import { explainTies } from "./display-ties";
import {
  AVERAGE_LABEL,
  bandColours,
  decimalFormat,
  ERROR_FOOTNOTE,
  ERROR_MARK,
  fieldHeader,
  INTEGER_FORMAT,
  rankingTitle,
  TEXT_FORMAT,
  UNRANKED_NOTE,
} from "./layout";
import { columnPixels, textPixels, wrappedLines } from "./fit-text";
import type { YearComparison } from "../compare/compare-years";
import {
  MOVEMENT_ALIGN,
  MOVEMENT_HEADERS,
  MOVEMENT_WIDTHS,
  movementCells,
  movementFormats,
} from "../compare/movement-columns";
import { PRINTABLE_PIXELS, TABLE_FONT_SIZE, type TableColumn, planPrintedSheet } from "./printed-sheet";

/** Most lines a whole field title may take in the header before the titles move to a legend. */
const MAX_HEADER_LINES = 6;
const FIELD_LEGEND = "Các lĩnh vực:";
/** A group of up to this many units prints on one page, its frame included. */
export const ONE_PAGE_UNITS = 30;

/**
 * Zero-based columns of a group's ranking sheet with `fieldCount` field columns; with
 * `movement`, last year's columns ("Năm trước", "Thay đổi") come before the note.
 */
export function rankingColumns(fieldCount: number, movement = false) {
  const firstField = 2;
  const total = firstField + fieldCount;
  const m = movement ? MOVEMENT_HEADERS.length : 0;
  return {
    order: 0,
    unit: 1,
    firstField,
    total,
    maxPoints: total + 1,
    index: total + 2,
    rank: total + 3,
    band: total + 4,
    /** First of last year's columns (only with `movement`). */
    movement: total + 5,
    note: total + 5 + m,
    last: total + 5 + m,
  };
}

/** Widths in characters of a ranking sheet's columns so that the table fits A4 landscape at 100 %. */
export function rankingColumnWidths(fieldCount: number, codesOnly = false, movement = false): number[] {
  const moved = movement ? MOVEMENT_WIDTHS : [];
  const columns = fieldCount + 8 + moved.length;
  // 3 % to spare: readers convert character widths to pixels a little differently.
  const budget = (PRINTABLE_PIXELS * 0.97 - 5 * columns) / 7 - moved.reduce((s, w) => s + w, 0);
  // Each as narrow as its 10-point figures and a two-line header allow ("Tổng / điểm", "Điểm tối
  // đa / áp dụng"): the header stays two lines and the unit names get the room to stay on one
  // line, which a group of 30 units needs to print on one page (printed-sheet.ts, "The page").
  const fixed = { order: 4, total: 6.5, maxPoints: 10, index: 6.5, rank: 5, band: 5, note: 12 };
  const rest = budget - Object.values(fixed).reduce((s, w) => s + w, 0);
  // Field columns hold points ("10,00"); when their headers carry only the codes the unit names get the room.
  const field =
    fieldCount === 0 ? 0 : clamp((rest - (codesOnly ? 34 : 22)) / fieldCount, codesOnly ? 4.75 : 6.5, 20);
  const unit = clamp(rest - field * fieldCount, 16, 34);
  const note = fixed.note + Math.max(0, rest - field * fieldCount - unit);
  const round = (w: number): number => Math.floor(w * 4) / 4;
  return [
    fixed.order,
    round(unit),
    ...Array.from({ length: fieldCount }, () => round(field)),
    fixed.total,
    fixed.maxPoints,
    fixed.index,
    fixed.rank,
    fixed.band,
    ...moved,
    round(note),
  ];
}

/**
 * The unit column only as wide as the longest name needs on one line (at least 16 characters);
 * the rest goes to Ghi chú, whose notes ("(*) 1 lỗi: …") then wrap to fewer lines: lower rows,
 * which can bring the signature onto the table's page.
 */
function fitUnitColumn(widths: number[], unit: number, note: number, names: readonly string[]): number[] {
  const longest = Math.max(0, ...names.map((n) => textPixels(n, TABLE_FONT_SIZE)));
  // Characters for the name plus the cell's padding and a little to spare (columnPixels: 7 px + 5).
  const needed = Math.max(16, Math.ceil(((longest + 12 - 5) / 7) * 4) / 4);
  if (needed >= widths[unit]) return widths;
  const out = [...widths];
  out[note] += out[unit] - needed;
  out[unit] = needed;
  return out;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The plan of one group's ranking sheet under the given name. */
export function planGroupSheet(
  ranking: GroupRanking,
  criteria: CriteriaSet | null,
  settings: Settings,
  name: string,
  replaces: boolean,
  unitErrors: ReadonlyMap<RankedUnit, UnitIssueCount> = new Map(),
  comparison: YearComparison | null = null,
): SheetPlan {
  const fieldIds = criteria?.fieldIds ?? [];
  const movement = comparison !== null;
  const cols = rankingColumns(fieldIds.length, movement);
  const points = decimalFormat(settings.decimals);
  const titles = fieldIds.map((id) =>
    fieldHeader(criteria?.nodes[id]?.code ?? id, criteria?.nodes[id]?.title ?? ""),
  );
  // Whole field titles in the header when they wrap to a few lines; else the codes in the header
  // and the whole titles in a legend under the table, so the header stays short enough for 30
  // units a page.
  const fullWidths = rankingColumnWidths(fieldIds.length, false, movement);
  const inHeader = titles.every(
    (title) =>
      wrappedLines(title, columnPixels(fullWidths[cols.firstField]), TABLE_FONT_SIZE, true) <=
      MAX_HEADER_LINES,
  );
  const widths = fitUnitColumn(
    inHeader ? fullWidths : rankingColumnWidths(fieldIds.length, true, movement),
    cols.unit,
    cols.note,
    ranking.units.map((u) => (u.result.errorCount > 0 ? `${u.unit} ${ERROR_MARK}` : u.unit)),
  );
  const legend = inHeader || titles.length === 0 ? [] : [`${FIELD_LEGEND} ${titles.join("; ")}.`];
  const headers: string[] = [
    "STT",
    "Đơn vị",
    ...(inHeader ? titles : fieldIds.map((id) => criteria?.nodes[id]?.code ?? id)),
    "Tổng điểm",
    "Điểm tối đa áp dụng",
    "Chỉ số (%)",
    "Xếp hạng",
    "Xếp loại",
    ...(movement ? MOVEMENT_HEADERS : []),
    "Ghi chú",
  ];
  const align = (c: number): TableColumn["align"] =>
    movement && c >= cols.movement && c < cols.note
      ? MOVEMENT_ALIGN[c - cols.movement]
      : c === cols.order || c === cols.rank || c === cols.band
        ? "center"
        : c === cols.unit || c === cols.note
          ? "left"
          : "right";
  const rowFormat: string[] = [
    INTEGER_FORMAT,
    TEXT_FORMAT,
    ...fieldIds.map(() => points),
    points,
    points,
    points,
    INTEGER_FORMAT,
    TEXT_FORMAT,
    ...(movement ? movementFormats(points, INTEGER_FORMAT, TEXT_FORMAT) : []),
    TEXT_FORMAT,
  ];
  const ties = explainTies(ranking, settings.decimals, settings.tieBreak);
  const rows = ranking.units.map((u, i) => {
    const row = unitRow(u, i + 1, fieldIds, ties.get(u)?.notes.vi ?? [], unitErrors.get(u) ?? null);
    // Last year's index and rank, and the change, before the note.
    if (comparison) row.splice(cols.movement, 0, ...movementCells(comparison, u.unit));
    return row;
  });
  const formats = ranking.units.map((u) => {
    const decimals = ties.get(u)?.decimals ?? settings.decimals;
    if (decimals === settings.decimals) return rowFormat;
    const format = [...rowFormat];
    format[cols.index] = decimalFormat(decimals);
    return format;
  });
  const averageRow: CellValue[] = headers.map(() => null);
  averageRow[cols.unit] = AVERAGE_LABEL;
  averageRow[cols.index] = ranking.average;
  const marked = ranking.units.some((u) => u.result.errorCount > 0);

  const printed = planPrintedSheet({
    name,
    purpose: "ranking",
    group: ranking.group,
    replaces,
    frame: settings.frame,
    defaultTitle: rankingTitle(settings.year),
    subtitle: ranking.group,
    columns: headers.map((header, c) => ({ header, width: widths[c], align: align(c) })),
    rows: [...rows, averageRow],
    formats: [...formats, rowFormat],
    totalRows: 1,
    footnotes: [...legend, ...(marked ? [ERROR_FOOTNOTE] : [])],
    onePage: ranking.units.length <= ONE_PAGE_UNITS,
  });
  const first = printed.firstDataRow;
  const lastDataRow = first + rows.length - 1;
  const bands = bandsOfGroup(settings, ranking.group);
  const ranked = ranking.units.filter((u) => u.result.index !== null).length;
  const { plan, headerRow } = printed;
  return {
    ...plan,
    bands:
      rows.length === 0
        ? []
        : bands.map((band, i) => ({
            range: { top: first, left: cols.band, bottom: lastDataRow, right: cols.band },
            label: band.label,
            ...bandColours(i, bands.length),
          })),
    chart:
      ranked === 0
        ? null
        : {
            title:
              settings.year === null
                ? `Chỉ số CCHC - ${ranking.group}`
                : `Chỉ số CCHC năm ${settings.year} - ${ranking.group}`,
            categories: { top: first, left: cols.unit, bottom: first + ranked - 1, right: cols.unit },
            values: { top: first, left: cols.index, bottom: first + ranked - 1, right: cols.index },
            // Right of the print area: the chart is never printed with the table nor shrinks it.
            anchor: { top: headerRow, left: cols.last + 2, bottom: headerRow + 20, right: cols.last + 10 },
          },
  };
}

function unitRow(
  ranked: RankedUnit,
  order: number,
  fieldIds: readonly string[],
  tieNotes: readonly string[],
  errors: UnitIssueCount | null,
): CellValue[] {
  const r = ranked.result;
  const hasIndex = r.index !== null;
  const notes: string[] = [];
  // "(*) 2 lỗi: điểm vượt điểm tối đa": how many errors and of what kind.
  const errorText = errors ? describeUnitErrors(errors, "vi") : null;
  if (errorText) notes.push(`${ERROR_MARK} ${errorText}`);
  else if (r.errorCount > 0) notes.push(`${ERROR_MARK} ${r.errorCount} lỗi`);
  notes.push(...tieNotes);
  if (!hasIndex) notes.push(UNRANKED_NOTE);
  return [
    order,
    r.errorCount > 0 ? `${ranked.unit} ${ERROR_MARK}` : ranked.unit,
    ...fieldIds.map((id) => {
      const node = r.nodes[id];
      return node ? fromMicro(node.points) : null;
    }),
    fromMicro(r.points),
    fromMicro(r.maxPoints),
    r.index,
    hasIndex ? ranked.rank : null,
    ranked.band,
    notes.length > 0 ? notes.join("; ") : null,
  ];
}
