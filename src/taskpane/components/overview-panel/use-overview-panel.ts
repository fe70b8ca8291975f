import { useMemo, useState } from "react";
import type { Analysis } from "../../../core/model";
import { columnLetters, fromA1 } from "../../../core/grid";
import type { ColumnMap, ColumnRole, UnitScores } from "../../../core/model";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";

/** Roles the overview lets people remap, per kind of sheet. */
export const CRITERIA_ROLES = ["code", "title", "maxPoints"] as const satisfies readonly ColumnRole[];
export const SCORING_ROLES = [
  "code",
  "maxPoints",
  "selfScore",
  "appraisedScore",
  "evidence",
  "explanation",
] as const satisfies readonly ColumnRole[];

export type MappedRole = (typeof SCORING_ROLES)[number] | (typeof CRITERIA_ROLES)[number];
export type ColumnDraft = {
  criteria: Partial<Record<MappedRole, string>>;
  scoring: Partial<Record<MappedRole, string>>;
};

const LETTERS = /^[A-Za-z]{1,3}$/;

/** The overview tab: what was detected, and the corrections saved in the workbook. */
export function useOverviewPanel() {
  const session = useSession();
  const { t } = useI18n();
  const { analysis, settings } = session;
  const [notice, setNotice] = useState<string | null>(null);
  const [columnError, setColumnError] = useState<string | null>(null);

  const sheetNames = useMemo(() => (analysis ? allSheets(analysis) : []), [analysis]);
  const detected = useMemo(() => (analysis ? detectedColumns(analysis) : null), [analysis]);

  const units = useMemo(() => {
    if (!analysis) return [];
    const groupOf = new Map(analysis.results.map((r) => [r.unit, r.group]));
    return analysis.units.map((u) => ({ unit: u.unit, sheet: u.sheet, group: groupOf.get(u.unit) ?? "" }));
  }, [analysis]);

  const groups = useMemo(() => [...new Set(units.map((u) => u.group).filter(Boolean))].sort(), [units]);

  async function save(patch: Parameters<typeof session.updateSettings>[0]) {
    setNotice(null);
    const result = await session.updateSettings(patch);
    if (result) setNotice(t("overview.saved"));
  }

  async function pickCriteriaSheet(sheet: string) {
    if (!settings) return;
    await save({ sheets: { ...settings.sheets, criteria: sheet || null } });
  }

  async function setUnitGroup(unit: string, group: string) {
    if (!settings || !unit || !group.trim()) return;
    await save({ unitGroups: { ...settings.unitGroups, [unit]: group.trim() } });
  }

  /** Saves the columns that differ from those detected; blank letters return a role to detection. */
  async function saveColumns(draft: ColumnDraft) {
    if (!settings || !detected) return;
    const all = [...Object.values(draft.criteria), ...Object.values(draft.scoring)];
    if (all.some((v) => v && !LETTERS.test(v.trim()))) {
      setColumnError(t("overview.columnInvalid"));
      return;
    }
    setColumnError(null);
    await save({
      columns: {
        criteria: overrides(draft.criteria, detected.criteria, settings.columns.criteria),
        scoring: overrides(draft.scoring, detected.scoring, settings.columns.scoring),
      },
    });
  }

  return {
    analysis,
    busy: session.busy,
    sheetNames,
    detected,
    units,
    groups,
    notice,
    columnError,
    pickCriteriaSheet,
    setUnitGroup,
    saveColumns,
  };
}

/** Every sheet the engine saw, in its layout's order. */
function allSheets(analysis: Analysis): string[] {
  const l = analysis.layout;
  const names = [
    l.criteriaSheet,
    ...l.unitSheets,
    ...l.matrixSheets,
    l.unitsListSheet,
    l.surveySheet,
    ...l.ignoredSheets,
  ];
  return [...new Set(names.filter((n): n is string => !!n))];
}

/** Column letters by role as the engine read them. */
function detectedColumns(analysis: Analysis): ColumnDraft {
  const criteria: ColumnDraft["criteria"] = {};
  const map: ColumnMap = analysis.criteria?.columns ?? {};
  for (const role of CRITERIA_ROLES) {
    const col = map[role];
    if (col !== undefined) criteria[role] = columnLetters(col);
  }
  return { criteria, scoring: scoringColumns(analysis.units[0]) };
}

/** The scoring columns of the first unit sheet, from the cells its rows were read from. */
function scoringColumns(unit: UnitScores | undefined): ColumnDraft["scoring"] {
  const out: ColumnDraft["scoring"] = {};
  if (!unit || unit.layout !== "unitSheet") return out;
  const letters = (cell: string) => columnLetters(fromA1(cell).col);
  for (const row of unit.rows) {
    out.code ??= letters(row.codeCell);
    if (row.maxPoints) out.maxPoints ??= letters(row.maxPoints.cell);
    if (row.selfScore) out.selfScore ??= letters(row.selfScore.cell);
    if (row.appraisedScore) out.appraisedScore ??= letters(row.appraisedScore.cell);
    if (row.evidence) out.evidence ??= letters(row.evidence.cell);
    if (row.explanation) out.explanation ??= letters(row.explanation.cell);
  }
  return out;
}

/** The saved overrides after an edit: kept or changed where letters are typed, dropped where blank. */
function overrides(
  draft: Partial<Record<MappedRole, string>>,
  detected: Partial<Record<MappedRole, string>>,
  saved: Partial<Record<ColumnRole, string>>,
): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = { ...saved };
  for (const [role, value] of Object.entries(draft) as [MappedRole, string | undefined][]) {
    const letters = value?.trim().toUpperCase() ?? "";
    if (!letters) delete out[role];
    else if (letters !== detected[role] || saved[role]) out[role] = letters;
  }
  return out;
}
