import { analyzeWorkbook, planRanking } from "../../src/core/analyze";
import { findAssessmentYear } from "../../src/core/find-year";
import type { WorkbookLayout } from "../../src/core/model";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

const layout = (criteriaSheet: string, unitSheets: string[] = []): WorkbookLayout => ({
  criteriaSheet,
  unitSheets,
  matrixSheets: [],
  unitsListSheet: null,
  surveySheet: null,
  generatedSheets: [],
  ignoredSheets: [],
  sheetLayouts: [],
});

describe("the assessment year", () => {
  it("is read from a title such as 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024', accents or not", () => {
    const snapshot = {
      sheets: [
        { name: "TC", values: [["BỘ TIÊU CHÍ"], [null, "Chỉ số CCHC nam 2023".normalize("NFD")]] },
        { name: "Sở Y tế", values: [["BẢNG CHẤM ĐIỂM NĂM 2024"]] },
      ],
    };
    expect(findAssessmentYear(snapshot, layout("TC", ["Sở Y tế"]))).toBe(2023);
    expect(findAssessmentYear(snapshot, layout("Sở Y tế"))).toBe(2024);
  });

  it("is not taken from a number that is not a year of a title", () => {
    const snapshot = { sheets: [{ name: "TC", values: [["Quyết định số 2024/QĐ-UBND"], ["Tháng 12 năm"]] }] };
    expect(findAssessmentYear(snapshot, layout("TC"))).toBeNull();
  });

  it("titles the ranking sheets when the settings name no year, and is not saved as a setting", () => {
    const { snapshot } = buildProvinceWorkbook({ layout: "unitSheets", seed: 3, units: 6 });
    const analysis = analyzeWorkbook(snapshot);
    expect(analysis.year).toBe(2024);
    const plan = planRanking(analysis, snapshot);
    expect(plan.sheets[0].patches[0].values[0][0]).toMatch(/NĂM 2024$/);
    expect(JSON.parse(plan.settingsJson ?? "null").year).toBeNull();
  });

  it("gives way to the year in the settings", () => {
    const { snapshot } = buildProvinceWorkbook({ layout: "unitSheets", seed: 3, units: 6 });
    const analysis = analyzeWorkbook(snapshot, { year: 2025 });
    expect(planRanking(analysis, snapshot).sheets[0].patches[0].values[0][0]).toMatch(/NĂM 2025$/);
  });
});
