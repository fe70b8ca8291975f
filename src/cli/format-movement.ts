/** The movement since last year printed by `rank --previous`: per group, each unit's last year and change. */
import type { YearComparison } from "../core/compare/compare-years";
import { indexChangeText, rankMovementText } from "../core/compare/movement-text";
import { formatFigure } from "../core/format-number";
import { type CliLang, TEXTS } from "./cli-texts";
import { type Paint, plain } from "./format-check-report";

/** Lines of the movement tables (unit, last year's index and rank, rank change, index change). */
export function formatMovement(
  comparison: YearComparison,
  decimals: number,
  lang: CliLang,
  paint: Paint = plain,
): string[] {
  const t = TEXTS[lang].movement;
  const show = (value: number | null): string => (value === null ? "—" : formatFigure(value, decimals, lang));
  const lines: string[] = [paint("bold", t.title(comparison.previousYear))];
  const groups = [...new Set(comparison.units.map((u) => u.group))];
  for (const group of groups) {
    const match = comparison.groups.find((g) => g.group === group);
    lines.push(paint("bold", t.group(group, match?.previousGroup ?? null)));
    const rows = comparison.units
      .filter((u) => u.group === group)
      .map((u) => [
        u.unit,
        u.previous ? show(u.previous.index) : "—",
        u.previous?.rank == null ? "—" : String(u.previous.rank),
        u.match === "new" ? t.newUnit : rankMovementText(u),
        indexChangeText(u.indexChange, decimals, lang),
      ]);
    const header = [...t.columns];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => [...r[c]].length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join("  ")
        .trimEnd();
    lines.push(line(header));
    for (const row of rows) lines.push(line(row));
    lines.push("");
  }
  if (comparison.vanished.length > 0)
    lines.push(t.vanished(comparison.vanished.map((v) => v.unit).join("; ")));
  if (comparison.criteria.length > 0) lines.push(t.criteriaChanged(comparison.criteria.length));
  return lines;
}

/** The `comparison` key of the JSON result (docs/cli.md): what `--previous` was and what it matched. */
export type JsonComparison = {
  /** The --previous path as given. */
  previousFile: string;
  /** Last year as found in the file (title, year column), null when it says none. */
  previousYear: number | null;
  /** What last year's results were read from. */
  source: YearComparison["source"];
  /** This year's units found last year (by name, folded name or previousNames). */
  matched: number;
  /** This year's units found through previousNames, with last year's names they continue. */
  mapped: { unit: string; previous: string[] }[];
  /** This year's units with no counterpart last year ("mới"). */
  new: string[];
  /** Last year's units matched by none of this year's. */
  vanished: { unit: string; group: string; index: number | null; rank: number | null }[];
  /** Each group of this year and the group of last year most of its units came from. */
  groups: { name: string; previousName: string | null }[];
  /** Criteria added, removed or with another maximum (only when both years have scoring sheets). */
  criteriaChanges: {
    kind: "added" | "removed" | "maxChanged";
    code: string;
    title: string;
    maxPoints: number | null;
    previousMaxPoints: number | null;
  }[];
};

/** The comparison summary for `--json`; null without --previous. */
export function toJsonComparison(
  comparison: YearComparison | null | undefined,
  previousFile: string | null,
): JsonComparison | null {
  if (!comparison || previousFile === null) return null;
  return {
    previousFile,
    previousYear: comparison.previousYear,
    source: comparison.source,
    matched: comparison.units.filter((u) => u.match !== "new").length,
    mapped: comparison.units
      .filter((u) => u.match === "mapped")
      .map((u) => ({ unit: u.unit, previous: u.predecessors })),
    new: comparison.units.filter((u) => u.match === "new").map((u) => u.unit),
    vanished: comparison.vanished.map((v) => ({
      unit: v.unit,
      group: v.group,
      index: v.index,
      rank: v.rank,
    })),
    groups: comparison.groups.map((g) => ({ name: g.group, previousName: g.previousGroup })),
    criteriaChanges: comparison.criteria.map((d) => ({
      kind: d.kind,
      code: d.code,
      title: d.title,
      maxPoints: d.maxPoints,
      previousMaxPoints: d.previousMaxPoints,
    })),
  };
}
