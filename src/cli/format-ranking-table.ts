/** The ranking table printed by `rank`: one table per group, as published (STT, Đơn vị, Chỉ số…). */
import type { GroupRanking } from "../core/model";
import { formatDecimalVi } from "../core/text";
import { type CliLang, TEXTS } from "./cli-texts";
import { type Paint, plain } from "./format-check-report";

/** Lines of the ranking tables; the index shown with `decimals` decimals and the Vietnamese comma. */
export function formatRankingTable(
  groups: readonly GroupRanking[],
  decimals: number,
  lang: CliLang,
  paint: Paint = plain,
): string[] {
  const t = TEXTS[lang];
  const lines: string[] = [];
  let anyErrors = false;
  const show = (value: number | null): string => (value === null ? "—" : formatDecimalVi(value, decimals));
  for (const group of groups) {
    const rows = group.units.map((u, i) => {
      const marked = u.result.errorCount > 0;
      anyErrors ||= marked;
      return [
        String(i + 1),
        marked ? `${u.unit} (*)` : u.unit,
        show(u.result.index),
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
