/**
 * The scoring role (survey, bonus, deduction, ordinary) a criterion's row states in words: in a
 * Loại / Nguồn column, in a method column ("Phương pháp đánh giá", "Hình thức đánh giá", "Cách
 * thức đánh giá", "Nguồn điểm"), or in its title. QĐ 876/QĐ-BNV: survey criteria are scored from
 * the sociological survey by Sở Nội vụ, never by the unit, and need no evidence.
 *
 * Matching is on folded text (case, accents, spacing) except where folding would merge two words:
 * "cộng" (add) and "công" (công khai), "thưởng" (reward) and "thường" (ordinary), "trừ" (subtract)
 * and "trụ" (trụ sở), "phạt" (penalty) and "phát" (phát hành) fold alike, so those are matched with
 * their accents (or, typed without any accent, only in the set phrases "điểm cộng", "trừ điểm"…).
 */
import { type SheetSnapshot, cellAt, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { ColumnMap, CriteriaSet, ScoringRole } from "../model";
import { cellText, foldText } from "../text";

/** Which kind of column a cell comes from: a Loại / Nguồn column, or a method column. */
export type RoleColumn = "kind" | "method";

/** A whole word (or phrase) of folded text: bounded by anything that is not a letter or digit. */
const words = (...phrases: string[]): RegExp =>
  new RegExp(`(^|[^a-z0-9])(${phrases.join("|")})($|[^a-z0-9])`);

/** Survey, whatever else the cell says: "Điều tra XHH", "ĐTXHH", "Người dân đánh giá". */
const SURVEY_SURE = words(
  "xhh",
  "dtxhh",
  "xa hoi hoc",
  "nguoi dan danh gia",
  "danh gia cua nguoi dan",
  "y kien (cua )?nguoi dan",
);
/** Survey unless the cell also names the unit's own scoring ("khảo sát thực tế" during an appraisal). */
const SURVEY_LIKELY = words("dieu tra", "khao sat", "nguoi dan");
/** The unit scores it and the appraisal checks it: an ordinary criterion. */
const ORDINARY = words("tu danh gia", "tu cham", "tham dinh", "don vi cham", "hoi dong", "binh thuong");
/** "Thường" (ordinary), with its accent: folded, it would read as "thưởng" (reward). */
const ORDINARY_ACCENTED = /(^|[^\p{L}\p{N}])(thường|bình thường)($|[^\p{L}\p{N}])/u;

const BONUS_ACCENTED = /(^|[^\p{L}\p{N}])(cộng|thưởng)($|[^\p{L}\p{N}])/u;
const DEDUCTION_ACCENTED = /(^|[^\p{L}\p{N}])(trừ|phạt)($|[^\p{L}\p{N}])/u;
const BONUS_PHRASE = words("diem cong", "cong diem", "diem thuong", "thuong diem");
const DEDUCTION_PHRASE = words("diem tru", "tru diem", "diem phat", "phat diem");
/** "Tổng cộng" closes a table; it is not a bonus. */
const TOTAL = words("tong cong");

/** Lower case, NFC, single spaces: accents kept. */
function accented(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Bonus or deduction as a cell states it. In a method column, only a cell that opens with the word
 * and carries no number outside brackets counts: "Điểm trừ", "Trừ điểm (tối đa 2 điểm)"; a scoring
 * rule such as "Chậm 1 ngày trừ 0,5 điểm" describes how an ordinary criterion loses points.
 */
function bonusOrDeduction(text: string, column: RoleColumn): ScoringRole | null {
  const raw = accented(text);
  const folded = foldText(text);
  if (TOTAL.test(folded)) return null;
  let subject = raw;
  if (column === "method") {
    const outsideBrackets = raw.replace(/\([^)]*\)/g, " ");
    if (/\d/.test(outsideBrackets)) return null;
    // The first two words decide: "điểm cộng", "cộng điểm", "trừ", "phạt…".
    subject = outsideBrackets
      .trim()
      .split(/[\s,;:.]+/)
      .slice(0, 2)
      .join(" ");
  }
  const foldedSubject = column === "method" ? foldText(subject) : folded;
  const hasAccents = raw !== folded;
  const bonus = BONUS_ACCENTED.test(subject) || (!hasAccents && BONUS_PHRASE.test(foldedSubject));
  const deduction = DEDUCTION_ACCENTED.test(subject) || (!hasAccents && DEDUCTION_PHRASE.test(foldedSubject));
  if (bonus && !deduction) return "bonus";
  if (deduction && !bonus) return "deduction";
  return null;
}

/**
 * The role a Loại / Nguồn or method cell states, or null when it says none (blank, or guidance
 * text about something else). "Tự đánh giá", "Thẩm định", "Thường" state an ordinary criterion.
 */
export function roleFromCell(text: string, column: RoleColumn): ScoringRole | null {
  const folded = foldText(text);
  if (folded === "") return null;
  if (SURVEY_SURE.test(folded)) return "survey";
  if (ORDINARY.test(folded) || ORDINARY_ACCENTED.test(accented(text))) return "normal";
  if (SURVEY_LIKELY.test(folded)) return "survey";
  return bonusOrDeduction(text, column);
}

/**
 * The role a criterion's title states: "Điều tra xã hội học", "Đánh giá của người dân", "Điểm
 * thưởng", "Điểm trừ"; a bare "khảo sát" only when `loose` (no Loại or method column speaks):
 * a title such as "Khảo sát, đánh giá tác động của TTHC" names an ordinary criterion.
 */
export function roleFromTitle(title: string, loose: boolean): ScoringRole | null {
  const t = foldText(title);
  if (/dieu tra xa hoi hoc|\bd?t?xhh\b|danh gia cua nguoi dan/.test(t)) return "survey";
  if (loose && /khao sat/.test(t)) return "survey";
  if (/diem cong|diem thuong|cong diem/.test(t)) return "bonus";
  if (/diem tru|diem phat|tru diem/.test(t)) return "deduction";
  return null;
}

/** One criteria row's texts: its Loại / Nguồn cell, its method cell and its title. */
export type RoleTexts = { kind: string; method: string; title: string };

/**
 * The role each row states itself (null: it inherits its parent's). A Loại or method cell decides
 * its row, whatever the title says. When such a column marks any row, a title decides a row the
 * column leaves blank only by an unmistakable phrase ("điều tra xã hội học", "điểm trừ"), never by
 * a bare "khảo sát"; without one, titles decide as they read.
 */
export function rowRoles(rows: readonly RoleTexts[]): (ScoringRole | null)[] {
  const stated = rows.map((r) => roleFromCell(r.kind, "kind") ?? roleFromCell(r.method, "method"));
  const columnSpeaks = stated.some((s) => s !== null);
  return rows.map((r, i) => stated[i] ?? roleFromTitle(r.title, !columnSpeaks));
}

/**
 * A scoring sheet that repeats the Loại or method column: each of its cells that states a role
 * other than the criteria set's is reported at the cell (role_differs, a warning; the set wins).
 * `rows` are the sheet's coded rows matched to the set.
 */
export function checkStatedRoles(
  sheet: SheetSnapshot,
  rows: readonly { row: number; criterionId: string | null }[],
  columns: ColumnMap,
  criteria: CriteriaSet | null,
  unit: string | null,
): Issue[] {
  const issues: Issue[] = [];
  if (!criteria || (columns.kind === undefined && columns.method === undefined)) return issues;
  for (const r of rows) {
    const node = r.criterionId === null ? undefined : criteria.nodes[r.criterionId];
    if (!node) continue;
    for (const column of ["kind", "method"] as const) {
      const col = columns[column];
      if (col === undefined) continue;
      const text = cellText(cellAt(sheet.values, r.row, col));
      const stated = roleFromCell(text, column);
      if (stated === null) continue;
      if (stated !== node.role) {
        issues.push(
          makeIssue(
            "role_differs",
            { sheet: sheet.name, cell: toA1(r.row, col), unit, criterion: node.code },
            { input: text, name: stated, expected: node.role },
          ),
        );
      }
      break;
    }
  }
  return issues;
}
