/**
 * Reading the criteria sheet (Bộ tiêu chí) into a CriteriaSet: codes to a tree, maxima, roles
 * (survey, bonus, deduction: from a Loại / Nguồn column, a method column such as "Phương pháp
 * đánh giá", or the title), weights and score levels, with every structural problem reported.
 * Guidance lines ("-", "+", "a)", rules without a maximum) and the "Tổng cộng" row are not criteria.
 */
import { type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaNode, CriteriaSet, NodeKind } from "../model";
import { fromMicro, sumMicro, toMicro } from "../points";
import { cellText, foldText, parseNumber } from "../text";
import { type CodeEntry, resolveCodes } from "./code-tree";
import { type ParsedCode, codeBeyondLimit, leadingCode, parseCode } from "./criterion-code";
import type { Header } from "./header-band";
import { MAX_CODE_NUMBER, isPlausiblePoints } from "./limits";
import { parseLevels } from "./score-levels";
import { rowRoles } from "./scoring-role";

const KINDS: Record<number, NodeKind> = { 1: "field", 2: "criterion", 3: "subCriterion" };

/** True for the row that closes the table: "Tổng cộng", "Tổng điểm", "Tổng". */
export function isTotalLabel(text: string): boolean {
  if (text === "") return false;
  const known = totalLabels.get(text);
  if (known !== undefined) return known;
  const t = foldText(text).replace(/[:.]+$/, "");
  const total =
    /^(tong cong|tong diem|tong so diem|tong so|tong|cong)( \(.*\))?$/.test(t) || /^tong cong\b/.test(t);
  // Asked of the code and title of every row of every scoring sheet: the titles repeat on each.
  if (totalLabels.size >= TOTAL_LABEL_MEMO) totalLabels.clear();
  totalLabels.set(text, total);
  return total;
}

const TOTAL_LABEL_MEMO = 50_000;
const totalLabels = new Map<string, boolean>();

/** True for a guidance line under a criterion ("- …", "+ …", "a) …", "* …"). */
export function isGuidanceText(text: string): boolean {
  return /^\s*([-+*•–—]|[a-zđ]\)|\([a-zđ]\)|[a-zđ]\.\s)/i.test(text);
}

/** A weight typed as 0.3, "0,3" or "30%". */
function parseWeight(value: Parameters<typeof parseNumber>[0]): number | null {
  const percent = typeof value === "string" && /%\s*$/.test(value);
  const n = parseNumber(percent ? (value as string).replace(/%\s*$/, "") : value);
  if (n === null || !isPlausiblePoints(n)) return null;
  return percent ? n / 100 : n;
}

/** Reads a code-bearing row: from the code column, or from the start of the title without one. */
export function readRowCode(sheet: SheetSnapshot, row: number, columns: ColumnMap): ParsedCode | null {
  if (columns.code !== undefined) return parseCode(cellAt(sheet.values, row, columns.code));
  if (columns.title !== undefined) return leadingCode(cellText(cellAt(sheet.values, row, columns.title)));
  return null;
}

/** Parses a criteria sheet with its header (or column letters chosen by the user). */
export function parseCriteriaSheet(
  sheet: SheetSnapshot,
  header: Header | null,
  overrides: ColumnMap = {},
): { criteria: CriteriaSet | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = (cell: string | null, criterion: string | null = null) => ({
    sheet: sheet.name,
    cell,
    criterion,
  });
  const columns: ColumnMap = { ...(header?.roles ?? {}), ...overrides };
  // A criteria sheet may head its maximum with a bare "Điểm", which elsewhere is a guessed score.
  const guessed = header?.columns.find((c) => c.col === columns.selfScore && c.confidence === 1);
  if (columns.maxPoints === undefined && guessed && overrides.selfScore === undefined) {
    columns.maxPoints = guessed.col;
    delete columns.selfScore;
  }
  if (
    !header &&
    (columns.maxPoints === undefined || (columns.code === undefined && columns.title === undefined))
  ) {
    issues.push(makeIssue("criteria_header_not_found", where(null)));
    return { criteria: null, issues };
  }
  if (columns.code === undefined && columns.title === undefined) {
    issues.push(makeIssue("criteria_column_missing", where(null), { name: "STT" }));
  }
  if (columns.maxPoints === undefined) {
    issues.push(makeIssue("criteria_column_missing", where(null), { name: "Điểm tối đa" }));
  }
  if (issues.length) return { criteria: null, issues };
  const maxCol = columns.maxPoints as number;
  const grid = sheet.values;
  const at = (row: number, col: number | undefined) => (col === undefined ? null : cellAt(grid, row, col));
  const cellOf = (row: number, col: number | undefined) => (col === undefined ? null : toA1(row, col));
  const codeCellOf = (row: number) => cellOf(row, columns.code ?? columns.title);

  /** A code in this row's code cell (or title) with a number above MAX_CODE_NUMBER, as typed. */
  const beyondLimit = (row: number): string | null =>
    columns.code !== undefined
      ? codeBeyondLimit(at(row, columns.code))
      : codeBeyondLimit(at(row, columns.title), true);

  const entries: CodeEntry[] = [];
  let totalRow: CriteriaSet["totalRow"] = null;
  const start = header?.dataStart ?? 0;
  for (let row = start; row < grid.length; row++) {
    const title = cellText(at(row, columns.title));
    const codeText = cellText(at(row, columns.code));
    const maxValue = at(row, maxCol);
    if (isTotalLabel(title) || isTotalLabel(codeText)) {
      const n = parseNumber(maxValue);
      if (!totalRow) totalRow = { row, maxPoints: n === null || !isPlausiblePoints(n) ? null : toMicro(n) };
      continue;
    }
    const code = readRowCode(sheet, row, columns);
    if (code) {
      entries.push({ row, code, hasMax: !isBlank(maxValue) });
      continue;
    }
    const hasMax = parseNumber(maxValue) !== null;
    const guidance = isGuidanceText(codeText) || (codeText === "" && isGuidanceText(title));
    const beyond = hasMax ? beyondLimit(row) : null;
    if (beyond !== null) {
      // A set larger than the engine reads is refused whole, never ranked on its first part.
      const issue = makeIssue("criteria_code_beyond_limit", where(codeCellOf(row), beyond), {
        input: beyond,
        max: MAX_CODE_NUMBER,
      });
      return { criteria: null, issues: [...issues, issue] };
    }
    if (hasMax && !guidance && (codeText !== "" || title !== "")) {
      issues.push(
        makeIssue("criteria_code_unrecognized", where(codeCellOf(row)), { input: codeText || title }),
      );
    }
  }

  const resolved = resolveCodes(entries);
  const nodes: Record<string, CriteriaNode> = {};
  const order: string[] = [];
  // Roles are read for all coded rows at once: a method column that marks some rows decides
  // what the titles of the others may still say.
  const ownRoles = rowRoles(
    entries.map(({ row }) => ({
      kind: cellText(at(row, columns.kind)),
      method: cellText(at(row, columns.method)),
      title: cellText(at(row, columns.title)),
    })),
  );
  resolved.forEach((r, i) => {
    const { row } = entries[i];
    const codeCell = codeCellOf(row);
    if (!r) {
      // Without a maximum it is a numbered guidance line; with one, a code out of place.
      if (entries[i].hasMax) {
        issues.push(
          makeIssue("criteria_code_unrecognized", where(codeCell), { input: entries[i].code.text }),
        );
      }
      return;
    }
    const first = nodes[r.id];
    if (first) {
      issues.push(
        makeIssue("criteria_duplicate_code", where(codeCell, r.code), {
          other: codeCellOf(first.row) ?? undefined,
        }),
      );
      return;
    }
    const maxValue = at(row, maxCol);
    const typedMax = parseNumber(maxValue);
    // A maximum is a positive number of points; a deduction's cap is typed positive too
    // (docs/computation.md). A negative or zero maximum would let a unit reach 100 % on nothing.
    const positive = typedMax !== null && typedMax > 0;
    const max = typedMax !== null && positive && isPlausiblePoints(typedMax) ? typedMax : null;
    if (typedMax !== null && !positive) {
      issues.push(
        makeIssue("criteria_max_not_positive", where(cellOf(row, maxCol), r.code), {
          input: cellText(maxValue),
        }),
      );
    } else if (max === null && !isBlank(maxValue)) {
      issues.push(
        makeIssue("criteria_max_not_number", where(cellOf(row, maxCol), r.code), {
          input: cellText(maxValue),
        }),
      );
    }
    const levelsValue = at(row, columns.levels);
    const levels = parseLevels(levelsValue);
    if (levels.invalid) {
      issues.push(
        makeIssue("criteria_levels_invalid", where(cellOf(row, columns.levels), r.code), {
          input: cellText(levelsValue),
        }),
      );
    }
    const title = cellText(at(row, columns.title));
    const parentId = r.parentId && nodes[r.parentId] ? r.parentId : null;
    nodes[r.id] = {
      id: r.id,
      code: r.code,
      title,
      kind: KINDS[r.depth],
      depth: r.depth as 1 | 2 | 3,
      parentId,
      childIds: [],
      maxPoints: max === null ? null : toMicro(max),
      role: ownRoles[i] ?? (parentId ? nodes[parentId].role : "normal"),
      weight: columns.weight === undefined ? null : parseWeight(at(row, columns.weight)),
      levels: levels.levels,
      row,
    };
    if (parentId) nodes[parentId].childIds.push(r.id);
    order.push(r.id);
  });

  // Maxima bottom-up: a parent without a typed maximum takes its children's sum; a typed one is
  // checked against it (published sets contain errors: one sums to 99.55 under a stated 100).
  for (let i = order.length - 1; i >= 0; i--) {
    const n = nodes[order[i]];
    const maxCell = cellOf(n.row, maxCol);
    if (n.childIds.length === 0) {
      if (n.maxPoints === null && isBlank(at(n.row, maxCol))) {
        issues.push(makeIssue("criteria_leaf_without_max", where(maxCell, n.code)));
      }
      continue;
    }
    const kids = n.childIds.map((id) => nodes[id].maxPoints);
    if (kids.some((k) => k === null)) continue;
    const sum = sumMicro(kids as number[]);
    if (n.maxPoints === null) n.maxPoints = sum;
    else if (n.maxPoints !== sum) {
      issues.push(
        makeIssue("criteria_max_sum_mismatch", where(maxCell, n.code), {
          max: fromMicro(n.maxPoints),
          sum: fromMicro(sum),
        }),
      );
    }
  }

  const roots = order.filter((id) => nodes[id].parentId === null);
  const fieldIds = order.filter((id) => nodes[id].depth === 1);
  const counted = roots.filter((id) => nodes[id].role === "normal" || nodes[id].role === "survey");
  const maxPoints = sumMicro(counted.map((id) => nodes[id].maxPoints ?? 0));
  if (totalRow && totalRow.maxPoints !== null && totalRow.maxPoints !== maxPoints && order.length > 0) {
    issues.push(
      makeIssue("criteria_total_mismatch", where(cellOf(totalRow.row, maxCol)), {
        max: fromMicro(totalRow.maxPoints),
        sum: fromMicro(maxPoints),
      }),
    );
  }
  const criteria: CriteriaSet = {
    sheet: sheet.name,
    headerRow: header?.top ?? 0,
    columns,
    nodes,
    order,
    fieldIds: fieldIds.length ? fieldIds : roots,
    leafIds: order.filter((id) => nodes[id].childIds.length === 0),
    maxPoints,
    totalRow,
  };
  return { criteria, issues };
}
