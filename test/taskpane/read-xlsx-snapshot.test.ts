/** @jest-environment jsdom */
import JSZip from "jszip";
import { analyzeWorkbook } from "../../src/core/analyze";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { readXlsxSnapshot } from "../../src/taskpane/host/read-xlsx-snapshot";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal .xlsx package: one sheet named "Sở Tư pháp" with the given <sheetData> rows. */
async function packageWith(sheetData: string, sharedStrings: string[]): Promise<string> {
  const zip = new JSZip();
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      `<sheet name="Sở Tư pháp" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/>` +
      `</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<sst xmlns="${MAIN}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join("")}` +
      `<si><r><t>Tài liệu </t></r><r><t>kiểm chứng</t></r></si></sst>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
  );
  zip.file("xl/worksheets/sheet2.xml", `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
  return zip.generateAsync({ type: "base64" });
}

describe("reading an .xlsx in the browser before import", () => {
  it("reads shared strings, rich text, inline strings, numbers, booleans and error values at their cells", async () => {
    const base64 = await packageWith(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
        `<row r="3"><c r="B3"><v>0.75</v></c><c r="C3" t="inlineStr"><is><t>0,5</t></is></c>` +
        `<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c><c r="F3" t="str"><f>A1</f><v>STT</v></c></row>`,
      ["STT"],
    );
    const snapshot = await readXlsxSnapshot(base64);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sở Tư pháp", "visible"],
      ["Ẩn", "hidden"],
    ]);
    expect(snapshot.sheets[0].values).toEqual([
      ["STT", null, "Tài liệu kiểm chứng"],
      [],
      [null, 0.75, "0,5", true, { error: "#REF!" }, "STT"],
    ]);
  });

  it("refuses a file that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<document/>");
    await expect(readXlsxSnapshot(await zip.generateAsync({ type: "base64" }))).rejects.toThrow(
      "xl/workbook.xml missing",
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
