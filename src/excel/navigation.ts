/**
 * Taking the user to an issue's cell. A sheet renamed, deleted or hidden since the check gives a
 * clear message instead of an Excel error.
 */
import { fromA1 } from "../core/grid";

export type NavigationOutcome =
  { ok: true } | { ok: false; reason: "sheetMissing" | "sheetHidden" | "badCell"; vi: string; en: string };

/** True for a single-cell A1 address inside Excel's grid (A1 to XFD1048576). */
export function isCellAddress(cell: string): boolean {
  if (!/^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/.test(cell.trim())) return false;
  const { row, col } = fromA1(cell);
  return row < 1048576 && col < 16384;
}

/** Activates the sheet and selects the cell (A1 when `cell` is null). */
export async function goToCell(sheet: string, cell: string | null): Promise<NavigationOutcome> {
  const target = cell ?? "A1";
  if (!isCellAddress(target)) {
    return {
      ok: false,
      reason: "badCell",
      vi: `Địa chỉ ô "${target}" không hợp lệ.`,
      en: `The cell address "${target}" is not valid.`,
    };
  }
  return Excel.run(async (context): Promise<NavigationOutcome> => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    worksheet.load("name,visibility");
    await context.sync();
    if (worksheet.isNullObject) {
      return {
        ok: false,
        reason: "sheetMissing",
        vi: `Không tìm thấy sheet "${sheet}": có thể sheet đã bị đổi tên hoặc xóa sau lần kiểm tra. Hãy kiểm tra lại bảng tính.`,
        en: `Sheet "${sheet}" was not found: it may have been renamed or deleted since the check. Check the workbook again.`,
      };
    }
    if (worksheet.visibility !== "Visible") {
      return {
        ok: false,
        reason: "sheetHidden",
        vi: `Sheet "${sheet}" đang bị ẩn. Hãy hiện sheet (chuột phải vào thẻ sheet > Unhide) rồi thử lại.`,
        en: `Sheet "${sheet}" is hidden. Unhide it (right-click a sheet tab > Unhide) and try again.`,
      };
    }
    worksheet.activate();
    worksheet.getRange(target).select();
    await context.sync();
    return { ok: true };
  });
}

/** The name of the sheet the user is on. */
export async function getActiveSheetName(): Promise<string | null> {
  return Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getActiveWorksheet();
    worksheet.load("name");
    await context.sync();
    return worksheet.name;
  });
}
