/**
 * What a column header means. Headers vary between provinces and years ("Điểm tự đánh giá",
 * "Tự chấm", "Điểm đơn vị tự chấm"…), so text is folded (case, accents, NFC/NFD, spacing) and
 * matched by key phrases, most specific first: "Điểm tối đa" must never read as a score column,
 * "Ý kiến hội đồng thẩm định" is a comment, not the appraised score.
 */
import { foldText } from "../text";
import type { ColumnRole } from "../model";

export type RoleMatch = { role: ColumnRole; confidence: number };

type Rule = { role: ColumnRole; confidence: number; test: (t: string) => boolean };

const has =
  (...parts: string[]) =>
  (t: string): boolean =>
    parts.some((p) => t.includes(p));
const is =
  (...words: string[]) =>
  (t: string): boolean =>
    words.includes(t);
const word = (...words: string[]): ((t: string) => boolean) => {
  const pattern = new RegExp(`(^|[^a-z0-9])(${words.join("|")})($|[^a-z0-9])`);
  return (t) => pattern.test(t);
};

/** Either test; both are built once, with the rules, not at each text. */
const either =
  (a: (t: string) => boolean, b: (t: string) => boolean) =>
  (t: string): boolean =>
    a(t) || b(t);

/** Ordered: the first rule that matches wins. */
const RULES: Rule[] = [
  { role: "maxPoints", confidence: 3, test: has("toi da", "thang diem", "diem chuan") },
  { role: "levels", confidence: 3, test: has("muc diem") },
  { role: "weight", confidence: 3, test: has("trong so", "ty trong") },
  { role: "comment", confidence: 3, test: has("y kien", "ghi chu", "nhan xet") },
  { role: "explanation", confidence: 3, test: has("giai trinh", "thuyet minh") },
  { role: "evidence", confidence: 3, test: either(has("kiem chung", "minh chung"), word("tlkc")) },
  // How or from where a criterion is scored; its cells may mark survey, bonus and deduction rows.
  {
    role: "method",
    confidence: 3,
    test: has(
      "phuong phap",
      "cach cham",
      "cach tinh",
      "huong dan cham",
      "hinh thuc danh gia",
      "hinh thuc cham",
      "cach thuc danh gia",
      "cach thuc cham",
      "phuong thuc danh gia",
      "phuong thuc cham",
    ),
  },
  {
    role: "surveyPoints",
    confidence: 3,
    test: either(has("dieu tra", "khao sat"), word("xhh", "dtxhh")),
  },
  // "Điểm hội đồng" is the appraisal council's score; "Hội đồng nhân dân" is part of a unit's name
  // ("Văn phòng Đoàn ĐBQH và Hội đồng nhân dân tỉnh" heading its matrix column).
  {
    role: "appraisedScore",
    confidence: 3,
    test: (t) => t.includes("tham dinh") || /hoi dong(?! nhan dan)/.test(t),
  },
  { role: "selfScore", confidence: 3, test: has("tu danh gia", "tu cham", "tu dg", "don vi cham") },
  {
    role: "code",
    confidence: 3,
    test: is(
      "stt",
      "tt",
      "ma",
      "ma so",
      "so tt",
      "so thu tu",
      "ma tc",
      "ma tieu chi",
      "ma so tieu chi",
      "ky hieu",
    ),
  },
  {
    role: "unitName",
    confidence: 3,
    test: either(
      is("don vi", "co quan", "co quan, don vi", "co quan/don vi", "dia phuong"),
      (t) => t.startsWith("ten don vi") || t.startsWith("ten co quan"),
    ),
  },
  {
    role: "group",
    confidence: 3,
    test: either(is("khoi", "nhom", "khoi thi dua", "nhom xep hang", "khoi xep hang"), (t) =>
      t.startsWith("khoi "),
    ),
  },
  {
    role: "kind",
    confidence: 2,
    test: either(
      is("loai", "nguon", "nguon diem"),
      (t) => t.startsWith("loai ") || t.startsWith("nguon diem "),
    ),
  },
  { role: "title", confidence: 2, test: has("noi dung", "tieu chi", "linh vuc", "chi so thanh phan") },
  // A bare "Điểm" or "Kết quả" column on a unit sheet holds the unit's score.
  {
    role: "selfScore",
    confidence: 1,
    test: is("diem", "diem so", "diem dat", "diem danh gia", "ket qua"),
  },
];

/** The highest confidence a rule gives: what one column can add to a header's score. */
export const MAX_ROLE_CONFIDENCE = Math.max(...RULES.map((r) => r.confidence));

/** Header texts are short; longer text is a title or a criterion, never a column name. */
const MAX_HEADER_LENGTH = 120;
const memo = new Map<string, RoleMatch | null>();

/** The role a header text names, with a confidence (3 certain, 1 a guess), or null. */
export function classifyHeaderText(text: string): RoleMatch | null {
  if (text === "" || text.length > MAX_HEADER_LENGTH) return null;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const match = classifyFolded(foldText(text));
  // The same header texts recur on every sheet of a workbook. Every cell of the first rows is
  // asked, score and evidence texts too, so a small memo would be emptied every few sheets.
  if (memo.size > 50_000) memo.clear();
  memo.set(text, match);
  return match;
}

function classifyFolded(folded: string): RoleMatch | null {
  const t = folded.replace(/[:.*]+$/, "").trim();
  const rule = t === "" ? undefined : RULES.find((r) => r.test(t));
  return rule ? { role: rule.role, confidence: rule.confidence } : null;
}

/**
 * classifyHeaderText(labels.join(" ")) for the labels of one column of a multi-row header
 * ("Sở Tư pháp" above "Tự chấm"), from the labels folded one by one: folding works character
 * by character apart from the spaces, which it collapses and trims, so the folded join is the
 * folded labels joined by one space. Two cases where that does not hold are folded whole, as
 * classifyHeaderText does: a label that folds to nothing (spaces or accents alone, whose space
 * would not be doubled) and a capital sigma, whose lower case depends on the letter after it.
 */
export function classifyJoinedLabels(labels: readonly string[], text: string): RoleMatch | null {
  if (labels.length < 2) return classifyHeaderText(text);
  if (text === "" || text.length > MAX_HEADER_LENGTH) return null;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const parts: string[] = [];
  let whole = false;
  for (const label of labels) {
    const folded = foldText(label);
    if (folded === "" || label.includes("\u03a3")) whole = true;
    parts.push(folded);
  }
  const match = classifyFolded(whole ? foldText(text) : parts.join(" "));
  if (memo.size > 50_000) memo.clear();
  memo.set(text, match);
  return match;
}

/** Words a unit's name starts with (a body or a place), folded. */
const UNIT_TYPE =
  /^(so|ban|ubnd|uy ban nhan dan|van phong|co quan|xa|phuong|thi tran|thanh tra|cong an|trung tam|chi cuc|cuc|toa an|vien kiem sat|kho bac|bao hiem xa hoi|bo chi huy|huyen|quan|thi xa|thanh pho) /;

/**
 * True for a header text that reads like a unit's name rather than a column label: it starts with a
 * body or place ("Cơ quan", "Trung tâm", "Sở", "Xã"…) and is long. Role labels are short ("Tự
 * chấm", "Sở Nội vụ thẩm định") or start with "Điểm" ("Điểm thẩm định (Hội đồng)").
 */
export function looksLikeUnitName(text: string): boolean {
  const t = foldText(text);
  return t.length >= 25 && UNIT_TYPE.test(t);
}

/**
 * True for a label above score sub-columns that names no unit ("Điểm", "Kết quả chấm điểm",
 * "Điểm các đơn vị"): it groups columns of one sheet rather than naming a unit of a matrix.
 */
export function isGenericScoreLabel(text: string): boolean {
  const t = foldText(text);
  return (
    t === "" ||
    t.startsWith("diem") ||
    t.startsWith("ket qua") ||
    t.startsWith("so diem") ||
    t.includes("cham diem") ||
    t.includes("danh gia") ||
    t.includes("cac don vi") ||
    /^nam \d{4}$/.test(t)
  );
}

/** True for a row of column numbers under a header: "(1) (2) (3)", "A B 1 2", "1 2 3". */
export function isNumberingRow(cells: readonly string[]): boolean {
  let filled = 0;
  for (const c of cells) {
    if (c === "") continue;
    if (!isColumnNumber(c)) return false;
    filled++;
  }
  return filled >= 2;
}

/** One cell of a numbering row: "(1)", "A", "3", or a formula of column numbers "(4) = (2) + (3)". */
export function isColumnNumber(text: string): boolean {
  // Longer than "(12)", a column number is a formula, which opens with "(".
  if (text.length > 4 && text.charCodeAt(0) !== 40) return false;
  return /^\(?(\d{1,2}|[A-Z])\)?$/.test(text) || /^\(\d{1,2}\)\s*[=+\-x*/].*$/.test(text);
}
