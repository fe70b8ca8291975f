import {
  FluentProvider,
  Switch,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { HostProvider } from "../../host/host-context";
import type { TaskpaneHost } from "../../host/taskpane-host";
import { I18nProvider } from "../../i18n/i18n-context";
import { makeTranslate } from "../../i18n/messages";
import { SessionProvider } from "../../session/session-context";
import { CheckPanel } from "../check-panel/check-panel";
import { ExplainPanel } from "../explain-panel/explain-panel";
import { ImportPanel } from "../import-panel/import-panel";
import { OverviewPanel } from "../overview-panel/overview-panel";
import { RankPanel } from "../rank-panel/rank-panel";
import { StatusBar } from "../status-bar/status-bar";
import { PreviousYearProvider } from "../year-compare/previous-year-context";
import { useAppShellStyles } from "./app-shell.styles";
import { type TabId, useAppShell } from "./use-app-shell";

const PANELS: Record<TabId, () => JSX.Element> = {
  overview: OverviewPanel,
  check: CheckPanel,
  rank: RankPanel,
  explain: ExplainPanel,
  import: ImportPanel,
};

/** The whole task pane: theme, language switch, tabs and the current panel. */
export function AppShell(props: { host: TaskpaneHost }) {
  const { host } = props;
  const state = useAppShell(host);
  const styles = useAppShellStyles();
  const t = makeTranslate(state.lang);
  const Panel = PANELS[state.tab];
  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme} lang={state.lang}>
      <HostProvider host={host}>
        <I18nProvider lang={state.lang} setLang={state.setLang}>
          <SessionProvider session={state.session}>
            <PreviousYearProvider>
              <div className={styles.root}>
                <header className={styles.header}>
                  <h1 className={styles.title}>{t("app.title")}</h1>
                  <Switch
                    label={t("app.language")}
                    checked={state.lang === "en"}
                    onChange={(_e, data) => state.setLang(data.checked ? "en" : "vi")}
                  />
                </header>
                <TabList
                  className={styles.tabs}
                  aria-label={t("app.tabs")}
                  selectedValue={state.tab}
                  onTabSelect={(_e, data) => state.setTab(data.value as TabId)}
                  size="small"
                >
                  {state.tabs.map((id) => (
                    <Tab key={id} value={id} id={`tab-${id}`} aria-controls="panel">
                      {t(`tab.${id}`)}
                    </Tab>
                  ))}
                </TabList>
                <main
                  id="panel"
                  role="tabpanel"
                  aria-labelledby={`tab-${state.tab}`}
                  className={styles.panel}
                >
                  <StatusBar />
                  <Panel />
                </main>
              </div>
            </PreviousYearProvider>
          </SessionProvider>
        </I18nProvider>
      </HostProvider>
    </FluentProvider>
  );
}
