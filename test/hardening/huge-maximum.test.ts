/**
 * A maximum typed as a huge number (1e308, e.g. a pasted serial or a runaway formula) on the
 * criteria sheet is a workbook problem: it must become an issue at that cell, never an exception
 * (found by engine-hostile.test.ts: micro-points overflowed to Infinity and ranking threw).
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import type { CellValue, WorkbookSnapshot } from "../../src/core/grid";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

/** The province workbook with criterion 7.2.1's maximum typed as `max`; and that cell's A1 address. */
function withMaximum(max: CellValue): { snapshot: WorkbookSnapshot; sheet: string; cell: string } {
  const { snapshot, criteriaSheet } = buildProvinceWorkbook({ units: 3, layout: "unitSheets" });
  let cell = "";
  const sheets = snapshot.sheets.map((s) => {
    if (s.name !== criteriaSheet) return s;
    const values = s.values.map((line) => [...line]);
    const row = values.findIndex((line) => line[0] === "7.2.1");
    values[row][2] = max;
    cell = `C${row + 1}`;
    return { ...s, values };
  });
  return { snapshot: { sheets }, sheet: criteriaSheet, cell };
}

it("a criterion maximum of 1e308 is reported at its cell, not thrown", () => {
  const { snapshot, sheet, cell } = withMaximum(1e308);
  expect(analyzeWorkbook(snapshot).issues).toContainEqual(
    expect.objectContaining({ sheet, cell, criterion: "7.2.1" }),
  );
});

it("a criterion maximum of 2 (as the set says) raises nothing at its cell", () => {
  const { snapshot, sheet, cell } = withMaximum(2);
  expect(analyzeWorkbook(snapshot).issues.filter((i) => i.sheet === sheet && i.cell === cell)).toEqual([]);
});
