/** Reads the ranking sheets of a written workbook back with ExcelJS, by their header texts. */
import ExcelJS from "exceljs";

export type RankingRow = {
  stt: unknown;
  unit: ExcelJS.Cell;
  index: unknown;
  rank: unknown;
  band: unknown;
  points: unknown;
};

/** The ExcelJS workbook of a file. */
export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The unit rows of a ranking sheet: the rows under the "STT" header that carry a number in STT. */
export function rankingRows(ws: ExcelJS.Worksheet): RankingRow[] {
  let headerRow = 0;
  const columns: Record<string, number> = {};
  ws.eachRow((row, n) => {
    if (headerRow || row.getCell(1).value !== "STT") return;
    headerRow = n;
    row.eachCell((cell, c) => {
      if (typeof cell.value === "string") columns[cell.value] = c;
    });
  });
  if (!headerRow) throw new Error(`no STT header on ${ws.name}`);
  const col = (name: string): number => {
    if (!columns[name])
      throw new Error(`no column "${name}" on ${ws.name}: ${Object.keys(columns).join(", ")}`);
    return columns[name];
  };
  const rows: RankingRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (typeof row.getCell(1).value !== "number") continue;
    rows.push({
      stt: row.getCell(1).value,
      unit: row.getCell(col("Đơn vị")),
      index: row.getCell(col("Chỉ số (%)")).value,
      rank: row.getCell(col("Xếp hạng")).value,
      band: row.getCell(col("Xếp loại")).value,
      points: row.getCell(col("Tổng điểm")).value,
    });
  }
  return rows;
}

/** Every sheet's values as plain rows (for comparing two workbooks). */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}
