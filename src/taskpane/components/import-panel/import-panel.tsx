import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  useId,
} from "@fluentui/react-components";
import { useRef } from "react";
import { useI18n } from "../../i18n/i18n-context";
import { useImportPanelStyles } from "./import-panel.styles";
import { useImportPanel } from "./use-import-panel";

/** Nhập file đơn vị: copies units' scoring sheets in; replacing one already there needs a yes. */
export function ImportPanel() {
  const state = useImportPanel();
  const { t } = useI18n();
  const styles = useImportPanelStyles();
  const inputId = useId("import-files");
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.root} aria-label={t("tab.import")}>
      <h2 className={styles.heading}>{t("import.title")}</h2>
      <Text size={200}>{t("import.hint")}</Text>
      <div className={styles.picker}>
        {/* The browser's own file button speaks the browser's language; ours speaks the pane's. */}
        <Button appearance="primary" disabled={state.busy} onClick={() => fileInput.current?.click()}>
          {t("import.pick")}
        </Button>
        <input
          ref={fileInput}
          id={inputId}
          aria-label={t("import.pick")}
          tabIndex={-1}
          className={styles.file}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={state.busy}
          onChange={(e) => {
            void state.pick(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </div>
      {state.report.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <ul className={styles.report} aria-label={t("import.title")}>
              {state.report.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.messages.map((m) => (
        <MessageBar key={m} intent="info">
          <MessageBarBody>{m}</MessageBarBody>
        </MessageBar>
      ))}
      {state.undecided.length > 0 && (
        <section className={styles.undecided} aria-label={t("import.undecidedTitle")}>
          <h3 className={styles.heading}>{t("import.undecidedTitle")}</h3>
          {state.undecided.map((u) => (
            <div key={u.unit} className={styles.choice}>
              <Text size={200}>{t("import.undecided", { unit: u.unit })}</Text>
              {u.sheets.map((sheet) => (
                <Button
                  key={sheet}
                  size="small"
                  disabled={state.busy}
                  onClick={() => void state.choose(u.unit, sheet)}
                >
                  {t("import.use", { sheet })}
                </Button>
              ))}
            </div>
          ))}
        </section>
      )}
      <Dialog open={state.pending !== null} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("import.confirmTitle")}</DialogTitle>
            <DialogContent>
              {t("import.confirmBody", { names: state.pending?.existing.join(", ") ?? "" })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void state.replace()}>
                {t("import.replace")}
              </Button>
              <Button onClick={() => void state.keep()}>{t("import.keep")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
