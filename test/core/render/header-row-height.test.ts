import { analyzeWorkbook, planRanking } from "../../../src/core/analyze";
import { buildProvinceWorkbook } from "../../fixtures/province-workbook";

describe("ranking sheet header", () => {
  it("is tall enough for the wrapped field titles (row 4, four lines)", () => {
    const { snapshot } = buildProvinceWorkbook({ layout: "unitSheets", seed: 5, units: 4 });
    const plan = planRanking(analyzeWorkbook(snapshot), snapshot);
    const ranking = plan.sheets.filter((s) => s.purpose === "ranking");
    expect(ranking.length).toBeGreaterThan(0);
    for (const sheet of ranking) {
      expect(sheet.rowHeights).toEqual([{ row: 3, height: 62 }]);
      expect(sheet.patches.find((p) => p.row === 3)?.style?.wrap).toBe(true);
    }
  });
});
