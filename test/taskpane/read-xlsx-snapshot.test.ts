/** @jest-environment jsdom */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyzeWorkbook } from "../../src/core/analyze";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { readXlsxSnapshot } from "../../src/taskpane/host/read-xlsx-snapshot";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

/** A workbook as an agency sends it: one visible scoring sheet and a hidden one, as base64. */
async function agencyWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sở Tư pháp");
  sheet.getCell("A1").value = "STT";
  sheet.getCell("C1").value = { richText: [{ text: "Tài liệu " }, { text: "kiểm chứng" }] };
  sheet.getCell("B3").value = 0.75;
  sheet.getCell("C3").value = "0,5";
  sheet.getCell("D3").value = true;
  sheet.getCell("E3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  sheet.getCell("F3").value = { formula: "A1", result: "STT" } as ExcelJS.CellFormulaValue;
  workbook.addWorksheet("Ẩn", { state: "hidden" });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

describe("reading an .xlsx in the browser before import", () => {
  it("reads text, rich text, numbers, booleans, error values and formula results at their cells", async () => {
    const snapshot = await readXlsxSnapshot(await agencyWorkbook());
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sở Tư pháp", "visible"],
      ["Ẩn", "hidden"],
    ]);
    expect(snapshot.sheets[0].values[0]).toEqual(["STT", null, "Tài liệu kiểm chứng"]);
    expect(snapshot.sheets[0].values[2]).toEqual([null, 0.75, "0,5", true, { error: "#REF!" }, "STT"]);
  });

  it("refuses a file that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<document/>");
    await expect(readXlsxSnapshot(await zip.generateAsync({ type: "base64" }))).rejects.toThrow(
      "not an .xlsx workbook",
    );
  });

  it("finds a unit's scoring sheet in a workbook written by Excel-compatible software", async () => {
    const book = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 4 });
    const buffer = await snapshotToWorkbook(book.snapshot).xlsx.writeBuffer();
    const snapshot = await readXlsxSnapshot(Buffer.from(buffer).toString("base64"));
    const layout = analyzeWorkbook(snapshot).layout;
    expect(layout.unitSheets.sort()).toEqual(book.units.map((u) => u.sheet).sort());
    expect(layout.criteriaSheet).toBe(book.criteriaSheet);
  });
});
