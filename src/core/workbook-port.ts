/**
 * The workbook port: all a run needs from a host. The Office.js adapter (task pane) and the
 * ExcelJS adapter (command line) implement it; the use case in src/app is written once against it.
 */
import type { WorkbookSnapshot } from "./grid";
import type { WritePlan } from "./model";

/** Progress of a long step, 0 to 1, with a short Vietnamese label. */
export type ProgressListener = (fraction: number, label: string) => void;

export type WorkbookPort = {
  /** Reads every sheet (values as displayed types, merged areas) in one go. */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Applies a write plan: the planned sheets, the deletions and the settings. Writes nothing
   * else; a value a person typed is never changed. Text beginning with = + - @ stays text.
   */
  write(plan: WritePlan, onProgress?: ProgressListener): Promise<void>;
};
