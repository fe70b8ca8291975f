/** Fixture workbooks for the command line, written as real .xlsx files. */
import * as path from "node:path";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";

/** Writes a snapshot to dir/name and returns the path. */
export async function writeXlsx(dir: string, name: string, snapshot: WorkbookSnapshot): Promise<string> {
  const file = path.join(dir, name);
  await snapshotToWorkbook(snapshot).xlsx.writeFile(file);
  return file;
}

/** A small criteria set: two fields, three leaves, 5 points in all. */
export const SMALL_CRITERIA: SheetSnapshot = {
  name: "Bộ tiêu chí",
  values: [
    ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC", null, null],
    [null, null, null],
    ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa"],
    ["I", "Công tác chỉ đạo, điều hành", 3],
    ["1.1", "Kế hoạch CCHC năm", 2],
    ["1.2", "Báo cáo CCHC", 1],
    ["II", "Cải cách thủ tục hành chính", 2],
    ["2.1", "Công khai thủ tục hành chính", 2],
    [null, "Tổng cộng", 5],
  ],
};

/** A unit's sheet for the small set: self-scores of 1.1, 1.2 and 2.1 (and their typed maxima). */
export function smallUnitSheet(
  unit: string,
  scores: [CellValue, CellValue, CellValue],
  opts: { sheetName?: string; maxima?: [number, number, number] } = {},
): SheetSnapshot {
  const [m1, m2, m3] = opts.maxima ?? [2, 1, 2];
  return {
    name: opts.sheetName ?? unit,
    values: [
      ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC", null, null, null, null, null],
      [`Đơn vị: ${unit}`, null, null, null, null, null],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Tài liệu kiểm chứng"],
      ["I", "Công tác chỉ đạo, điều hành", m1 + m2, null, null, null],
      ["1.1", "Kế hoạch CCHC năm", m1, scores[0], null, "Kế hoạch số 12/KH-UBND"],
      ["1.2", "Báo cáo CCHC", m2, scores[1], null, "Báo cáo số 30/BC-UBND"],
      ["II", "Cải cách thủ tục hành chính", m3, null, null, null],
      ["2.1", "Công khai thủ tục hành chính", m3, scores[2], null, "Quyết định số 7/QĐ-UBND"],
    ],
  };
}

/** The units list sheet (STT · Tên đơn vị · Khối). */
export function unitsList(units: [string, string][]): SheetSnapshot {
  return {
    name: "Danh sách đơn vị",
    values: [["STT", "Tên đơn vị", "Khối"], ...units.map(([u, g], i): CellValue[] => [i + 1, u, g])],
  };
}

export const GROUP = "Khối sở, ban, ngành";

/**
 * A clean small workbook: Sở Tư pháp 4.5/5 = 90 %, "=Sở Y tế" (a formula-like name) 4/5 = 80 %,
 * Ban Dân tộc 4/5 = 80 % (ties with it).
 */
export function smallWorkbook(extra: SheetSnapshot[] = []): WorkbookSnapshot {
  return {
    sheets: [
      SMALL_CRITERIA,
      unitsList([
        ["Sở Tư pháp", GROUP],
        ["=Sở Y tế", GROUP],
        ["Ban Dân tộc", GROUP],
      ]),
      smallUnitSheet("Sở Tư pháp", [2, 1, 1.5]),
      smallUnitSheet("=Sở Y tế", [1.5, "0,5", 2], { sheetName: "Sở Y tế" }),
      smallUnitSheet("Ban Dân tộc", [2, 0.5, 1.5]),
      ...extra,
    ],
  };
}
