/**
 * The ranking sheet of one group, in the published layout: title, group, header, one row per
 * unit in rank order, the group average (bình quân). Values stay unrounded; number formats
 * show settings.decimals decimals.
 */
import type { CellValue } from "../grid";
import type { CriteriaSet, GroupRanking, RankedUnit, SheetPatch, SheetPlan } from "../model";
import { fromMicro } from "../points";
import { bandsOfGroup } from "../rank/rank-units";
import type { Settings } from "../settings";
import {
  AVERAGE_LABEL,
  AVERAGE_STYLE,
  BODY_STYLE,
  bandColours,
  decimalFormat,
  ERROR_NOTE,
  fieldHeader,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HEADER_ROW_HEIGHT,
  HEADER_STYLE,
  INTEGER_FORMAT,
  rankingTitle,
  SUBTITLE_ROW,
  SUBTITLE_STYLE,
  TEXT_FORMAT,
  TITLE_ROW,
  TITLE_STYLE,
  UNRANKED_NOTE,
} from "./layout";

/** Zero-based columns of a group's ranking sheet with `fieldCount` field columns. */
export function rankingColumns(fieldCount: number) {
  const firstField = 2;
  const total = firstField + fieldCount;
  return {
    order: 0,
    unit: 1,
    firstField,
    total,
    maxPoints: total + 1,
    index: total + 2,
    rank: total + 3,
    band: total + 4,
    note: total + 5,
    last: total + 5,
  };
}

/** The plan of one group's ranking sheet under the given name. */
export function planGroupSheet(
  ranking: GroupRanking,
  criteria: CriteriaSet | null,
  settings: Settings,
  name: string,
  replaces: boolean,
): SheetPlan {
  const fieldIds = criteria?.fieldIds ?? [];
  const cols = rankingColumns(fieldIds.length);
  const points = decimalFormat(settings.decimals);
  const header: CellValue[] = [
    "STT",
    "Đơn vị",
    ...fieldIds.map((id) => {
      const node = criteria?.nodes[id];
      return fieldHeader(node?.code ?? id, node?.title ?? "");
    }),
    "Tổng điểm",
    "Điểm tối đa áp dụng",
    "Chỉ số (%)",
    "Xếp hạng",
    "Xếp loại",
    "Ghi chú",
  ];
  const rowFormat: string[] = [
    INTEGER_FORMAT,
    TEXT_FORMAT,
    ...fieldIds.map(() => points),
    points,
    points,
    points,
    INTEGER_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
  ];
  const rows = ranking.units.map((u, i) => unitRow(u, i + 1, fieldIds));
  const averageRow: CellValue[] = header.map(() => null);
  averageRow[cols.unit] = AVERAGE_LABEL;
  averageRow[cols.index] = ranking.average;
  const averageRowIndex = FIRST_DATA_ROW + rows.length;

  const blank = (text: string): CellValue[] => [text, ...header.slice(1).map(() => null)];
  const patches: SheetPatch[] = [
    { row: TITLE_ROW, col: 0, values: [blank(rankingTitle(settings.year))], style: TITLE_STYLE },
    {
      row: SUBTITLE_ROW,
      col: 0,
      values: [blank(ranking.group)],
      numberFormat: TEXT_FORMAT,
      style: SUBTITLE_STYLE,
    },
    { row: HEADER_ROW, col: 0, values: [header], numberFormat: TEXT_FORMAT, style: HEADER_STYLE },
  ];
  if (rows.length > 0) {
    patches.push({
      row: FIRST_DATA_ROW,
      col: 0,
      values: rows,
      numberFormat: rows.map(() => rowFormat),
      style: BODY_STYLE,
    });
  }
  patches.push({
    row: averageRowIndex,
    col: 0,
    values: [averageRow],
    numberFormat: [rowFormat],
    style: AVERAGE_STYLE,
  });

  const lastDataRow = FIRST_DATA_ROW + rows.length - 1;
  const bands = bandsOfGroup(settings, ranking.group);
  const ranked = ranking.units.filter((u) => u.result.index !== null).length;
  return {
    name,
    purpose: "ranking",
    group: ranking.group,
    replaces,
    patches,
    merges: [
      { top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: cols.last },
      { top: SUBTITLE_ROW, left: 0, bottom: SUBTITLE_ROW, right: cols.last },
    ],
    columnWidths: [6, 34, ...fieldIds.map(() => 14), 11, 12, 11, 9, 9, 28],
    freezeRows: FIRST_DATA_ROW,
    // Field headers wrap over up to four lines in their 14-character columns.
    rowHeights: [{ row: HEADER_ROW, height: HEADER_ROW_HEIGHT }],
    print: { landscape: true, fitToWidth: true, titleRows: { first: HEADER_ROW, last: HEADER_ROW } },
    bands:
      rows.length === 0
        ? []
        : bands.map((band, i) => ({
            range: { top: FIRST_DATA_ROW, left: cols.band, bottom: lastDataRow, right: cols.band },
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
            categories: {
              top: FIRST_DATA_ROW,
              left: cols.unit,
              bottom: FIRST_DATA_ROW + ranked - 1,
              right: cols.unit,
            },
            values: {
              top: FIRST_DATA_ROW,
              left: cols.index,
              bottom: FIRST_DATA_ROW + ranked - 1,
              right: cols.index,
            },
            anchor: { top: HEADER_ROW, left: cols.last + 2, bottom: HEADER_ROW + 20, right: cols.last + 10 },
          },
  };
}

function unitRow(ranked: RankedUnit, order: number, fieldIds: readonly string[]): CellValue[] {
  const r = ranked.result;
  const hasIndex = r.index !== null;
  const notes: string[] = [];
  if (r.errorCount > 0) notes.push(`${ERROR_NOTE} (${r.errorCount} lỗi)`);
  if (!hasIndex) notes.push(UNRANKED_NOTE);
  return [
    order,
    ranked.unit,
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
