/**
 * The use case, written once for both hosts: read → parse → validate → compute → render → write.
 * The task pane passes the Office.js adapter, the command line the ExcelJS adapter.
 */
import { analyzeWorkbook, planRanking } from "../core/analyze";
import type { Analysis } from "../core/model";
import type { WritePlan } from "../core/model";
import type { SettingsInput } from "../core/settings";
import { withComparison } from "../core/compare/compare-years";
import type { PreviousYear } from "../core/compare/previous-year";
import type { ProgressListener, WorkbookPort } from "../core/workbook-port";

export type RunOptions = {
  /** Settings that override those saved in the workbook. */
  settings?: SettingsInput | null;
  onProgress?: ProgressListener;
  /** Last year's results: the analysis then carries the movement since last year. */
  previous?: PreviousYear | null;
};

/** Checks a workbook: issues and results, nothing written. */
export async function checkWorkbook(port: WorkbookPort, options: RunOptions = {}): Promise<Analysis> {
  options.onProgress?.(0, "Đang đọc bảng tính…");
  const snapshot = await port.read();
  options.onProgress?.(0.5, "Đang kiểm tra…");
  const analysis = compared(analyzeWorkbook(snapshot, options.settings ?? null), options);
  options.onProgress?.(1, "Xong");
  return analysis;
}

/** Checks, ranks and writes the ranking sheets. Returns what was written. */
export async function rankWorkbook(
  port: WorkbookPort,
  options: RunOptions = {},
): Promise<{ analysis: Analysis; plan: WritePlan }> {
  options.onProgress?.(0, "Đang đọc bảng tính…");
  const snapshot = await port.read();
  options.onProgress?.(0.3, "Đang tính điểm và xếp hạng…");
  const analysis = compared(analyzeWorkbook(snapshot, options.settings ?? null), options);
  const plan = planRanking(analysis, snapshot);
  options.onProgress?.(0.5, "Đang ghi các sheet xếp hạng…");
  await port.write(plan, (fraction, label) => options.onProgress?.(0.5 + fraction / 2, label));
  options.onProgress?.(1, "Xong");
  return { analysis, plan };
}

function compared(analysis: Analysis, options: RunOptions): Analysis {
  return options.previous ? withComparison(analysis, options.previous) : analysis;
}
