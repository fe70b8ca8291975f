/**
 * The printed appendix through Office.js: the page setup, fonts, alignment and row heights of a
 * ranking sheet planned by the core land on the (stand-in) workbook as the ExcelJS writer puts
 * them in the file.
 */
import { analyzeWorkbook, planRanking } from "../../src/core/analyze";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { rowHeightRuns } from "../../src/excel/write-plan";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import {
  type StandInHost,
  cellOf,
  createStandInWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";

let host: StandInHost;
afterEach(() => host?.uninstall());

const FRAME = {
  issuer: ["UBND tỉnh Thanh Hóa", "Sở Nội vụ"],
  placeAndDate: "Thanh Hóa, ngày 15 tháng 3 năm 2026",
  signatures: [{ role: ["Giám đốc"], name: "Nguyễn Văn An" }],
};

describe("the printed ranking written through Office.js", () => {
  const { snapshot } = buildProvinceWorkbook({ layout: "unitSheets", units: 8, seed: 3 });
  const analysis = analyzeWorkbook(snapshot, { frame: FRAME });
  const plan = planRanking(analysis, snapshot);
  const ranking = plan.sheets.find((s) => s.purpose === "ranking")!;

  it("sets A4, landscape, the decree's margins in points, one page, print titles, print area and footer", async () => {
    host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion: "1.9" });
    await createOfficeWorkbook().write(plan);
    const layout = sheetOf(host.workbook, ranking.name)!.pageLayout;
    // Four units: the table is on one page, so no header to repeat; no fit in height (100 %).
    expect(ranking.print.titleRows).toBeNull();
    expect(layout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: null,
      margins: {
        topMargin: 56.69,
        bottomMargin: 56.69,
        leftMargin: 85.04,
        rightMargin: 42.52,
        headerMargin: 22.68,
        footerMargin: 22.68,
      },
      centerHorizontally: true,
      printArea: `A1:P${(ranking.print.area?.bottom ?? 0) + 1}`,
      centerFooter: "Trang &P/&N",
    });
  });

  it("writes Times New Roman, the alignment per column and every planned row height", async () => {
    host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion: "1.9" });
    await createOfficeWorkbook().write(plan);
    const sheet = sheetOf(host.workbook, ranking.name)!;
    const first = ranking.freezeRows + 1;
    expect(cellOf(host.workbook, ranking.name, `B${first}`)?.font?.name).toBe("Times New Roman");
    expect(cellOf(host.workbook, ranking.name, "A1")?.font?.name).toBe("Times New Roman");
    expect(cellOf(host.workbook, ranking.name, `B${first}`)?.hAlign).toBe("Left");
    expect(cellOf(host.workbook, ranking.name, `N${first}`)?.hAlign).toBe("Center");
    expect(cellOf(host.workbook, ranking.name, `M${first}`)?.hAlign).toBe("Right");
    for (const { row, height } of ranking.rowHeights ?? []) expect(sheet.rowHeights?.get(row)).toBe(height);
  });

  it("sets equal heights of neighbouring rows in one range", () => {
    expect(
      rowHeightRuns([
        { row: 5, height: 12.75 },
        { row: 4, height: 12.75 },
        { row: 6, height: 24 },
        { row: 8, height: 24 },
      ]),
    ).toEqual([
      { first: 4, last: 5, height: 12.75 },
      { first: 6, last: 6, height: 24 },
      { first: 8, last: 8, height: 24 },
    ]);
  });
});

describe("a group of 30 units with a full frame, through Office.js", () => {
  const { snapshot } = buildProvinceWorkbook({ layout: "matrix", units: 60, seed: 3 });
  const analysis = analyzeWorkbook(snapshot, {
    frame: {
      ...FRAME,
      appendix: ["Phụ lục I", "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2026)"],
      notes: ["Xếp loại: A từ 90 % trở lên; B từ 80 % đến dưới 90 %."],
    },
  });
  const plan = planRanking(analysis, snapshot);
  const ranking = plan.sheets.find((s) => s.purpose === "ranking")!;

  it("breaks the page above the part that follows the table, and neither shrinks nor repeats the header", async () => {
    expect(ranking.print.rowBreaks).toHaveLength(1);
    host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion: "1.9" });
    await createOfficeWorkbook().write(plan);
    const layout = sheetOf(host.workbook, ranking.name)!.pageLayout;
    expect(layout.rowBreaks).toEqual([`A${ranking.print.rowBreaks![0] + 1}`]);
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1 });
    expect(layout.printTitleRows).toBeNull();
  });

  it("removes last run's page breaks when it rewrites the sheet", async () => {
    host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion: "1.9" });
    await createOfficeWorkbook().write(plan);
    const again = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, replaces: true })) };
    await createOfficeWorkbook().write(again);
    const layout = sheetOf(host.workbook, ranking.name)!.pageLayout;
    expect(layout.rowBreaks).toEqual([`A${ranking.print.rowBreaks![0] + 1}`]);
  });
});
