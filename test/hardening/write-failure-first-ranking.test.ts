/**
 * Office.js: a first ranking interrupted after its sheets were added but before the settings
 * sheet recorded them as PAR Scorer's. Running rank again must complete the same ranking sheets
 * (not add "(2)" copies, not read the half-written sheets as scores): src/excel/write-plan.ts saves
 * the names of PAR Scorer's sheets before it adds them (b983c13, after this test found the gap).
 */
import { rankWorkbook } from "../../src/app/score-workbook";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { dumpWorkbook } from "../stand-in/excel-stand-in";
import { changedCells, installStandIn, portFailingAtSync, rankingState, userSheets } from "./adapters";

const SMALL_BUDGET = 3000;

it("a failure at any sync of a first ranking is repaired by ranking again", async () => {
  const snapshot = buildProvinceWorkbook({ units: 4, layout: "unitSheets", mistakes: true }).snapshot;
  const cleanHost = installStandIn(snapshot);
  const cleanPort = portFailingAtSync(cleanHost, 0, SMALL_BUDGET);
  const names = (await rankWorkbook(cleanPort)).plan.sheets.map((s) => s.name);
  const order = cleanHost.workbook.sheets.map((s) => s.name);
  const state = rankingState(cleanHost, names);
  cleanHost.uninstall();

  const wrong: unknown[] = [];
  for (let n = 1; n <= cleanPort.syncs(); n++) {
    const host = installStandIn(snapshot);
    try {
      const before = dumpWorkbook(host.workbook);
      await expect(rankWorkbook(portFailingAtSync(host, n, SMALL_BUDGET))).rejects.toBeDefined();
      expect(changedCells(userSheets(before, []), userSheets(dumpWorkbook(host.workbook), names))).toEqual(
        [],
      );
      const again = (await rankWorkbook(createOfficeWorkbook(SMALL_BUDGET))).plan.sheets.map((s) => s.name);
      const sheets = host.workbook.sheets.map((s) => s.name);
      if (
        JSON.stringify(again) !== JSON.stringify(names) ||
        JSON.stringify(sheets) !== JSON.stringify(order) ||
        JSON.stringify(rankingState(host, names)) !== JSON.stringify(state)
      ) {
        wrong.push({ failedAtSync: n, rankedAgainAs: again, sheets });
      }
    } finally {
      host.uninstall();
    }
  }
  expect(wrong).toEqual([]);
});
