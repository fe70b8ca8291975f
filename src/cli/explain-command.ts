/**
 * `par-scorer explain FILE --unit NAME [--json]`: where a unit lost points, for its improvement
 * plan — its standing, then every leaf below its maximum, largest loss first, with its field,
 * its cell, and the index and rank full points on that leaf alone would give.
 */
import type { Analysis } from "../core/model";
import { type GainSummary, findGains } from "../core/explain/find-gains";
import { formatFigure } from "../core/format-number";
import { FileProblemError } from "../node/file-problems";
import { type CliLang, TEXTS } from "./cli-texts";
import { type Paint, plain } from "./format-check-report";

/** The stable JSON of explain (docs/cli.md): keys are only ever added. */
export type JsonExplanation = {
  unit: string;
  group: string;
  points: number;
  maxPoints: number;
  index: number | null;
  rank: number | null;
  groupSize: number;
  band: string | null;
  totalLost: number;
  gains: {
    code: string;
    title: string;
    fieldCode: string | null;
    fieldTitle: string | null;
    points: number;
    maxPoints: number;
    lost: number;
    sheet: string;
    cell: string | null;
    indexIfFull: number | null;
    rankIfFull: number | null;
  }[];
};

/** The gain list of `unit`; rejects with FileProblemError (exit 2) when the workbook has no such unit. */
export function explainForCli(analysis: Analysis, unit: string, file: string): GainSummary {
  const summary = findGains(analysis, unit);
  if (!summary) throw new FileProblemError({ code: "unit_not_found", file, detail: unit });
  return summary;
}

export function toJsonExplanation(summary: GainSummary): JsonExplanation {
  return {
    unit: summary.unit,
    group: summary.group,
    points: summary.points,
    maxPoints: summary.maxPoints,
    index: summary.index,
    rank: summary.rank,
    groupSize: summary.groupSize,
    band: summary.band,
    totalLost: summary.totalLost,
    gains: summary.gains.map((g) => ({
      code: g.code,
      title: g.title,
      fieldCode: g.fieldCode,
      fieldTitle: g.fieldTitle,
      points: g.points,
      maxPoints: g.maxPoints,
      lost: g.lost,
      sheet: g.sheet,
      cell: g.cell,
      indexIfFull: g.indexIfFull,
      rankIfFull: g.rankIfFull,
    })),
  };
}

/** The readable report: the unit's standing, then the gain table. */
export function formatExplanation(
  summary: GainSummary,
  decimals: number,
  lang: CliLang,
  paint: Paint = plain,
): string[] {
  const t = TEXTS[lang].explain;
  // One formatter for every figure: decimal comma in Vietnamese, point in English (format-number.ts).
  const show = (v: number | null): string => (v === null ? "—" : formatFigure(v, decimals, lang));
  const lines = [
    paint("bold", t.unit(summary.unit, summary.group)),
    t.standing(
      show(summary.points),
      show(summary.maxPoints),
      show(summary.index),
      summary.rank === null ? "—" : `${summary.rank}/${summary.groupSize}`,
      summary.band ?? "—",
    ),
  ];
  if (summary.gains.length === 0) {
    lines.push(paint("green", t.nothingLost));
    return lines;
  }
  lines.push(t.lost(show(summary.totalLost), summary.gains.length), "");
  const rows = summary.gains.map((g) => [
    g.fieldCode ?? "",
    `${g.code} ${shorten(g.title, 50)}`.trim(),
    show(g.points),
    show(g.maxPoints),
    show(g.lost),
    g.cell ? `${g.sheet}!${g.cell}` : g.sheet,
    show(g.indexIfFull),
    g.rankIfFull === null ? "—" : String(g.rankIfFull),
  ]);
  const header = [...t.columns];
  const widths = header.map((h, c) => Math.max([...h].length, ...rows.map((r) => [...r[c]].length)));
  const left = [true, true, false, false, false, true, false, false];
  const line = (cells: string[]) =>
    cells
      .map((cell, c) =>
        left[c] ? cell.padEnd(widths[c] + cell.length - [...cell].length) : cell.padStart(widths[c]),
      )
      .join("  ")
      .trimEnd();
  lines.push(paint("bold", line(header)));
  for (const row of rows) lines.push(line(row));
  return lines;
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return [...clean].length <= max ? clean : `${[...clean].slice(0, max - 1).join("")}…`;
}
