import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
} from "@fluentui/react-components";
import type { GroupRanking, RankedUnit } from "../../../core/model";
import { indexFigure } from "../../../core/format-number";
import { explainTies } from "../../../core/render/display-ties";
import type { Settings } from "../../../core/settings";
import { useI18n } from "../../i18n/i18n-context";
import { formatIndex } from "../../format";
import { useRankPanelStyles } from "./rank-panel.styles";
import { useYearCompare } from "../year-compare/use-year-compare";
import { YearCompare } from "../year-compare/year-compare";
import {
  type FrameChange,
  type OpenSheet,
  type RankDraft,
  type RankOutcome,
  useRankPanel,
} from "./use-rank-panel";

/** Xếp hạng: the ranking settings, one button that writes the sheets, then a summary per group. */
export function RankPanel() {
  const state = useRankPanel();
  // Last year's file, when picked: shown below, and its columns go into the sheets written.
  const compare = useYearCompare();
  const { t } = useI18n();
  const styles = useRankPanelStyles();
  const { draft } = state;
  if (!draft) return <Text>{t("common.noAnalysis")}</Text>;
  return (
    <section className={styles.root} aria-label={t("tab.rank")}>
      <form
        className={styles.form}
        aria-label={t("rank.settings")}
        onSubmit={(e) => {
          e.preventDefault();
          void state.rank(compare.previousYear);
        }}
      >
        <Field label={t("rank.scoreSource")}>
          <Select
            value={draft.scoreSource}
            onChange={(_e, d) => state.update({ scoreSource: d.value as RankDraft["scoreSource"] })}
          >
            <option value="appraised">{t("rank.scoreSource.appraised")}</option>
            <option value="self">{t("rank.scoreSource.self")}</option>
          </Select>
        </Field>
        <Field label={t("rank.notApplicable")}>
          <Select
            value={draft.notApplicable}
            onChange={(_e, d) => state.update({ notApplicable: d.value as RankDraft["notApplicable"] })}
          >
            <option value="exclude">{t("rank.notApplicable.exclude")}</option>
            <option value="fullPoints">{t("rank.notApplicable.fullPoints")}</option>
          </Select>
        </Field>
        <Field label={t("rank.tieBreak")}>
          <Select
            value={draft.tieBreak}
            onChange={(_e, d) => state.update({ tieBreak: d.value as RankDraft["tieBreak"] })}
          >
            <option value="shared">{t("rank.tieBreak.shared")}</option>
            <option value="points">{t("rank.tieBreak.points")}</option>
            <option value="name">{t("rank.tieBreak.name")}</option>
          </Select>
        </Field>
        <div className={styles.pair}>
          <Field label={t("rank.decimals")}>
            <Select
              value={String(draft.decimals)}
              onChange={(_e, d) => state.update({ decimals: Number(d.value) })}
            >
              {[0, 1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("rank.year")}>
            <Input
              inputMode="numeric"
              placeholder={state.detectedYear === null ? undefined : String(state.detectedYear)}
              value={draft.year}
              onChange={(_e, d) => state.update({ year: d.value })}
            />
          </Field>
        </div>
        <Field label={t("rank.bandsGroup")}>
          <Select value={draft.bandsGroup} onChange={(_e, d) => state.pickBandsGroup(d.value)}>
            <option value="">{t("rank.bandsDefault")}</option>
            {state.groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("rank.bands")} hint={t("rank.bandsHint")}>
          <Input value={draft.bandsText} onChange={(_e, d) => state.update({ bandsText: d.value })} />
        </Field>
        <FrameFields draft={draft} onChange={state.updateFrame} />
        {state.problem && (
          <MessageBar intent="error">
            <MessageBarBody>{state.problem}</MessageBarBody>
          </MessageBar>
        )}
        <Button appearance="primary" type="submit" disabled={state.busy}>
          {t("rank.run")}
        </Button>
      </form>
      {state.outcome && <RankSummary outcome={state.outcome} onOpen={(s) => void state.openSheet(s)} />}
      <YearCompare state={compare} />
    </section>
  );
}

/** The printed appendix's frame: each part optional, saved with the settings in the workbook. */
function FrameFields(props: { draft: RankDraft; onChange: FrameChange }) {
  const { t } = useI18n();
  const frame = props.draft.frame;
  const area = (key: "issuer" | "appendix" | "title" | "notes" | "signatures", rows: number) => (
    <Field label={t(`rank.frame.${key}`)}>
      <Textarea
        resize="vertical"
        rows={rows}
        value={frame[key]}
        onChange={(_e, d) => props.onChange({ [key]: d.value })}
      />
    </Field>
  );
  return (
    <Accordion collapsible>
      <AccordionItem value="frame">
        <AccordionHeader size="small">{t("rank.frame")}</AccordionHeader>
        <AccordionPanel>
          <Text size={200}>{t("rank.frameHint")}</Text>
          {area("issuer", 2)}
          {area("appendix", 2)}
          {area("title", 2)}
          {area("notes", 2)}
          <Field label={t("rank.frame.placeAndDate")}>
            <Input value={frame.placeAndDate} onChange={(_e, d) => props.onChange({ placeAndDate: d.value })} />
          </Field>
          {area("signatures", 4)}
          <Field label={t("rank.frame.font")}>
            <Input value={frame.font} onChange={(_e, d) => props.onChange({ font: d.value })} />
          </Field>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function RankSummary(props: { outcome: RankOutcome; onOpen: OpenSheet }) {
  const { outcome } = props;
  const { t } = useI18n();
  const styles = useRankPanelStyles();
  const written = outcome.plan.sheets;
  const flagged = outcome.analysis.results.filter((r) => r.errorCount > 0).length;
  return (
    <div className={styles.form} role="region" aria-label={t("rank.summary")}>
      <MessageBar intent="success">
        <MessageBarBody>{t("rank.done", { count: written.length })}</MessageBarBody>
      </MessageBar>
      {flagged > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("rank.unitsWithErrors", { count: flagged })}</MessageBarBody>
        </MessageBar>
      )}
      <h2 className={styles.heading}>{t("rank.summary")}</h2>
      {outcome.analysis.groups.map((group) => (
        <GroupSummary
          key={group.group}
          group={group}
          decimals={outcome.analysis.settings.decimals}
          tieBreak={outcome.analysis.settings.tieBreak}
          sheet={written.find((s) => s.purpose === "ranking" && s.group === group.group)?.name ?? null}
          onOpen={props.onOpen}
        />
      ))}
      {written
        .filter((s) => s.purpose === "summary")
        .map((s) => (
          <Link key={s.name} as="button" onClick={() => props.onOpen(s.name)}>
            {t("rank.openSheet", { name: s.name })}
          </Link>
        ))}
    </div>
  );
}

function GroupSummary(props: {
  group: GroupRanking;
  decimals: number;
  tieBreak: Settings["tieBreak"];
  sheet: string | null;
  onOpen: OpenSheet;
}) {
  const { group, decimals, sheet } = props;
  const { t, lang } = useI18n();
  const styles = useRankPanelStyles();
  // Units shown at the same index with different ranks get the decimals that separate them.
  const ties = explainTies(group, decimals, props.tieBreak);
  const size = Math.min(3, group.units.length);
  const top = group.units.slice(0, size);
  const bottom = group.units.slice(Math.max(size, group.units.length - size)).reverse();
  const line = (u: RankedUnit) => (
    <li key={u.unit} className={styles.line}>
      <span>
        {t("rank.unitLine", {
          rank: u.rank,
          unit: u.unit,
          index:
            u.result.index === null
              ? t("rank.noIndex")
              : formatIndex(indexFigure(u.result), ties.get(u)?.decimals ?? decimals, lang),
        })}
      </span>
      {(ties.get(u)?.notes[lang].length ?? 0) > 0 && (
        <Text size={200} italic>
          ({ties.get(u)?.notes[lang].join("; ")})
        </Text>
      )}
      {u.band && (
        <Badge size="small" appearance="tint">
          {u.band}
        </Badge>
      )}
      {u.result.errorCount > 0 && (
        <Badge size="small" color="danger">
          {t("rank.hasErrors")}
        </Badge>
      )}
    </li>
  );
  return (
    <article className={styles.group} aria-label={t("rank.group", { group: group.group })}>
      <h3 className={styles.groupTitle}>{t("rank.group", { group: group.group })}</h3>
      <Text>{t("rank.average", { value: formatIndex(group.average, decimals, lang) })}</Text>
      <span className={styles.label}>{t("rank.top")}</span>
      <ol className={styles.list}>{top.map(line)}</ol>
      {bottom.length > 0 && (
        <>
          <span className={styles.label}>{t("rank.bottom")}</span>
          <ol className={styles.list}>{bottom.map(line)}</ol>
        </>
      )}
      {sheet && (
        <Link as="button" onClick={() => props.onOpen(sheet)}>
          {t("rank.openSheet", { name: sheet })}
        </Link>
      )}
    </article>
  );
}
