import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { useStatusBarStyles } from "./status-bar.styles";

/** Progress of the running task and the last host error, above every panel. */
export function StatusBar() {
  const { t } = useI18n();
  const session = useSession();
  const styles = useStatusBarStyles();
  const { progress, error } = session;
  if (!progress && !error) return null;
  return (
    <div className={styles.root} aria-live="polite">
      {progress && (
        <Field validationMessage={progress.label || t("common.reading")} validationState="none">
          <ProgressBar value={progress.fraction} max={1} thickness="large" aria-label={progress.label} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("common.error")}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={session.clearError}>
              {t("common.close")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
