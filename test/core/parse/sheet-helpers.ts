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

/**
 * A matrix of two criteria (1.1 max 1, 1.2 max 2, under field I) with units across: per unit one
 * column (its appraised score) or two ("Tự chấm", "Thẩm định" under the merged name).
 * `scores[name][k]` is the unit's [self, appraised] score of criterion k.
 */
export function twoCriteriaMatrix(
  names: readonly string[],
  two: boolean,
  scores: Record<string, [number, number][]>,
): SheetSnapshot {
  const merges: CellRange[] = [];
  const top: CellValue[] = ["STT", "Nội dung", "Điểm tối đa"];
  const sub: CellValue[] = [null, null, null];
  names.forEach((name, i) => {
    if (two) {
      top.push(name, null);
      sub.push("Tự chấm", "Thẩm định");
      merges.push({ top: 1, bottom: 1, left: 3 + 2 * i, right: 4 + 2 * i });
    } else top.push(name);
  });
  const row = (code: string, title: string, max: number, k: number): CellValue[] => [
    code,
    title,
    max,
    ...names.flatMap((name) => (two ? scores[name][k] : [scores[name][k][1]])),
  ];
  return sheet(
    "Tổng hợp điểm",
    [
      ["TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC"],
      ...(two ? [top, sub] : [top]),
      ["I", "Chỉ đạo điều hành", 3],
      row("1.1", "Kế hoạch CCHC năm", 1, 0),
      row("1.2", "Báo cáo CCHC", 2, 1),
    ],
    merges,
  );
}
