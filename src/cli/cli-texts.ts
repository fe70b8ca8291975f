/** What the command line says, in Vietnamese and English. */
export type CliLang = "vi" | "en";

export const USAGE: Record<CliLang, string> = {
  vi: `par-scorer — Chấm điểm Chỉ số CCHC (PAR INDEX) trên tệp .xlsx

Cách dùng:
  par-scorer check TỆP.xlsx…                 kiểm tra, báo lỗi theo sheet và ô
  par-scorer rank  TỆP.xlsx… [-o RA.xlsx]    kiểm tra, tính điểm, xếp hạng, ghi các sheet xếp hạng
                                             (mặc định ghi TỆP.xep-hang.xlsx, không sửa tệp gốc)
  par-scorer explain TỆP.xlsx --unit TÊN     điểm bị mất của một đơn vị, tiêu chí mất nhiều nhất trước

Tùy chọn:
  --json                 in kết quả JSON (ổn định, xem docs/cli.md) ra stdout, không in gì khác
  --settings FILE.json   cài đặt (như trong add-in), ghi đè cài đặt lưu trong bảng tính
  --criteria FILE        tệp chứa sheet bộ tiêu chí (khi gộp nhiều tệp)
  --criteria-sheet TÊN   tên sheet bộ tiêu chí
  --lang vi|en           ngôn ngữ thông báo
  -o, --output FILE      (rank) tệp kết quả
  --in-place             (rank) ghi vào chính tệp đầu vào, chỉ khi không mất gì
  --strict               dừng ở tệp đầu tiên không dùng được (mã 2) thay vì bỏ qua tệp đó
  --previous NĂM_TRƯỚC.xlsx  (check, rank) so với năm trước: bảng chấm điểm, sheet xếp hạng
                         hoặc bảng kết quả đã công bố (STT · Đơn vị · Chỉ số · Xếp hạng)
  --unit TÊN             (explain) đơn vị cần giải thích
  --ranking-only         (rank) tệp kết quả chỉ gồm các sheet xếp hạng (để gửi, để in)
  -h, --help             trợ giúp;  -v, --version  phiên bản

Mã thoát: 0 không có lỗi (có thể có cảnh báo); 1 có lỗi trong bảng điểm hoặc có tệp không đọc được
(các tệp khác vẫn được xếp hạng); 2 tệp không dùng được (tệp bộ tiêu chí, hoặc mọi tệp khi có --strict).`,
  en: `par-scorer — PAR INDEX scoring (Chỉ số CCHC) over .xlsx files

Usage:
  par-scorer check FILE.xlsx…                validate; issues by sheet and cell
  par-scorer rank  FILE.xlsx… [-o OUT.xlsx]  validate, compute, rank, write the ranking sheets
                                             (by default to FILE.xep-hang.xlsx; the input is untouched)
  par-scorer explain FILE.xlsx --unit NAME   where a unit lost points, largest loss first

Options:
  --json                 print the JSON result (stable, see docs/cli.md) on stdout, nothing else
  --settings FILE.json   settings (as in the add-in), over those saved in the workbook
  --criteria FILE        the file holding the criteria sheet (when consolidating several files)
  --criteria-sheet NAME  the criteria sheet's name
  --lang vi|en           message language
  -o, --output FILE      (rank) output file
  --in-place             (rank) rewrite the input itself, only when nothing would be lost
  --strict               stop at the first unusable file (status 2) instead of leaving it out
  --previous LAST.xlsx   (check, rank) compare with last year: scoring sheets, ranking sheets
                         or a published results table (No. · Unit · Index · Rank)
  --unit NAME            (explain) the unit to explain
  --ranking-only         (rank) an output holding only the ranking sheets (to send, to print)
  -h, --help             help;  -v, --version  version

Exit status: 0 no errors (warnings allowed); 1 validation errors, or some files unusable (the others
are ranked); 2 unusable input (the criteria file, or any file with --strict).`,
};

type Counts = { errors: number; warnings: number; units: number; leaves: number };

/** An English count with its noun: "1 warning", "2 warnings" (Vietnamese nouns do not change). */
const countOf = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const TEXTS = {
  vi: {
    severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" },
    wholeWorkbook: "Toàn bộ bảng tính",
    sheet: (name: string, file: string | null) =>
      file ? `Sheet "${name}" (tệp ${file})` : `Sheet "${name}"`,
    criterion: (code: string) => `tiêu chí ${code}`,
    noIssues: "Không có lỗi hay cảnh báo nào.",
    summary: (c: Counts) =>
      `Tổng cộng: ${c.errors} lỗi, ${c.warnings} cảnh báo — ${c.units} đơn vị, ${c.leaves} tiêu chí chấm điểm.`,
    progress: (i: number, n: number, file: string) => `[${i}/${n}] Đang đọc ${file}…`,
    groupTitle: (group: string, average: string) => `${group} — bình quân ${average}`,
    columns: ["STT", "Đơn vị", "Chỉ số (%)", "Xếp hạng", "Xếp loại"],
    unitHasErrors: "(*) đơn vị có lỗi trong bảng điểm; xem báo cáo kiểm tra.",
    written: (file: string) => `Đã ghi kết quả xếp hạng: ${file}`,
    seeCheck: "Chi tiết từng lỗi, cảnh báo: par-scorer check <tệp>.",
    chosenCriteria: (file: string) => `Dùng bộ tiêu chí trong tệp ${file}.`,
    filesTitle: "Các tệp đã đọc:",
    fileUnits: (units: string[]) =>
      units.length ? `${units.length} đơn vị: ${units.join(", ")}` : "không có bảng chấm điểm",
    unitOnSheet: (unit: string, sheet: string, fate: string | null = null) =>
      `${unit} (sheet "${sheet}"${fate ? `, ${fate}` : ""})`,
    fate: {
      unit_duplicate: "TRÙNG, chưa xếp hạng",
      unit_draft_ignored: "bản nháp, bỏ qua",
      unit_identical_copy: "bản sao giống hệt, bỏ qua",
      unit_copy_not_chosen: "không được chọn",
    },
    criteriaUsed: (sheet: string) => `bộ tiêu chí (sheet "${sheet}")`,
    criteriaIgnored: (sheet: string) => `bộ tiêu chí (sheet "${sheet}") bị bỏ qua, dùng bộ của tệp khác`,
    fileUnusable: (reason: string) => `KHÔNG DÙNG ĐƯỢC: ${reason}`,
    nothingFound: (file: string) =>
      `Tệp ${file} không có bảng chấm điểm nào và không phải tệp bộ tiêu chí; tệp này bị bỏ qua.`,
    filesTotal: (files: number, units: number, unusable: number) =>
      `Đã đọc ${files} tệp: ${units} đơn vị${unusable ? `; ${unusable} tệp không đọc được` : ""}.`,
    lossyCopy: (file: string, parts: string) =>
      `Lưu ý: bản ghi ra ${file} không giữ được ${parts} của tệp gốc (tệp gốc không bị sửa).`,
    sheetsRenamed: (file: string, renames: readonly { name: string; written: string }[]) =>
      `Lưu ý: Excel không cho tên sheet dài quá 31 ký tự; trong ${file}, ${renames
        .map((r) => `sheet "${r.name}" mang tên "${r.written}"`)
        .join("; ")} (công thức trỏ tới sheet này đã theo tên mới).`,
    internal: (detail: string) => `Lỗi nội bộ của PAR Scorer: ${detail}`,
    movement: {
      title: (year: number | null) => (year === null ? "So với năm trước" : `So với năm ${year}`),
      group: (group: string, previous: string | null) =>
        previous === null || previous === group ? group : `${group} (năm trước: ${previous})`,
      columns: ["Đơn vị", "Chỉ số năm trước", "Hạng năm trước", "Thay đổi hạng", "Thay đổi chỉ số"],
      newUnit: "mới",
      vanished: (names: string) => `Đơn vị năm trước không còn: ${names} (xem cài đặt previousNames).`,
      criteriaChanged: (n: number) =>
        `Bộ tiêu chí có ${n} thay đổi so với năm trước: xem par-scorer check --previous.`,
    },
    explain: {
      unit: (unit: string, group: string) => `${unit} — ${group}`,
      standing: (points: string, max: string, index: string, rank: string, band: string) =>
        `Tổng điểm ${points}/${max} — Chỉ số ${index} % — Xếp hạng ${rank} — Xếp loại ${band}`,
      lost: (total: string, count: number) => `Điểm bị mất: ${total} ở ${count} tiêu chí (nhiều nhất trước).`,
      columns: ["Lĩnh vực", "Tiêu chí", "Điểm", "Tối đa", "Mất", "Ô", "Chỉ số nếu đủ điểm", "Hạng nếu đủ"],
      nothingLost: "Đơn vị đạt điểm tối đa ở mọi tiêu chí áp dụng.",
    },
  },
  en: {
    severity: { error: "error", warning: "warning", info: "info" },
    wholeWorkbook: "Whole workbook",
    sheet: (name: string, file: string | null) =>
      file ? `Sheet "${name}" (file ${file})` : `Sheet "${name}"`,
    criterion: (code: string) => `criterion ${code}`,
    noIssues: "No errors or warnings.",
    summary: (c: Counts) =>
      `Total: ${countOf(c.errors, "error", "errors")}, ${countOf(c.warnings, "warning", "warnings")} — ` +
      `${countOf(c.units, "unit", "units")}, ${countOf(c.leaves, "scored criterion", "scored criteria")}.`,
    progress: (i: number, n: number, file: string) => `[${i}/${n}] Reading ${file}…`,
    groupTitle: (group: string, average: string) => `${group} — average ${average}`,
    columns: ["No.", "Unit", "Index (%)", "Rank", "Band"],
    unitHasErrors: "(*) unit whose scores have errors; see the check report.",
    written: (file: string) => `Ranking written: ${file}`,
    seeCheck: "Each error and warning in detail: par-scorer check <file>.",
    chosenCriteria: (file: string) => `Using the criteria set in ${file}.`,
    filesTitle: "Files read:",
    fileUnits: (units: string[]) =>
      units.length ? `${units.length} unit(s): ${units.join(", ")}` : "no scoring sheet",
    unitOnSheet: (unit: string, sheet: string, fate: string | null = null) =>
      `${unit} (sheet "${sheet}"${fate ? `, ${fate}` : ""})`,
    fate: {
      unit_duplicate: "DUPLICATE, not ranked",
      unit_draft_ignored: "draft, left out",
      unit_identical_copy: "identical copy, left out",
      unit_copy_not_chosen: "not chosen",
    },
    criteriaUsed: (sheet: string) => `criteria set (sheet "${sheet}")`,
    criteriaIgnored: (sheet: string) => `criteria set (sheet "${sheet}") ignored, another file's is used`,
    fileUnusable: (reason: string) => `UNUSABLE: ${reason}`,
    nothingFound: (file: string) =>
      `${file} holds no scoring sheet and is not the criteria file; it is left out.`,
    filesTotal: (files: number, units: number, unusable: number) =>
      `${files} files read: ${units} units${unusable ? `; ${unusable} file(s) could not be read` : ""}.`,
    lossyCopy: (file: string, parts: string) =>
      `Note: the copy written to ${file} lacks the original's ${parts} (the original is untouched).`,
    sheetsRenamed: (file: string, renames: readonly { name: string; written: string }[]) =>
      `Note: Excel allows sheet names of at most 31 characters; in ${file}, ${renames
        .map((r) => `sheet "${r.name}" is named "${r.written}"`)
        .join("; ")} (formulas pointing at it follow the new name).`,
    internal: (detail: string) => `PAR Scorer internal error: ${detail}`,
    movement: {
      title: (year: number | null) => (year === null ? "Compared with last year" : `Compared with ${year}`),
      group: (group: string, previous: string | null) =>
        previous === null || previous === group ? group : `${group} (last year: ${previous})`,
      columns: ["Unit", "Last index", "Last rank", "Rank change", "Index change"],
      newUnit: "new",
      vanished: (names: string) =>
        `Last year's units no longer present: ${names} (see the previousNames setting).`,
      criteriaChanged: (n: number) =>
        `The criteria set has ${n} changes since last year: see par-scorer check --previous.`,
    },
    explain: {
      unit: (unit: string, group: string) => `${unit} — ${group}`,
      standing: (points: string, max: string, index: string, rank: string, band: string) =>
        `Points ${points}/${max} — Index ${index} % — Rank ${rank} — Band ${band}`,
      lost: (total: string, count: number) => `Points lost: ${total} on ${count} criteria (largest first).`,
      columns: ["Field", "Criterion", "Points", "Max", "Lost", "Cell", "Index if full", "Rank if full"],
      nothingLost: "The unit earned full points on every applicable criterion.",
    },
  },
} as const;
