/**
 * Builds the bundled samples from the realistic fixture (test/fixtures/province-workbook.ts),
 * styled the way an officer's file looks: merged bold titles, bordered tables with bold headers,
 * column widths, number formats for points, frozen headers, landscape printing.
 *
 *   npx ts-node --transpile-only scripts/make-sample.ts
 *
 * writes samples/so-noi-vu-2025.xlsx (one sheet per unit, 24 units in two groups, a units list,
 * a handful of known mistakes) and samples/tong-hop-ma-tran-2025.xlsx (the same as one matrix).
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSnapshot } from "../src/core/grid";
import { snapshotToWorkbook } from "../src/node/snapshot-to-workbook";
import { buildProvinceWorkbook } from "../test/fixtures/province-workbook";

const SAMPLES = path.join(__dirname, "..", "samples");
/** Fixed document dates, so that rebuilding gives the same file. */
const DOCUMENT_DATE = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));
const FONT = "Times New Roman";
const HEADER_FILL = "FFDDEBF7";
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

async function main(): Promise<void> {
  for (const [file, layout] of [
    ["so-noi-vu-2025.xlsx", "unitSheets"],
    ["tong-hop-ma-tran-2025.xlsx", "matrix"],
  ] as const) {
    const province = buildProvinceWorkbook({ layout, units: 24, mistakes: true, seed: 2025 });
    const wb = snapshotToWorkbook(province.snapshot);
    wb.creator = "Sở Nội vụ";
    wb.lastModifiedBy = "Sở Nội vụ";
    wb.created = DOCUMENT_DATE;
    wb.modified = DOCUMENT_DATE;
    province.snapshot.sheets.forEach((sheet, i) => styleSheet(wb.worksheets[i], sheet));
    const target = path.join(SAMPLES, file);
    writeFileSync(target, await withFixedDates(Buffer.from(await wb.xlsx.writeBuffer())));
    console.warn(`${target}: ${province.units.length} units, ${province.mistakes.length} known mistakes`);
  }
}

/** The package again with every entry dated DOCUMENT_DATE, so that the file is reproducible. */
async function withFixedDates(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: DOCUMENT_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Styles a sheet from what it holds: title rows above the header, the table below it. */
function styleSheet(ws: ExcelJS.Worksheet, sheet: SheetSnapshot): void {
  const header = findHeaderRow(sheet);
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 12 };
    });
  });
  for (const m of sheet.merges ?? []) {
    const cell = ws.getCell(m.top + 1, m.left + 1);
    if (m.top < Math.max(header, 1)) {
      cell.font = { name: FONT, size: 14, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  }
  if (header < 0) {
    ws.getColumn(1).width = 90;
    if (sheet.values.length) ws.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
    return;
  }
  const headerRows = header + 1 < sheet.values.length && isSubHeader(sheet, header + 1) ? 2 : 1;
  const pointColumns = new Set<number>();
  for (let r = header; r < header + headerRows; r++) {
    (sheet.values[r] ?? []).forEach((v, c) => {
      if (typeof v === "string" && /điểm|tự chấm|thẩm định|xhh|trọng số/i.test(v) && !/kiểm chứng/i.test(v))
        pointColumns.add(c);
    });
  }
  for (let r = header; r < sheet.values.length; r++) {
    const isHeader = r < header + headerRows;
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = BORDER;
      if (isHeader) {
        cell.font = { name: FONT, size: 12, bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        continue;
      }
      const value = sheet.values[r]?.[c] ?? null;
      const isParent = /^([IVX]+|\d+)$/.test(String(sheet.values[r]?.[0] ?? "").trim());
      cell.font = { name: FONT, size: 12, bold: isParent || value === "Tổng cộng" };
      cell.alignment = { vertical: "top", wrapText: typeof value === "string" && value.length > 30 };
      if (pointColumns.has(c) && typeof value === "number") cell.numFmt = "0.00";
    }
  }
  for (let c = 0; c < width; c++) {
    const longest = Math.max(4, ...sheet.values.slice(header).map((r) => String(r[c] ?? "").length));
    ws.getColumn(c + 1).width = Math.min(60, Math.max(8, Math.ceil(longest * 0.9)));
  }
  ws.views = [
    { state: "frozen", xSplit: 0, ySplit: header + headerRows, topLeftCell: `A${header + headerRows + 1}` },
  ];
  ws.pageSetup.orientation = "landscape";
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.pageSetup.printTitlesRow = `${header + 1}:${header + headerRows}`;
}

/** The table's header row: the first row whose first cells say STT or TT. */
function findHeaderRow(sheet: SheetSnapshot): number {
  return sheet.values.findIndex((r) =>
    r.slice(0, 2).some((v) => typeof v === "string" && /^(STT|TT)$/i.test(v.trim())),
  );
}

/** A second header row ("Tự chấm | Thẩm định", or column numbers "(1) (2)") directly under the first. */
function isSubHeader(sheet: SheetSnapshot, row: number): boolean {
  const first = sheet.values[row]?.[0];
  return (
    first === null ||
    (typeof first === "string" && /^\(?\w{0,2}\)?$/.test(first.trim()) && !/^\d+$/.test(first.trim()))
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
