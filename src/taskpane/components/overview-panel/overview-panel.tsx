import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";
import { formatPoints } from "../../format";
import { useOverviewPanelStyles } from "./overview-panel.styles";
import { SheetLayoutsSection } from "./sheet-layouts-section";
import { useSheetLayouts } from "./use-sheet-layouts";
import {
  CRITERIA_ROLES,
  type ColumnDraft,
  type MappedRole,
  SCORING_ROLES,
  useOverviewPanel,
} from "./use-overview-panel";

/** Tổng quan: the criteria sheet, the units and their groups, the columns, how each sheet is read; all correctable. */
export function OverviewPanel() {
  const state = useOverviewPanel();
  const layouts = useSheetLayouts();
  const session = useSession();
  const { t, lang } = useI18n();
  const styles = useOverviewPanelStyles();
  const [openItems, setOpenItems] = useState<string[]>(() =>
    layouts.problemCount ? ["units", "layouts"] : ["units"],
  );
  // A sheet that could not be read opens the part of the tab where it is corrected.
  useEffect(() => {
    if (layouts.problemCount > 0) {
      setOpenItems((prev) => (prev.includes("layouts") ? prev : [...prev, "layouts"]));
    }
  }, [layouts.problemCount]);
  const { analysis } = state;
  if (!analysis) {
    return (
      <section className={styles.root} aria-label={t("tab.overview")}>
        <Text>{t("common.noAnalysis")}</Text>
        <Button onClick={() => void session.analyze()} disabled={state.busy}>
          {t("common.refresh")}
        </Button>
      </section>
    );
  }
  const criteria = analysis.criteria;
  const layout = analysis.layout;
  const scoringSheets = [...layout.unitSheets, ...layout.matrixSheets];
  return (
    <section className={styles.root} aria-label={t("tab.overview")}>
      <div className={styles.section}>
        <h2 className={styles.heading}>{t("overview.criteria")}</h2>
        <Field label={t("overview.criteriaSheet")}>
          <Select
            value={layout.criteriaSheet ?? ""}
            disabled={state.busy}
            onChange={(_e, data) => void state.pickCriteriaSheet(data.value)}
          >
            {!layout.criteriaSheet && <option value="">{t("common.none")}</option>}
            {state.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        {criteria ? (
          <Text>
            {t("overview.criteriaStats", {
              fields: criteria.fieldIds.length,
              leaves: criteria.leafIds.length,
              max: formatPoints(criteria.maxPoints, lang),
            })}
          </Text>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t("overview.criteriaMissing")}</MessageBarBody>
          </MessageBar>
        )}
        <Text size={200}>
          {t("overview.sheetsLine", {
            scoring: scoringSheets.length,
            ignored: layout.ignoredSheets.length ? layout.ignoredSheets.join(", ") : t("common.none"),
          })}
        </Text>
      </div>
      {state.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      {layouts.problemCount > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t("layouts.problems", { count: layouts.problemCount })}</MessageBarBody>
        </MessageBar>
      )}
      <Accordion
        multiple
        collapsible
        openItems={openItems}
        onToggle={(_e, data) => setOpenItems(data.openItems as string[])}
      >
        <AccordionItem value="units">
          <AccordionHeader as="h2" size="small">
            {t("overview.units", { count: state.units.length })}
          </AccordionHeader>
          <AccordionPanel>
            <UnitsSection state={state} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="layouts">
          <AccordionHeader as="h2" size="small">
            {t("layouts.title", { count: layouts.items.length })}
          </AccordionHeader>
          <AccordionPanel>
            <SheetLayoutsSection state={layouts} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="columns">
          <AccordionHeader as="h2" size="small">
            {t("overview.columns")}
          </AccordionHeader>
          <AccordionPanel>
            <ColumnsSection state={state} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

type State = ReturnType<typeof useOverviewPanel>;

function UnitsSection(props: { state: State }) {
  const { state } = props;
  const { t } = useI18n();
  const styles = useOverviewPanelStyles();
  const [unit, setUnit] = useState("");
  const [group, setGroup] = useState("");
  if (state.units.length === 0) return <Text>{t("overview.unitsNone")}</Text>;
  return (
    <div className={styles.section}>
      <ul className={styles.list} aria-label={t("overview.units", { count: state.units.length })}>
        {state.units.map((u) => (
          <li key={`${u.sheet}/${u.unit}`} className={styles.unit}>
            <span className={styles.unitName}>{u.unit}</span>
            <Badge appearance="tint" color="brand" size="small">
              {u.group || t("common.none")}
            </Badge>
          </li>
        ))}
      </ul>
      <form
        className={styles.row}
        aria-label={t("overview.setGroup")}
        onSubmit={(e) => {
          e.preventDefault();
          void state.setUnitGroup(unit, group);
        }}
      >
        <Field label={t("overview.unit")} className={styles.grow}>
          <Select value={unit} onChange={(_e, data) => setUnit(data.value)}>
            <option value="">{t("explain.pick")}</option>
            {state.units.map((u) => (
              <option key={`${u.sheet}/${u.unit}`} value={u.unit}>
                {u.unit}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("overview.group")} className={styles.grow}>
          <Input value={group} list="known-groups" onChange={(_e, data) => setGroup(data.value)} />
        </Field>
        <datalist id="known-groups">
          {state.groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <Button type="submit" disabled={state.busy || !unit || !group.trim()}>
          {t("common.save")}
        </Button>
      </form>
    </div>
  );
}

function ColumnsSection(props: { state: State }) {
  const { state } = props;
  const { t } = useI18n();
  const styles = useOverviewPanelStyles();
  const [draft, setDraft] = useState<ColumnDraft>(() => state.detected ?? { criteria: {}, scoring: {} });
  const edit = (kind: keyof ColumnDraft, role: MappedRole, value: string) =>
    setDraft((prev) => ({ ...prev, [kind]: { ...prev[kind], [role]: value } }));
  return (
    <form
      className={styles.section}
      onSubmit={(e) => {
        e.preventDefault();
        void state.saveColumns(draft);
      }}
    >
      <Text size={200}>{t("overview.columnsHint")}</Text>
      {(
        [
          ["criteria", CRITERIA_ROLES, "overview.columnsCriteria"],
          ["scoring", SCORING_ROLES, "overview.columnsScoring"],
        ] as const
      ).map(([kind, roles, title]) => (
        <fieldset key={kind} className={styles.columns}>
          <legend>
            <Text weight="semibold">{t(title)}</Text>
          </legend>
          {roles.map((role) => (
            <Field key={role} label={t(`role.${role}`)}>
              <Input
                value={draft[kind][role] ?? ""}
                maxLength={3}
                aria-label={`${t(title)}: ${t(`role.${role}`)}`}
                onChange={(_e, data) => edit(kind, role, data.value)}
              />
            </Field>
          ))}
        </fieldset>
      ))}
      {state.columnError && (
        <MessageBar intent="error">
          <MessageBarBody>{state.columnError}</MessageBarBody>
        </MessageBar>
      )}
      <Button type="submit" disabled={state.busy}>
        {t("overview.saveColumns")}
      </Button>
    </form>
  );
}
