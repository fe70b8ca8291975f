import { useCallback, useRef, useState } from "react";
import type { Analysis } from "../../core/model";
import type { Settings } from "../../core/settings";
import type { ProgressListener } from "../../core/workbook-port";
import { checkWorkbook } from "../../app/score-workbook";
import type { TaskpaneHost } from "../host/taskpane-host";
import type { Lang } from "../i18n/messages";

export type Progress = { fraction: number; label: string };

/** A task that reports progress and may fail; failures become a sentence for people. */
export type Task<T> = (onProgress: ProgressListener) => Promise<T>;

export type WorkbookSession = {
  /** The last analysis of the workbook (any tab may refresh it). */
  analysis: Analysis | null;
  setAnalysis: (analysis: Analysis) => void;
  /** The settings in force: the saved ones with the task pane's changes. */
  settings: Settings | null;
  busy: boolean;
  progress: Progress | null;
  /** The host's message for the last failure. */
  error: string | null;
  clearError: () => void;
  /** Runs one task at a time, with progress; null when it failed (the error is shown). */
  run: <T>(task: Task<T>) => Promise<T | null>;
  /** Reads and checks the workbook with the current settings. */
  analyze: (settings?: Settings | null) => Promise<Analysis | null>;
  /** Saves changed settings in the workbook, then reads the workbook again with them. */
  updateSettings: (patch: Partial<Settings>) => Promise<Analysis | null>;
};

/** The state every tab shares: analysis, settings in force, progress and the last host error. */
export function useWorkbookSession(host: TaskpaneHost, lang: Lang): WorkbookSession {
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  const settings = analysis?.settings ?? null;

  const run = useCallback(
    async <T>(task: Task<T>): Promise<T | null> => {
      setBusy(true);
      setError(null);
      setProgress({ fraction: 0, label: "" });
      try {
        return await task((fraction, label) => setProgress({ fraction, label }));
      } catch (failure) {
        setError(host.describeError(failure, langRef.current));
        return null;
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [host],
  );

  const analyze = useCallback(
    async (overrides?: Settings | null) => {
      const result = await run((onProgress) =>
        checkWorkbook(host.port, { settings: overrides ?? settings, onProgress }),
      );
      if (result) setAnalysis(result);
      return result;
    },
    [host, run, settings],
  );

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      if (!settings) return null;
      const next: Settings = { ...settings, ...patch };
      const saved = await run(async () => {
        await host.saveSettings(next);
        return true;
      });
      return saved ? analyze(next) : null;
    },
    [host, run, analyze, settings],
  );

  return {
    analysis,
    setAnalysis,
    settings,
    busy,
    progress,
    error,
    clearError: () => setError(null),
    run,
    analyze,
    updateSettings,
  };
}
