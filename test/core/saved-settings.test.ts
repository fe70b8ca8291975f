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
    expect(state.sheets).toEqual([]);
    expect(state.storage).toBe("absent");
    expect(state.problems).toEqual([]);
  });

  it("round-trips settings and the generated sheets through the very hidden sheet, even in chunks", () => {
    const { settings } = parseSettings({ year: 2025, unitGroups: { ["x".repeat(40000)]: "Cấp xã" } });
    const record = { name: "Xếp hạng - Sở, ban, ngành", signature: "v2;0:00ff00ff00ff00ff" };
    const values = settingsSheetValues(serializeSavedState(settings, [record]));
    expect(values.length).toBeGreaterThan(2);
    expect(values[0][0]).toBe(SETTINGS_MARKER);
    const state = readSavedState(withSettingsSheet(values as string[][]));
    expect(state.settings).toEqual(settings);
    expect(state.sheets).toEqual([record]);
    expect(state.storage).toBe("own");
  });

  it("reports broken JSON instead of throwing", () => {
    const state = readSavedState(withSettingsSheet([[SETTINGS_MARKER], ["{not json"]]));
    expect(state.settings).toEqual(defaultSettings());
    expect(state.problems).toHaveLength(1);
  });

  it("ignores a sheet of that name that PAR Scorer did not write", () => {
    const state = readSavedState(withSettingsSheet([["Ghi chú của tôi"], ['{"year": 2020}']]));
    expect(state.settings.year).toBeNull();
    expect(state.storage).toBe("foreign");
  });

  it("ignores a visible sheet of that name (any case), even with PAR Scorer's marker", () => {
    const values = [[SETTINGS_MARKER], ['{"year": 2020, "generatedSheets": ["Bộ tiêu chí"]}']];
    const state = readSavedState({ sheets: [{ name: "_parscorer", values, visibility: "visible" }] });
    expect(state).toMatchObject({ storage: "foreign", sheets: [] });
    expect(state.settings.year).toBeNull();
    const own = readSavedState({ sheets: [{ name: "_parscorer", values, visibility: "veryHidden" }] });
    expect(own.settings.year).toBe(2020);
  });

  it("reads a list of names saved by an earlier version as unproven (no signature)", () => {
    const state = readSavedState(
      withSettingsSheet([[SETTINGS_MARKER], ['{"generatedSheets": ["Xếp hạng"]}']]),
    );
    expect(state.sheets).toEqual([{ name: "Xếp hạng", signature: null }]);
    expect(JSON.parse(serializeSavedState(state.settings, state.sheets)).ownSheets).toEqual([]);
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
