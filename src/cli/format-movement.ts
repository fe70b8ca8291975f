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
