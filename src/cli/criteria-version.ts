/**
 * A file (or, in a single workbook, a sheet) whose maxima differ from the criteria set on many
 * rows most likely follows another year's or province's version of the set: say so once, on
 * top of the row-by-row max_differs errors.
 */
import { type Issue, makeIssue } from "../core/issues";
import type { SheetSource } from "./merge-snapshots";

/** How many differing maxima make "another version" rather than a typo. */
export const VERSION_DIFFERS_MIN_ROWS = 3;

/** One criteria_version_differs warning per file (several files) or per sheet (one file). */
export function findCriteriaVersionIssues(
  issues: readonly Issue[],
  sources: ReadonlyMap<string, SheetSource> | null,
): Issue[] {
  const groups = new Map<string, { sheets: string[]; count: number }>();
  for (const issue of issues) {
    if (issue.code !== "max_differs" || issue.sheet === null) continue;
    const key = sources ? (sources.get(issue.sheet)?.file ?? issue.sheet) : issue.sheet;
    const group = groups.get(key) ?? { sheets: [], count: 0 };
    group.count++;
    if (!group.sheets.includes(issue.sheet)) group.sheets.push(issue.sheet);
    groups.set(key, group);
  }
  const out: Issue[] = [];
  for (const [key, group] of groups) {
    if (group.count < VERSION_DIFFERS_MIN_ROWS) continue;
    const name = sources ? baseName(key) : `"${key}"`;
    out.push(
      makeIssue(
        "criteria_version_differs",
        { sheet: group.sheets[0] },
        {
          name,
          count: group.count,
          other: group.sheets.join(", "),
        },
      ),
    );
  }
  return out;
}

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1];
}
