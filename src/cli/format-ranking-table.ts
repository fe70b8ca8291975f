/** The ranking table printed by `rank`: one table per group, as published (STT, Đơn vị, Chỉ số…). */
import { type Figure, formatFigure, indexFigure } from "../core/format-number";
import type { GroupRanking } from "../core/model";
import { explainTies } from "../core/render/display-ties";
import type { Settings } from "../core/settings";
import { type CliLang, TEXTS } from "./cli-texts";
import { type Paint, plain } from "./format-check-report";

/**
 * Lines of the ranking tables: the index with `decimals` decimals in the language's notation
 * (75,38 in Vietnamese, 75.38 in English), more decimals for units whose shown index equals a
 * neighbour's of another rank, and the notes on ties under each table.
 */
export function formatRankingTable(
  groups: readonly GroupRanking[],
  decimals: number,
  lang: CliLang,
  paint: Paint = plain,
  tieBreak: Settings["tieBreak"] = "shared",
): string[] {
  const t = TEXTS[lang];
  const lines: string[] = [];
  let anyErrors = false;
  const show = (value: Figure | null, places = decimals): string =>
    value === null ? "—" : formatFigure(value, places, lang);
  for (const group of groups) {
    const ties = explainTies(group, decimals, tieBreak);
    const notes: string[] = [];
    const rows = group.units.map((u, i) => {
      const marked = u.result.errorCount > 0;
      anyErrors ||= marked;
      const tie = ties.get(u);
      const name = marked ? `${u.unit} (*)` : u.unit;
      if (tie && tie.notes[lang].length > 0) notes.push(`  ${name}: ${tie.notes[lang].join("; ")}`);
      return [
        String(i + 1),
        name,
        show(indexFigure(u.result), tie?.decimals ?? decimals),
        String(u.rank),
        u.band ?? "",
      ];
    });
    const header = [...t.columns];
    const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
    const rightAligned = [true, false, true, true, false];
    const line = (cells: string[]): string =>
      cells
        .map((cell, c) => (rightAligned[c] ? padStart(cell, widths[c]) : padEnd(cell, widths[c])))
        .join("  ")
        .trimEnd();
    lines.push(paint("bold", t.groupTitle(group.group, `${show(group.average)} %`)));
    lines.push(paint("bold", line(header)));
    lines.push(widths.map((w) => "─".repeat(w)).join("  "));
    for (const row of rows) lines.push(line(row));
    for (const note of notes) lines.push(paint("dim", note));
    lines.push("");
  }
  if (anyErrors) lines.push(paint("yellow", t.unitHasErrors));
  return lines;
}

/** Width on a terminal: code points of the NFC text (Vietnamese letters are one column each). */
function width(text: string): number {
  return [...text.normalize("NFC")].length;
}

function padEnd(text: string, w: number): string {
  return text + " ".repeat(Math.max(0, w - width(text)));
}

function padStart(text: string, w: number): string {
  return " ".repeat(Math.max(0, w - width(text))) + text;
}
