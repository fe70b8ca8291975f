import { analyzeWorkbook } from "../../src/core/analyze";
import type { WorkbookSnapshot } from "../../src/core/grid";
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET,
  isStorageSheet,
  readSavedState,
  serializeSavedState,
  settingsSheetValues,
} from "../../src/core/saved-settings";
import { defaultSettings, parseSettings } from "../../src/core/settings";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

const withSettingsSheet = (values: (string | null)[][]): WorkbookSnapshot => ({
  sheets: [
    { name: "Bộ tiêu chí", values: [["STT"]] },
    { name: SETTINGS_SHEET, values, visibility: "veryHidden" },
  ],
});

describe("settings saved in the workbook", () => {
  it("gives the defaults when the workbook has none", () => {
    const state = readSavedState({ sheets: [{ name: "Sheet1", values: [] }] });
    expect(state.settings).toEqual(defaultSettings());
    expect(state.generatedSheets).toEqual([]);
    expect(state.problems).toEqual([]);
  });

  it("round-trips settings and the generated sheets through the very hidden sheet, even in chunks", () => {
    const { settings } = parseSettings({ year: 2025, unitGroups: { ["x".repeat(40000)]: "Cấp xã" } });
    const values = settingsSheetValues(serializeSavedState(settings, ["Xếp hạng - Sở, ban, ngành"]));
    expect(values.length).toBeGreaterThan(2);
    expect(values[0][0]).toBe(SETTINGS_MARKER);
    const state = readSavedState(withSettingsSheet(values as string[][]));
    expect(state.settings).toEqual(settings);
    expect(state.generatedSheets).toEqual(["Xếp hạng - Sở, ban, ngành"]);
  });

  it("reports broken JSON instead of throwing", () => {
    const state = readSavedState(withSettingsSheet([[SETTINGS_MARKER], ["{not json"]]));
    expect(state.settings).toEqual(defaultSettings());
    expect(state.problems).toHaveLength(1);
  });

  it("ignores a sheet of that name that PAR Scorer did not write", () => {
    const state = readSavedState(withSettingsSheet([["Ghi chú của tôi"], ['{"year": 2020}']]));
    expect(state.settings.year).toBeNull();
  });
});

describe("PAR Scorer's storage sheets", () => {
  it("are the settings sheet and the adapters' other _ParScorer… sheets, never a person's sheet", () => {
    expect(isStorageSheet(SETTINGS_SHEET)).toBe(true);
    expect(isStorageSheet("_ParScorerMarks")).toBe(true);
    expect(isStorageSheet("_parscorer")).toBe(true);
    expect(isStorageSheet("ParScorer")).toBe(false);
    expect(isStorageSheet("Sở Tư pháp")).toBe(false);
  });

  it("are not read as scoring sheets, even when they hold a grid that looks like one", () => {
    const { snapshot } = buildProvinceWorkbook({ layout: "unitSheets", units: 3, seed: 1 });
    const copy = snapshot.sheets.find((s) => s.name !== "Bộ tiêu chí" && s.values.length > 40);
    const marks = { name: "_ParScorerMarks", values: copy?.values ?? [], visibility: "veryHidden" as const };
    const analysis = analyzeWorkbook({ sheets: [...snapshot.sheets, marks] });
    expect(analysis.layout.unitSheets).not.toContain("_ParScorerMarks");
    expect(analysis.layout.generatedSheets).toContain("_ParScorerMarks");
    expect(analysis.units).toHaveLength(3);
  });
});
