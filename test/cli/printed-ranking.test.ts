/**
 * The printed appendix: the ranking sheets written by `rank --ranking-only` with a frame, read
 * back with ExcelJS (page setup, fonts, wrapping, heights, frame, footer) and printed to PDF by
 * LibreOffice headless, whose text pdftotext extracts (field titles and unit names whole, each
 * group's table on one page at 100 % with 10-point text, signature and page numbers).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { formatFigure } from "../../src/core/format-number";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { GROUP_DEPARTMENTS, PROVINCE_CRITERIA, buildProvinceWorkbook } from "../fixtures/province-workbook";
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

  it("sets A4 landscape, the decree's margins, one page wide at 100 %, the print area and the footer", () => {
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
      // One page wide, any number tall: the widths fit at 100 %, so nothing is shrunk.
      expect([setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual([true, 1, 0]);
      // The table of 20 units is on one page: no header to repeat over the next page's signature.
      expect(setup.printTitlesRow).toBeUndefined();
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

  it("prints through LibreOffice: each group's table whole on one page at 10 pt, then the signature, page numbers", () => {
    const pdfDir = mkdtempSync(path.join(tempDir(), "pdf-"));
    const [pdf] = convertWithSoffice(out, "pdf", pdfDir);
    const pages = pdfPages(pdf);
    const texts = Array.from({ length: pages }, (_, i) => flat(pdfText(pdf, i + 1)));
    const all = texts.join(" ");
    for (const field of PROVINCE_CRITERIA) expect(all).toContain(flat(`${field.code}. ${field.title}`));
    const size = tenPointHeight();
    result.groups.forEach((group) => {
      expect(group.units.length).toBeGreaterThanOrEqual(15);
      expect(group.units.length).toBeLessThanOrEqual(30);
      const at = texts.findIndex((t) => group.units.every((u) => t.includes(u.name)) && t.includes("STT"));
      expect(at).toBeGreaterThan(0);
      const page = texts[at];
      expect(page).toContain("Bình quân");
      expect(bodyHeight(pdf, at + 1, group.units[0].name)).toBeGreaterThanOrEqual(size * 0.995);
      // The index as Excel shows it in Vietnamese: decimal comma, half-up from the exact value.
      expect(page).toContain(formatFigure(group.units[0].index!, 2, "vi"));
      // The closing block whole, on the table's page or the next.
      const closing = texts.findIndex((t, i) => i >= at && t.includes(FRAME.placeAndDate));
      expect([at, at + 1]).toContain(closing);
      expect(texts[closing]).toContain("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
      expect(texts[closing]).toContain("Nguyễn Văn An");
    });
    texts.forEach((t, i) => expect(t).toContain(`Trang ${i + 1}/${pages}`));
  }, 180_000);
});

/** Thirty sở, ban, ngành with long names (as a province has), each on one printed line. */
const THIRTY = [
  "Ban Quản lý Khu kinh tế Nghi Sơn",
  "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Nông nghiệp và Môi trường",
  "Trung tâm Phục vụ hành chính công tỉnh",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Dân tộc và Tôn giáo",
  "Sở Tài chính",
  "Sở Tư pháp",
  "Sở Nội vụ",
  "Sở Xây dựng",
  "Sở Y tế",
  "Sở Công Thương",
  "Thanh tra tỉnh",
  "Văn phòng Ủy ban nhân dân tỉnh",
  "Trường Chính trị tỉnh",
  "Đài Phát thanh và Truyền hình tỉnh",
  "Ban Quản lý các khu bảo tồn thiên nhiên",
  "Quỹ Đầu tư phát triển tỉnh",
  "Sở Ngoại vụ",
  "Ban Dân tộc",
  "Công an tỉnh",
  "Bảo hiểm xã hội tỉnh",
  "Thuế tỉnh",
  "Kho bạc Nhà nước khu vực",
  "Ngân hàng Chính sách xã hội tỉnh",
  "Bộ Chỉ huy Quân sự tỉnh",
  "Ban Quản lý dự án đầu tư xây dựng tỉnh",
  "Liên minh Hợp tác xã tỉnh",
];

describe("a group of 30 units with a full frame prints its table on one page at 100 %", () => {
  let pdf = "";
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    requireSoffice();
    const province = buildProvinceWorkbook({ layout: "matrix", units: 60, seed: 3 });
    const departments = province.units.filter((u) => u.group === GROUP_DEPARTMENTS);
    expect(departments).toHaveLength(30);
    const names = new Map(departments.map((u, i) => [u.name, THIRTY[i]]));
    const snapshot = {
      ...province.snapshot,
      sheets: province.snapshot.sheets.map((sheet) => ({
        ...sheet,
        values: sheet.values.map((line) =>
          line.map((v) => (typeof v === "string" ? (names.get(v) ?? v) : v)),
        ),
      })),
    };
    const file = await writeXlsx(tempDir(), "ba-muoi.xlsx", snapshot);
    const settings = path.join(tempDir(), "khung.json");
    writeFileSync(settings, JSON.stringify({ year: 2025, frame: FRAME }));
    const out = path.join(tempDir(), "phu-luc-30.xlsx");
    const run = await runCli(["rank", file, "--ranking-only", "--settings", settings, "-o", out, "--json"]);
    expect(run.stderr).toContain("Đã ghi kết quả xếp hạng");
    wb = await readBack(out);
    const pdfDir = mkdtempSync(path.join(tempDir(), "pdf-"));
    [pdf] = convertWithSoffice(out, "pdf", pdfDir);
  }, 180_000);

  it("writes no fit in height and 10-point Times New Roman", () => {
    const ws = wb.getWorksheet(`Xếp hạng - ${GROUP_DEPARTMENTS}`)!;
    expect([ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight, ws.pageSetup.scale ?? 100]).toEqual([
      1, 0, 100,
    ]);
    for (const r of rankingRows(ws)) expect(r.unit.font?.size).toBe(10);
  });

  it("prints the frame's top, the header and all 30 units and the average on the group's first page, 10 pt", () => {
    const pages = Array.from({ length: pdfPages(pdf) }, (_, i) => flat(pdfText(pdf, i + 1)));
    // The group's first page holds every one of its 30 names (page 1 is the summary).
    const at = pages.findIndex((t) => THIRTY.every((name) => t.includes(name)));
    expect(at).toBeGreaterThan(0);
    const page = pages[at];
    for (const text of [
      "UBND TỈNH THANH HÓA",
      "Phụ lục I",
      FRAME.appendix[1],
      GROUP_DEPARTMENTS,
      "STT",
      "Bình quân",
    ])
      expect(page).toContain(text);
    // Every unit's name at its full 10 points, as a 10-point probe prints at 100 %.
    const size = tenPointHeight();
    for (const name of [THIRTY[0], THIRTY[29], THIRTY[4]])
      expect(bodyHeight(pdf, at + 1, name)).toBeGreaterThanOrEqual(size * 0.995);
    // The signature follows, whole, on the next page.
    expect(page).not.toContain("Nguyễn Văn An");
    expect(pages[at + 1]).toContain(FRAME.placeAndDate);
    expect(pages[at + 1]).toContain("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
    expect(pages[at + 1]).toContain("Nguyễn Văn An");
  });
});

let probeHeight = 0;
/** The height pdftotext gives a word of 10-point Times New Roman printed at 100 % (a probe sheet). */
function tenPointHeight(): number {
  if (probeHeight > 0) return probeHeight;
  const dir = mkdtempSync(path.join(tempDir(), "probe-"));
  const file = path.join(dir, "probe.xlsx");
  // Written synchronously through a child: ExcelJS's writer is async, this helper is not.
  const script = `const E=require("exceljs");const w=new E.Workbook();const s=w.addWorksheet("a");const c=s.getCell("A1");c.value="Sở Nội vụ";c.font={name:"Times New Roman",size:10};w.xlsx.writeFile(${JSON.stringify(file)});`;
  const run = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    cwd: path.resolve(__dirname, "..", ".."),
  });
  if (run.status !== 0) throw new Error(`probe workbook: ${run.stderr}`);
  const [pdf] = convertWithSoffice(file, "pdf", mkdtempSync(path.join(dir, "pdf-")));
  probeHeight = bodyHeight(pdf, 1, "Sở Nội vụ");
  return probeHeight;
}

/** Height in points of the first word of `text` on a page of the PDF (pdftotext -bbox). */
function bodyHeight(pdf: string, page: number, text: string): number {
  const run = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"], {
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.error || run.status !== 0) throw new Error(`pdftotext -bbox failed: ${run.stderr}`);
  const first = text.split(" ")[0];
  const words = [...run.stdout.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)];
  const word = words.find((m) => m[3] === first);
  if (!word) throw new Error(`"${first}" not on page ${page}`);
  return Number(word[2]) - Number(word[1]);
}

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
