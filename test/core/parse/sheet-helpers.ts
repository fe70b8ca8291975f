/** Literal grids for the parse tests. */
import type { CellRange, CellValue, SheetSnapshot } from "../../../src/core/grid";
import type { Issue } from "../../../src/core/issues";

/** A sheet from rows written as literals (shorter rows are padded with null). */
export function sheet(name: string, rows: CellValue[][], merges?: CellRange[]): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  return { name, values: rows.map((r) => [...r, ...Array(width - r.length).fill(null)]), merges };
}

/** Issues as "code@sheet!cell" for compact assertions. */
export function where(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.code}@${i.sheet ?? "-"}!${i.cell ?? "-"}`);
}
