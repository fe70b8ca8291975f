/**
 * Workbook problems as data. Each issue has a stable snake_case `code`, a severity, where it is
 * (sheet, A1 cell), which unit and criterion it concerns, and a payload; the texts live in one
 * table per language keyed by code. Workbook problems never throw; bugs do.
 */
import { formatDecimalVi } from "./text";

/** "info": read with care, nothing to fix (e.g. the criteria changed since last year). */
export type Severity = "error" | "warning" | "info";

/** Payload values shown in messages. Points are plain numbers (not micro-points). */
export type IssueData = {
  max?: number;
  input?: string;
  expected?: string;
  actual?: number;
  sum?: number;
  count?: number;
  name?: string;
  other?: string;
  /** criteria_version_differs: how the file's sheets differ from the criteria set. */
  differences?: VersionDifference[];
  /** Why a sheet's layout was refused (layout_implausible): one of the PlausibilityReason keys. */
  reason?: string;
};

/** One way a scoring sheet differs from the criteria set: another maximum, a criterion missing or added. */
export type VersionDifference = {
  kind: "max" | "missing" | "added";
  /** The criterion's code as shown ("1.2"). */
  criterion: string;
  /** kind "max": the maximum typed on the sheet and the set's. */
  actual?: number;
  max?: number;
};

export type Issue = {
  code: IssueCode;
  severity: Severity;
  /** The sheet concerned; null only for a problem of the whole workbook (no criteria sheet). */
  sheet: string | null;
  /** A1 address on that sheet; null only when no cell exists (a missing row). */
  cell: string | null;
  unit: string | null;
  /** Code of the criterion as shown ("1.2"), or null. */
  criterion: string | null;
  data: IssueData;
};

export type Lang = "vi" | "en";

type Texts = { vi: (d: IssueData, i: Issue) => string; en: (d: IssueData, i: Issue) => string };

const n = (value: number | undefined): string =>
  value === undefined ? "?" : formatDecimalVi(value, decimalsOf(value));
const en = (value: number | undefined): string => (value === undefined ? "?" : String(value));
const q = (text: string | undefined): string => `"${text ?? ""}"`;

/** A scoring role ("survey", "bonus", "deduction", "normal") in words, for role_differs. */
const ROLE_WORDS: Record<string, { vi: string; en: string }> = {
  survey: { vi: "tiêu chí điều tra xã hội học", en: "a survey criterion" },
  bonus: { vi: "điểm cộng", en: "a bonus item" },
  deduction: { vi: "điểm trừ", en: "a deduction item" },
  normal: { vi: "tiêu chí tự đánh giá, thẩm định", en: "an ordinary (self-scored, appraised) criterion" },
};
const roleVi = (role: string | undefined): string => ROLE_WORDS[role ?? ""]?.vi ?? role ?? "?";
const roleEn = (role: string | undefined): string => ROLE_WORDS[role ?? ""]?.en ?? role ?? "?";

function decimalsOf(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(s.length - dot - 1, 6);
}

/**
 * What was found on a sheet whose layout is refused, and what was expected (layout_implausible).
 * `input` is an example of what was found, `count` how many, `max` how many were expected.
 */
function implausibleText(d: IssueData, lang: Lang): string {
  const choose =
    lang === "vi"
      ? "chọn hướng bảng trong Tổng quan hoặc --settings."
      : "choose the table's orientation in Overview or with --settings.";
  const example = d.input ? ` (${q(d.input)})` : "";
  switch (d.reason) {
    case "codes_across":
      return lang === "vi"
        ? `các mã tiêu chí nằm trên một hàng — bảng có vẻ xếp đơn vị theo hàng; ${choose}`
        : `the criterion codes run along a row — the units seem to be in rows; ${choose}`;
    case "unit_names_codes":
      return lang === "vi"
        ? `${d.count ?? "?"} tên đơn vị là mã tiêu chí hoặc số${example} — cần tên đơn vị như "Sở Tư pháp"; ${choose}`
        : `${d.count ?? "?"} unit names are criterion codes or numbers${example} — expected names such as "Sở Tư pháp"; ${choose}`;
    case "leaves_missing":
      return lang === "vi"
        ? `chỉ có ${d.count ?? 0} trong ${d.max ?? "?"} tiêu chí của bộ tiêu chí — một bảng chấm điểm cần gần đủ các tiêu chí (hoặc đủ các lĩnh vực); kiểm tra dòng tiêu đề và cột mã trong Tổng quan hoặc --settings.`
        : `only ${d.count ?? 0} of the ${d.max ?? "?"} criteria of the set are on it — a scoring sheet needs nearly all of them (or all the fields); check its header rows and code column in Overview or with --settings.`;
    case "more_units_than_list":
      return lang === "vi"
        ? `có ${d.count ?? "?"} đơn vị, nhiều hơn ${d.max ?? "?"} đơn vị của danh sách đơn vị, phần lớn không có trong danh sách${example} — bảng có vẻ bị đọc sai hướng; ${choose}`
        : `it holds ${d.count ?? "?"} units, more than the ${d.max ?? "?"} of the units list, most of them not in it${example} — the table seems read the wrong way round; ${choose}`;
    case "two_orientations":
      return lang === "vi"
        ? `đơn vị${example} có cả trên hàng tiêu đề và trong cột tên — không rõ đơn vị xếp theo hàng hay theo cột; ${choose}`
        : `the unit${example} appears both in the header row and down the name column — units in rows or in columns?; ${choose}`;
    case "no_unit_column":
      return lang === "vi"
        ? `các mã tiêu chí nằm trên một hàng nhưng không thấy cột tên đơn vị bên trái — cần cột "Tên đơn vị"; ${choose}`
        : `the criterion codes run along a row but no unit-name column stands left of them — expected a "Tên đơn vị" column; ${choose}`;
    default:
      return lang === "vi"
        ? `không đọc được cách bố trí bảng; ${choose}`
        : `the layout could not be understood; ${choose}`;
  }
}

/**
 * Every issue code with its severity and texts. Add new codes here (and nowhere else);
 * a code, once published, keeps its meaning.
 */
export const ISSUE_CATALOG = {
  // ── Workbook and layout ─────────────────────────────────────────────
  no_criteria_sheet: {
    severity: "error",
    vi: () => "Không tìm thấy sheet bộ tiêu chí (cần các cột STT, Nội dung tiêu chí, Điểm tối đa).",
    en: () => "No criteria sheet found (it needs code, criterion and maximum-points columns).",
  },
  criteria_header_not_found: {
    severity: "error",
    vi: () => "Không tìm thấy dòng tiêu đề cột (STT, Nội dung, Điểm tối đa) trong 20 dòng đầu.",
    en: () => "No header row (code, criterion, maximum points) in the first 20 rows.",
  },
  criteria_column_missing: {
    severity: "error",
    vi: (d) => `Thiếu cột ${q(d.name)} trong sheet bộ tiêu chí.`,
    en: (d) => `The criteria sheet has no ${q(d.name)} column.`,
  },
  scoring_column_missing: {
    severity: "error",
    vi: (d) => `Sheet chấm điểm thiếu cột ${q(d.name)}.`,
    en: (d) => `The scoring sheet has no ${q(d.name)} column.`,
  },
  layout_implausible: {
    severity: "error",
    vi: (d) => `Sheet '${d.name ?? ""}': ${implausibleText(d, "vi")}`,
    en: (d) => `Sheet '${d.name ?? ""}': ${implausibleText(d, "en")}`,
  },
  settings_invalid: {
    severity: "warning",
    vi: (d) => `Cài đặt ${q(d.name)} không hợp lệ (${d.input ?? ""}); dùng giá trị mặc định.`,
    en: (d) => `Setting ${q(d.name)} is invalid (${d.input ?? ""}); the default is used.`,
  },
  sheet_not_owned: {
    severity: "warning",
    vi: () =>
      "Sheet này mang tên một sheet PAR Scorer đã ghi trước đây nhưng nội dung không còn như PAR Scorer đã ghi (đã được sửa, hoặc là một sheet khác cùng tên), nên được giữ nguyên: không bị xóa hay ghi đè; bảng xếp hạng mới được ghi vào sheet tên khác.",
    en: () =>
      "This sheet has the name of a sheet PAR Scorer wrote earlier, but its content is no longer what PAR Scorer wrote (it was edited, or it is another sheet of the same name), so it is kept: neither deleted nor overwritten; the new ranking goes to a sheet with another name.",
  },
  settings_sheet_foreign: {
    severity: "warning",
    vi: (d) =>
      `Sheet ${q(d.name)} không phải sheet lưu trữ của PAR Scorer (đang hiện, hoặc thiếu dấu của PAR Scorer) nên không được đọc làm cài đặt và không bị ghi đè; cài đặt và danh sách sheet xếp hạng sẽ không được lưu. Hãy đổi tên sheet đó.`,
    en: (d) =>
      `Sheet ${q(d.name)} is not PAR Scorer's storage sheet (it is visible, or lacks PAR Scorer's marker), so it is not read as settings nor overwritten; settings and the list of ranking sheets will not be saved. Rename that sheet.`,
  },
  sheet_not_found: {
    severity: "error",
    vi: (d) => `Không có sheet ${q(d.name)} như cài đặt đã chỉ định.`,
    en: (d) => `There is no sheet ${q(d.name)}, which the settings name.`,
  },
  legacy_encoding: {
    severity: "warning",
    vi: (d) =>
      `Văn bản có vẻ dùng bảng mã cũ (${d.name ?? "TCVN3/VNI"}): ${q(d.input)}. Hãy chuyển sang Unicode.`,
    en: (d) =>
      `Text seems to use a legacy encoding (${d.name ?? "TCVN3/VNI"}): ${q(d.input)}. Convert it to Unicode.`,
  },

  // ── Criteria sheet ──────────────────────────────────────────────────
  criteria_duplicate_code: {
    severity: "error",
    vi: (d, i) => `Mã tiêu chí ${q(i.criterion ?? "")} bị trùng (đã có ở ô ${d.other ?? "?"}).`,
    en: (d, i) => `Criterion code ${q(i.criterion ?? "")} is duplicated (already at ${d.other ?? "?"}).`,
  },
  criteria_leaf_without_max: {
    severity: "error",
    vi: (_d, i) => `Tiêu chí ${i.criterion ?? ""} không có điểm tối đa.`,
    en: (_d, i) => `Criterion ${i.criterion ?? ""} has no maximum points.`,
  },
  criteria_max_not_number: {
    severity: "error",
    vi: (d) => `Điểm tối đa ${q(d.input)} không phải là số.`,
    en: (d) => `Maximum points ${q(d.input)} is not a number.`,
  },
  criteria_max_not_positive: {
    severity: "error",
    vi: (d, i) => `Điểm tối đa ${q(d.input)} của ${i.criterion ?? ""} phải lớn hơn 0.`,
    en: (d, i) => `Maximum points ${q(d.input)} of ${i.criterion ?? ""} must be greater than 0.`,
  },
  criteria_max_sum_mismatch: {
    severity: "warning",
    vi: (d, i) =>
      `Điểm tối đa của ${i.criterion ?? ""} là ${n(d.max)} nhưng tổng các tiêu chí con là ${n(d.sum)}.`,
    en: (d, i) => `Maximum of ${i.criterion ?? ""} is ${en(d.max)} but its children sum to ${en(d.sum)}.`,
  },
  criteria_total_mismatch: {
    severity: "warning",
    vi: (d) => `Dòng tổng cộng ghi ${n(d.max)} nhưng tổng điểm tối đa các lĩnh vực là ${n(d.sum)}.`,
    en: (d) => `The total row says ${en(d.max)} but the fields' maxima sum to ${en(d.sum)}.`,
  },
  criteria_code_unrecognized: {
    severity: "warning",
    vi: (d) => `Dòng có điểm tối đa nhưng mã ${q(d.input)} không đọc được; dòng này bị bỏ qua.`,
    en: (d) => `A row has maximum points but its code ${q(d.input)} cannot be read; the row is skipped.`,
  },
  criteria_code_beyond_limit: {
    severity: "error",
    vi: (d, i) =>
      `Sheet ${q(i.sheet ?? "")}, ô ${i.cell ?? "?"}: mã tiêu chí ${q(d.input)} có số lớn hơn ${d.max ?? "?"}, giới hạn của PAR Scorer cho mỗi số trong mã; không đọc bộ tiêu chí này (không bỏ bớt tiêu chí nào). Kiểm tra cột mã (STT) của bộ tiêu chí.`,
    en: (d, i) =>
      `Sheet ${q(i.sheet ?? "")}, cell ${i.cell ?? "?"}: criterion code ${q(d.input)} has a number above ${d.max ?? "?"}, PAR Scorer's limit for each number of a code; the criteria set is not read (no criterion is dropped). Check the criteria set's code (STT) column.`,
  },
  criteria_levels_invalid: {
    severity: "warning",
    vi: (d) => `Mức điểm ${q(d.input)} không đọc được; không kiểm tra mức điểm cho tiêu chí này.`,
    en: (d) => `Score levels ${q(d.input)} cannot be read; levels are not checked for this criterion.`,
  },

  // ── Scoring sheets ─────────────────────────────────────────────────
  score_above_max: {
    severity: "error",
    vi: (d) => `Điểm ${n(d.actual)} vượt điểm tối đa ${n(d.max)}. Cần từ 0 đến ${n(d.max)}.`,
    en: (d) => `Score ${en(d.actual)} is above the maximum ${en(d.max)}. Expected 0 to ${en(d.max)}.`,
  },
  score_negative: {
    severity: "error",
    vi: (d) => `Điểm ${n(d.actual)} là số âm. Cần từ 0 đến ${n(d.max)}.`,
    en: (d) => `Score ${en(d.actual)} is negative. Expected 0 to ${en(d.max)}.`,
  },
  deduction_out_of_range: {
    severity: "error",
    vi: (d) => `Điểm trừ ${n(d.actual)} không hợp lệ. Cần từ -${n(d.max)} đến 0.`,
    en: (d) => `Deduction ${en(d.actual)} is out of range. Expected -${en(d.max)} to 0.`,
  },
  score_not_number: {
    severity: "error",
    vi: (d) => `Điểm ${q(d.input)} không phải là số. Nhập số, ví dụ 0,75.`,
    en: (d) => `Score ${q(d.input)} is not a number. Enter a number such as 0.75.`,
  },
  score_error_value: {
    severity: "error",
    vi: (d) => `Ô điểm chứa lỗi ${d.input ?? ""}. Sửa công thức hoặc nhập số.`,
    en: (d) => `The score cell holds the error ${d.input ?? ""}. Fix the formula or enter a number.`,
  },
  score_too_many_decimals: {
    severity: "error",
    vi: (d) =>
      `Điểm ${q(d.input)} có hơn 6 chữ số thập phân; PAR Scorer chỉ giữ 6 chữ số (sẽ thành ${n(d.actual)}) nên không tính điểm này. Nhập tối đa 6 chữ số thập phân.`,
    en: (d) =>
      `Score ${q(d.input)} has more than 6 decimals; PAR Scorer keeps 6 (it would become ${en(d.actual)}), so the score is not counted. Enter at most 6 decimals.`,
  },
  score_blank: {
    severity: "error",
    vi: () => 'Tiêu chí chưa được chấm điểm (ô trống). Nhập điểm, 0 nếu không đạt, hoặc "Không áp dụng".',
    en: () => 'The criterion is not scored (blank). Enter a score, 0 if not met, or "Không áp dụng".',
  },
  score_off_levels: {
    severity: "error",
    vi: (d) => `Điểm ${n(d.actual)} không thuộc các mức cho phép (${d.expected ?? ""}).`,
    en: (d) => `Score ${en(d.actual)} is not an allowed level (${d.expected ?? ""}).`,
  },
  survey_self_scored: {
    severity: "warning",
    vi: () => "Tiêu chí điều tra xã hội học không tự chấm; điểm tự đánh giá bị bỏ qua.",
    en: () => "Survey criteria are not self-scored; the self-score is ignored.",
  },
  survey_missing: {
    severity: "warning",
    vi: () => "Chưa có điểm điều tra xã hội học cho tiêu chí này; tính 0 điểm.",
    en: () => "No survey points for this criterion yet; it counts 0.",
  },
  survey_tally_invalid: {
    severity: "error",
    vi: (d) => `Số phiếu ${q(d.input)} không hợp lệ (cần số nguyên không âm).`,
    en: (d) => `Answer count ${q(d.input)} is invalid (a whole number of 0 or more is expected).`,
  },
  evidence_missing: {
    severity: "warning",
    vi: () => "Có điểm nhưng thiếu tài liệu kiểm chứng hoặc giải trình.",
    en: () => "Scored without evidence or an explanation.",
  },
  unknown_code: {
    severity: "error",
    vi: (d) => `Mã ${q(d.input)} không có trong bộ tiêu chí.`,
    en: (d) => `Code ${q(d.input)} is not in the criteria set.`,
  },
  duplicate_code_in_sheet: {
    severity: "error",
    vi: (d) => `Mã ${q(d.input)} xuất hiện hai lần trong sheet (lần đầu ở ô ${d.other ?? "?"}).`,
    en: (d) => `Code ${q(d.input)} appears twice in the sheet (first at ${d.other ?? "?"}).`,
  },
  missing_criterion: {
    severity: "error",
    vi: (_d, i) => `Thiếu tiêu chí ${i.criterion ?? ""} trong sheet chấm điểm; tính 0 điểm.`,
    en: (_d, i) => `Criterion ${i.criterion ?? ""} is missing from the scoring sheet; it counts 0.`,
  },
  max_differs: {
    severity: "error",
    vi: (d) =>
      `Điểm tối đa ghi ${n(d.actual)} khác bộ tiêu chí (${n(d.max)}): đơn vị có thể dùng phiên bản bộ tiêu chí khác.`,
    en: (d) =>
      `Maximum ${en(d.actual)} differs from the criteria set (${en(d.max)}): another version of the set?`,
  },
  role_differs: {
    severity: "warning",
    vi: (d) =>
      `Ô ghi ${q(d.input)} (${roleVi(d.name)}) nhưng bộ tiêu chí xếp tiêu chí này là ${roleVi(d.expected)}; tính theo bộ tiêu chí.`,
    en: (d) =>
      `The cell says ${q(d.input)} (${roleEn(d.name)}) but the criteria set makes this criterion ${roleEn(d.expected)}; the criteria set is followed.`,
  },
  parent_total_mismatch: {
    severity: "warning",
    vi: (d) =>
      `Tổng ghi ${n(d.actual)} khác tổng các tiêu chí con (${n(d.sum)}). PAR Scorer dùng tổng các tiêu chí con.`,
    en: (d) =>
      `The typed total ${en(d.actual)} differs from the sum of its children (${en(d.sum)}). The sum is used.`,
  },

  // ── Units ───────────────────────────────────────────────────────────
  unit_duplicate: {
    severity: "error",
    vi: (d) =>
      `Đơn vị ${q(d.name)} có ${d.count ?? 2} bảng chấm điểm khác nhau: sheet ${d.input ?? "?"} và ${d.other ?? "?"}. Đơn vị chưa được xếp hạng cho đến khi chọn bản dùng (cài đặt "sources", ví dụ {${q(d.name)}: ${q(d.expected)}}).`,
    en: (d) =>
      `Unit ${q(d.name)} has ${d.count ?? 2} different scoring sheets: sheet ${d.input ?? "?"} and ${d.other ?? "?"}. The unit is not ranked until the copy to use is chosen (setting "sources", e.g. {${q(d.name)}: ${q(d.expected)}}).`,
  },
  unit_identical_copy: {
    severity: "warning",
    vi: (d) =>
      `Sheet ${d.input ?? "?"} là bản sao giống hệt (cùng điểm) của đơn vị ${q(d.name)} ở sheet ${d.other ?? "?"}; chỉ tính một lần.`,
    en: (d) =>
      `Sheet ${d.input ?? "?"} is an identical copy (same scores) of unit ${q(d.name)} on sheet ${d.other ?? "?"}; it counts once.`,
  },
  unit_draft_ignored: {
    severity: "warning",
    vi: (d) =>
      `Sheet ${d.input ?? "?"} là bản nháp/bản cũ của đơn vị ${q(d.name)} (tên hoặc tiêu đề ghi nháp, dự thảo, cũ); dùng sheet ${d.other ?? "?"}.`,
    en: (d) =>
      `Sheet ${d.input ?? "?"} is a draft or old copy of unit ${q(d.name)} (its name or title says so); sheet ${d.other ?? "?"} is used.`,
  },
  unit_copy_not_chosen: {
    severity: "warning",
    vi: (d) =>
      `Đơn vị ${q(d.name)}: dùng sheet ${d.other ?? "?"} theo cài đặt "sources", bỏ sheet ${d.input ?? "?"}.`,
    en: (d) =>
      `Unit ${q(d.name)}: sheet ${d.other ?? "?"} is used as the "sources" setting says; sheet ${d.input ?? "?"} is not.`,
  },
  unit_source_unmatched: {
    severity: "warning",
    vi: (d) =>
      `Cài đặt "sources" chọn ${q(d.input)} cho đơn vị ${q(d.name)} nhưng ${d.count ? "khớp nhiều bản" : "không khớp bản nào"} (các bản: ${d.other ?? ""}); hãy ghi tên tệp hoặc tên sheet.`,
    en: (d) =>
      `The "sources" setting picks ${q(d.input)} for unit ${q(d.name)} but it matches ${d.count ? "several copies" : "no copy"} (copies: ${d.other ?? ""}); give a file or sheet name.`,
  },
  unit_not_in_list: {
    severity: "warning",
    vi: (d) => `Đơn vị ${q(d.name)} không có trong danh sách đơn vị; khối được suy ra: ${q(d.other)}.`,
    en: (d) => `Unit ${q(d.name)} is not in the units list; its group is inferred: ${q(d.other)}.`,
  },
  header_names_unit: {
    severity: "warning",
    vi: (d) =>
      `Tiêu đề ${q(d.name)} được đọc là một cột điểm nhưng giống tên đơn vị; nếu là đơn vị, hãy thêm tên này vào sheet Danh sách đơn vị để đọc cột của đơn vị.`,
    en: (d) =>
      `The header ${q(d.name)} was read as a score column but looks like a unit's name; if it is a unit, add it to the units list sheet so that its columns are read as the unit's.`,
  },
  unit_without_scores: {
    severity: "warning",
    vi: (d) => `Đơn vị ${q(d.name)} có trong danh sách nhưng không có bảng chấm điểm.`,
    en: (d) => `Unit ${q(d.name)} is in the units list but has no scoring sheet.`,
  },
  // Raised by the command line when consolidating files (docs/cli.md).
  criteria_version_differs: {
    severity: "warning",
    vi: (d) =>
      `${d.name ?? "Tệp"} theo phiên bản bộ tiêu chí khác (${d.count ?? "?"} khác biệt: ${versionList(d.differences, "vi")}; sheet ${d.other ?? ""}).`,
    en: (d) =>
      `${d.name ?? "The file"} follows another version of the criteria set (${d.count ?? "?"} difference(s): ${versionList(d.differences, "en")}; sheet ${d.other ?? ""}).`,
  },

  // ── Comparison with last year (information, nothing to fix) ──────────
  criterion_added_since_previous: {
    severity: "info",
    vi: (d, i) =>
      `Tiêu chí ${i.criterion ?? ""} (tối đa ${n(d.max)}) mới so với năm trước: không so sánh được với năm trước.`,
    en: (d, i) =>
      `Criterion ${i.criterion ?? ""} (maximum ${en(d.max)}) is new since last year: no comparison with last year.`,
  },
  criterion_removed_since_previous: {
    severity: "info",
    vi: (d, i) =>
      `Tiêu chí ${i.criterion ?? ""} (tối đa ${n(d.max)}) của năm trước không còn trong bộ tiêu chí năm nay (năm trước ở ô ${d.other ?? "?"}).`,
    en: (d, i) =>
      `Last year's criterion ${i.criterion ?? ""} (maximum ${en(d.max)}) is no longer in this year's set (last year at ${d.other ?? "?"}).`,
  },
  criterion_max_changed_since_previous: {
    severity: "info",
    vi: (d, i) =>
      `Điểm tối đa của tiêu chí ${i.criterion ?? ""} đổi từ ${n(d.actual)} (năm trước) thành ${n(d.max)}: so sánh cần thận trọng.`,
    en: (d, i) =>
      `The maximum of criterion ${i.criterion ?? ""} changed from ${en(d.actual)} (last year) to ${en(d.max)}: compare with care.`,
  },
  previous_unit_vanished: {
    severity: "info",
    vi: (d) =>
      `Đơn vị ${q(d.name)} của năm trước (${d.other ?? ""}) không có trong năm nay; nếu đã đổi tên hoặc sáp nhập, khai báo trong cài đặt previousNames.`,
    en: (d) =>
      `Last year's unit ${q(d.name)} (${d.other ?? ""}) is not in this year's results; if renamed or merged, list it in the previousNames setting.`,
  },
} satisfies Record<string, { severity: Severity } & Texts>;

export type IssueCode = keyof typeof ISSUE_CATALOG;

export const ISSUE_CODES = Object.keys(ISSUE_CATALOG) as IssueCode[];

/** The differences of criteria_version_differs, each in a few words. */
function versionList(list: VersionDifference[] | undefined, lang: Lang): string {
  if (!list?.length) return "?";
  return list
    .map((x) => {
      if (x.kind === "missing") return lang === "vi" ? `thiếu ${x.criterion}` : `${x.criterion} missing`;
      if (x.kind === "added")
        return lang === "vi"
          ? `thêm ${x.criterion} (không có trong bộ)`
          : `${x.criterion} added (not in the set)`;
      return lang === "vi"
        ? `${x.criterion} tối đa ${n(x.actual)} thay vì ${n(x.max)}`
        : `${x.criterion} maximum ${en(x.actual)} instead of ${en(x.max)}`;
    })
    .join("; ");
}

/** Builds an issue with its catalogue severity (which a caller may not override). */
export function makeIssue(
  code: IssueCode,
  where: { sheet: string | null; cell?: string | null; unit?: string | null; criterion?: string | null },
  data: IssueData = {},
): Issue {
  return {
    code,
    severity: ISSUE_CATALOG[code].severity as Severity,
    sheet: where.sheet,
    cell: where.cell ?? null,
    unit: where.unit ?? null,
    criterion: where.criterion ?? null,
    data,
  };
}

/** The issue's text in the given language: what is wrong and what is expected. */
export function describeIssue(issue: Issue, lang: Lang = "vi"): string {
  const entry: Texts = ISSUE_CATALOG[issue.code];
  return entry[lang](issue.data, issue);
}

/** Orders issues for reading: by sheet, then row, then column, then code. */
export function compareIssues(a: Issue, b: Issue): number {
  const sheet = (a.sheet ?? "").localeCompare(b.sheet ?? "", "vi");
  if (sheet !== 0) return sheet;
  const ra = cellOrder(a.cell);
  const rb = cellOrder(b.cell);
  if (ra !== rb) return ra - rb;
  return a.code.localeCompare(b.code);
}

function cellOrder(cell: string | null): number {
  if (!cell) return Number.MAX_SAFE_INTEGER;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return Number.MAX_SAFE_INTEGER;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}
