/** Small write plans for the Office.js adapter tests, written out as literals by the caller. */
import type { SheetPlan, WritePlan } from "../../src/core/model";

/** A ranking sheet plan with nothing but the given fields. */
export function sheetPlan(fields: Partial<SheetPlan> & { name: string }): SheetPlan {
  return {
    purpose: "ranking",
    group: null,
    replaces: false,
    patches: [],
    merges: [],
    columnWidths: [],
    freezeRows: 0,
    print: { landscape: false, fitToWidth: false, titleRows: null },
    bands: [],
    chart: null,
    ...fields,
  };
}

/** A write plan with these sheets and settings JSON "{}". */
export function writePlan(sheets: SheetPlan[], fields: Partial<WritePlan> = {}): WritePlan {
  return { sheets, deleteSheets: [], settingsJson: "{}", ...fields };
}
