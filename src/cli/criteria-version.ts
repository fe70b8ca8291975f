/**
 * A file whose sheets follow another version of the criteria set (a criterion missing, one the
 * set does not have, another maximum) gets one warning listing every difference, on top of the
 * row-by-row issues: an agency that filled last year's form is told so once, whatever the number
 * of differences. In a single workbook (no files to speak of) a sheet gets it from 3 differing
 * maxima, where one or two are more likely typos.
 */
import { type Issue, type VersionDifference, makeIssue } from "../core/issues";
import type { SheetSource } from "./merge-snapshots";

/** In a single workbook, how many differing maxima on one sheet make "another version" rather than a typo. */
export const VERSION_DIFFERS_MIN_ROWS = 3;

/** The difference an issue shows between a sheet and the criteria set, if it shows one. */
function differenceOf(issue: Issue): VersionDifference | null {
  switch (issue.code) {
    case "max_differs":
      return {
        kind: "max",
        criterion: issue.criterion ?? "?",
        actual: issue.data.actual,
        max: issue.data.max,
      };
    case "missing_criterion":
      return { kind: "missing", criterion: issue.criterion ?? "?" };
    case "unknown_code":
      return { kind: "added", criterion: issue.data.input ?? "?" };
    default:
      return null;
  }
}

/** One criteria_version_differs warning per file (several files) or per sheet (one file). */
export function findCriteriaVersionIssues(
  issues: readonly Issue[],
  sources: ReadonlyMap<string, SheetSource> | null,
): Issue[] {
  const groups = new Map<string, { sheets: string[]; differences: VersionDifference[]; keys: Set<string> }>();
  for (const issue of issues) {
    if (issue.sheet === null) continue;
    const difference = differenceOf(issue);
    if (!difference) continue;
    // A single workbook keeps the old rule: maxima only, 3 or more on a sheet.
    if (!sources && difference.kind !== "max") continue;
    const key = sources ? (sources.get(issue.sheet)?.file ?? issue.sheet) : issue.sheet;
    const group = groups.get(key) ?? { sheets: [], differences: [], keys: new Set<string>() };
    if (!group.sheets.includes(issue.sheet)) group.sheets.push(issue.sheet);
    // The same criterion differing the same way on two sheets of a file is one difference of the file.
    const id = `${difference.kind}\u0000${difference.criterion}\u0000${difference.actual ?? ""}`;
    if (!group.keys.has(id)) {
      group.keys.add(id);
      group.differences.push(difference);
    }
    groups.set(key, group);
  }
  const out: Issue[] = [];
  for (const [key, group] of groups) {
    if (!sources && group.differences.length < VERSION_DIFFERS_MIN_ROWS) continue;
    out.push(
      makeIssue(
        "criteria_version_differs",
        { sheet: group.sheets[0] },
        {
          name: sources ? baseName(key) : `"${key}"`,
          count: group.differences.length,
          other: group.sheets.map((s) => sources?.get(s)?.sheet ?? s).join(", "),
          differences: group.differences,
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
