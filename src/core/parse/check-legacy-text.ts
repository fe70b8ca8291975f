/** Old Vietnamese encodings (TCVN3, VNI) among a sheet's titles, headers and one column: one issue per sheet. */
import { type SheetSnapshot, cellAt, toA1 } from "../grid";
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
  for (const { row, col } of cells) {
    const text = cellText(cellAt(sheet.values, row, col));
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
  }
}

/** Cells worth checking for legacy encoding: the titles above and in the header, and a column's cells. */
export function* textCells(
  sheet: SheetSnapshot,
  header: Header | null,
  col: number | undefined,
): Generator<{ row: number; col: number }> {
  const top = header ? header.dataStart : Math.min(sheet.values.length, 20);
  for (let row = 0; row < top; row++) {
    const line = sheet.values[row] ?? [];
    for (let c = 0; c < line.length; c++) yield { row, col: c };
  }
  if (col === undefined) return;
  for (let row = top; row < sheet.values.length; row++) yield { row, col };
}
