import { useState } from "react";
import { useHost } from "../../host/host-context";
import type { ImportFile } from "../../host/taskpane-host";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { readFilesAsBase64 } from "./read-files";

/** Files waiting for the user's answer: replace the sheets already in the workbook, or keep them. */
type PendingImport = { files: ImportFile[]; existing: string[] };

/** The import tab: read the files, ask before replacing, copy the scoring sheets in. */
export function useImportPanel() {
  const host = useHost();
  const session = useSession();
  const { t } = useI18n();
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [messages, setMessages] = useState<string[]>([]);

  async function pick(fileList: FileList | null) {
    const chosen = fileList ? Array.from(fileList) : [];
    if (chosen.length === 0) return;
    setMessages([]);
    const inspected = await session.run(async () => {
      const files = await readFilesAsBase64(chosen);
      return { files, candidates: await host.inspectImport(files) };
    });
    if (!inspected) return;
    if (inspected.candidates.length === 0) {
      setMessages([t("import.nothing")]);
      return;
    }
    const existing = inspected.candidates.filter((c) => c.exists).map((c) => c.sheet);
    if (existing.length > 0) setPending({ files: inspected.files, existing });
    else await copyIn(inspected.files, false);
  }

  async function copyIn(files: ImportFile[], replace: boolean) {
    setPending(null);
    const outcome = await session.run(() => host.importWorkbooks(files, replace));
    if (!outcome) return;
    const lines: string[] = [];
    if (outcome.imported.length)
      lines.push(t("import.done", { count: outcome.imported.length, names: outcome.imported.join(", ") }));
    if (outcome.skipped.length)
      lines.push(t("import.skipped", { count: outcome.skipped.length, names: outcome.skipped.join(", ") }));
    setMessages(lines);
    await session.analyze();
  }

  return {
    busy: session.busy,
    pending,
    messages,
    pick,
    replace: () => (pending ? copyIn(pending.files, true) : Promise.resolve()),
    keep: () => (pending ? copyIn(pending.files, false) : Promise.resolve()),
  };
}
