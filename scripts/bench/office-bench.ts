/**
 * Office.js adapter benchmark: how many context.sync() round trips, and how big the largest
 * request and response, a full check then rank costs through src/excel/office-workbook.ts over
 * the counting Excel stand-in. The count must not grow with the number of units; it grows with the
 * bytes read, one sync per further 4 MB block (Excel on the web refuses a response over 5 MB).
 */
import { checkWorkbook, rankWorkbook } from "../../src/app/score-workbook";
import { SYNC_BUDGET_BYTES } from "../../src/excel/batches";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { buildProvinceWorkbook } from "../../test/fixtures/province-workbook";
import {
  type StandInHost,
  createStandInWorkbook,
  installExcelStandIn,
} from "../../test/stand-in/excel-stand-in";

export type OfficeResult = {
  units: number;
  /** Round trips of the check (read only), of the rank (read and write), and of both. */
  checkSyncs: number;
  rankSyncs: number;
  totalSyncs: number;
  /** Excel.run calls of both. */
  runs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** All the rank's responses, and the 4 MB blocks beyond the first they need (each one sync more). */
  rankResponseBytes: number;
  extraBlocks: number;
};

const largest = (host: StandInHost, key: "requestBytes" | "responseBytes"): number =>
  Math.max(0, ...host.stats.syncs.map((s) => s[key]));

/** One check and one rank of a province workbook of `units` units (one sheet per unit). */
export async function benchOffice(units: number): Promise<OfficeResult> {
  const { snapshot } = buildProvinceWorkbook({ units, layout: "unitSheets", mistakes: true });
  const host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot));
  try {
    const port = createOfficeWorkbook();
    await checkWorkbook(port);
    const checkSyncs = host.syncCount();
    const checkRuns = host.stats.runs;
    let request = largest(host, "requestBytes");
    let response = largest(host, "responseBytes");
    host.resetStats();
    await rankWorkbook(port);
    const rankSyncs = host.syncCount();
    const rankResponseBytes = host.stats.syncs.reduce((sum, s) => sum + s.responseBytes, 0);
    request = Math.max(request, largest(host, "requestBytes"));
    response = Math.max(response, largest(host, "responseBytes"));
    return {
      units,
      checkSyncs,
      rankSyncs,
      totalSyncs: checkSyncs + rankSyncs,
      runs: checkRuns + host.stats.runs,
      largestRequestBytes: request,
      largestResponseBytes: response,
      rankResponseBytes,
      extraBlocks: Math.max(0, Math.ceil(rankResponseBytes / SYNC_BUDGET_BYTES) - 1),
    };
  } finally {
    host.uninstall();
  }
}
