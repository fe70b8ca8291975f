/** Reading one unit's own scoring sheet: criteria down the rows, the unit's score columns beside them. */
import type { SheetSnapshot } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaSet, UnitScores } from "../model";
import { type Coverage, levelOf } from "./find-code-row";
import type { Header } from "./header-band";
import { checkStatedRoles } from "./scoring-role";
import { buildRows, partsOfUnitSheet } from "./build-score-rows";
import { unitWithRowsOnDemand } from "../unit-rows";
import {
  type CodedRow,
  SCORE_ROLES,
  checkParentTotals,
  checkRows,
  readCodedRows,
  type RowsMemo,
  onRows,
} from "./scoring-rows";
import { findUnitName } from "./unit-name";

/** Parses one unit's scoring sheet; the unit is named by a "Đơn vị: …" cell, else by the sheet. */
export function readUnitSheet(
  sheet: SheetSnapshot,
  header: Header,
  criteria: CriteriaSet | null,
  overrides: ColumnMap = {},
): { unit: UnitScores; issues: Issue[]; coverage: Coverage | null } {
  const issues: Issue[] = [];
  const columns: ColumnMap = { ...header.roles, ...overrides };
  const named = findUnitName(sheet, header.top);
  const unitName = named?.name ?? sheet.name;
  const unit: UnitScores = {
    unit: unitName,
    sheet: sheet.name,
    layout: "unitSheet",
    nameCell: named?.cell ?? null,
    rows: [],
  };
  if (columns.code === undefined && columns.title === undefined) {
    issues.push(makeIssue("scoring_column_missing", { sheet: sheet.name, unit: unitName }, { name: "STT" }));
    return { unit, issues, coverage: null };
  }
  if (SCORE_ROLES.every((role) => columns[role] === undefined)) {
    issues.push(
      makeIssue(
        "scoring_column_missing",
        { sheet: sheet.name, unit: unitName },
        { name: "Điểm tự đánh giá" },
      ),
    );
    return { unit, issues, coverage: null };
  }
  const rows = readCodedRows(sheet, columns, header.dataStart, criteria, unitName, issues);
  const coverage = criteria ? coverageOf(rows, criteria) : null;
  checkRows(sheet, rows, columns.maxPoints, criteria, unitName, issues, coverage?.level ?? "leaves");
  checkParentTotals(sheet, rows, columns, criteria, unitName, issues);
  issues.push(...checkStatedRoles(sheet, rows, columns, criteria, unitName));
  // Its rows are read when asked for (unit-rows.ts): evaluation reads them one unit at a time. What
  // the sheets laid out alike share is found now, while the sheets are read in order.
  const parts = partsOfUnitSheet(sheet, rows, criteria);
  const scores = unitWithRowsOnDemand(unit, () => buildRows(sheet, rows, columns, criteria, null, parts));
  if (coverage?.level === "fields") scores.scoredAt = "fields";
  return { unit: scores, issues, coverage };
}

/** Coverage of the rows read, once per read (onRows: unit sheets laid out alike share their rows). */
const coverages: RowsMemo<Coverage> = new WeakMap();

function coverageOf(rows: readonly CodedRow[], criteria: CriteriaSet): Coverage {
  const coverage = onRows(coverages, rows, criteria, "", () =>
    levelOf(
      rows.map((r) => r.criterionId),
      criteria,
    ),
  );
  return { ...coverage };
}
