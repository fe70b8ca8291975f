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
    const header = (ranking.print.titleRows?.first ?? -1) + 1;
    expect(layout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printTitleRows: `$${header}:$${header}`,
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
    const first = (ranking.print.titleRows?.first ?? 0) + 2;
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
