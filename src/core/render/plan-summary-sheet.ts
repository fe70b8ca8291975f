/** The summary sheet written when there are several groups: one line per group. */
import type { CellValue } from "../grid";
import type { GroupRanking, SheetPlan } from "../model";
import type { Settings } from "../settings";
import {
  AVERAGE_STYLE,
  BODY_STYLE,
  decimalFormat,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HEADER_STYLE,
  INTEGER_FORMAT,
  rankingTitle,
  SUBTITLE_ROW,
  SUBTITLE_STYLE,
  TEXT_FORMAT,
  TITLE_ROW,
  TITLE_STYLE,
} from "./layout";

const HEADER = [
  "STT",
  "Khối",
  "Số đơn vị",
  "Bình quân (%)",
  "Cao nhất (%)",
  "Thấp nhất (%)",
  "Đơn vị dẫn đầu",
  "Sheet xếp hạng",
];

/** The summary of all groups; `sheetNames[i]` is the ranking sheet of `groups[i]`. */
export function planSummarySheet(
  groups: readonly GroupRanking[],
  sheetNames: readonly string[],
  settings: Settings,
  name: string,
  replaces: boolean,
): SheetPlan {
  const pct = decimalFormat(settings.decimals);
  const format = [INTEGER_FORMAT, TEXT_FORMAT, INTEGER_FORMAT, pct, pct, pct, TEXT_FORMAT, TEXT_FORMAT];
  const rows: CellValue[][] = groups.map((g, i) => {
    const indices = g.units.map((u) => u.result.index).filter((x): x is number => x !== null);
    const leaders = g.units.filter((u) => u.result.index !== null && u.rank === 1).map((u) => u.unit);
    return [
      i + 1,
      g.group,
      g.units.length,
      g.average,
      indices.length ? Math.max(...indices) : null,
      indices.length ? Math.min(...indices) : null,
      leaders.length ? leaders.join("; ") : null,
      sheetNames[i] ?? null,
    ];
  });
  const total: CellValue[] = [
    null,
    "Tổng số đơn vị",
    groups.reduce((s, g) => s + g.units.length, 0),
    null,
    null,
    null,
    null,
    null,
  ];
  const last = HEADER.length - 1;
  const blank = (text: string): CellValue[] => [text, ...HEADER.slice(1).map(() => null)];
  return {
    name,
    purpose: "summary",
    group: null,
    replaces,
    patches: [
      { row: TITLE_ROW, col: 0, values: [blank(rankingTitle(settings.year))], style: TITLE_STYLE },
      { row: SUBTITLE_ROW, col: 0, values: [blank("Tổng hợp các khối")], style: SUBTITLE_STYLE },
      { row: HEADER_ROW, col: 0, values: [HEADER], numberFormat: TEXT_FORMAT, style: HEADER_STYLE },
      { row: FIRST_DATA_ROW, col: 0, values: rows, numberFormat: rows.map(() => format), style: BODY_STYLE },
      {
        row: FIRST_DATA_ROW + rows.length,
        col: 0,
        values: [total],
        numberFormat: [format],
        style: AVERAGE_STYLE,
      },
    ],
    merges: [
      { top: TITLE_ROW, left: 0, bottom: TITLE_ROW, right: last },
      { top: SUBTITLE_ROW, left: 0, bottom: SUBTITLE_ROW, right: last },
    ],
    columnWidths: [6, 30, 10, 13, 13, 13, 34, 30],
    freezeRows: FIRST_DATA_ROW,
    print: { landscape: true, fitToWidth: true, titleRows: { first: HEADER_ROW, last: HEADER_ROW } },
    bands: [],
    chart: null,
  };
}
