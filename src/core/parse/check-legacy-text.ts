/** Old Vietnamese encodings (TCVN3, VNI) among a sheet's titles, headers and one column: one issue per sheet. */
import { type CellValue, type SheetSnapshot, cellAt, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import { cellText } from "../text";
import type { Header } from "./header-band";
import { detectLegacyEncoding } from "./legacy-encoding";

/** Reports the first legacy-encoded text among the given cells (once per sheet). */
export function checkLegacy(
  sheet: SheetSnapshot,
  cells: Iterable<{ row: number; col: number }>,
  issues: Issue[],
): void {
  let at = 0;
  for (const { row, col } of cells) {
    const value = cellAt(sheet.values, row, col);
    // The cell in the same place on the sheet checked before held this very value, found plain.
    if (at < PLAIN_KEPT && value === plainSeen[at]) {
      at++;
      continue;
    }
    const text = cellText(value);
    const encoding = detectLegacyEncoding(text);
    if (encoding) {
      issues.push(
        makeIssue(
          "legacy_encoding",
          { sheet: sheet.name, cell: toA1(row, col) },
          { name: encoding === "TCVN3" ? "TCVN3 (.VnTime)" : "VNI", input: text },
        ),
      );
      return;
    }
    if (at < PLAIN_KEPT) plainSeen[at] = value;
    at++;
  }
}

/**
 * Values found plain (no legacy encoding), by their place in the cells checked: sheets laid out
 * alike (1,000 unit sheets) repeat their titles in the same places, and a value equal to one
 * found plain is plain wherever it stands, so nothing is tidied or looked up for it again.
 */
const plainSeen: CellValue[] = [];
const PLAIN_KEPT = 4_096;

/** Cells worth checking for legacy encoding: the titles above and in the header, and a column's cells. */
export function textCells(
  sheet: SheetSnapshot,
  header: Header | null,
  col: number | undefined,
): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  const top = header ? header.dataStart : Math.min(sheet.values.length, 20);
  for (let row = 0; row < top; row++) {
    const line = sheet.values[row] ?? [];
    for (let c = 0; c < line.length; c++) cells.push({ row, col: c });
  }
  if (col === undefined) return cells;
  for (let row = top; row < sheet.values.length; row++) cells.push({ row, col });
  return cells;
}
