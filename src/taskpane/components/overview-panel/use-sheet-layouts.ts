/**
 * State of the "how each sheet is read" part of the Tổng quan tab: what detection found per sheet
 * (analysis.layout.sheetLayouts), the layout problems the engine reported about it, and the
 * corrections saved in the workbook's settings (settings.sheetLayouts). No reading rule lives
 * here: the pane saves the correction and the engine reads the workbook again.
 */
import { useMemo, useState } from "react";
import type { Issue } from "../../../core/issues";
import type { DetectedSheetLayout } from "../../../core/model";
import { type Settings, parseSettings } from "../../../core/settings";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";

export type SheetLayoutOverride = Settings["sheetLayouts"][string];

/** What a person typed in a sheet's correction form; "" leaves the field to detection. */
export type LayoutDraft = {
  kind: "" | NonNullable<SheetLayoutOverride["kind"]>;
  orientation: "" | NonNullable<SheetLayoutOverride["orientation"]>;
  headerFirst: string;
  headerLast: string;
  codeColumn: string;
  codeRow: string;
};

/** Issue codes that say a sheet's layout was not understood (the ways to fix it are in this tab). */
const LAYOUT_CODES: readonly string[] = [
  "layout_implausible",
  "scoring_column_missing",
  "criteria_header_not_found",
  "criteria_column_missing",
];

export type SheetLayoutItem = {
  detected: DetectedSheetLayout;
  /** The correction saved for the sheet, if any. */
  saved: SheetLayoutOverride | null;
  /** Layout problems reported about the sheet. */
  problems: Issue[];
};

/** The draft for a sheet: its saved correction, blank where detection decides. */
export function draftOf(saved: SheetLayoutOverride | null): LayoutDraft {
  return {
    kind: saved?.kind ?? "",
    orientation: saved?.orientation ?? "",
    headerFirst: saved?.headerRows ? String(saved.headerRows[0]) : "",
    headerLast: saved?.headerRows ? String(saved.headerRows[1]) : "",
    codeColumn: saved?.codeColumn ?? "",
    codeRow: saved?.codeRow === undefined ? "" : String(saved.codeRow),
  };
}

/** A whole number typed in a field, or NaN (refused by the settings schema) when it is not one. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The correction a draft asks for (only the fields filled in), or null when it asks for none. */
export function overrideOf(draft: LayoutDraft): SheetLayoutOverride | null {
  const out: SheetLayoutOverride = {};
  if (draft.kind) out.kind = draft.kind;
  if (draft.orientation) out.orientation = draft.orientation;
  const first = draft.headerFirst.trim();
  const last = draft.headerLast.trim() || first;
  if (first) out.headerRows = [wholeNumber(first), wholeNumber(last)];
  if (draft.codeColumn.trim()) out.codeColumn = draft.codeColumn.trim().toUpperCase();
  if (draft.codeRow.trim()) out.codeRow = wholeNumber(draft.codeRow);
  return Object.keys(out).length ? out : null;
}

export function useSheetLayouts() {
  const session = useSession();
  const { t, lang } = useI18n();
  const { analysis, settings } = session;
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const items = useMemo((): SheetLayoutItem[] => {
    if (!analysis) return [];
    const corrections = analysis.settings.sheetLayouts ?? {};
    return (analysis.layout.sheetLayouts ?? [])
      .filter((d) => d.kind !== "generated")
      .map((detected) => ({
        detected,
        saved: corrections[detected.sheet] ?? null,
        problems: analysis.issues.filter((i) => i.sheet === detected.sheet && LAYOUT_CODES.includes(i.code)),
      }));
  }, [analysis]);

  const problemCount = items.filter((i) => i.problems.length > 0).length;

  /**
   * Saves a sheet's correction (none: the sheet goes back to detection) and reads the workbook
   * again. A correction the settings refuse (rows that are not whole numbers, letters that are
   * not a column) is shown under the form and nothing is saved.
   */
  async function save(sheet: string, draft: LayoutDraft | null): Promise<boolean> {
    if (!settings) return false;
    const next = { ...settings.sheetLayouts };
    const override = draft ? overrideOf(draft) : null;
    if (override) next[sheet] = override;
    else delete next[sheet];
    const checked = parseSettings({ ...settings, sheetLayouts: next }, lang);
    if (checked.problems.length) {
      const detail = checked.problems.map((p) => p.message).join("; ");
      setErrors((prev) => ({ ...prev, [sheet]: t("layouts.invalid", { detail }) }));
      return false;
    }
    setErrors((prev) => {
      const rest = { ...prev };
      delete rest[sheet];
      return rest;
    });
    setSaved(null);
    setSaving(sheet);
    const result = await session.updateSettings({ sheetLayouts: next });
    setSaving(null);
    if (result) setSaved(sheet);
    return result !== null;
  }

  return { items, problemCount, busy: session.busy, saving, saved, errors, save };
}
