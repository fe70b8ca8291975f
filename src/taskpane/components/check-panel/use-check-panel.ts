import { useMemo, useState } from "react";
import type { Issue, IssueCode, Severity } from "../../../core/issues";
import type { UnitScores } from "../../../core/model";
import { useHost } from "../../host/host-context";
import { useI18n } from "../../i18n/i18n-context";
import { useSession } from "../../session/session-context";

/** Issues of one unit on one sheet (or of the whole workbook), as the list shows them. */
export type IssueGroup = { key: string; unit: string | null; sheet: string | null; issues: Issue[] };

export type PickIssue = (issue: Issue) => void;

export type CheckScope = { kind: "all" } | { kind: "sheet"; sheet: string };

/** The check tab: scope, filters, the grouped list and the actions on cells. */
export function useCheckPanel() {
  const host = useHost();
  const session = useSession();
  const { t } = useI18n();
  const [scope, setScope] = useState<CheckScope | null>(null);
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [rule, setRule] = useState<IssueCode | "all">("all");
  const [notice, setNotice] = useState<string | null>(null);

  const inScope = useMemo(() => {
    const all = session.analysis?.issues ?? [];
    return scope?.kind === "sheet" ? all.filter((i) => i.sheet === scope.sheet) : all;
  }, [session.analysis, scope]);

  const counts = useMemo(
    () => ({
      error: inScope.filter((i) => i.severity === "error").length,
      warning: inScope.filter((i) => i.severity === "warning").length,
    }),
    [inScope],
  );

  const rules = useMemo(() => [...new Set(inScope.map((i) => i.code))].sort(), [inScope]);

  const shown = useMemo(
    () =>
      inScope.filter(
        (i) => (severity === "all" || i.severity === severity) && (rule === "all" || i.code === rule),
      ),
    [inScope, severity, rule],
  );

  const groups = useMemo(() => groupIssues(shown, session.analysis?.units ?? []), [shown, session.analysis]);

  async function checkAll() {
    setNotice(null);
    const analysis = await session.analyze();
    if (analysis) setScope({ kind: "all" });
  }

  async function checkActiveSheet() {
    setNotice(null);
    const sheet = await session.run(() => host.activeSheet());
    if (!sheet) return;
    const analysis = await session.analyze();
    if (analysis) setScope({ kind: "sheet", sheet });
  }

  async function goTo(issue: Issue) {
    if (!issue.sheet) return;
    const sheet = issue.sheet;
    await session.run(() => host.goTo(sheet, issue.cell));
  }

  async function mark() {
    const cells = shown.filter((i) => i.sheet && i.cell);
    const done = await session.run(async () => {
      await host.highlightIssues(cells);
      return true;
    });
    if (done) setNotice(t("check.marked", { count: new Set(cells.map((i) => `${i.sheet}!${i.cell}`)).size }));
  }

  async function unmark() {
    const done = await session.run(async () => {
      await host.clearHighlights();
      return true;
    });
    if (done) setNotice(t("check.unmarked"));
  }

  return {
    checked: scope !== null && session.analysis !== null,
    scope,
    busy: session.busy,
    counts,
    total: inScope.length,
    shownCount: shown.length,
    rules,
    severity,
    setSeverity,
    rule,
    setRule,
    groups,
    notice,
    checkAll,
    checkActiveSheet,
    goTo,
    mark,
    unmark,
  };
}

/**
 * Groups issues by unit and sheet, keeping the engine's order (sheet, then cell). An issue on a
 * unit's own sheet that names no unit is the unit's (as the core counts it: unit-issues.ts).
 */
function groupIssues(issues: readonly Issue[], units: readonly UnitScores[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  const owner = new Map(units.filter((u) => u.layout === "unitSheet").map((u) => [u.sheet, u.unit]));
  for (const issue of issues) {
    const unit = issue.unit ?? (issue.sheet === null ? null : (owner.get(issue.sheet) ?? null));
    const key = `${unit ?? ""}\u0000${issue.sheet ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, unit, sheet: issue.sheet, issues: [] };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  return [...groups.values()];
}
