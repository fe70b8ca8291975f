import { useMemo, useState } from "react";
import { compareYears } from "../../../core/compare/compare-years";
import { type PreviousYear, readPreviousYear } from "../../../core/compare/previous-year";
import { readXlsxSnapshot } from "../../host/read-xlsx-snapshot";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { readFilesAsBase64 } from "../import-panel/read-files";
import { usePreviousYear } from "./previous-year-context";

/**
 * Last year's file picked in the Xếp hạng tab: read in the pane (as the import reads agency
 * files), never copied into the workbook; the engine compares it with the current analysis.
 * The file is kept above the tabs for the pane session (PreviousYearProvider), so that switching
 * tabs does not forget it; the rank tab uses it, so that the ranking it writes carries the
 * comparison too.
 */
export function useYearCompare() {
  const { analysis } = useSession();
  const { t } = useI18n();
  const { previous, setPrevious } = usePreviousYear();
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const comparison = useMemo(
    () => (analysis && previous ? compareYears(analysis, previous.year) : null),
    [analysis, previous],
  );

  const pick = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setProblem(null);
    setReading(file.name);
    try {
      const [read] = await readFilesAsBase64([file]);
      let year: PreviousYear | null;
      try {
        year = readPreviousYear(await readXlsxSnapshot(read.base64));
      } catch {
        setProblem(t("compare.unreadable", { name: file.name }));
        return;
      }
      if (!year) setProblem(t("compare.noResults", { name: file.name }));
      else setPrevious({ name: file.name, year });
    } finally {
      setReading(null);
    }
  };

  return {
    analysis,
    fileName: previous?.name ?? null,
    /** Last year's results, for the ranking sheets' "Năm trước" and "Thay đổi" columns. */
    previousYear: previous?.year ?? null,
    source: previous?.year.source ?? null,
    comparison,
    reading,
    problem,
    pick,
    clear: () => setPrevious(null),
  };
}
