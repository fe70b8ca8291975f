import * as path from "node:path";
import ExcelJS from "exceljs";
import type { SheetPlan, WritePlan } from "../../src/core/model";
import { SETTINGS_MARKER, SETTINGS_SHEET } from "../../src/core/saved-settings";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { useTempDir } from "./temp-dir";
import { partXml, sheetXml } from "./xlsx-parts";

const tempDir = useTempDir();

function rankingSheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    purpose: "ranking",
    group: "Khối sở, ban, ngành",
    replaces: false,
    patches: [
      { row: 0, col: 0, values: [["XẾP HẠNG CHỈ SỐ CCHC NĂM 2025"]], style: { bold: true, fontSize: 14 } },
      {
        row: 2,
        col: 0,
        values: [
          ["STT", "Đơn vị", "Chỉ số (%)", "Xếp loại"],
          [1, "Sở Tư pháp", 91.23456, "A"],
          [2, '=HYPERLINK("http://x")', 85.5, "B"],
          [3, "+84 Sở Y tế", 80, "B"],
          [4, "-Ban Dân tộc", 79.999, "C"],
          [5, "@Thanh tra", 70, "C"],
        ],
        numberFormat: "General",
        style: { border: true },
      },
      { row: 3, col: 2, values: [[91.23456], [85.5], [80], [79.999], [70]], numberFormat: "0.00" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    columnWidths: [6, 40, 12, 10],
    freezeRows: 3,
    print: { landscape: true, fitToWidth: true, titleRows: { first: 2, last: 2 } },
    bands: [
      { range: { top: 3, left: 3, bottom: 7, right: 3 }, label: "A", fill: "#C6EFCE", fontColor: "#006100" },
    ],
    chart: null,
    ...extra,
  };
}

function plan(sheets: SheetPlan[], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheets, deleteSheets: [], settingsJson: '{"version":1,"generatedSheets":["Xếp hạng"]}', ...extra };
}

async function personWorkbook(name: string, build?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bộ tiêu chí");
  ws.getCell("A1").value = "STT";
  ws.getCell("B1").value = "Nội dung";
  ws.getCell("C1").value = "Điểm tối đa";
  ws.getCell("A2").value = "I";
  ws.getCell("C2").value = { formula: "SUM(C3:C4)", result: 10 };
  ws.getCell("D2").value = "=không phải công thức";
  build?.(wb);
  const file = path.join(tempDir(), name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function writeAndSave(input: string, p: WritePlan, output: string): Promise<string> {
  const wb = await openXlsxWorkbook(input);
  await wb.write(p);
  const out = path.join(tempDir(), output);
  await wb.save(out);
  return out;
}

async function reopen(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("writing a plan with the ExcelJS adapter", () => {
  it("writes the patches' values at their A1 cells", async () => {
    const out = await writeAndSave(
      await personWorkbook("in1.xlsx"),
      plan([rankingSheet("Xếp hạng")]),
      "out1.xlsx",
    );
    const ws = (await reopen(out)).getWorksheet("Xếp hạng")!;
    expect(ws.getCell("A1").value).toBe("XẾP HẠNG CHỈ SỐ CCHC NĂM 2025");
    expect(ws.getCell("B4").value).toBe("Sở Tư pháp");
    expect(ws.getCell("C4").value).toBe(91.23456);
    expect(ws.getCell("C4").numFmt).toBe("0.00");
    expect(ws.getCell("D8").value).toBe("C");
  });

  it("stores text beginning with = + - @ as text, never as a formula", async () => {
    const out = await writeAndSave(
      await personWorkbook("in2.xlsx"),
      plan([rankingSheet("Xếp hạng")]),
      "out2.xlsx",
    );
    const xml = await sheetXml(out, "Xếp hạng");
    expect(xml).not.toContain("<f>");
    for (const cell of ["B5", "B6", "B7", "B8"]) {
      expect(xml).toMatch(new RegExp(`<c r="${cell}"[^>]*t="(s|str|inlineStr)"`));
    }
    const ws = (await reopen(out)).getWorksheet("Xếp hạng")!;
    expect(ws.getCell("B5").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B5").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("B6").value).toBe("+84 Sở Y tế");
    expect(ws.getCell("B7").value).toBe("-Ban Dân tộc");
    expect(ws.getCell("B8").value).toBe("@Thanh tra");
  });

  it("applies merges, column widths, the frozen header and the print setup", async () => {
    const out = await writeAndSave(
      await personWorkbook("in3.xlsx"),
      plan([rankingSheet("Xếp hạng")]),
      "out3.xlsx",
    );
    const xml = await sheetXml(out, "Xếp hạng");
    expect(xml).toContain('<mergeCell ref="A1:D1"/>');
    expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/);
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(xml).toMatch(
      /<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"|<pageSetup [^>]*fitToHeight="0"[^>]*fitToWidth="1"/,
    );
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/);
    const ws = (await reopen(out)).getWorksheet("Xếp hạng")!;
    expect(ws.getColumn(2).width).toBe(40);
    const workbook = await partXml(out, "xl/workbook.xml");
    expect(workbook).toMatch(
      /<definedName name="_xlnm.Print_Titles"[^>]*>&apos;Xếp hạng&apos;!\$3:\$3<\/definedName>/,
    );
  });

  it("colours the bands with a conditional format on the band label", async () => {
    const out = await writeAndSave(
      await personWorkbook("in4.xlsx"),
      plan([rankingSheet("Xếp hạng")]),
      "out4.xlsx",
    );
    const xml = await sheetXml(out, "Xếp hạng");
    expect(xml).toMatch(/<conditionalFormatting sqref="D4:D8">\s*<cfRule type="cellIs"[^>]*operator="equal"/);
    expect(xml).toContain("<formula>&quot;A&quot;</formula>");
  });

  it("saves the settings JSON on a very hidden settings sheet", async () => {
    const out = await writeAndSave(
      await personWorkbook("in5.xlsx"),
      plan([rankingSheet("Xếp hạng")]),
      "out5.xlsx",
    );
    const ws = (await reopen(out)).getWorksheet(SETTINGS_SHEET)!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A1").value).toBe(SETTINGS_MARKER);
    expect(ws.getCell("A2").value).toBe('{"version":1,"generatedSheets":["Xếp hạng"]}');
  });

  it("leaves every cell of the person's sheets as it was, formulas included", async () => {
    const input = await personWorkbook("in6.xlsx");
    const out = await writeAndSave(input, plan([rankingSheet("Xếp hạng")]), "out6.xlsx");
    const ws = (await reopen(out)).getWorksheet("Bộ tiêu chí")!;
    expect(ws.getCell("C2").value).toEqual({ formula: "SUM(C3:C4)", result: 10 });
    expect(ws.getCell("D2").value).toBe("=không phải công thức");
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.String);
    expect((await openXlsxWorkbook(out)).workbook.worksheets.map((w) => w.name)).toEqual([
      "Bộ tiêu chí",
      "Xếp hạng",
      SETTINGS_SHEET,
    ]);
  });

  it("replaces a sheet PAR Scorer wrote earlier in place, keeping its position", async () => {
    const input = await personWorkbook("in7.xlsx", (wb) => {
      const old = wb.addWorksheet("Xếp hạng");
      old.getCell("Z40").value = "cũ";
      old.mergeCells("A1:F1");
      wb.addWorksheet("Ghi chú").getCell("A1").value = "của người dùng";
    });
    const out = await writeAndSave(input, plan([rankingSheet("Xếp hạng", { replaces: true })]), "out7.xlsx");
    const wb = await reopen(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bộ tiêu chí", "Xếp hạng", "Ghi chú", SETTINGS_SHEET]);
    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.getCell("Z40").value).toBeNull();
    expect(ws.getCell("B4").value).toBe("Sở Tư pháp");
    expect(await sheetXml(out, "Xếp hạng")).not.toContain("A1:F1");
    expect(wb.getWorksheet("Ghi chú")!.getCell("A1").value).toBe("của người dùng");
  });

  it("refuses a plan that would overwrite a sheet a person made", async () => {
    const input = await personWorkbook("in8.xlsx", (wb) => {
      wb.addWorksheet("Xếp hạng").getCell("A1").value = "bảng của tôi";
    });
    const wb = await openXlsxWorkbook(input);
    await expect(wb.write(plan([rankingSheet("XẾP HẠNG")]))).rejects.toThrow(/not PAR Scorer's to replace/);
    expect(wb.workbook.getWorksheet("Xếp hạng")!.getCell("A1").value).toBe("bảng của tôi");
  });

  it("deletes the earlier PAR Scorer sheets the plan no longer produces", async () => {
    const input = await personWorkbook("in9.xlsx", (wb) => {
      wb.addWorksheet("Xếp hạng khối cũ").getCell("A1").value = 1;
    });
    const out = await writeAndSave(input, plan([], { deleteSheets: ["Xếp hạng khối cũ"] }), "out9.xlsx");
    expect((await reopen(out)).worksheets.map((w) => w.name)).toEqual(["Bộ tiêu chí", SETTINGS_SHEET]);
  });

  it("reads back what it wrote through the port (no stale snapshot)", async () => {
    const wb = await openXlsxWorkbook(await personWorkbook("in10.xlsx"));
    await wb.write(plan([rankingSheet("Xếp hạng")]));
    const { sheets } = await wb.read();
    const ranking = sheets.find((s) => s.name === "Xếp hạng")!;
    expect(ranking.values[3][1]).toBe("Sở Tư pháp");
  });
});
