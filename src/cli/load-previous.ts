/**
 * `--previous LAST.xlsx`: opens last year's workbook (the same checks as any input) and reads
 * its results with the engine: scoring sheets, PAR Scorer's ranking sheets or a published table.
 */
import { type PreviousYear, readPreviousYear } from "../core/compare/previous-year";
import { FileProblemError } from "../node/file-problems";
import { openXlsxWorkbook } from "../node/xlsx-workbook";

/** Last year's results; rejects with FileProblemError when the file cannot be used or holds none. */
export async function loadPreviousYear(file: string): Promise<PreviousYear> {
  const workbook = await openXlsxWorkbook(file);
  const previous = readPreviousYear(await workbook.read());
  if (!previous) throw new FileProblemError({ code: "previous_without_results", file });
  return previous;
}
