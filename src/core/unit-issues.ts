/**
 * Which issues are a unit's own, counted once for every place that shows them: the (*) mark and
 * Ghi chú of the ranking sheets, the CLI ranking table, the check tab's group headers and the
 * explain tab. An issue is the unit's when it names the unit, or when it sits on the unit's own
 * sheet (one unit per sheet) without naming any unit.
 */
import type { Issue, IssueCode, Lang } from "./issues";
import type { ScoringLayout } from "./model";
import { foldText } from "./text";

/** The unit as the counting needs it: its name, its sheet, and whether that sheet is its own. */
export type UnitPlace = { unit: string; sheet: string; layout: ScoringLayout };

/** True when the issue is located in the unit's own scores or on its own sheet. */
export function isUnitIssue(issue: Issue, place: UnitPlace): boolean {
  if (issue.unit !== null) return foldText(issue.unit) === foldText(place.unit);
  return place.layout === "unitSheet" && issue.sheet === place.sheet;
}

export type UnitIssueCount = {
  errors: number;
  warnings: number;
  /** Errors by code, most frequent first (then by code). */
  errorKinds: { code: IssueCode; count: number }[];
};

/** Counts a unit's own issues (the one count every view shows). */
export function countUnitIssues(issues: readonly Issue[], place: UnitPlace): UnitIssueCount {
  return countOf(issues.filter((issue) => isUnitIssue(issue, place)));
}

/**
 * The same count for many units, in time linear in the issues: the issues are indexed once by
 * unit and by sheet (a workbook of 1,000 units may carry tens of thousands of issues).
 */
export function unitIssueCounter(issues: readonly Issue[]): (place: UnitPlace) => UnitIssueCount {
  const byUnit = new Map<string, Issue[]>();
  const bySheet = new Map<string, Issue[]>();
  for (const issue of issues) {
    const [map, key] =
      issue.unit !== null
        ? [byUnit, foldText(issue.unit)]
        : issue.sheet !== null
          ? [bySheet, issue.sheet]
          : [null, ""];
    if (!map) continue;
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  }
  return (place) =>
    countOf([
      ...(byUnit.get(foldText(place.unit)) ?? []),
      ...(place.layout === "unitSheet" ? (bySheet.get(place.sheet) ?? []) : []),
    ]);
}

function countOf(own: readonly Issue[]): UnitIssueCount {
  let errors = 0;
  let warnings = 0;
  const kinds = new Map<IssueCode, number>();
  for (const issue of own) {
    if (issue.severity === "error") {
      errors += 1;
      kinds.set(issue.code, (kinds.get(issue.code) ?? 0) + 1);
    } else warnings += 1;
  }
  const errorKinds = [...kinds]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { errors, warnings, errorKinds };
}

/** The issues of a unit, in the order given. */
export function unitIssues(issues: readonly Issue[], place: UnitPlace): Issue[] {
  return issues.filter((issue) => isUnitIssue(issue, place));
}

/** Short names of the kinds of error, for notes ("2 điểm vượt tối đa"). */
const ERROR_KIND: Partial<Record<IssueCode, { vi: string; en: string }>> = {
  score_above_max: { vi: "điểm vượt điểm tối đa", en: "score above the maximum" },
  score_negative: { vi: "điểm âm", en: "negative score" },
  deduction_out_of_range: { vi: "điểm trừ ngoài giới hạn", en: "deduction out of range" },
  score_not_number: { vi: "điểm không phải số", en: "score not a number" },
  score_error_value: { vi: "ô điểm bị lỗi công thức", en: "score cell holding an error value" },
  score_blank: { vi: "thiếu điểm", en: "missing score" },
  score_off_levels: { vi: "điểm không đúng mức cho phép", en: "score off the allowed levels" },
  survey_tally_invalid: { vi: "số phiếu điều tra không hợp lệ", en: "invalid survey tally" },
  unknown_code: { vi: "mã tiêu chí lạ", en: "unknown criterion code" },
  duplicate_code_in_sheet: { vi: "mã tiêu chí trùng", en: "duplicated criterion code" },
  missing_criterion: { vi: "thiếu dòng tiêu chí", en: "missing criterion row" },
  max_differs: { vi: "điểm tối đa khác bộ tiêu chí", en: "maximum differing from the criteria set" },
  unit_duplicate: { vi: "đơn vị trùng", en: "duplicated unit" },
  scoring_column_missing: { vi: "thiếu cột điểm", en: "missing score column" },
};

/** "3 lỗi: 2 điểm vượt điểm tối đa, 1 thiếu điểm" or "1 lỗi: thiếu điểm" (null when no error). */
export function describeUnitErrors(count: UnitIssueCount, lang: Lang): string | null {
  if (count.errors === 0) return null;
  const name = (code: IssueCode): string =>
    ERROR_KIND[code]?.[lang] ?? (lang === "vi" ? "lỗi khác" : "other error");
  const kinds =
    count.errorKinds.length === 1
      ? name(count.errorKinds[0].code)
      : count.errorKinds.map(({ code, count: n }) => `${n} ${name(code)}`).join(", ");
  return lang === "vi"
    ? `${count.errors} lỗi: ${kinds}`
    : `${count.errors} ${count.errors === 1 ? "error" : "errors"}: ${kinds}`;
}
