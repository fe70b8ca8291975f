import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { type IssueCode, type Severity, describeIssue } from "../../../core/issues";
import { useI18n } from "../../i18n/i18n-context";
import { hasMessage } from "../../i18n/messages";
import { useCheckPanelStyles } from "./check-panel.styles";
import { type IssueGroup, type PickIssue, useCheckPanel } from "./use-check-panel";

/** Kiểm tra: checks the workbook or the active sheet and lists the issues by unit and sheet. */
export function CheckPanel() {
  const state = useCheckPanel();
  const { t } = useI18n();
  const styles = useCheckPanelStyles();
  return (
    <section className={styles.root} aria-label={t("tab.check")}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void state.checkAll()} disabled={state.busy}>
          {t("check.all")}
        </Button>
        <Button onClick={() => void state.checkActiveSheet()} disabled={state.busy}>
          {t("check.activeSheet")}
        </Button>
      </div>
      {state.checked && <CheckResults state={state} />}
    </section>
  );
}

function CheckResults(props: { state: ReturnType<typeof useCheckPanel> }) {
  const { state } = props;
  const { t } = useI18n();
  const styles = useCheckPanelStyles();
  const scopeLabel =
    state.scope?.kind === "sheet" ? t("check.scopeSheet", { name: state.scope.sheet }) : t("check.scopeAll");
  return (
    <>
      <div className={styles.counts} role="status" aria-label={scopeLabel}>
        <Text weight="semibold">{scopeLabel}</Text>
        <Badge color="danger" appearance={state.counts.error ? "filled" : "outline"}>
          {t("check.errors", { count: state.counts.error })}
        </Badge>
        <Badge color="warning" appearance={state.counts.warning ? "filled" : "outline"}>
          {t("check.warnings", { count: state.counts.warning })}
        </Badge>
      </div>
      {state.counts.error === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("check.clean")}</MessageBarBody>
        </MessageBar>
      )}
      {state.total > 0 && (
        <>
          <div className={styles.filters}>
            <Field label={t("check.severity")}>
              <Select
                value={state.severity}
                onChange={(_e, data) => state.setSeverity(data.value as Severity | "all")}
              >
                <option value="all">{t("check.severityAll")}</option>
                <option value="error">{t("check.severityError")}</option>
                <option value="warning">{t("check.severityWarning")}</option>
              </Select>
            </Field>
            <Field label={t("check.rule")}>
              <Select
                value={state.rule}
                onChange={(_e, data) => state.setRule(data.value as IssueCode | "all")}
              >
                <option value="all">{t("check.ruleAll")}</option>
                {state.rules.map((code) => (
                  <option key={code} value={code}>
                    {ruleName(code, t)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={styles.actions}>
            <Button onClick={() => void state.mark()} disabled={state.busy || state.shownCount === 0}>
              {t("check.mark")}
            </Button>
            <Button onClick={() => void state.unmark()} disabled={state.busy}>
              {t("check.unmark")}
            </Button>
          </div>
          {state.notice && (
            <MessageBar intent="info">
              <MessageBarBody>{state.notice}</MessageBarBody>
            </MessageBar>
          )}
          <Text size={200}>{t("check.shown", { shown: state.shownCount, total: state.total })}</Text>
          <IssueGroups groups={state.groups} onPick={(issue) => void state.goTo(issue)} />
        </>
      )}
    </>
  );
}

function IssueGroups(props: { groups: IssueGroup[]; onPick: PickIssue }) {
  const { t, lang } = useI18n();
  const styles = useCheckPanelStyles();
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const open = props.groups.map((g) => g.key).filter((key) => !closed.has(key));
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_e, data) =>
        setClosed((prev) => {
          const next = new Set(prev);
          if (next.has(String(data.value))) next.delete(String(data.value));
          else next.add(String(data.value));
          return next;
        })
      }
    >
      {props.groups.map((group) => (
        <AccordionItem key={group.key} value={group.key}>
          <AccordionHeader size="small">
            <span className={styles.groupHeader}>
              {groupTitle(group, t)} ({groupCounts(group, t)})
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {group.issues.map((issue, index) => (
                <li key={index}>
                  <button
                    type="button"
                    className={styles.issue}
                    disabled={!issue.sheet}
                    title={
                      issue.sheet && issue.cell
                        ? t("check.goTo", { cell: issue.cell, sheet: issue.sheet })
                        : undefined
                    }
                    onClick={() => props.onPick(issue)}
                  >
                    <span className={styles.cell}>{issue.cell ?? "—"}</span>
                    <Badge
                      className={styles.badge}
                      size="small"
                      color={
                        issue.severity === "error" ? "danger" : issue.severity === "info" ? "informative" : "warning"
                      }
                      appearance="tint"
                    >
                      {issue.severity === "error"
                        ? t("issue.error")
                        : issue.severity === "info"
                          ? t("issue.info")
                          : t("issue.warning")}
                    </Badge>
                    <span className={styles.message}>
                      {issue.criterion ? `${issue.criterion}: ` : ""}
                      {describeIssue(issue, lang)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

/** "2 lỗi, 1 cảnh báo": the same count as the explain tab's (the unit's own issues). */
function groupCounts(group: IssueGroup, t: ReturnType<typeof useI18n>["t"]): string {
  const errors = group.issues.filter((i) => i.severity === "error").length;
  const warnings = group.issues.length - errors;
  return [
    errors > 0 ? t("check.errors", { count: errors }) : null,
    warnings > 0 ? t("check.warnings", { count: warnings }) : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function groupTitle(group: IssueGroup, t: ReturnType<typeof useI18n>["t"]): string {
  if (!group.sheet) return t("check.workbook");
  if (!group.unit || group.unit === group.sheet) return t("common.sheet", { name: group.sheet });
  return t("check.group", { unit: group.unit, sheet: group.sheet });
}

function ruleName(code: IssueCode, t: ReturnType<typeof useI18n>["t"]): string {
  const id = `rule.${code}`;
  return hasMessage(id) ? t(id) : code;
}
