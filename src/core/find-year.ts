/**
 * The year of the assessment, read from the titles officers put above their tables
 * ("… CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"), so that ranking titles carry it without a setting.
 */
import { type WorkbookSnapshot, cellAt } from "./grid";
import type { WorkbookLayout } from "./model";
import { foldText } from "./text";

const TITLE_ROWS = 8;
const YEAR = /\bnam (20\d\d)\b/;

/** The first "năm 20xx" in the title rows of the criteria sheet, then of the scoring sheets; null if none. */
export function findAssessmentYear(snapshot: WorkbookSnapshot, layout: WorkbookLayout): number | null {
  const names = [layout.criteriaSheet, ...layout.unitSheets, ...layout.matrixSheets].filter(
    (n): n is string => n !== null,
  );
  for (const name of names) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    for (let row = 0; row < TITLE_ROWS; row++) {
      const line = sheet.values[row] ?? [];
      for (let col = 0; col < line.length; col++) {
        const value = cellAt(sheet.values, row, col);
        if (typeof value !== "string") continue;
        const match = YEAR.exec(foldText(value));
        if (match) return Number(match[1]);
      }
    }
  }
  return null;
}
