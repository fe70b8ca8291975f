import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { describeIssue } from "../../../core/issues";
import type { DetectedSheetLayout } from "../../../core/model";
import { useI18n } from "../../i18n/i18n-context";
import type { MessageId } from "../../i18n/messages";
import { useOverviewPanelStyles } from "./overview-panel.styles";
import {
  type LayoutDraft,
  type SheetLayoutItem,
  draftOf,
  type useSheetLayouts,
} from "./use-sheet-layouts";

type State = ReturnType<typeof useSheetLayouts>;

const KINDS = ["criteria", "scoring", "unitsList", "ignore"] as const;
const ORIENTATIONS = ["unitsInColumns", "unitsInRows"] as const;

/** Every sheet with what was detected, its layout problems, and a form to correct it. */
export function SheetLayoutsSection(props: { state: State }) {
  const { state } = props;
  const { t } = useI18n();
  const styles = useOverviewPanelStyles();
  // The forms people opened or closed; by default a sheet with a problem shows its form at once,
  // so that the way to fix it sits under the message.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const isOpen = (item: SheetLayoutItem) => chosen[item.detected.sheet] ?? item.problems.length > 0;
  const toggle = (item: SheetLayoutItem) =>
    setChosen((prev) => ({ ...prev, [item.detected.sheet]: !isOpen(item) }));
  return (
    <div className={styles.section}>
      <Text size={200}>{t("layouts.hint")}</Text>
      <ul className={styles.sheetList} aria-label={t("layouts.title", { count: state.items.length })}>
        {state.items.map((item) => (
          <SheetLayoutRow
            key={item.detected.sheet}
            item={item}
            state={state}
            open={isOpen(item)}
            onToggle={() => toggle(item)}
          />
        ))}
      </ul>
    </div>
  );
}

function SheetLayoutRow(props: { item: SheetLayoutItem; state: State; open: boolean; onToggle: () => void }) {
  const { item, state, open, onToggle } = props;
  const { detected, problems } = item;
  const { t, lang } = useI18n();
  const styles = useOverviewPanelStyles();
  const sheet = detected.sheet;
  return (
    <li className={styles.sheetItem} aria-label={t("common.sheet", { name: sheet })}>
      <div className={styles.sheetHead}>
        <Text weight="semibold" className={styles.unitName}>
          {sheet}
        </Text>
        <Badge appearance="tint" color={detected.source === "user" ? "important" : "informative"} size="small">
          {t(detected.source === "user" ? "layouts.source.user" : "layouts.source.detected")}
        </Badge>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-label={t("layouts.edit", { sheet })}
          onClick={onToggle}
        >
          {t("layouts.editShort")}
        </Button>
      </div>
      <Text size={200}>{describeKind(detected, t)}</Text>
      {wherePart(detected, t) && <Text size={200}>{wherePart(detected, t)}</Text>}
      {problems.map((issue, i) => (
        <MessageBar key={i} intent="error" layout="multiline">
          <MessageBarBody>
            {describeIssue(issue, lang)} {t("layouts.fix")}
          </MessageBarBody>
        </MessageBar>
      ))}
      {state.saved === sheet && !state.busy && (
        <MessageBar intent="success">
          <MessageBarBody>{t("layouts.saved", { sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {open && <SheetLayoutForm item={item} state={state} />}
    </li>
  );
}

function SheetLayoutForm(props: { item: SheetLayoutItem; state: State }) {
  const { item, state } = props;
  const { detected, saved } = item;
  const { t } = useI18n();
  const styles = useOverviewPanelStyles();
  const sheet = detected.sheet;
  const [draft, setDraft] = useState<LayoutDraft>(() => draftOf(saved));
  const edit = (patch: Partial<LayoutDraft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const label = (id: MessageId) => `${t(id)} (${sheet})`;
  return (
    <form
      className={styles.sheetForm}
      aria-label={t("layouts.form", { sheet })}
      onSubmit={(e) => {
        e.preventDefault();
        void state.save(sheet, draft);
      }}
    >
        <Field label={t("layouts.field.kind")}>
          <Select
            aria-label={label("layouts.field.kind")}
            value={draft.kind}
            onChange={(_e, data) => edit({ kind: data.value as LayoutDraft["kind"] })}
          >
            <option value="">
              {t("layouts.auto", { value: t(`layouts.kind.${detected.kind}`) })}
            </option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`layouts.kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("layouts.field.orientation")}>
          <Select
            aria-label={label("layouts.field.orientation")}
            value={draft.orientation}
            onChange={(_e, data) => edit({ orientation: data.value as LayoutDraft["orientation"] })}
          >
            <option value="">
              {detected.orientation
                ? t("layouts.auto", { value: t(`layouts.orientation.${detected.orientation}`) })
                : t("layouts.autoPlain")}
            </option>
            {ORIENTATIONS.map((o) => (
              <option key={o} value={o}>
                {t(`layouts.orientation.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
      <div className={styles.columns}>
        <Field label={t("layouts.field.headerFirst")}>
          <Input
            aria-label={label("layouts.field.headerFirst")}
            inputMode="numeric"
            value={draft.headerFirst}
            placeholder={detected.headerRows ? String(detected.headerRows[0]) : undefined}
            onChange={(_e, data) => edit({ headerFirst: data.value })}
          />
        </Field>
        <Field label={t("layouts.field.headerLast")}>
          <Input
            aria-label={label("layouts.field.headerLast")}
            inputMode="numeric"
            value={draft.headerLast}
            placeholder={detected.headerRows ? String(detected.headerRows[1]) : undefined}
            onChange={(_e, data) => edit({ headerLast: data.value })}
          />
        </Field>
        <Field label={t("layouts.field.codeColumn")}>
          <Input
            aria-label={label("layouts.field.codeColumn")}
            maxLength={3}
            value={draft.codeColumn}
            placeholder={detected.codes?.column}
            onChange={(_e, data) => edit({ codeColumn: data.value })}
          />
        </Field>
        <Field label={t("layouts.field.codeRow")}>
          <Input
            aria-label={label("layouts.field.codeRow")}
            inputMode="numeric"
            value={draft.codeRow}
            placeholder={detected.codes?.row === undefined ? undefined : String(detected.codes.row)}
            onChange={(_e, data) => edit({ codeRow: data.value })}
          />
        </Field>
      </div>
      {state.errors[sheet] && (
        <MessageBar intent="error">
          <MessageBarBody>{state.errors[sheet]}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={state.busy}>
          {t("layouts.save")}
        </Button>
        {saved && (
          <Button
            disabled={state.busy}
            onClick={() => {
              setDraft(draftOf(null));
              void state.save(sheet, null);
            }}
          >
            {t("layouts.reset")}
          </Button>
        )}
      </div>
    </form>
  );
}

type T = ReturnType<typeof useI18n>["t"];

/** "Bảng chấm điểm · ma trận tiêu chí × đơn vị · Đơn vị theo cột". */
function describeKind(d: DetectedSheetLayout, t: T): string {
  const parts = [t(`layouts.kind.${d.kind}`)];
  if (d.shape) parts.push(t(`layouts.shape.${d.shape}`));
  if (d.orientation && d.shape !== "unitSheet") parts.push(t(`layouts.orientation.${d.orientation}`));
  return parts.join(" · ");
}

/** "Tiêu đề: hàng 3–4 · Mã tiêu chí: cột A · Tên đơn vị: hàng 3", or "" when nothing is known. */
function wherePart(d: DetectedSheetLayout, t: T): string {
  const parts: string[] = [];
  if (d.headerRows) {
    const [first, last] = d.headerRows;
    parts.push(
      first === last ? t("layouts.headerRow", { first }) : t("layouts.headerRows", { first, last }),
    );
  }
  if (d.codes?.column) parts.push(t("layouts.codesColumn", { column: d.codes.column }));
  if (d.codes?.row !== undefined) parts.push(t("layouts.codesRow", { row: d.codes.row }));
  if (d.units?.cell) parts.push(t("layouts.unitsCell", { cell: d.units.cell }));
  if (d.units?.row !== undefined) parts.push(t("layouts.unitsRow", { row: d.units.row }));
  if (d.units?.column) parts.push(t("layouts.unitsColumn", { column: d.units.column }));
  return parts.join(" · ");
}
