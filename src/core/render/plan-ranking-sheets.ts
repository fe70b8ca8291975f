/**
 * The write plan of a ranking run: one ranking sheet per group, a summary sheet when there are
 * several groups, the deletion of PAR Scorer's earlier sheets that are no longer produced, and
 * the settings to save. Only sheets PAR Scorer wrote earlier are ever replaced.
 */
import type { Analysis } from "../model";
import type { SheetPlan, WritePlan } from "../model";
import { serializeSavedState } from "../saved-settings";
import { planSignature } from "../sheet-ownership";
import { unitIssueCounter } from "../unit-issues";
import { RANKING_SHEET_PREFIX, SUMMARY_SHEET_NAME } from "./layout";
import { planGroupSheet } from "./plan-group-sheet";
import { planSummarySheet } from "./plan-summary-sheet";
import { createSheetNamer } from "./sheet-names";

/**
 * Plans the ranking sheets of an analysis for a workbook whose sheets are `existingSheetNames`.
 * `analysis.generatedSheets` are the sheets PAR Scorer proved its own (sheet-ownership.ts): only
 * those are replaced or deleted. Without `saveSettings` (a person's sheet has the storage sheet's
 * name) the plan saves nothing.
 */
export function planRankingSheets(
  analysis: Analysis,
  existingSheetNames: string[],
  options: { saveSettings: boolean } = { saveSettings: true },
): WritePlan {
  const nameSheet = createSheetNamer(existingSheetNames, analysis.generatedSheets);
  const groups = analysis.groups;
  // Titles show the year found in the workbook when the settings name none; it is not saved.
  const display = { ...analysis.settings, year: analysis.year };
  const summaryName = groups.length > 1 ? nameSheet(SUMMARY_SHEET_NAME) : null;
  const layoutOf = new Map(analysis.units.map((u) => [`${u.unit}\u0000${u.sheet}`, u.layout]));
  const countOf = unitIssueCounter(analysis.issues);
  const groupSheets: SheetPlan[] = groups.map((ranking) => {
    const { name, replaces } = nameSheet(`${RANKING_SHEET_PREFIX}${ranking.group}`);
    // The same count as the check and explain tabs: every issue of the unit's own scores or sheet.
    const errors = new Map(
      ranking.units.map((u) => {
        const layout = layoutOf.get(`${u.result.unit}\u0000${u.result.sheet}`) ?? "matrix";
        return [u, countOf({ unit: u.result.unit, sheet: u.result.sheet, layout })];
      }),
    );
    return planGroupSheet(
      ranking,
      analysis.criteria,
      display,
      name,
      replaces,
      errors,
      analysis.comparison ?? null,
    );
  });
  const sheets = summaryName
    ? [
        planSummarySheet(
          groups,
          groupSheets.map((s) => s.name),
          display,
          summaryName.name,
          summaryName.replaces,
        ),
        ...groupSheets,
      ]
    : groupSheets;

  const written = new Set(sheets.map((s) => s.name.toLowerCase()));
  const existing = new Map(existingSheetNames.map((n) => [n.toLowerCase(), n]));
  const deleteSheets = analysis.generatedSheets
    .filter((n) => !written.has(n.toLowerCase()) && existing.has(n.toLowerCase()))
    .map((n) => existing.get(n.toLowerCase()) as string);
  return {
    sheets,
    deleteSheets: [...new Set(deleteSheets)],
    settingsJson: options.saveSettings
      ? serializeSavedState(
          analysis.settings,
          sheets.map((s) => ({ name: s.name, signature: planSignature(s) })),
        )
      : null,
  };
}
