import * as path from "node:path";
import ExcelJS from "exceljs";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { useTempDir } from "./temp-dir";

const tempDir = useTempDir();

async function saved(build: (wb: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(tempDir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("reading an .xlsx file into a snapshot", () => {
  it("anchors every sheet's values at A1, each row as far as its last value", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("Bộ tiêu chí");
      ws.getCell("B2").value = "Điểm tối đa";
      ws.getCell("C3").value = 1.5;
    }, "anchor.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].name).toBe("Bộ tiêu chí");
    expect(sheets[0].values).toEqual([[], [null, "Điểm tối đa"], [null, null, 1.5]]);
  });

  it("gives formula cells their cached result, not the formula", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = { formula: "A1*2", result: 4 };
      ws.getCell("A3").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
      ws.getCell("A4").value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
      ws.getCell("B4").value = "không có kết quả lưu sẵn";
    }, "formulas.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].values.map((r) => r[0])).toEqual([2, 4, { error: "#DIV/0!" }, null]);
  });

  it("keeps error values as values, such as #REF! in a score cell", async () => {
    const file = await saved((wb) => {
      wb.addWorksheet("S").getCell("D5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    }, "errors.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].values[4][3]).toEqual({ error: "#REF!" });
  });

  it("flattens rich text and reads a hyperlink as its text", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = { richText: [{ text: "Sở " }, { font: { bold: true }, text: "Tư pháp" }] };
      ws.getCell("A2").value = { text: "Văn bản 12/KH-UBND", hyperlink: "https://example.gov.vn/12" };
    }, "rich.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].values).toEqual([["Sở Tư pháp"], ["Văn bản 12/KH-UBND"]]);
  });

  it("reads dates as Excel serial numbers, as Office.js does", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = new Date(Date.UTC(2025, 0, 31));
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
    }, "dates.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].values[0][0]).toBe(45688);
  });

  it("keeps booleans and text that looks like a number as typed", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = true;
      ws.getCell("B1").value = "0,75";
      ws.getCell("C1").value = " 1,5 ";
    }, "typed.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].values[0]).toEqual([true, "0,75", " 1,5 "]);
  });

  it("reports merged areas zero-based and leaves their other cells empty", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "BẢNG TỔNG HỢP ĐIỂM";
      ws.mergeCells("A1:D2");
      ws.getCell("E1").value = "x";
      ws.getCell("A3").value = "1.1";
    }, "merges.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }]);
    expect(sheets[0].values).toEqual([["BẢNG TỔNG HỢP ĐIỂM", null, null, null, "x"], [], ["1.1"]]);
  });

  it("cuts merged areas to the values: a merge below or right of every value says nothing", async () => {
    const file = await saved((wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "STT";
      ws.getCell("B2").value = 1;
      ws.mergeCells("A1:H1");
      ws.mergeCells("A10:C12");
    }, "merges-beyond.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(sheets[0].values).toEqual([["STT"], [null, 1]]);
  });

  it("reports each sheet's visibility in workbook order", async () => {
    const file = await saved((wb) => {
      wb.addWorksheet("Hiện").getCell("A1").value = 1;
      const hidden = wb.addWorksheet("Ẩn");
      hidden.state = "hidden";
      hidden.getCell("A1").value = 2;
      const very = wb.addWorksheet("_ParScorer");
      very.state = "veryHidden";
      very.getCell("A1").value = 3;
    }, "visibility.xlsx");
    const { sheets } = await (await openXlsxWorkbook(file)).read();
    expect(sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Hiện", "visible"],
      ["Ẩn", "hidden"],
      ["_ParScorer", "veryHidden"],
    ]);
  });
});
