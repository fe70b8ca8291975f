/** Settings saved in the workbook through Office.js and read back, as the command line reads them. */
import { SETTINGS_MARKER, SETTINGS_SHEET, readSavedState } from "../../src/core/saved-settings";
import { parseSettings } from "../../src/core/settings";
import { loadSavedSettings, saveSettingsToWorkbook } from "../../src/excel/settings-store";
import {
  type StandInHost,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
} from "../stand-in/excel-stand-in";
import type { SheetSnapshot } from "../../src/core/grid";

let host: StandInHost;
afterEach(() => host?.uninstall());

const PERSON: SheetSnapshot = { name: "Sở Tư pháp", values: [["1.1", 0.75]] };

function install(sheets: SheetSnapshot[]): StandInHost {
  host = installExcelStandIn(globalThis, createStandInWorkbook({ sheets }));
  return host;
}

it("without a settings sheet, the defaults are read", async () => {
  install([PERSON]);
  const state = await loadSavedSettings();
  expect(state.settings).toEqual(parseSettings({}).settings);
  expect(state.sheets).toEqual([]);
});

it("saved settings read back the same, through Office.js and through the core reader", async () => {
  install([PERSON]);
  const settings = parseSettings({ year: 2024, lang: "en" }).settings;
  await saveSettingsToWorkbook(settings);
  expect((await loadSavedSettings()).settings).toEqual(settings);
  expect(readSavedState(dumpWorkbook(host.workbook)).settings).toMatchObject({ year: 2024, lang: "en" });
});

it("saving keeps the signed list of sheets PAR Scorer wrote, and drops an unsigned list of names", async () => {
  const signed = '{"name":"Xếp hạng - Khối sở","signature":"v2;0:0123456789abcdef"}';
  install([
    PERSON,
    {
      name: SETTINGS_SHEET,
      values: [[SETTINGS_MARKER], [`{"year":2023,"ownSheets":[${signed}],"generatedSheets":["Sở Y tế"]}`]],
      visibility: "veryHidden",
    },
  ]);
  await saveSettingsToWorkbook(parseSettings({ year: 2025 }).settings);
  const state = await loadSavedSettings();
  expect(state.settings.year).toBe(2025);
  expect(state.sheets).toEqual([{ name: "Xếp hạng - Khối sở", signature: "v2;0:0123456789abcdef" }]);
});

it("never saves over a person's visible sheet named _ParScorer (any case)", async () => {
  const mine = {
    name: "_PARSCORER",
    values: [["Ghi chú của tôi"], ["đừng xóa"]],
    visibility: "visible" as const,
  };
  install([PERSON, mine]);
  expect((await loadSavedSettings()).storage).toBe("foreign");
  await expect(saveSettingsToWorkbook(parseSettings({ year: 2025 }).settings)).rejects.toThrow(/_ParScorer/);
  const after = dumpWorkbook(host.workbook).sheets.find((s) => s.name === "_PARSCORER");
  expect(after).toMatchObject({ values: mine.values, visibility: "visible" });
});

it("saving touches no other sheet", async () => {
  install([PERSON]);
  await saveSettingsToWorkbook(parseSettings({}).settings);
  const dump = dumpWorkbook(host.workbook);
  expect(dump.sheets.map((s) => s.name)).toEqual(["Sở Tư pháp", SETTINGS_SHEET]);
  expect(dump.sheets[0].values).toEqual([["1.1", 0.75]]);
});
