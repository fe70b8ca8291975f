/**
 * Why a file cannot be used at all (exit status 2): not an .xlsx, damaged, encrypted, too big…
 * These are not workbook issues (the core never sees such a file); each has one clear line in
 * Vietnamese and English that names the file.
 */
import * as path from "node:path";

export type FileProblemCode =
  | "file_not_found"
  | "file_unreadable"
  | "file_empty"
  | "file_too_large"
  | "not_zip"
  | "zip_damaged"
  | "word_document"
  | "powerpoint_document"
  | "opendocument"
  | "xlsb_workbook"
  | "not_workbook"
  | "encrypted_workbook"
  | "legacy_xls"
  | "ole_not_workbook"
  | "zip_bomb"
  | "too_many_sheets"
  | "too_many_cells"
  | "too_many_merges"
  | "invalid_number"
  | "sheet_too_large"
  | "no_sheets"
  | "empty_workbook"
  | "no_criteria_sheet"
  | "several_criteria_files"
  | "criteria_sheet_missing"
  | "unreadable_workbook"
  | "in_place_lossy"
  | "output_is_input"
  | "settings_file_invalid"
  | "settings_file_not_regular"
  | "settings_file_too_large"
  | "write_failed"
  | "output_bad_path"
  | "output_not_regular"
  | "output_read_only"
  | "previous_without_results"
  | "unit_not_found";

/** A file problem: its code, the file, and details shown in the message. */
export type FileProblem = {
  code: FileProblemCode;
  file: string;
  /** Details: sizes, counts, lost parts, the reader's own message. */
  detail?: string;
  count?: number;
  limit?: number;
};

type Texts = { vi: (p: FileProblem, f: string) => string; en: (p: FileProblem, f: string) => string };

const mb = (bytes: number | undefined): string =>
  bytes === undefined ? "?" : String(Math.ceil(bytes / 2 ** 20));

const KIND_LABELS: Record<string, { vi: string; en: string }> = {
  directory: { vi: "một thư mục", en: "a folder" },
  symlink: { vi: "một liên kết tượng trưng", en: "a symbolic link" },
  fifo: { vi: "một FIFO (ống dẫn)", en: "a FIFO (named pipe)" },
  device: { vi: "một thiết bị", en: "a device" },
  other: { vi: "một đối tượng đặc biệt", en: "a special file" },
};

const ERRNO_LABELS: Record<string, { vi: string; en: string }> = {
  ENOSPC: { vi: "hết chỗ trên đĩa", en: "no space left on the disk" },
  EACCES: { vi: "không có quyền ghi", en: "permission denied" },
  EPERM: { vi: "không có quyền ghi", en: "permission denied" },
  EROFS: { vi: "ổ đĩa chỉ đọc", en: "read-only file system" },
  ENOTDIR: { vi: "một phần của đường dẫn không phải thư mục", en: "a part of the path is not a folder" },
  EISDIR: { vi: "đó là một thư mục", en: "it is a folder" },
};

const TEXTS: Record<FileProblemCode, Texts> = {
  file_not_found: {
    vi: (_p, f) => `Không tìm thấy tệp ${f}.`,
    en: (_p, f) => `File ${f} not found.`,
  },
  file_unreadable: {
    vi: (p, f) => `Không đọc được tệp ${f} (${p.detail ?? "không có quyền đọc"}).`,
    en: (p, f) => `Cannot read ${f} (${p.detail ?? "permission denied"}).`,
  },
  file_empty: {
    vi: (_p, f) => `Tệp ${f} rỗng (0 byte), không phải bảng tính Excel.`,
    en: (_p, f) => `${f} is empty (0 bytes), not an Excel workbook.`,
  },
  file_too_large: {
    vi: (p, f) => `Tệp ${f} nặng ${mb(p.count)} MB, vượt giới hạn ${mb(p.limit)} MB.`,
    en: (p, f) => `${f} is ${mb(p.count)} MB, above the ${mb(p.limit)} MB limit.`,
  },
  not_zip: {
    vi: (_p, f) => `Tệp ${f} không phải bảng tính Excel .xlsx (nội dung không phải gói Office Open XML).`,
    en: (_p, f) => `${f} is not an Excel .xlsx workbook (not an Office Open XML package).`,
  },
  zip_damaged: {
    vi: (_p, f) => `Tệp ${f} bị hỏng hoặc không đầy đủ (gói zip bị cắt cụt). Hãy xin lại tệp gốc.`,
    en: (_p, f) => `${f} is damaged or incomplete (truncated zip package). Ask for the original file again.`,
  },
  word_document: {
    vi: (_p, f) => `Tệp ${f} là tài liệu Word (.docx) bị đổi tên, không phải bảng tính Excel.`,
    en: (_p, f) => `${f} is a Word document (.docx) renamed, not an Excel workbook.`,
  },
  powerpoint_document: {
    vi: (_p, f) => `Tệp ${f} là bản trình chiếu PowerPoint bị đổi tên, không phải bảng tính Excel.`,
    en: (_p, f) => `${f} is a PowerPoint presentation renamed, not an Excel workbook.`,
  },
  opendocument: {
    vi: (_p, f) => `Tệp ${f} là tệp OpenDocument (.ods/.odt). Hãy mở và lưu dưới dạng Excel .xlsx.`,
    en: (_p, f) => `${f} is an OpenDocument file (.ods/.odt). Open it and save it as Excel .xlsx.`,
  },
  xlsb_workbook: {
    vi: (_p, f) => `Tệp ${f} là sổ làm việc nhị phân (.xlsb). Hãy mở trong Excel và lưu dưới dạng .xlsx.`,
    en: (_p, f) => `${f} is a binary workbook (.xlsb). Open it in Excel and save it as .xlsx.`,
  },
  not_workbook: {
    vi: (_p, f) => `Tệp ${f} là gói zip nhưng không chứa bảng tính Excel (thiếu xl/workbook.xml).`,
    en: (_p, f) => `${f} is a zip package but holds no Excel workbook (no xl/workbook.xml).`,
  },
  encrypted_workbook: {
    vi: (_p, f) =>
      `Tệp ${f} được bảo vệ bằng mật khẩu (mã hóa). Hãy mở trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
    en: (_p, f) =>
      `${f} is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.`,
  },
  legacy_xls: {
    vi: (_p, f) => `Tệp ${f} là định dạng Excel 97-2003 (.xls). Hãy mở trong Excel và lưu dưới dạng .xlsx.`,
    en: (_p, f) => `${f} is in the Excel 97-2003 format (.xls). Open it in Excel and save it as .xlsx.`,
  },
  ole_not_workbook: {
    vi: (_p, f) => `Tệp ${f} là tài liệu Office cũ (không phải bảng tính .xlsx).`,
    en: (_p, f) => `${f} is a legacy Office document, not an .xlsx workbook.`,
  },
  zip_bomb: {
    vi: (p, f) =>
      `Tệp ${f} khi giải nén sẽ chiếm ít nhất ${mb(p.count)} MB, vượt giới hạn an toàn ${mb(p.limit)} MB; PAR Scorer từ chối mở.`,
    en: (p, f) =>
      `${f} would expand to at least ${mb(p.count)} MB, above the ${mb(p.limit)} MB safety limit; PAR Scorer refuses to open it.`,
  },
  too_many_cells: {
    vi: (p, f) =>
      `Tệp ${f} có khoảng ${p.count ?? "?"} ô (kể cả ô trống có định dạng và ô trong vùng gộp), vượt giới hạn ${p.limit ?? "?"} ô; PAR Scorer từ chối mở để không cạn bộ nhớ. Hãy xóa các dòng, cột thừa rồi lưu lại.`,
    en: (p, f) =>
      `${f} has about ${p.count ?? "?"} cells (counting formatted empty cells and merged areas), above the limit of ${p.limit ?? "?"}; PAR Scorer refuses to open it rather than run out of memory. Delete the extra rows and columns and save it again.`,
  },
  too_many_merges: {
    vi: (p, f) =>
      `Tệp ${f} có ${p.count ?? "?"} vùng ô gộp trong một sheet (${p.detail ?? "?"}), vượt giới hạn ${p.limit ?? "?"}; PAR Scorer từ chối mở. Hãy bỏ gộp các ô thừa rồi lưu lại.`,
    en: (p, f) =>
      `${f} has ${p.count ?? "?"} merged areas in one sheet (${p.detail ?? "?"}), above the limit of ${p.limit ?? "?"}; PAR Scorer refuses to open it. Unmerge the extra cells and save it again.`,
  },
  invalid_number: {
    vi: (p, f) =>
      `Tệp ${f} có ô số chứa giá trị Excel không bao giờ lưu là số (${p.detail ?? "?"}); PAR Scorer không đoán giá trị của nó. Tệp có thể do một chương trình khác tạo ra: hãy mở trong Excel, nhập lại ô đó rồi lưu.`,
    en: (p, f) =>
      `${f} has a number cell holding a value Excel never stores as a number (${p.detail ?? "?"}); PAR Scorer does not guess its value. The file may come from another program: open it in Excel, type that cell again and save.`,
  },
  sheet_too_large: {
    vi: (p, f) =>
      `Sheet ${p.detail ?? "?"} của tệp ${f} có dữ liệu trải quá rộng (${p.count ?? "?"} ô tính từ A1, giới hạn ${p.limit ?? "?"}). Có thể có giá trị nằm lạc ở cuối sheet: hãy xóa các dòng, cột thừa rồi chạy lại.`,
    en: (p, f) =>
      `Sheet ${p.detail ?? "?"} of ${f} has data spread too wide (${p.count ?? "?"} cells from A1, limit ${p.limit ?? "?"}). A stray value may sit far down or right: delete the extra rows and columns and run again.`,
  },
  too_many_sheets: {
    vi: (p, f) => `Tệp ${f} có ${p.count ?? "?"} sheet, vượt giới hạn ${p.limit ?? "?"} sheet.`,
    en: (p, f) => `${f} has ${p.count ?? "?"} sheets, above the limit of ${p.limit ?? "?"}.`,
  },
  no_sheets: {
    vi: (_p, f) => `Tệp ${f} không có sheet nào.`,
    en: (_p, f) => `${f} has no worksheets.`,
  },
  empty_workbook: {
    vi: (_p, f) => `Tệp ${f} không có dữ liệu (mọi sheet đều trống).`,
    en: (_p, f) => `${f} holds no data (every sheet is empty).`,
  },
  no_criteria_sheet: {
    vi: (_p, f) =>
      `Không tìm thấy sheet bộ tiêu chí trong ${f} (cần các cột STT, Nội dung tiêu chí, Điểm tối đa); dùng --criteria-sheet hoặc --criteria.`,
    en: (_p, f) =>
      `No criteria sheet found in ${f} (it needs code, criterion and maximum-points columns); use --criteria-sheet or --criteria.`,
  },
  several_criteria_files: {
    vi: (p, f) => `Nhiều tệp có sheet bộ tiêu chí (${p.detail ?? f}); chỉ rõ tệp nào bằng --criteria FILE.`,
    en: (p, f) => `Several files carry a criteria sheet (${p.detail ?? f}); name one with --criteria FILE.`,
  },
  criteria_sheet_missing: {
    vi: (p, f) => `Không có sheet "${p.detail ?? ""}" (--criteria-sheet) trong ${f}.`,
    en: (p, f) => `There is no sheet "${p.detail ?? ""}" (--criteria-sheet) in ${f}.`,
  },
  unreadable_workbook: {
    vi: (p, f) => `Không đọc được bảng tính ${f}: ${sentence(p.detail ?? "tệp bị hỏng")}`,
    en: (p, f) => `Cannot read the workbook ${f}: ${sentence(p.detail ?? "the file is damaged")}`,
  },
  in_place_lossy: {
    vi: (p, f) =>
      `Không ghi đè ${f}: ghi lại tệp này sẽ làm mất ${p.detail ?? "một số thành phần"}. Bỏ --in-place để ghi ra tệp mới.`,
    en: (p, f) =>
      `Will not rewrite ${f}: rewriting it would lose ${p.detail ?? "some parts"}. Drop --in-place to write a new file.`,
  },
  output_is_input: {
    vi: (_p, f) => `Tệp kết quả trùng với tệp đầu vào ${f}; dùng --in-place nếu muốn ghi đè.`,
    en: (_p, f) => `The output is the input file ${f}; use --in-place to rewrite it.`,
  },
  settings_file_not_regular: {
    vi: (p, f) =>
      `Tệp cài đặt ${f} là ${KIND_LABELS[p.detail ?? "other"]?.vi ?? "một đối tượng đặc biệt"}, không phải tệp JSON thường.`,
    en: (p, f) =>
      `The settings file ${f} is ${KIND_LABELS[p.detail ?? "other"]?.en ?? "a special file"}, not a regular JSON file.`,
  },
  settings_file_too_large: {
    vi: (p, f) =>
      `Tệp cài đặt ${f} quá lớn (${p.count ?? "?"} byte, giới hạn ${p.limit ?? "?"} byte); tệp cài đặt chỉ vài KB.`,
    en: (p, f) =>
      `The settings file ${f} is too large (${p.count ?? "?"} bytes, limit ${p.limit ?? "?"}); a settings file is a few KB.`,
  },
  settings_file_invalid: {
    vi: (p, f) => `Tệp cài đặt ${f} không đọc được: ${p.detail ?? "không phải JSON hợp lệ"}.`,
    en: (p, f) => `Cannot read the settings file ${f}: ${p.detail ?? "not valid JSON"}.`,
  },
  output_bad_path: {
    vi: (p, f) =>
      `Không ghi được vào "${f}": đường dẫn không hợp lệ${p.detail ? ` (${p.detail} không phải thư mục)` : ""}. Hãy chọn tệp .xlsx trong một thư mục có sẵn.`,
    en: (p, f) =>
      `Cannot write to "${f}": not a valid path${p.detail ? ` (${p.detail} is not a folder)` : ""}. Choose an .xlsx file in an existing folder.`,
  },
  output_not_regular: {
    vi: (p, f) =>
      `Không ghi vào ${f}: đó là ${KIND_LABELS[p.detail ?? "other"]?.vi ?? "không phải tệp thường"}, không phải tệp thường. PAR Scorer chỉ ghi vào tệp thường hoặc tệp chưa có.`,
    en: (p, f) =>
      `Not writing to ${f}: it is ${KIND_LABELS[p.detail ?? "other"]?.en ?? "not a regular file"}, not a regular file. PAR Scorer writes only to a regular file or a new one.`,
  },
  output_read_only: {
    vi: (_p, f) =>
      `Tệp ${f} chỉ đọc (hoặc bạn không có quyền ghi), nên PAR Scorer không ghi đè. Hãy dùng -o để ghi ra tệp khác.`,
    en: (_p, f) =>
      `${f} is read-only (or you may not write it), so PAR Scorer does not overwrite it. Use -o to write another file.`,
  },
  write_failed: {
    vi: (p, f) => `Không ghi được tệp ${f}: ${ERRNO_LABELS[p.detail ?? ""]?.vi ?? p.detail ?? "lỗi ghi"}.`,
    en: (p, f) => `Cannot write ${f}: ${ERRNO_LABELS[p.detail ?? ""]?.en ?? p.detail ?? "write error"}.`,
  },
  previous_without_results: {
    vi: (_p, f) =>
      `Tệp năm trước ${f} không có bảng chấm điểm hay bảng xếp hạng nào (cần cột Đơn vị và Chỉ số).`,
    en: (_p, f) =>
      `Last year's file ${f} holds no scoring sheets and no ranking table (Unit and Index columns).`,
  },
  unit_not_found: {
    vi: (p, f) => `Không có đơn vị "${p.detail ?? ""}" trong ${f}.`,
    en: (p, f) => `There is no unit "${p.detail ?? ""}" in ${f}.`,
  },
};

/** One line describing a file problem, naming the file by its base name (a missing file: as typed). */
export function describeFileProblem(problem: FileProblem, lang: "vi" | "en" = "vi"): string {
  // A missing file keeps the folder the user typed: that is often what is wrong.
  if (problem.code === "file_not_found") return TEXTS[problem.code][lang](problem, problem.file);
  // A problem of several files names them all ("a.xlsx, b.xlsx").
  const names = problem.file
    .split(", ")
    .map((f) => path.basename(f))
    .join(", ");
  return TEXTS[problem.code][lang](problem, names);
}

/** Thrown by the adapter when a file cannot be used; the CLI turns it into exit status 2. */
export class FileProblemError extends Error {
  constructor(readonly problem: FileProblem) {
    super(describeFileProblem(problem, "en"));
    this.name = "FileProblemError";
  }
}

/** A quoted reason as the end of a sentence: exactly one full stop (engine texts carry their own). */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
