import type { WorkbookSnapshot } from "../../src/core/grid";
import {
  SETTINGS_MARKER,
  SETTINGS_SHEET,
  readSavedState,
  serializeSavedState,
  settingsSheetValues,
} from "../../src/core/saved-settings";
import { defaultSettings, parseSettings } from "../../src/core/settings";

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
