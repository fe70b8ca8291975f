/**
 * The sync budget: a full check-and-rank run (read, then write of the ranking sheets) makes the
 * same number of context.sync() calls for 5 units as for 200 (docs/excel.md, "Sync budget").
 */
import { rankWorkbook } from "../../src/app/score-workbook";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { createStandInWorkbook, installExcelStandIn, type StandInHost } from "../stand-in/excel-stand-in";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

let host: StandInHost | undefined;
afterEach(() => host?.uninstall());

async function syncsOfRankRun(units: number, layout: "unitSheets" | "matrix"): Promise<number[]> {
  const fixture = buildProvinceWorkbook({ units, layout, mistakes: true });
  host = installExcelStandIn(globalThis, createStandInWorkbook(fixture.snapshot), { apiVersion: "1.13" });
  const port = createOfficeWorkbook();
  const { plan } = await rankWorkbook(port);
  expect(plan.sheets.length).toBeGreaterThan(0);
  // A second run replaces the sheets of the first: the read already listed their charts.
  const first = host.syncCount();
  await rankWorkbook(port);
  const second = host.syncCount() - first;
  const largest = Math.max(...host.stats.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  expect(largest).toBeLessThan(5 * 1024 * 1024);
  host.uninstall();
  host = undefined;
  return [first, second];
}

describe("syncs of a full check-and-rank run", () => {
  it("are the same for 5 and 200 units, one sheet per unit (about 200,000 cells read)", async () => {
    const few = await syncsOfRankRun(5, "unitSheets");
    const many = await syncsOfRankRun(200, "unitSheets");
    expect(many).toEqual(few);
    // Read: names, used-range sizes, values; write: one batch (docs/excel.md, "Sync budget").
    expect(few).toEqual([4, 4]);
  });

  it("are the same for 5 and 200 units on one matrix sheet", async () => {
    expect(await syncsOfRankRun(200, "matrix")).toEqual(await syncsOfRankRun(5, "matrix"));
  });
});
