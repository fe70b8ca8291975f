/**
 * The printed appendix: the ranking sheets written by `rank --ranking-only` with a frame, read
 * back with ExcelJS (page setup, fonts, wrapping, heights, frame, footer) and printed to PDF by
 * LibreOffice headless, whose text pdftotext extracts (field titles and unit names whole, one
 * page per group, signature and page numbers).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { formatFigure } from "../../src/core/format-number";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { PROVINCE_CRITERIA, buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { convertWithSoffice, requireSoffice } from "./libreoffice";
import { rankingRows, readBack } from "./ranking-sheet";
import { runCli } from "./run-cli";
import { writeXlsx } from "./workbooks";

const tempDir = useTempDir();

const FRAME = {
  issuer: ["UBND tỉnh Thanh Hóa", "Sở Nội vụ"],
  appendix: [
    "Phụ lục I",
    "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2026 của Chủ tịch UBND tỉnh Thanh Hóa)",
  ],
  notes: ["Xếp loại: A từ 90 % trở lên; B từ 80 % đến dưới 90 %; C từ 70 % đến dưới 80 %; D dưới 70 %."],
  placeAndDate: "Thanh Hóa, ngày 15 tháng 3 năm 2026",
  signatures: [{ role: ["KT. Giám đốc", "Phó Giám đốc"], name: "Nguyễn Văn An" }],
};

/** pdftotext (poppler-utils) is needed; CI installs it. Fails rather than skips. */
function pdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const run = spawnSync("pdftotext", [...pages, file, "-"], { encoding: "utf8", timeout: 60_000 });
  if (run.error || run.status !== 0) {
    throw new Error(
      `pdftotext (apt-get install poppler-utils; CI installs it) failed: ${run.error?.message ?? run.stderr}`,
    );
  }
  return run.stdout;
}

function pdfPages(file: string): number {
  const run = spawnSync("pdfinfo", [file], { encoding: "utf8", timeout: 60_000 });
  if (run.error || run.status !== 0) throw new Error(`pdfinfo failed: ${run.error?.message ?? run.stderr}`);
  return Number(/Pages:\s+(\d+)/.exec(run.stdout)?.[1]);
}

/** Text with every run of white space as one space (cells wrap their text over lines). */
const flat = (text: string): string => text.replace(/\s+/g, " ");

/** The texts of a worksheet's cells, top to bottom. */
function cellTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === "string" && out.push(cell.value)));
  return out;
}

describe("the printed ranking (rank --ranking-only with a frame)", () => {
  const province = buildProvinceWorkbook({ layout: "unitSheets", mistakes: true, units: 40, seed: 7 });
  let out = "";
  let result: JsonResult;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    requireSoffice();
    const file = await writeXlsx(tempDir(), "tinh.xlsx", province.snapshot);
    const settings = path.join(tempDir(), "khung.json");
    writeFileSync(settings, JSON.stringify({ year: 2025, frame: FRAME }));
    out = path.join(tempDir(), "phu-luc.xlsx");
    const run = await runCli(["rank", file, "--ranking-only", "--settings", settings, "-o", out, "--json"]);
    expect(run.stderr).toContain("Đã ghi kết quả xếp hạng");
    result = JSON.parse(run.stdout) as JsonResult;
    wb = await readBack(out);
  }, 120_000);

  it("holds only the ranking sheets: no scores, no settings sheet", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "Tổng hợp xếp hạng",
      ...result.groups.map((g) => `Xếp hạng - ${g.name}`),
    ]);
  });

  it("sets A4 landscape, the decree's margins, one page per group, print titles and area, and the footer", () => {
    for (const group of result.groups) {
      const ws = wb.getWorksheet(`Xếp hạng - ${group.name}`)!;
      const setup = ws.pageSetup;
      expect(setup.paperSize).toBe(9);
      expect(setup.orientation).toBe("landscape");
      expect(setup.margins).toEqual({
        top: 0.7874,
        bottom: 0.7874,
        left: 1.1811,
        right: 0.5906,
        header: 0.315,
        footer: 0.315,
      });
      expect([setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual([true, 1, 1]);
      const header = rankingHeaderRow(ws);
      expect(setup.printTitlesRow).toBe(`${header}:${header}`);
      // The print area runs from A1 to the signer's name; the chart (task pane only) lies right of it.
      const nameRow = findRow(ws, "Nguyễn Văn An");
      expect(setup.printArea).toMatch(new RegExp(`^A1:[A-Z]+${nameRow}$`));
      expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
    }
  });

  it("writes Times New Roman, wraps names and titles, and fits row heights to the text", () => {
    const ws = wb.getWorksheet(`Xếp hạng - ${result.groups[0].name}`)!;
    const header = rankingHeaderRow(ws);
    const rows = rankingRows(ws);
    for (const r of rows) {
      expect(r.unit.font?.name).toBe("Times New Roman");
      expect(r.unit.font?.size).toBeGreaterThanOrEqual(10);
      expect(r.unit.alignment?.wrapText).toBe(true);
      expect(r.unit.alignment?.horizontal).toBe("left");
    }
    expect(ws.getRow(header).height).toBeGreaterThanOrEqual(24);
    const alignOf = (column: string) =>
      ws.getRow(header + 1).getCell(columnOf(ws, header, column)).alignment?.horizontal;
    expect([alignOf("STT"), alignOf("Xếp hạng"), alignOf("Xếp loại")]).toEqual([
      "center",
      "center",
      "center",
    ]);
    expect([alignOf("Chỉ số (%)"), alignOf("Tổng điểm")]).toEqual(["right", "right"]);
    // Every row of the table has a height: none is left for a reader to guess.
    for (let r = header; r < header + rows.length; r++) expect(ws.getRow(r).height).toBeGreaterThan(0);
    expect(ws.getCell("A1").font?.name).toBe("Times New Roman");
  });

  it("writes the frame: issuer, appendix, title, decision line, notes, place and date, signature", () => {
    const texts = cellTexts(wb.getWorksheet(`Xếp hạng - ${result.groups[0].name}`)!);
    for (const text of [
      "UBND TỈNH THANH HÓA",
      "SỞ NỘI VỤ",
      "Phụ lục I",
      "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
      FRAME.appendix[1],
      FRAME.notes[0],
      FRAME.placeAndDate,
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Văn An",
    ])
      expect(texts).toContain(text);
  });

  it("prints through LibreOffice: one page per group, titles and names whole, the signature and page numbers", () => {
    const pdfDir = mkdtempSync(path.join(tempDir(), "pdf-"));
    const [pdf] = convertWithSoffice(out, "pdf", pdfDir);
    const pages = 1 + result.groups.length;
    expect(pdfPages(pdf)).toBe(pages);
    const all = flat(pdfText(pdf));
    for (const field of PROVINCE_CRITERIA) expect(all).toContain(flat(`${field.code}. ${field.title}`));
    result.groups.forEach((group, i) => {
      expect(group.units.length).toBeGreaterThanOrEqual(15);
      expect(group.units.length).toBeLessThanOrEqual(30);
      const page = flat(pdfText(pdf, i + 2));
      for (const unit of group.units) expect(page).toContain(unit.name);
      // The index as Excel shows it in Vietnamese: decimal comma, half-up from the exact value.
      const first = group.units[0];
      expect(page).toContain(formatFigure(first.index!, 2, "vi"));
      expect(page).toContain("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
      expect(page).toContain("Nguyễn Văn An");
      expect(page).toContain(FRAME.placeAndDate);
      expect(page).toContain(`Trang ${i + 2}/${pages}`);
    });
  }, 180_000);
});

/** The row (1-based) of the header "STT" of a ranking sheet. */
function rankingHeaderRow(ws: ExcelJS.Worksheet): number {
  return findRow(ws, "STT");
}

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && row.values && (row.values as unknown[]).includes(text)) found = n;
  });
  if (!found) throw new Error(`"${text}" not on ${ws.name}`);
  return found;
}

function columnOf(ws: ExcelJS.Worksheet, row: number, text: string): number {
  let found = 0;
  ws.getRow(row).eachCell((cell, c) => {
    if (cell.value === text) found = c;
  });
  return found;
}
