/**
 * A core snapshot as an ExcelJS workbook (values, merged areas, visibility): how fixtures and
 * the bundled sample become real .xlsx files. Strings stay strings, error values stay errors.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/grid";
import { toExcelValue } from "./apply-write-plan";

/** A new ExcelJS workbook holding exactly the snapshot's sheets. */
export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    if (sheet.visibility && sheet.visibility !== "visible") ws.state = sheet.visibility;
    sheet.values.forEach((line, r) => {
      line.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = toExcelValue(value);
      });
    });
    for (const m of sheet.merges ?? []) {
      if (m.bottom > m.top || m.right > m.left)
        ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
  }
  return wb;
}
