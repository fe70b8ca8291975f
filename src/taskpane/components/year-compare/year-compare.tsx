import { Badge, Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useRef } from "react";
import type { UnitChange, YearComparison } from "../../../core/compare/compare-years";
import { useI18n } from "../../i18n/i18n-context";
import { formatIndex, formatNumber } from "../../format";
import { useYearCompareStyles } from "./year-compare.styles";
import { useYearCompare } from "./use-year-compare";

export type YearCompareState = ReturnType<typeof useYearCompare>;

/**
 * So với năm trước: pick last year's file and see how each unit moved, group by group. The rank
 * tab passes its own state, so that the ranking it writes gains the movement columns.
 */
export function YearCompare(props: { state: YearCompareState }) {
  const { state } = props;
  const { t } = useI18n();
  const styles = useYearCompareStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  if (!state.analysis) return null;
  return (
    <section className={styles.root} aria-label={t("compare.title")}>
      <h2 className={styles.heading}>{t("compare.title")}</h2>
      <Text size={200}>{t("compare.hint")}</Text>
      <div className={styles.picker}>
        <Button disabled={state.reading !== null} onClick={() => fileInput.current?.click()}>
          {t("compare.pick")}
        </Button>
        <input
          ref={fileInput}
          aria-label={t("compare.pick")}
          tabIndex={-1}
          className={styles.file}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            void state.pick(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        {state.comparison && <Button onClick={state.clear}>{t("compare.clear")}</Button>}
      </div>
      {state.reading && <Spinner size="tiny" label={t("compare.reading", { name: state.reading })} />}
      {state.problem && (
        <MessageBar intent="error">
          <MessageBarBody>{state.problem}</MessageBarBody>
        </MessageBar>
      )}
      {state.comparison && state.fileName && state.source && (
        <>
          <Text weight="semibold">
            {t("compare.file", { name: state.fileName, source: t(`compare.source.${state.source}`) })}
          </Text>
          <Movement comparison={state.comparison} decimals={state.analysis.settings.decimals} />
        </>
      )}
    </section>
  );
}

function Movement(props: { comparison: YearComparison; decimals: number }) {
  const { comparison, decimals } = props;
  const { t, lang } = useI18n();
  const styles = useYearCompareStyles();
  return (
    <>
      {comparison.criteria.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("compare.criteria", { count: comparison.criteria.length })}
            <ul aria-label={t("compare.criteria", { count: comparison.criteria.length })}>
              {comparison.criteria.map((d) => (
                <li key={`${d.kind}-${d.criterionId}`}>{criterionLine(d, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {comparison.groups.map((g) => {
        const title =
          g.previousGroup && g.previousGroup !== g.group
            ? t("compare.groupWas", { group: g.group, previous: g.previousGroup })
            : t("compare.group", { group: g.group });
        return (
          <article key={g.group} className={styles.group} aria-label={title}>
            <h3 className={styles.groupTitle}>{title}</h3>
            <ol className={styles.list} aria-label={title}>
              {comparison.units
                .filter((u) => u.group === g.group)
                .map((u) => (
                  <UnitMovement key={u.unit} change={u} decimals={decimals} />
                ))}
            </ol>
          </article>
        );
      })}
      {comparison.vanished.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("compare.vanished", { names: comparison.vanished.map((v) => v.unit).join("; ") })}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  function criterionLine(d: YearComparison["criteria"][number], language: typeof lang): string {
    const n = (v: number | null) => (v === null ? "–" : formatNumber(v, decimalsOf(v), language));
    if (d.kind === "added") return `${d.code} ${d.title}: + (${n(d.maxPoints)})`;
    if (d.kind === "removed") return `${d.code} ${d.title}: − (${n(d.previousMaxPoints)})`;
    return `${d.code} ${d.title}: ${n(d.previousMaxPoints)} → ${n(d.maxPoints)}`;
  }
}

function UnitMovement(props: { change: UnitChange; decimals: number }) {
  const { change: u, decimals } = props;
  const { t, lang } = useI18n();
  const styles = useYearCompareStyles();
  const signed = (v: number) => {
    const shown = formatNumber(Math.abs(v), decimals, lang);
    if (Number(formatNumber(Math.abs(v), decimals, "en")) === 0) return shown;
    return v > 0 ? `+${shown}` : `−${shown}`;
  };
  return (
    <li className={styles.item}>
      <span className={styles.line}>
        <span className={styles.name}>
          {t("compare.unitLine", {
            rank: u.rank ?? "–",
            unit: u.unit,
            index: formatIndex(u.index, decimals, lang),
          })}
        </span>
        <MovementBadge change={u} />
      </span>
      <Text className={styles.detail}>
        {u.previous
          ? t("compare.previousLine", {
              index: formatIndex(u.previous.index, decimals, lang),
              rank: u.previous.rank ?? "–",
            })
          : t("compare.previousNone")}
        {u.indexChange !== null && ` · ${t("compare.indexChange", { change: signed(u.indexChange) })}`}
      </Text>
    </li>
  );
}

function MovementBadge(props: { change: UnitChange }) {
  const { t } = useI18n();
  const { match, rankChange } = props.change;
  if (match === "new")
    return (
      <Badge size="small" appearance="tint" color="informative">
        {t("compare.new")}
      </Badge>
    );
  if (rankChange === null) return null;
  if (rankChange > 0)
    return (
      <Badge size="small" appearance="tint" color="success" aria-label={t("compare.up", { n: rankChange })}>
        {`▲${rankChange}`}
      </Badge>
    );
  if (rankChange < 0)
    return (
      <Badge size="small" appearance="tint" color="danger" aria-label={t("compare.down", { n: -rankChange })}>
        {`▼${-rankChange}`}
      </Badge>
    );
  return (
    <Badge size="small" appearance="tint" aria-label={t("compare.same")}>
      =
    </Badge>
  );
}

function decimalsOf(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(s.length - dot - 1, 3);
}
