/** The readable check report: issues grouped by sheet, each with its cell, severity and message. */
import { type Issue, describeIssue } from "../core/issues";
import { type CliLang, TEXTS } from "./cli-texts";
import type { SheetSource } from "./merge-snapshots";

/** Adds colour to a piece of text (identity when colour is off). */
export type Paint = (style: "red" | "yellow" | "green" | "bold" | "dim", text: string) => string;

export const plain: Paint = (_style, text) => text;

/** The report's lines, sheet by sheet in the order of the issues (already sorted by sheet and cell). */
export function formatCheckReport(
  issues: readonly Issue[],
  counts: { units: number; leaves: number },
  lang: CliLang,
  paint: Paint = plain,
  sources: ReadonlyMap<string, SheetSource> | null = null,
): string[] {
  const t = TEXTS[lang];
  const lines: string[] = [];
  const bySheet = new Map<string | null, Issue[]>();
  for (const issue of issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  for (const [sheet, list] of bySheet) {
    const source = sheet === null ? null : (sources?.get(sheet) ?? null);
    const title =
      sheet === null
        ? t.wholeWorkbook
        : t.sheet(source?.sheet ?? sheet, source ? baseName(source.file) : null);
    lines.push(paint("bold", title));
    const cellWidth = Math.max(...list.map((i) => (i.cell ?? "").length), 2);
    for (const issue of list) {
      const severity = t.severity[issue.severity];
      const colour = issue.severity === "error" ? "red" : issue.severity === "warning" ? "yellow" : "dim";
      const label = paint(colour, severity.padEnd(8));
      const where = (issue.cell ?? "—").padEnd(cellWidth);
      const about = [issue.unit, issue.criterion ? t.criterion(issue.criterion) : null]
        .filter(Boolean)
        .join(", ");
      const suffix = about ? paint("dim", ` [${about}]`) : "";
      lines.push(`  ${where}  ${label} ${describeIssue(issue, lang)}${suffix}`);
    }
    lines.push("");
  }
  if (issues.length === 0) lines.push(paint("green", t.noIssues));
  lines.push(formatIssueCounts(issues, counts, lang, paint));
  return lines;
}

/** One line: errors and warnings counted, units and scored criteria. */
export function formatIssueCounts(
  issues: readonly Issue[],
  counts: { units: number; leaves: number },
  lang: CliLang,
  paint: Paint = plain,
): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  // Information (e.g. criteria changed since last year) is neither an error nor a warning.
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const summary = TEXTS[lang].summary({ errors, warnings, units: counts.units, leaves: counts.leaves });
  return paint(errors > 0 ? "red" : warnings > 0 ? "yellow" : "green", summary);
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}
