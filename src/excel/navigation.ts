/**
 * Taking the user to an issue's cell. A sheet renamed, deleted or hidden since the check gives a
 * clear message instead of an Excel error.
 */
import { fromA1 } from "../core/grid";

export type NavigationOutcome =
  { ok: true } | { ok: false; reason: "sheetMissing" | "sheetHidden" | "badCell"; vi: string; en: string };

function isA1(cell: string): boolean {
  try {
    fromA1(cell);
    return true;
  } catch {
    return false;
  }
}

/** Activates the sheet and selects the cell (A1 when `cell` is null). */
export async function goToCell(sheet: string, cell: string | null): Promise<NavigationOutcome> {
  const target = cell ?? "A1";
  if (!isA1(target)) {
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
