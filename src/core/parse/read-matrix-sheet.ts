/**
 * Reading a criteria × units matrix: criteria down the rows, one column group per unit (one
 * column, or "Tự đánh giá" and "Thẩm định" under the unit's name merged across both).
 *
 *   STT | Nội dung           | Điểm tối đa | Sở Tư pháp | Sở Tài chính
 *   I   | Chỉ đạo điều hành  | 2           |            |
 *   1.1 | Kế hoạch           | 1           | 1          | 0.5
 *
 * When the codes down the rows name no leaf but most fields, the sheet holds field totals
 * (each unit's points per lĩnh vực, the field maxima in the Điểm tối đa column); the units are
 * then scored per field (UnitScores.scoredAt "fields").
 *
 *   STT | Lĩnh vực           | Điểm tối đa | Sở Tư pháp | Sở Tài chính
 *   I   | Chỉ đạo điều hành  | 2           | 1.5        | 2
 *   II  | Thủ tục hành chính | 2           | 2          | 1.25
 */
import { type SheetSnapshot, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaSet, UnitScores } from "../model";
import { type Coverage, levelOf } from "./find-code-row";
import type { Header } from "./header-band";
import { checkStatedRoles } from "./scoring-role";
import { ColumnBlocks, buildRows, sharedRowParts } from "./build-score-rows";
import { unitWithRowsOnDemand } from "../unit-rows";
import { SCORE_ROLES, checkParentTotals, checkRows, readCodedRows } from "./scoring-rows";

/** Parses a matrix sheet: one UnitScores per unit column group. */
export function readMatrixSheet(
  sheet: SheetSnapshot,
  header: Header,
  criteria: CriteriaSet | null,
  overrides: ColumnMap = {},
): { units: UnitScores[]; issues: Issue[]; coverage: Coverage | null } {
  const issues: Issue[] = [];
  const shared: ColumnMap = { ...header.roles, ...overrides };
  if (shared.code === undefined && shared.title === undefined) {
    issues.push(makeIssue("scoring_column_missing", { sheet: sheet.name }, { name: "STT" }));
    return { units: [], issues, coverage: null };
  }
  const rows = readCodedRows(sheet, shared, header.dataStart, criteria, null, issues);
  const coverage = criteria
    ? levelOf(
        rows.map((r) => r.criterionId),
        criteria,
      )
    : null;
  checkRows(sheet, rows, shared.maxPoints, criteria, null, issues, coverage?.level ?? "leaves");
  issues.push(...checkStatedRoles(sheet, rows, shared, criteria, null));
  // The columns outside the units' groups (Điểm tối đa…) are the same for every unit; built without
  // `delete`, which would leave each unit's map slow to read.
  const outside: ColumnMap = {};
  for (const [role, col] of Object.entries(shared) as [keyof ColumnMap, number][]) {
    if (!(SCORE_ROLES as readonly string[]).includes(role)) outside[role] = col;
  }
  // Every unit reads the same rows: their numbers, survey marks and the outside columns' cells are made once.
  // Their score columns are read a block of units at a time, row by row (ColumnBlocks).
  const parts = {
    ...sharedRowParts(sheet, rows, criteria, Object.values(outside)),
    blocks: new ColumnBlocks(sheet.values, rows),
  };
  const units = header.units.map((u): UnitScores => {
    const columns: ColumnMap = { ...outside, ...u.columns };
    const scored = u.single === null ? columns : { selfScore: u.single };
    checkParentTotals(sheet, rows, scored, criteria, u.name, issues, parts.blocks);
    // Its rows are read when asked for (unit-rows.ts): evaluation reads them one unit at a time.
    const unit = unitWithRowsOnDemand(
      { unit: u.name, sheet: sheet.name, layout: "matrix", nameCell: toA1(u.row, u.col) },
      () => buildRows(sheet, rows, columns, criteria, u.single, parts),
    );
    if (coverage?.level === "fields") unit.scoredAt = "fields";
    return unit;
  });
  return { units, issues, coverage };
}
