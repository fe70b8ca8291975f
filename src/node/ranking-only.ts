/**
 * `rank --ranking-only`: a workbook holding just the ranking sheets (to e-mail and print),
 * written from the same plan as the full copy, without the scores and without PAR Scorer's
 * settings sheet.
 */
import ExcelJS from "exceljs";
import type { WritePlan } from "../core/model";
import { SETTINGS_SHEET } from "../core/saved-settings";
import { applyWritePlan, findWorksheet } from "./apply-write-plan";
import { writeFileSafely } from "./safe-write";

/** The ranking sheets of a plan alone, as an ExcelJS workbook. */
export function rankingOnlyWorkbook(plan: WritePlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const fresh = plan.sheets.map((sheet) => ({ ...sheet, replaces: false }));
  applyWritePlan(wb, { ...plan, sheets: fresh, deleteSheets: [] });
  const settings = findWorksheet(wb, SETTINGS_SHEET);
  if (settings) wb.removeWorksheet(settings.id);
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return wb;
}

/** Writes the ranking-only workbook to `target`, as safely as the full copy (safe-write.ts). */
export async function saveRankingOnly(plan: WritePlan, target: string): Promise<void> {
  await writeFileSafely(target, Buffer.from(await rankingOnlyWorkbook(plan).xlsx.writeBuffer()));
}
