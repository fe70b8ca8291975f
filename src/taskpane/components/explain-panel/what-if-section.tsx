import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { describeIssue } from "../../../core/issues";
import type { Analysis } from "../../../core/model";
import { useI18n } from "../../i18n/i18n-context";
import { formatIndex, formatPlainPoints } from "../../format";
import { useExplainPanelStyles } from "./explain-panel.styles";
import { useWhatIf } from "./use-what-if";

/** Thử điểm khác: type another score for any leaf of the unit and see its new result (pane only). */
export function WhatIfSection(props: { analysis: Analysis; unit: string }) {
  const { analysis, unit } = props;
  const state = useWhatIf(analysis, unit);
  const { t, lang } = useI18n();
  const styles = useExplainPanelStyles();
  const decimals = analysis.settings.decimals;
  const pts = (v: number | null) => (v === null ? t("explain.whatIfNone") : formatPlainPoints(v, lang));
  const leaf = state.leaves.find((l) => l.id === state.leafId);
  const outcome = state.outcome;
  if (!leaf || !outcome) return null;
  const { before, after } = outcome;
  const leafText = (l: (typeof state.leaves)[number]) =>
    t("explain.whatIfLeafOption", { code: l.code, title: l.title, max: pts(l.maxPoints) });
  const rank = (r: number | null) => (r === null ? t("explain.whatIfNone") : String(r));
  return (
    <section className={styles.summary} aria-label={t("explain.whatIf")}>
      <h2 className={styles.heading}>{t("explain.whatIf")}</h2>
      <Text size={200}>{t("explain.whatIfHint")}</Text>
      {/* The list shows a long title cut at the pane's edge: the chosen one is written out in full below. */}
      <Field label={t("explain.whatIfLeaf")} hint={leafText(leaf)}>
        <Select value={state.leafId} onChange={(_e, d) => state.pickLeaf(d.value)}>
          {state.leaves.map((l) => (
            <option key={l.id} value={l.id}>
              {leafText(l)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("explain.whatIfScore")}
        hint={t("explain.whatIfCounted", { points: pts(leaf.points) })}
        validationState={state.problem ? "error" : "none"}
        validationMessage={state.problem ? describeIssue(state.problem, lang) : undefined}
      >
        <Input value={state.value} onChange={(_e, d) => state.type(d.value)} inputMode="decimal" />
      </Field>
      {state.tried.length > 0 && (
        <>
          <span className={styles.detail}>{t("explain.whatIfTried")}</span>
          <ul className={styles.list} aria-label={t("explain.whatIfTried")}>
            {state.tried.map((x) => (
              <li key={x.id} className={styles.tried}>
                <Text>{t("explain.whatIfTriedLine", { code: x.code, value: x.value })}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t("explain.whatIfRemove", { code: x.code })}
                  onClick={() => state.remove(x.id)}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ul>
          <Button onClick={state.reset}>{t("explain.whatIfReset")}</Button>
        </>
      )}
      <div role="status" aria-label={t("explain.whatIfResult")} className={styles.summary}>
        <Text weight="semibold">{t("explain.whatIfResult")}</Text>
        <Text>{t("explain.whatIfPoints", { before: pts(before.points), after: pts(after.points) })}</Text>
        <Text>
          {t("explain.whatIfIndex", {
            before: formatIndex(before.index, decimals, lang),
            after: formatIndex(after.index, decimals, lang),
          })}
        </Text>
        <Text>
          {t("explain.whatIfRank", {
            before: rank(before.rank),
            after: rank(after.rank),
            size: after.groupSize,
          })}
        </Text>
        <Text>
          {t("explain.whatIfBand", {
            before: before.band ?? t("explain.whatIfNone"),
            after: after.band ?? t("explain.whatIfNone"),
          })}
        </Text>
      </div>
    </section>
  );
}
