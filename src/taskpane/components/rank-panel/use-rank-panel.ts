import { useEffect, useMemo, useState } from "react";
import type { Analysis } from "../../../core/model";
import type { WritePlan } from "../../../core/model";
import type { Band, Settings } from "../../../core/settings";
import { rankWorkbook } from "../../../app/score-workbook";
import type { PreviousYear } from "../../../core/compare/previous-year";
import { useHost } from "../../host/host-context";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { formatBandsText, parseBandsText } from "./bands-text";
import { type FrameDraft, draftToFrame, frameToDraft } from "./frame-text";

/** The ranking choices at hand; the rest of the settings stay as saved. */
export type RankDraft = Pick<Settings, "scoreSource" | "notApplicable" | "tieBreak" | "decimals"> & {
  year: string;
  /** Whose bands the text box edits: "" for the default bands, else a group's name. */
  bandsGroup: string;
  bandsText: string;
  /** The printed frame's text boxes (frame-text.ts). */
  frame: FrameDraft;
};

type BandsDraft = { defaults: Band[]; byGroup: Record<string, Band[]> };

export type OpenSheet = (sheet: string) => void;

/** A change to some of the frame's text boxes. */
export type FrameChange = (change: Partial<FrameDraft>) => void;

/** What the last ranking wrote. */
export type RankOutcome = { analysis: Analysis; plan: WritePlan };

/** The rank tab: the draft settings, the run, and the summary of what was written. */
export function useRankPanel() {
  const host = useHost();
  const session = useSession();
  const { t, lang } = useI18n();
  const { settings } = session;
  const [draft, setDraft] = useState<RankDraft | null>(null);
  const [bands, setBands] = useState<BandsDraft | null>(null);
  const [outcome, setOutcome] = useState<RankOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Start from the saved settings once they are known.
  useEffect(() => {
    if (!settings || draft) return;
    setBands({ defaults: settings.defaultBands, byGroup: settings.bandsByGroup });
    setDraft({
      scoreSource: settings.scoreSource,
      notApplicable: settings.notApplicable,
      tieBreak: settings.tieBreak,
      decimals: settings.decimals,
      year: settings.year === null ? "" : String(settings.year),
      bandsGroup: "",
      bandsText: formatBandsText(settings.defaultBands, lang),
      frame: frameToDraft(settings.frame),
    });
  }, [settings, draft, lang]);

  const groups = useMemo(
    () => [...new Set(session.analysis?.results.map((r) => r.group) ?? [])].sort(),
    [session.analysis],
  );

  function update(patch: Partial<RankDraft>) {
    setDraft((prev) => (prev ? { ...prev, ...patch } : prev));
  }

  /** The bands with the text box folded into the entry it edits; null (and a message) when unreadable. */
  function commitBands(): BandsDraft | null {
    if (!draft || !bands) return null;
    const parsed = parseBandsText(draft.bandsText);
    if (!parsed) {
      setProblem(t("rank.bandsInvalid"));
      return null;
    }
    setProblem(null);
    return draft.bandsGroup
      ? { ...bands, byGroup: { ...bands.byGroup, [draft.bandsGroup]: parsed } }
      : { ...bands, defaults: parsed };
  }

  /** Switching the group keeps what was typed for the previous one and shows the new one's bands. */
  function pickBandsGroup(group: string) {
    const next = commitBands();
    if (!next) return;
    setBands(next);
    const shown = group ? (next.byGroup[group] ?? next.defaults) : next.defaults;
    update({ bandsGroup: group, bandsText: formatBandsText(shown, lang) });
  }

  /** Writes the ranking; with last year's results, the sheets gain its columns. */
  async function rank(previous: PreviousYear | null = null) {
    if (!settings || !draft) return;
    const committed = commitBands();
    if (!committed) return;
    const year = draft.year.trim() === "" ? null : Number(draft.year);
    if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
      setProblem(t("rank.yearInvalid"));
      return;
    }
    setBands(committed);
    const next: Settings = {
      ...settings,
      scoreSource: draft.scoreSource,
      notApplicable: draft.notApplicable,
      tieBreak: draft.tieBreak,
      decimals: draft.decimals,
      year,
      defaultBands: committed.defaults,
      bandsByGroup: committed.byGroup,
      frame: draftToFrame(draft.frame),
    };
    const result = await session.run((onProgress) =>
      rankWorkbook(host.port, { settings: next, onProgress, previous }),
    );
    if (!result) return;
    session.setAnalysis(result.analysis);
    setOutcome(result);
    // The printed result first: the first ranking sheet comes to the front.
    const first = result.plan.sheets.find((s) => s.purpose === "ranking") ?? result.plan.sheets[0];
    if (first) await session.run(() => host.goTo(first.name, null));
  }

  function updateFrame(patch: Partial<FrameDraft>) {
    setDraft((prev) => (prev ? { ...prev, frame: { ...prev.frame, ...patch } } : prev));
  }

  async function openSheet(sheet: string) {
    await session.run(() => host.goTo(sheet, null));
  }

  /** The year the engine found in the sheets' titles, shown when none is set. */
  const detectedYear = session.analysis?.year ?? null;

  return {
    draft,
    update,
    updateFrame,
    pickBandsGroup,
    groups,
    detectedYear,
    problem,
    busy: session.busy,
    outcome,
    rank,
    openSheet,
  };
}
