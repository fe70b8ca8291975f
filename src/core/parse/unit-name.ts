/**
 * The unit a scoring sheet belongs to, from a line above the header: "Đơn vị: Sở Tư pháp",
 * "Cơ quan: …", "Tên đơn vị: …", with label and name in one cell or in adjacent cells.
 */
import { type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { cellText, foldText } from "../text";

const LABEL =
  /^(ten don vi|ten co quan|don vi|co quan|co quan, don vi|co quan\/don vi|don vi duoc danh gia|don vi tu danh gia)\s*:?$/;

/** The unit's name and the A1 cell holding it, searched above the header row; null when absent. */
export function findUnitName(sheet: SheetSnapshot, headerRow: number): { name: string; cell: string } | null {
  const grid = sheet.values;
  const last = Math.min(headerRow, grid.length, 15);
  for (let row = 0; row < last; row++) {
    const line = grid[row] ?? [];
    for (let col = 0; col < line.length; col++) {
      const text = cellText(cellAt(grid, row, col));
      if (text === "") continue;
      const colon = text.indexOf(":");
      const label = foldText(colon >= 0 ? text.slice(0, colon) : text);
      if (!LABEL.test(label)) continue;
      const rest = colon >= 0 ? cleanName(text.slice(colon + 1)) : "";
      if (rest !== "") return { name: rest, cell: toA1(row, col) };
      for (let c = col + 1; c < line.length; c++) {
        const v = cellAt(grid, row, c);
        if (isBlank(v)) continue;
        const name = cleanName(cellText(v));
        if (name !== "") return { name, cell: toA1(row, c) };
        break;
      }
    }
  }
  return null;
}

function cleanName(text: string): string {
  return text.replace(/^[\s.:\-–]+|[\s.;,]+$/g, "").trim();
}
