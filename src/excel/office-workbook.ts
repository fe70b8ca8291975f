/**
 * The workbook port over Office.js, for the task pane: read() and write() each run in one
 * Excel.run with a constant number of syncs (docs/excel.md, "Sync budget").
 */
import type { WorkbookPort } from "../core/workbook-port";
import { SYNC_BUDGET_BYTES } from "./batches";
import { isPayloadTooLarge } from "./host-errors";
import { type KnownWorkbook, readOfficeWorkbook } from "./read-workbook";
import { writeOfficePlan } from "./write-plan";

/** The Office.js workbook port. A read refused as too large is retried once in smaller blocks. */
export function createOfficeWorkbook(budget = SYNC_BUDGET_BYTES): WorkbookPort {
  // What the last read learnt of the sheets, for the write that follows it (a ranking run reads
  // then writes at once). Used by that one write only; a later write checks for itself.
  let known: KnownWorkbook | null = null;
  return {
    async read() {
      known = null;
      let result;
      try {
        result = await readOfficeWorkbook(budget);
      } catch (error) {
        // The size estimate is per cell; long texts can exceed it. A quarter of the budget per
        // sync leaves room for cells four times larger than estimated.
        if (!isPayloadTooLarge(error)) throw error;
        result = await readOfficeWorkbook(Math.floor(budget / 4));
      }
      known = result.known;
      return result.snapshot;
    },
    write(plan, onProgress) {
      const fresh = known;
      known = null;
      return writeOfficePlan(plan, onProgress, budget, fresh);
    },
  };
}
