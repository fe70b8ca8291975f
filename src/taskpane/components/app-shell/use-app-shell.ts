import { useCallback, useEffect, useRef, useState } from "react";
import type { TaskpaneHost } from "../../host/taskpane-host";
import { type Lang, pickLanguage } from "../../i18n/messages";
import { type WorkbookSession, useWorkbookSession } from "../../session/use-workbook-session";

export type TabId = "overview" | "check" | "rank" | "explain" | "import";

export type AppShellState = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  tab: TabId;
  setTab: (tab: TabId) => void;
  tabs: TabId[];
  session: WorkbookSession;
};

/** The pane's state: language (from Office, then the switch), current tab, the shared session. */
export function useAppShell(host: TaskpaneHost): AppShellState {
  const [lang, setLangState] = useState<Lang>(() => pickLanguage(host.displayLanguage));
  const [tab, setTab] = useState<TabId>("overview");
  const session = useWorkbookSession(host, lang);
  const setLang = useCallback((next: Lang) => setLangState(next), []);
  const tabs: TabId[] = ["overview", "check", "rank", "explain"];
  if (host.canImport()) tabs.push("import");

  const { analyze } = session;
  // Read the workbook once when the pane opens, so that the overview has something to show.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void analyze();
  }, [analyze]);

  return { lang, setLang, tab, setTab, tabs, session };
}
