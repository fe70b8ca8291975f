import { useMemo, useState } from "react";
import { useHost } from "../../host/host-context";
import type { ImportCandidate, ImportFile, ImportInspection } from "../../host/taskpane-host";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { readFilesAsBase64 } from "./read-files";

/** Files waiting for the user's answer: replace the sheets already in the workbook, or keep them. */
type PendingImport = { files: ImportFile[]; existing: string[]; candidates: ImportCandidate[] };

/** A unit whose different copies wait for the user's choice (unit_duplicate), and its sheets. */
export type UndecidedUnit = { unit: string; sheets: string[] };

/** The import tab: read the files, report them, ask before replacing, copy the scoring sheets in. */
export function useImportPanel() {
  const host = useHost();
  const session = useSession();
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [report, setReport] = useState<string[]>([]);
  const [messages, setMessages] = useState<string[]>([]);

  /** One line per picked file (its units with their sheets, or why it cannot be read), then totals. */
  function fileReport(picked: readonly File[], inspection: ImportInspection): string[] {
    const lines: string[] = [];
    const units = new Set<string>();
    for (const file of picked) {
      const problem = inspection.problems.find((p) => p.file === file.name);
      if (problem) {
        lines.push(t("import.fileProblem", { file: file.name, reason: problem.message[lang] }));
        continue;
      }
      const sheets = inspection.candidates.filter((c) => c.file === file.name);
      const found = sheets.flatMap((c) =>
        (c.units ?? []).map((u) => t("import.unitOnSheet", { unit: u, sheet: c.sheet })),
      );
      sheets.forEach((c) => (c.units ?? []).forEach((u) => units.add(u)));
      lines.push(
        sheets.length === 0
          ? t("import.fileNone", { file: file.name })
          : t("import.fileUnits", {
              file: file.name,
              count: found.length || sheets.length,
              units: found.length ? found.join(", ") : sheets.map((c) => c.sheet).join(", "),
            }),
      );
    }
    const bad = inspection.problems.length;
    lines.push(t(bad ? "import.totalBad" : "import.total", { files: picked.length, units: units.size, bad }));
    return lines;
  }

  async function pick(fileList: FileList | null) {
    const chosen = fileList ? Array.from(fileList) : [];
    if (chosen.length === 0) return;
    setMessages([]);
    setReport([]);
    const inspected = await session.run(async () => {
      const files = await readFilesAsBase64(chosen);
      return { files, inspection: await host.inspectImport(files) };
    });
    if (!inspected) return;
    const { files, inspection } = inspected;
    setReport(fileReport(chosen, inspection));
    if (inspection.candidates.length === 0) {
      setMessages([t("import.nothing")]);
      return;
    }
    const readable = files.filter((f) => !inspection.problems.some((p) => p.file === f.name));
    const existing = [...new Set(inspection.candidates.filter((c) => c.exists).map((c) => c.sheet))];
    if (existing.length > 0) setPending({ files: readable, existing, candidates: inspection.candidates });
    else await copyIn(readable, inspection.candidates, false);
  }

  /** "Tự đánh giá (Sở Tư pháp)": a sheet with the units it holds. */
  function describeSheet(sheet: string, candidates: readonly ImportCandidate[]): string {
    const key = sheet.toLowerCase();
    const units = [
      ...new Set(candidates.filter((c) => c.sheet.toLowerCase() === key).flatMap((c) => c.units ?? [])),
    ];
    return units.length ? t("import.sheetUnits", { sheet, units: units.join(", ") }) : sheet;
  }

  async function copyIn(files: ImportFile[], candidates: readonly ImportCandidate[], replace: boolean) {
    setPending(null);
    const outcome = await session.run(() => host.importWorkbooks(files, replace));
    if (!outcome) return;
    const lines: string[] = [];
    if (outcome.imported.length)
      lines.push(
        t("import.done", {
          count: outcome.imported.length,
          names: outcome.imported.map((s) => describeSheet(s, candidates)).join(", "),
        }),
      );
    if (outcome.skipped.length)
      lines.push(t("import.skipped", { count: outcome.skipped.length, names: outcome.skipped.join(", ") }));
    setMessages(lines);
    await session.analyze();
  }

  // Units with different copies wait out of the ranking until the user picks one (settings.sources).
  const undecided = useMemo((): UndecidedUnit[] => {
    const byUnit = new Map<string, string[]>();
    for (const issue of session.analysis?.issues ?? []) {
      if (issue.code !== "unit_duplicate" || !issue.unit || !issue.sheet) continue;
      const sheets = byUnit.get(issue.unit) ?? [];
      if (!sheets.includes(issue.sheet)) sheets.push(issue.sheet);
      byUnit.set(issue.unit, sheets);
    }
    return [...byUnit].map(([unit, sheets]) => ({ unit, sheets }));
  }, [session.analysis]);

  async function choose(unit: string, sheet: string) {
    const result = await session.updateSettings({
      sources: { ...session.settings?.sources, [unit]: sheet },
    });
    if (result) setMessages([t("import.chosen", { unit, sheet })]);
  }

  return {
    busy: session.busy,
    pending,
    report,
    messages,
    undecided,
    pick,
    choose,
    replace: () => (pending ? copyIn(pending.files, pending.candidates, true) : Promise.resolve()),
    keep: () => (pending ? copyIn(pending.files, pending.candidates, false) : Promise.resolve()),
  };
}
