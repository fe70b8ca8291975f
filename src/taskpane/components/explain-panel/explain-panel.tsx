import { Badge, Field, Link, ProgressBar, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { UnitExplanation } from "../../../core/explain/explain-unit";
import type { GainSummary } from "../../../core/explain/find-gains";
import type { UnitChange } from "../../../core/compare/compare-years";
import { indexChangeText, rankMovementText } from "../../../core/compare/movement-text";
import { useI18n } from "../../i18n/i18n-context";
import { formatIndex, formatPlainPoints } from "../../format";
import { useExplainPanelStyles } from "./explain-panel.styles";
import { type GoToCell, useExplainPanel } from "./use-explain-panel";
import { WhatIfSection } from "./what-if-section";

/** How many of the largest losses the view lists. */
const LOST_SHOWN = 10;

/** Giải thích: why a unit got its index — fields, the biggest losses, criteria not applicable. */
export function ExplainPanel() {
  const state = useExplainPanel();
  const { t } = useI18n();
  const styles = useExplainPanelStyles();
  if (!state.analysis) return <Text>{t("common.noAnalysis")}</Text>;
  return (
    <section className={styles.root} aria-label={t("tab.explain")}>
      <Field label={t("explain.unit")}>
        <Select value={state.unit} onChange={(_e, d) => state.pick(d.value)}>
          {state.units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>
      {state.explanation ? (
        <>
          <Explanation
            explanation={state.explanation}
            gains={state.gains}
            decimals={state.decimals}
            fieldCells={state.fieldCells}
            change={state.change}
            goTo={state.goTo}
          />
          {/* Keyed by unit: the scores tried for one unit are not carried over to another. */}
          <WhatIfSection
            key={state.explanation.unit}
            analysis={state.analysis}
            unit={state.explanation.unit}
          />
        </>
      ) : (
        <Text>{t("explain.notFound")}</Text>
      )}
    </section>
  );
}

function Explanation(props: {
  explanation: UnitExplanation;
  gains: GainSummary | null;
  decimals: number;
  fieldCells: Map<string | null, string>;
  /** The unit's change since last year, when a previous year is picked. */
  change: UnitChange | null;
  goTo: GoToCell;
}) {
  const { explanation: x, decimals, goTo } = props;
  const { t, lang } = useI18n();
  const styles = useExplainPanelStyles();
  const pts = (value: number) => formatPlainPoints(value, lang);
  const [showAll, setShowAll] = useState(false);
  const gainOf = new Map((props.gains?.gains ?? []).map((g) => [g.criterionId, g]));
  const change = props.change;
  const fieldChangeOf = new Map((change?.fields ?? []).map((f) => [f.criterionId, f]));
  const shown = showAll ? x.lostPoints : x.lostPoints.slice(0, LOST_SHOWN);
  return (
    <>
      <div className={styles.summary} role="region" aria-label={x.unit}>
        <Text weight="semibold">
          {t("explain.total", {
            index: formatIndex(x.index, decimals, lang),
            points: pts(x.points),
            max: pts(x.maxPoints),
          })}
        </Text>
        <Text>
          {x.rank === null
            ? t("explain.noRank")
            : t("explain.rank", { rank: x.rank, size: x.groupSize, group: x.group })}
        </Text>
        {change && (
          <Text>
            {change.previous
              ? t("explain.previous", {
                  index: formatIndex(change.previous.index, decimals, lang),
                  rank: change.previous.rank ?? "–",
                  movement: rankMovementText(change) || "–",
                  change: indexChangeText(change.indexChange, decimals, lang) || "–",
                })
              : t("explain.previousNone")}
          </Text>
        )}
        <div className={styles.badges}>
          {x.band && <Badge appearance="filled">{t("explain.band", { band: x.band })}</Badge>}
          {(x.errorCount > 0 || x.warningCount > 0) && (
            <Badge color={x.errorCount > 0 ? "danger" : "warning"} appearance="tint">
              {t("explain.issues", { errors: x.errorCount, warnings: x.warningCount })}
            </Badge>
          )}
        </div>
      </div>

      <h2 className={styles.heading}>{t("explain.fields")}</h2>
      <ul className={styles.list} aria-label={t("explain.fields")}>
        {x.fields.map((f) => {
          const cell = props.fieldCells.get(f.criterionId) ?? null;
          return (
            <li key={f.criterionId} className={styles.item}>
              <Link as="button" className={styles.link} onClick={() => goTo(x.sheet, cell)}>
                {t("explain.fieldLine", { code: f.code, title: f.title })}
              </Link>
              <Text className={styles.detail}>
                {t("explain.fieldValue", {
                  points: pts(f.points),
                  max: pts(f.maxPoints),
                  index: formatIndex(f.index, decimals, lang),
                })}
                {fieldChangeOf.get(f.criterionId)?.change != null &&
                  ` · ${t("explain.fieldPrevious", {
                    index: formatIndex(fieldChangeOf.get(f.criterionId)!.previousIndex, decimals, lang),
                    change: indexChangeText(fieldChangeOf.get(f.criterionId)!.change, decimals, lang),
                  })}`}
              </Text>
              {f.index !== null && (
                <ProgressBar value={Math.max(0, Math.min(1, f.index / 100))} thickness="medium" aria-hidden />
              )}
            </li>
          );
        })}
      </ul>

      <h2 className={styles.heading}>{t("explain.lost")}</h2>
      {x.lostPoints.length === 0 ? (
        <Text>{t("explain.noneLost")}</Text>
      ) : (
        <ol className={styles.list} aria-label={t("explain.lost")}>
          {shown.map((leaf) => (
            <li key={leaf.criterionId} className={styles.item}>
              <Link as="button" className={styles.link} onClick={() => goTo(leaf.sheet, leaf.cell)}>
                {t("explain.lostLine", {
                  code: leaf.code,
                  title: leaf.title,
                  points: pts(leaf.points),
                  max: pts(leaf.maxPoints),
                  lost: pts(leaf.lost),
                })}
              </Link>
              <Text className={styles.detail}>
                {leaf.cell ? `${leaf.cell} · ` : ""}
                {t("explain.selfAppraised", {
                  self: leaf.selfScore === null ? "–" : pts(leaf.selfScore),
                  appraised: leaf.appraisedScore === null ? "–" : pts(leaf.appraisedScore),
                })}
              </Text>
              {gainOf.has(leaf.criterionId) && (
                <Text className={styles.detail}>
                  {t("explain.gainDetail", {
                    field: leaf.fieldCode ?? "–",
                    cell: leaf.cell ? `${leaf.sheet}!${leaf.cell}` : leaf.sheet,
                    index: formatIndex(gainOf.get(leaf.criterionId)?.indexIfFull ?? null, decimals, lang),
                    rank: gainOf.get(leaf.criterionId)?.rankIfFull ?? "–",
                  })}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
      {!showAll && x.lostPoints.length > LOST_SHOWN && (
        <Link as="button" onClick={() => setShowAll(true)}>
          {t("explain.showAll", { count: x.lostPoints.length })}
        </Link>
      )}

      {x.notApplicable.length > 0 && (
        <>
          <h2 className={styles.heading}>{t("explain.notApplicable")}</h2>
          <ul className={styles.list} aria-label={t("explain.notApplicable")}>
            {x.notApplicable.map((leaf) => (
              <li key={leaf.criterionId} className={styles.item}>
                <Link as="button" className={styles.link} onClick={() => goTo(leaf.sheet, leaf.cell)}>
                  {`${leaf.code} ${leaf.title} (${pts(leaf.maxPoints)})`}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
