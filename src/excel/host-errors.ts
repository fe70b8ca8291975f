/**
 * Failures of the Excel host (OfficeExtension.Error and its `code`) as sentences for people, in
 * Vietnamese and English. Workbook problems are Issues; these are the host refusing a request.
 */
import type { Lang } from "../core/issues";

export type HostErrorKind =
  "cellEditMode" | "protected" | "tooLarge" | "unsupported" | "notFound" | "busy" | "general";

export type HostErrorText = { kind: HostErrorKind; code: string | null; vi: string; en: string };

const TEXTS: Record<HostErrorKind, { vi: string; en: string }> = {
  cellEditMode: {
    vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  protected: {
    vi: "Bảng tính hoặc sheet đang được bảo vệ (Protect), hoặc bạn không có quyền sửa. Hãy bỏ bảo vệ (Review > Unprotect) rồi thử lại.",
    en: "The workbook or sheet is protected, or you may not edit it. Unprotect it (Review > Unprotect Sheet) and try again.",
  },
  tooLarge: {
    vi: "Dữ liệu quá lớn cho một lần trao đổi với Excel (Excel trên web giới hạn 5 MB). Hãy xóa các dòng, cột thừa hoặc dùng Excel trên máy tính.",
    en: "The data is too large for one exchange with Excel (Excel on the web allows 5 MB). Remove unused rows and columns, or use Excel desktop.",
  },
  unsupported: {
    vi: "Phiên bản Excel này không hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (Microsoft 365, Excel 2019 trở lên hoặc Excel trên web).",
    en: "This version of Excel does not support a feature that is needed. Update Excel (Microsoft 365, Excel 2019 or later, or Excel on the web).",
  },
  notFound: {
    vi: "Không tìm thấy sheet hoặc vùng ô cần dùng; có thể nó vừa bị đổi tên hoặc xóa. Hãy kiểm tra lại bảng tính rồi chạy lại.",
    en: "A sheet or range that is needed was not found; it may have been renamed or deleted. Check the workbook and run again.",
  },
  busy: {
    vi: "Excel đang bận hoặc yêu cầu bị gián đoạn. Hãy đợi một lát rồi thử lại.",
    en: "Excel is busy or the request was interrupted. Wait a moment and try again.",
  },
  general: {
    vi: "Excel báo lỗi khi thực hiện yêu cầu. Hãy lưu bảng tính, thử lại; nếu vẫn lỗi, hãy mở lại Excel.",
    en: "Excel reported an error while carrying out the request. Save the workbook and try again; if it persists, restart Excel.",
  },
};

const KIND_BY_CODE: Record<string, HostErrorKind> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "protected",
  InsertDeleteConflict: "protected",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  PayloadTooLarge: "tooLarge",
  ApiNotFound: "unsupported",
  UnsupportedOperation: "unsupported",
  NotImplemented: "unsupported",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  ActivityLimitReached: "busy",
  Conflict: "busy",
  RequestAborted: "busy",
  ServiceNotAvailable: "busy",
  Timeout: "busy",
  GeneralException: "general",
};

/** A condition the adapter itself detects, with its own texts (e.g. a sheet that is not PAR Scorer's). */
export class ExcelAdapterError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
    this.name = "ExcelAdapterError";
  }
}

/** The OfficeExtension.Error code of a thrown value, or null. */
export function hostErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** True when Excel refused a request or response as too large. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = hostErrorCode(error);
  return code !== null && KIND_BY_CODE[code] === "tooLarge";
}

/** What went wrong, in both languages; unknown codes and non-Excel errors read as "general". */
export function explainHostError(error: unknown): HostErrorText {
  const code = hostErrorCode(error);
  const kind = (code && KIND_BY_CODE[code]) || "general";
  return { kind, code, ...TEXTS[kind] };
}

/** A host failure as one sentence in the user's language, with the Excel code for support. */
export function describeHostError(error: unknown, lang: Lang = "vi"): string {
  if (error instanceof ExcelAdapterError) return error[lang];
  const text = explainHostError(error);
  const sentence = text[lang];
  return text.code ? `${sentence} (${lang === "vi" ? "mã lỗi" : "error code"}: ${text.code})` : sentence;
}
