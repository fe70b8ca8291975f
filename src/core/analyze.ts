/**
 * The engine in one call: a workbook snapshot and settings in; the criteria tree, every issue,
 * per-unit results and the rankings out. Pure and synchronous.
 */
import type { WorkbookSnapshot } from "./grid";
import { type Issue, compareIssues, makeIssue } from "./issues";
import type { Analysis, ParsedWorkbook, WritePlan } from "./model";
import { parseWorkbook } from "./parse/parse-workbook";
import { evaluateUnits } from "./evaluate/evaluate-units";
import { findAssessmentYear } from "./find-year";
import { rankUnits } from "./rank/rank-units";
import { planRankingSheets } from "./render/plan-ranking-sheets";
import { findSettingsSheet, readSavedState, storageSheetState } from "./saved-settings";
import { decideOwnership } from "./sheet-ownership";
import { type Settings, type SettingsInput, parseSettings } from "./settings";
import { unitIssueCounter } from "./unit-issues";

/**
 * Settings for a run: those saved in the workbook, overridden field by field by `overrides`
 * (command-line --settings, or the task pane's current choices). `generatedSheets` are the sheets
 * PAR Scorer can prove it wrote (sheet-ownership.ts); listed sheets that fail the proof are kept
 * and reported.
 */
export function resolveSettings(
  snapshot: WorkbookSnapshot,
  overrides: SettingsInput | null = null,
): { settings: Settings; generatedSheets: string[]; issues: Issue[] } {
  const saved = readSavedState(snapshot);
  const issues: Issue[] = saved.problems.map((p) =>
    makeIssue("settings_invalid", { sheet: null }, { name: p.path, input: p.message }),
  );
  const ownership = decideOwnership(snapshot, saved.sheets);
  for (const sheet of ownership.kept) issues.push(makeIssue("sheet_not_owned", { sheet }));
  const storage = findSettingsSheet(snapshot);
  if (storage && saved.storage === "foreign")
    issues.push(makeIssue("settings_sheet_foreign", { sheet: storage.name }, { name: storage.name }));
  const generatedSheets = ownership.owned;
  if (!overrides) return { settings: saved.settings, generatedSheets, issues };
  const merged = { ...saved.settings, ...overrides };
  const parsed = parseSettings(merged, saved.settings.lang);
  for (const p of parsed.problems) {
    issues.push(makeIssue("settings_invalid", { sheet: null }, { name: p.path, input: p.message }));
  }
  // Invalid overrides are reported and the saved settings (already valid) stay in force.
  const settings = parsed.problems.length ? saved.settings : parsed.settings;
  return { settings, generatedSheets, issues };
}

/** Reads how a workbook is laid out (sheets, criteria set, units) without judging any score. */
export function readWorkbookLayout(
  snapshot: WorkbookSnapshot,
  overrides: SettingsInput | null = null,
): ParsedWorkbook {
  const resolved = resolveSettings(snapshot, overrides);
  return parseWorkbook(snapshot, resolved.settings, resolved.generatedSheets).parsed;
}

/** Reads, validates, computes and ranks: everything but writing. */
export function analyzeWorkbook(
  snapshot: WorkbookSnapshot,
  overrides: SettingsInput | null = null,
): Analysis {
  const resolved = resolveSettings(snapshot, overrides);
  const { settings } = resolved;
  const parsed = parseWorkbook(snapshot, settings, resolved.generatedSheets);
  const evaluated = evaluateUnits(parsed.parsed, settings);
  const groups = rankUnits(evaluated.results, settings);
  const issues = sortIssues([...resolved.issues, ...parsed.issues, ...evaluated.issues]);
  // A unit's errors are counted once, over every issue of its own scores or sheet (parse-stage
  // ones included), so the (*) mark, the check tab and the explain tab agree.
  const layoutOf = new Map(parsed.parsed.units.map((u) => [`${u.unit}\u0000${u.sheet}`, u.layout]));
  const countOf = unitIssueCounter(issues);
  for (const result of evaluated.results) {
    const layout = layoutOf.get(`${result.unit}\u0000${result.sheet}`) ?? "matrix";
    const count = countOf({ unit: result.unit, sheet: result.sheet, layout });
    result.errorCount = count.errors;
    result.warningCount = count.warnings;
  }
  return {
    settings,
    layout: parsed.parsed.layout,
    criteria: parsed.parsed.criteria,
    units: parsed.parsed.units,
    unitList: parsed.parsed.unitList,
    results: evaluated.results,
    groups,
    issues,
    generatedSheets: resolved.generatedSheets,
    year: settings.year ?? findAssessmentYear(snapshot, parsed.parsed.layout),
  };
}

/**
 * Issues in the order of compareIssues (sheet, then cell, then code), sorted on keys worked out
 * once per issue: a workbook of 1,000 units can carry tens of thousands of issues, and
 * compareIssues collates the sheet names and parses both cells at every comparison. Each distinct
 * sheet, cell and code is ranked once by compareIssues itself (on issues differing in that part
 * alone), so the order, a stable sort on the same preorder, is identical.
 */
export function sortIssues(issues: Issue[]): Issue[] {
  if (issues.length < 64) return issues.sort(compareIssues);
  const probe = (sheet: string, cell: string, code: string): Issue =>
    ({ sheet, cell: cell === "" ? null : cell, code }) as unknown as Issue;
  const rankOf = (values: string[], compare: (a: string, b: string) => number): Map<string, number> => {
    const distinct = [...new Set(values)].sort(compare);
    const ranks = new Map<string, number>();
    distinct.forEach((value, i) => {
      const previous = distinct[i - 1];
      const same = i > 0 && compare(previous, value) === 0;
      ranks.set(value, same ? (ranks.get(previous) as number) : i);
    });
    return ranks;
  };
  const sheets = rankOf(
    issues.map((i) => i.sheet ?? ""),
    (a, b) => compareIssues(probe(a, "", ""), probe(b, "", "")),
  );
  const cells = rankOf(
    issues.map((i) => i.cell ?? ""),
    (a, b) => compareIssues(probe("", a, ""), probe("", b, "")),
  );
  const codes = rankOf(
    issues.map((i) => i.code),
    (a, b) => compareIssues(probe("", "", a), probe("", "", b)),
  );
  const keyed = issues.map((issue, i) => ({
    issue,
    i,
    sheet: sheets.get(issue.sheet ?? "") as number,
    cell: cells.get(issue.cell ?? "") as number,
    code: codes.get(issue.code) as number,
  }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.cell - b.cell || a.code - b.code || a.i - b.i);
  return keyed.map((k) => k.issue);
}

/** The write plan for the ranking sheets of an analysis. */
export function planRanking(analysis: Analysis, snapshot: WorkbookSnapshot): WritePlan {
  return planRankingSheets(
    analysis,
    snapshot.sheets.map((s) => s.name),
    { saveSettings: storageSheetState(findSettingsSheet(snapshot)) !== "foreign" },
  );
}
