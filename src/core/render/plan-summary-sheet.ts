/** The summary sheet written when there are several groups: one line per group. */
import type { CellValue } from "../grid";
import type { GroupRanking, SheetPlan } from "../model";
import type { Settings } from "../settings";
import { decimalFormat, INTEGER_FORMAT, rankingTitle, TEXT_FORMAT } from "./layout";
import { type TableColumn, planPrintedSheet } from "./printed-sheet";

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

const WIDTHS = [4, 26, 7, 9, 9, 9, 30, 22];
const ALIGN: TableColumn["align"][] = ["center", "left", "right", "right", "right", "right", "left", "left"];

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
  const { plan } = planPrintedSheet({
    name,
    purpose: "summary",
    group: null,
    replaces,
    frame: settings.frame,
    defaultTitle: rankingTitle(settings.year),
    subtitle: "Tổng hợp các khối",
    columns: HEADER.map((header, c) => ({ header, width: WIDTHS[c], align: ALIGN[c] })),
    rows: [...rows, total],
    formats: [...rows.map(() => format), format],
    totalRows: 1,
    footnotes: [],
    onePage: groups.length <= 30,
  });
  return { ...plan, bands: [], chart: null };
}
