/** Shared look of the ranking and summary sheets: texts, number formats, colours. */
import type { CellStyle } from "../model";

export const TITLE_BASE = "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH";
export const RANKING_SHEET_PREFIX = "Xếp hạng - ";
export const SUMMARY_SHEET_NAME = "Tổng hợp xếp hạng";
/** The mark after the name of a unit whose own scores or sheet carry an error. */
export const ERROR_MARK = "(*)";
export const ERROR_FOOTNOTE =
  "(*) Đơn vị có lỗi trong bảng điểm: số lỗi và loại lỗi ghi ở cột Ghi chú; xem báo cáo kiểm tra.";
export const UNRANKED_NOTE = "Không xếp hạng: không có tiêu chí áp dụng";
export const AVERAGE_LABEL = "Bình quân";

/** Zero-based rows of the published layout: title, group, a blank line, the header, then units. */
export const TITLE_ROW = 0;
export const SUBTITLE_ROW = 1;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** Height in points of the header row: four lines of wrapped 11-point text. */
export const HEADER_ROW_HEIGHT = 62;

/** The ranking title, with the year when settings.year is set. */
export function rankingTitle(year: number | null): string {
  return year === null ? TITLE_BASE : `${TITLE_BASE} NĂM ${year}`;
}

/**
 * Excel number format showing `decimals` decimals in the Vietnamese notation ("[$-42A]0.00"). The
 * stored value stays unrounded. The locale tag (0x042A, vi-VN) makes readers that follow the
 * format's locale (LibreOffice) print the decimal comma (81,33) whatever the computer's language;
 * Excel shows the separator of the system, the comma on a Vietnamese Windows.
 */
export function decimalFormat(decimals: number): string {
  return `${VI_LOCALE}${decimals > 0 ? `0.${"0".repeat(decimals)}` : "0"}`;
}

/** Excel's locale tag of Vietnamese (LCID 0x042A) in number formats. */
export const VI_LOCALE = "[$-42A]";

export const TEXT_FORMAT = "@";
export const INTEGER_FORMAT = "0";

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, hAlign: "center", vAlign: "middle" };
export const SUBTITLE_STYLE: CellStyle = { bold: true, italic: true, fontSize: 12, hAlign: "center" };
export const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: "#DDEBF7",
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  border: true,
};
export const BODY_STYLE: CellStyle = { border: true, vAlign: "middle" };
export const AVERAGE_STYLE: CellStyle = { bold: true, fill: "#F2F2F2", border: true };

/** Fill and font colours of the bands, best first; the last band always gets the warning colours. */
const BAND_COLOURS = [
  { fill: "#C6EFCE", fontColor: "#006100" },
  { fill: "#DDEBF7", fontColor: "#1F4E78" },
  { fill: "#FFEB9C", fontColor: "#9C5700" },
  { fill: "#FCE4D6", fontColor: "#843C0C" },
];
const LOWEST_BAND = { fill: "#FFC7CE", fontColor: "#9C0006" };

/** Colours of the band at `position` among `count` bands. */
export function bandColours(position: number, count: number): { fill: string; fontColor: string } {
  if (count > 1 && position === count - 1) return LOWEST_BAND;
  return BAND_COLOURS[Math.min(position, BAND_COLOURS.length - 1)];
}

/** A field's column header: its code and its whole title ("I. Công tác chỉ đạo, điều hành cải cách hành chính"). */
export function fieldHeader(code: string, title: string): string {
  const clean = title.replace(/\s+/g, " ").trim();
  return clean === "" ? code : `${code}. ${clean}`;
}
