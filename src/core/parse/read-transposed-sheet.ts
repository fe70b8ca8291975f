/**
 * Reading a transposed scoring sheet: units in rows, criterion codes along a header row, as
 * provincial scoring software exports them ("Xuất file") and many Sở Nội vụ summaries are kept:
 *
 *   BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC NĂM 2024                       (title rows)
 *   STT | Tên đơn vị           | 1.1 | 1.2 | I   | 2.1 | Tổng điểm     (the code row)
 *       | Điểm tối đa          | 1   | 1   | 2   | 1   | 3             (maxima: above, below or absent)
 *   A   | CÁC SỞ, BAN, NGÀNH   |     |     |     |     |               (a section row: the group below)
 *   1   | Sở Tư pháp           | 1   | 0.5 | 1.5 | 1   | 2.5
 *
 * Variants read: field codes or subtotal columns among the leaf codes (checked against their
 * children like typed parent totals); two columns per criterion, "Tự đánh giá" and "Thẩm định"
 * under the code merged across both (a sub-label row under the codes); a "Tổng điểm" / "Tổng
 * cộng" column (its value, often a SUM formula, is checked against the sum of the leaf cells and
 * never read as a criterion); "Chỉ số", "Xếp hạng" and other unlabelled columns are left alone.
 * Section rows ("A. CÁC SỞ, BAN, NGÀNH", "I. KHỐI …", "B. UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU", often
 * merged across the row) give the units below them their group; a "Khối" column does too.
 * When the codes name only fields, the sheet is a field-totals summary (scoredAt "fields"):
 *
 *   STT | Tên đơn vị   | I. Chỉ đạo điều hành | II. Thủ tục hành chính | Tổng điểm
 *       | Điểm tối đa  | 2                    | 2                      | 4
 *   1   | Sở Tư pháp   | 1.5                  | 2                      | 3.5
 *
 * Detection (find-code-row.ts) takes the first of the top rows whose codes name at least half
 * of the set's leaves (or, with no leaf, half of its fields) and that has a label left of its
 * first code; the user may name the row instead (settings.sheetLayouts[sheet].codeRow).
 */
import { type Grid, type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { CriteriaSet, ScoreRow, SourceCell, UnitScores } from "../model";
import { fromMicro, toMicro } from "../points";
import { cellText, foldText, parseNumber } from "../text";
import { isTotalLabel } from "./criteria-sheet";
import { romanValue } from "./criterion-code";
import { type CodeRow, codeOfCell } from "./find-code-row";
import { classifyHeaderText, isNumberingRow } from "./header-roles";
import { isPlausiblePoints } from "./limits";
import { asSurveyPoints, sourceOn } from "./build-score-rows";
import { typedTotalDiffers } from "./scoring-rows";
import { unitWithRowsOnDemand } from "../unit-rows";

type ScoreRole = "selfScore" | "appraisedScore" | "surveyPoints";

/** The columns of one code of the code row. */
type CodeColumns = {
  code: string;
  criterionId: string | null;
  /** The code cell (A1). */
  codeCell: string;
  /** One column (a single unlabelled score), or one per labelled role. */
  single: number | null;
  roles: Partial<Record<ScoreRole, number>>;
  /** The column whose maximum is read from the maxima row. */
  first: number;
};

/** Where the parts of a transposed sheet are (zero-based), for the detection record. */
export type TransposedFrame = {
  codeRow: number;
  maxRow: number | null;
  subRow: number | null;
  nameCol: number | null;
  headerTop: number;
  headerBottom: number;
};

export type TransposedRead = {
  units: UnitScores[];
  issues: Issue[];
  frame: TransposedFrame;
};

/** Short sub-labels of score columns that the column-header rules do not cover ("TĐG", "TĐ"). */
function scoreRoleOf(text: string): ScoreRole | null {
  if (text === "") return null;
  const role = classifyHeaderText(text)?.role;
  if (role === "selfScore" || role === "appraisedScore" || role === "surveyPoints") return role;
  const t = foldText(text).replace(/[.:]+$/, "");
  if (/^(tdg|tu dg|dv tu cham|tu cham)$/.test(t)) return "selfScore";
  if (/^(td|hdtd|tham dinh|diem td)$/.test(t)) return "appraisedScore";
  return null;
}

/** True for a row label that announces the maxima ("Điểm tối đa", "Thang điểm", "Điểm chuẩn"). */
function isMaximaLabel(text: string): boolean {
  return /toi da|thang diem|diem chuan/.test(foldText(text));
}

/** The group a section row names: its text without the leading "A." / "I." / "II)". */
function sectionName(label: string): string {
  return label.replace(/^\s*([A-Z]|[IVXL]+)\s*[.):-]\s*/, "").trim() || label.trim();
}

/** True for a section heading: a letter or Roman number as STT, "A. …", "I. …", or "Khối …" / "Nhóm …". */
function isSectionHeading(stt: string, label: string): boolean {
  if (/^[A-Z]$/.test(stt) || romanValue(stt.replace(/[.)]$/, "")) !== null) return true;
  if (/^\s*([A-Z]|[IVXL]+)\s*[.):]\s+\S/.test(label)) return true;
  return /^(khoi|nhom|cac |ubnd cac|don vi cap)/.test(foldText(label));
}

/** The first non-blank text of a row left of `before` (a section label merged across sits in its first cell). */
function labelLeft(grid: Grid, row: number, before: number): { text: string; col: number } | null {
  for (let c = 0; c < before; c++) {
    const v = cellAt(grid, row, c);
    if (!isBlank(v) && typeof v === "string") return { text: cellText(v), col: c };
  }
  return null;
}

/** A column's label: its text in the code row, else the nearest text above (a label merged down over both rows). */
function columnLabel(grid: Grid, codeRow: number, col: number): string {
  for (let r = codeRow; r >= Math.max(0, codeRow - 2); r--) {
    const v = cellAt(grid, r, col);
    if (typeof v === "string" && v.trim() !== "") return cellText(v);
    if (!isBlank(v)) return "";
  }
  return "";
}

/** Reads a transposed sheet whose code row was found (find-code-row.ts). */
export function readTransposedSheet(
  sheet: SheetSnapshot,
  codeRow: CodeRow,
  criteria: CriteriaSet | null,
): TransposedRead {
  const grid = sheet.values;
  const issues: Issue[] = [];
  const R = codeRow.row;
  const firstCode = codeRow.codes[0].at;
  const codeCols = new Set(codeRow.codes.map((c) => c.at));
  const width = Math.max(...[R - 2, R - 1, R, R + 1, R + 2, R + 3].map((r) => grid[r]?.length ?? 0));

  // The maxima row: near the codes, labelled left of them, with numbers under them.
  let maxRow: number | null = null;
  for (const r of [R + 1, R - 1, R + 2, R - 2, R + 3]) {
    if (r < 0 || r >= grid.length) continue;
    const label = labelLeft(grid, r, firstCode);
    if (!label || !isMaximaLabel(label.text)) continue;
    if (codeRow.codes.some((c) => parseNumber(cellAt(grid, r, c.at)) !== null)) {
      maxRow = r;
      break;
    }
  }
  // A sub-label row under the codes: "Tự đánh giá" / "Thẩm định" under each code.
  let subRow: number | null = null;
  for (const r of [R + 1, R + 2]) {
    if (r === maxRow || r >= grid.length) continue;
    const roles = codeRow.codes.filter((c) => scoreRoleOf(cellText(cellAt(grid, r, c.at))) !== null);
    if (roles.length >= 1) {
      subRow = r;
      break;
    }
  }
  // A "Tên đơn vị" merged down from the row above the codes starts the header there.
  const namedAbove =
    R > 0 &&
    Array.from({ length: firstCode }, (_, c) => classifyHeaderText(cellText(cellAt(grid, R - 1, c)))).some(
      (m) => m?.role === "unitName" || m?.role === "code",
    );
  const headerTop = Math.min(namedAbove ? R - 1 : R, maxRow ?? R);
  const headerBottom = Math.max(R, maxRow ?? R, subRow ?? R);
  const merges = sheet.merges ?? [];
  const mergedRight = (col: number): number => {
    const m = merges.find((a) => a.top <= R && a.bottom >= R && a.left === col);
    return m ? m.right : col;
  };

  // Columns of each code; a code merged across two columns (or followed by blank code cells
  // with sub-labels) owns them.
  const columns: CodeColumns[] = codeRow.codes.map((c, i) => {
    const next = codeRow.codes[i + 1]?.at ?? width;
    let last = Math.min(mergedRight(c.at), next - 1);
    if (last === c.at && subRow !== null) {
      while (
        last + 1 < next &&
        isBlank(cellAt(grid, R, last + 1)) &&
        scoreRoleOf(cellText(cellAt(grid, subRow, last + 1))) !== null
      )
        last++;
    }
    const roles: Partial<Record<ScoreRole, number>> = {};
    for (let col = c.at; col <= last; col++) {
      const role = subRow === null ? null : scoreRoleOf(cellText(cellAt(grid, subRow, col)));
      if (role && roles[role] === undefined) roles[role] = col;
    }
    const labelled = Object.keys(roles).length > 0;
    if (!labelled && last > c.at) {
      // Two unlabelled columns under one merged code: self-score, then appraised score.
      roles.selfScore = c.at;
      roles.appraisedScore = c.at + 1;
    }
    return {
      code: c.text,
      criterionId: c.criterionId,
      codeCell: toA1(R, c.at),
      single: labelled || last > c.at ? null : c.at,
      roles,
      first: c.at,
    };
  });
  const owned = new Set<number>();
  for (const c of columns) {
    if (c.single !== null) owned.add(c.single);
    for (const col of Object.values(c.roles)) owned.add(col);
  }

  // The unit-name, STT, group and total columns.
  let nameCol: number | null = null;
  let sttCol: number | null = null;
  let groupCol: number | null = null;
  const totals: { col: number; role: ScoreRole | null }[] = [];
  for (let col = 0; col < width; col++) {
    if (owned.has(col) || codeCols.has(col)) continue;
    const label = columnLabel(grid, R, col);
    const role = classifyHeaderText(label)?.role;
    if (col < firstCode && role === "unitName" && nameCol === null) nameCol = col;
    else if (col < firstCode && role === "code" && sttCol === null) sttCol = col;
    else if (col < firstCode && role === "group" && groupCol === null) groupCol = col;
    else if (col > firstCode) {
      // "Tổng điểm" in the code row, or the second column of a total merged across two.
      const own = cellText(cellAt(grid, R, col));
      const previous = totals[totals.length - 1];
      const sub = subRow === null ? null : scoreRoleOf(cellText(cellAt(grid, subRow, col)));
      if (isTotalLabel(own) || (own === "" && isTotalLabel(label))) totals.push({ col, role: sub });
      else if (own === "" && previous?.col === col - 1 && sub !== null) totals.push({ col, role: sub });
    }
  }
  let dataStart = headerBottom + 1;
  while (dataStart < grid.length && isNumberingRow((grid[dataStart] ?? []).map((v) => cellText(v ?? null))))
    dataStart++;
  if (nameCol === null) nameCol = textColumn(grid, dataStart, firstCode, sttCol);
  const frame: TransposedFrame = { codeRow: R, maxRow, subRow, nameCol, headerTop, headerBottom };
  if (nameCol === null) return { units: [], issues, frame };

  checkCodes(sheet, columns, codeRow, maxRow, criteria, issues);

  const units: UnitScores[] = [];
  // Every score column, and the columns each unit's rows come from: the same for every row.
  const scoreColumns = columns.flatMap((c) =>
    [c.single, ...Object.values(c.roles)].filter((col): col is number => col !== null),
  );
  const unitColumns = columnsOfUnits(columns, criteria);
  let section = "";
  for (let row = dataStart; row < grid.length; row++) {
    const name = cellText(cellAt(grid, row, nameCol));
    const stt = sttCol === null ? "" : cellText(cellAt(grid, row, sttCol));
    const scored = scoreColumns.some((col) => !isBlank(cellAt(grid, row, col)));
    const label = labelLeft(grid, row, firstCode);
    if (!scored && !label && name === "") continue;
    if (isTotalLabel(name) || (label && isTotalLabel(label.text)) || (label && isMaximaLabel(label.text)))
      continue;
    if (!scored && label && typeof cellAt(grid, row, sttCol ?? -1) !== "number") {
      // Without an STT header, a lone letter or Roman number left of the name is the section's mark.
      const mark = stt !== "" ? stt : label.col < (nameCol ?? 0) ? label.text : "";
      if (isSectionHeading(mark, label.text)) {
        // "A | CÁC SỞ, BAN, NGÀNH" or "A. CÁC SỞ, BAN, NGÀNH" merged across the row.
        section = sectionName(name !== "" && name !== mark ? name : label.text);
        continue;
      }
    }
    // A row without a name holds no unit; a name that is a number is judged by the plausibility check.
    if (name === "") continue;
    const unit = unitOf(sheet, row, nameCol, name, unitColumns, maxRow, section);
    if (groupCol !== null) {
      const typed = cellText(cellAt(grid, row, groupCol));
      if (typed !== "") unit.sectionGroup = typed;
    }
    if (codeRow.level === "fields") unit.scoredAt = "fields";
    units.push(unit);
    checkTotals(sheet, row, name, columns, totals, criteria, codeRow.level, issues);
  }
  return { units, issues, frame };
}

/** Without a "Tên đơn vị" header: the column left of the codes holding the most text (not numbers). */
function textColumn(grid: Grid, from: number, before: number, skip: number | null): number | null {
  let best: number | null = null;
  let bestCount = 0;
  const to = Math.min(grid.length, from + 200);
  for (let col = 0; col < before; col++) {
    if (col === skip) continue;
    let texts = 0;
    for (let row = from; row < to; row++) {
      const v = cellAt(grid, row, col);
      if (typeof v === "string" && v.trim() !== "" && parseNumber(v) === null && codeOfCell(v) === null)
        texts++;
    }
    if (texts > bestCount) {
      best = col;
      bestCount = texts;
    }
  }
  return best;
}

function cellOf(sheet: SheetSnapshot, row: number, col: number | null | undefined): SourceCell | null {
  return col === null || col === undefined
    ? null
    : { value: cellAt(sheet.values, row, col), cell: toA1(row, col) };
}

/** A criterion's columns as each unit reads them: the first columns of each criterion (or code), once. */
type UnitColumn = { columns: CodeColumns; survey: boolean };

/** The columns a unit's rows come from: criteria of the set only (when there is one), each once. */
function columnsOfUnits(columns: readonly CodeColumns[], criteria: CriteriaSet | null): UnitColumn[] {
  const seen = new Set<string>();
  const out: UnitColumn[] = [];
  for (const c of columns) {
    if (criteria && c.criterionId === null) continue;
    const key = c.criterionId ?? c.code;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      columns: c,
      survey: c.criterionId !== null && criteria?.nodes[c.criterionId]?.role === "survey",
    });
  }
  return out;
}

/** One unit's row. A survey criterion's only column, or its appraised column, holds the survey points. */
function unitOf(
  sheet: SheetSnapshot,
  row: number,
  nameCol: number,
  name: string,
  columns: readonly UnitColumn[],
  maxRow: number | null,
  section: string,
): UnitScores {
  // Its rows are read when asked for (unit-rows.ts): evaluation reads them one unit at a time.
  const unit = unitWithRowsOnDemand(
    { unit: name, sheet: sheet.name, layout: "matrix", nameCell: toA1(row, nameCol) },
    () => rowsOfUnit(sheet, row, columns, maxRow),
  );
  if (section !== "") unit.sectionGroup = section;
  return unit;
}

/** The rows of the unit on a row of the sheet, one per criterion column. */
function rowsOfUnit(
  sheet: SheetSnapshot,
  row: number,
  columns: readonly UnitColumn[],
  maxRow: number | null,
): ScoreRow[] {
  const rows: ScoreRow[] = [];
  const line = sheet.values[row];
  const rowNumber = String(row + 1);
  for (const { columns: c, survey } of columns) {
    const pick = (role: ScoreRole) => sourceOn(line, rowNumber, c.roles[role]);
    let selfScore =
      c.single !== null ? (survey ? null : sourceOn(line, rowNumber, c.single)) : pick("selfScore");
    let appraisedScore = c.single !== null ? null : pick("appraisedScore");
    let surveyPoints =
      c.single !== null ? (survey ? sourceOn(line, rowNumber, c.single) : null) : pick("surveyPoints");
    if (survey && c.single === null && c.roles.surveyPoints === undefined) {
      [selfScore, appraisedScore, surveyPoints] = asSurveyPoints(selfScore, appraisedScore);
    }
    rows.push({
      criterionId: c.criterionId,
      code: c.code,
      row,
      codeCell: c.codeCell,
      maxPoints: maxRow === null ? null : cellOf(sheet, maxRow, c.first),
      selfScore,
      appraisedScore,
      surveyPoints,
      evidence: null,
      explanation: null,
      comment: null,
    });
  }
  return rows;
}

/** Sheet-wide checks of the code row: unknown and repeated codes, missing criteria, maxima that differ. */
function checkCodes(
  sheet: SheetSnapshot,
  columns: readonly CodeColumns[],
  codeRow: CodeRow,
  maxRow: number | null,
  criteria: CriteriaSet | null,
  issues: Issue[],
): void {
  if (!criteria) return;
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (c.criterionId === null) {
      issues.push(makeIssue("unknown_code", { sheet: sheet.name, cell: c.codeCell }, { input: c.code }));
      continue;
    }
    const first = seen.get(c.criterionId);
    if (first) {
      issues.push(
        makeIssue(
          "duplicate_code_in_sheet",
          { sheet: sheet.name, cell: c.codeCell, criterion: c.code },
          { input: c.code, other: first },
        ),
      );
      continue;
    }
    seen.set(c.criterionId, c.codeCell);
    const node = criteria.nodes[c.criterionId];
    if (maxRow === null || node.maxPoints === null) continue;
    const typed = parseNumber(cellAt(sheet.values, maxRow, c.first));
    if (typed === null) continue;
    if (!isPlausiblePoints(typed) || toMicro(typed) !== node.maxPoints) {
      issues.push(
        makeIssue(
          "max_differs",
          { sheet: sheet.name, cell: toA1(maxRow, c.first), criterion: node.code },
          { actual: typed, max: fromMicro(node.maxPoints) },
        ),
      );
    }
  }
  const wanted = codeRow.level === "fields" ? criteria.fieldIds : criteria.leafIds;
  for (const id of wanted) {
    if (seen.has(id)) continue;
    issues.push(
      makeIssue("missing_criterion", { sheet: sheet.name, cell: null, criterion: criteria.nodes[id].code }),
    );
  }
}

/**
 * A unit's typed subtotals (field or criterion columns among the leaves) against their
 * children's cells, and its "Tổng điểm" against the sum of the leaf (or field) cells, per role.
 */
function checkTotals(
  sheet: SheetSnapshot,
  row: number,
  unit: string,
  columns: readonly CodeColumns[],
  totals: readonly { col: number; role: ScoreRole | null }[],
  criteria: CriteriaSet | null,
  level: CodeRow["level"],
  issues: Issue[],
): void {
  if (!criteria) return;
  const grid = sheet.values;
  const byId = new Map(columns.filter((c) => c.criterionId).map((c) => [c.criterionId as string, c]));
  const colOf = (c: CodeColumns, role: ScoreRole | null): number | null =>
    role === null
      ? (c.single ?? c.roles.appraisedScore ?? c.roles.selfScore ?? null)
      : (c.roles[role] ?? c.single);
  const roles: (ScoreRole | null)[] = [null, "selfScore", "appraisedScore"];
  const report = (col: number, criterion: string | null, d: { actual: number; sum: number }) =>
    issues.push(
      makeIssue("parent_total_mismatch", { sheet: sheet.name, cell: toA1(row, col), unit, criterion }, d),
    );
  for (const c of columns) {
    const node = c.criterionId ? criteria.nodes[c.criterionId] : null;
    if (!node || node.childIds.length === 0 || byId.get(node.id) !== c) continue;
    const kids = node.childIds.map((id) => byId.get(id)).filter((k) => k !== undefined);
    if (kids.length === 0) continue;
    for (const role of c.single !== null
      ? [null]
      : roles.filter((r) => r !== null && c.roles[r] !== undefined)) {
      const col = colOf(c, role);
      if (col === null) continue;
      const parts = kids.map((k) => colOf(k, role)).filter((x): x is number => x !== null);
      const d = typedTotalDiffers(
        cellAt(grid, row, col),
        parts.map((p) => cellAt(grid, row, p)),
      );
      if (d) report(col, node.code, d);
    }
  }
  const counted = columns.filter((c) => {
    const node = c.criterionId ? criteria.nodes[c.criterionId] : null;
    if (!node || byId.get(node.id) !== c) return false;
    return level === "fields" ? node.depth === 1 : node.childIds.length === 0;
  });
  for (const t of totals) {
    const parts = counted.map((k) => colOf(k, t.role)).filter((x): x is number => x !== null);
    const d = typedTotalDiffers(
      cellAt(grid, row, t.col),
      parts.map((p) => cellAt(grid, row, p)),
    );
    if (d) report(t.col, null, d);
  }
}
