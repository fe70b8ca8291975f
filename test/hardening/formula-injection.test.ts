/**
 * Text that begins with = + - @ (unit names, group names, criterion titles, comments) is data,
 * never a formula: in every sheet PAR Scorer writes, in both hosts, the cell holds the text.
 * ExcelJS: a string cell, and no <f> element in the sheet's XML. Office.js (stand-in, which
 * coerces typed text as Excel does): the cell holds the text, no formula, number format text "@".
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { type CellValue, type WorkbookSnapshot, toA1 } from "../../src/core/grid";
import type { WritePlan } from "../../src/core/model";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { sheetXml } from "../node/xlsx-parts";
import { cellOf } from "../stand-in/excel-stand-in";
import { installStandIn, rankThroughCli, rankThroughOffice, readSnapshotFile } from "./adapters";

const tempDir = useTempDir("par-injection-");

/** Names and titles a person could type, each of which Excel would take as a formula. */
const RENAMES: Record<string, string> = {
  "Sở Tư pháp": '=HYPERLINK("http://evil.example","Sở Tư pháp")',
  "Phường Ba Đình": "+84 Phường Ba Đình",
  "Sở Tài chính": "-Sở Tài chính",
  "Khối sở, ban, ngành": "=Khối sở, ban, ngành",
  "Khối xã, phường": "@Khối xã, phường",
  "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH": "=CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
  "Thực hiện chế độ báo cáo CCHC định kỳ": "+Thực hiện chế độ báo cáo CCHC định kỳ",
};
const COMMENT = "=cmd|' /C calc'!A0";

const FORMULA_START = /^[=+\-@]/;

/** The province workbook with the renames applied wherever the names are typed, and a comment. */
function hostileWorkbook(layout: "unitSheets" | "matrix"): WorkbookSnapshot {
  const { snapshot } = buildProvinceWorkbook({ units: 4, layout, mistakes: true });
  const rename = (v: CellValue): CellValue => {
    if (typeof v !== "string") return v;
    if (RENAMES[v] !== undefined) return RENAMES[v];
    const m = /^(Cơ quan|Đơn vị): (.*)$/.exec(v);
    return m && RENAMES[m[2]] ? `${m[1]}: ${RENAMES[m[2]]}` : v;
  };
  return {
    sheets: snapshot.sheets.map((s) => {
      const values = s.values.map((line) => line.map(rename));
      // A comment of the appraisal council (column I of a unit sheet) beginning with "=".
      if (layout === "unitSheets" && values[3]?.[8] === "Ý kiến của Hội đồng thẩm định")
        values[6][8] = COMMENT;
      return { ...s, values };
    }),
  };
}

/** A cell's value as ExcelJS read it from the file (a formula would be an object). */
function readXlsxValue(workbook: ExcelJS.Workbook, sheet: string, row: number, col: number): unknown {
  const values = workbook.getWorksheet(sheet)?.getRow(row + 1).values;
  return Array.isArray(values) ? values[col + 1] : undefined;
}

/** Every string of the plan that begins with = + - @, with its sheet and zero-based cell. */
function planTexts(plan: WritePlan): { sheet: string; row: number; col: number; text: string }[] {
  const out: { sheet: string; row: number; col: number; text: string }[] = [];
  for (const sheet of plan.sheets) {
    for (const patch of sheet.patches) {
      patch.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (typeof v === "string" && FORMULA_START.test(v))
            out.push({ sheet: sheet.name, row: patch.row + r, col: patch.col + c, text: v });
        }),
      );
    }
  }
  return out;
}

/**
 * The renamed texts of units and groups must reach the written sheets, or this test proves
 * nothing. On unit sheets "Cơ quan: -Sở Tài chính" is read as "Sở Tài chính" (the parser drops a
 * dash after the label), so that name is only checked on the matrix.
 */
function expectNamesPlanned(texts: { text: string }[], layout: "unitSheets" | "matrix"): void {
  const written = new Set(texts.map((t) => t.text));
  const names = ["Sở Tư pháp", "Phường Ba Đình", "Khối sở, ban, ngành", "Khối xã, phường"];
  if (layout === "matrix") names.push("Sở Tài chính");
  for (const name of names) expect(written).toContain(RENAMES[name]);
}

describe.each(["unitSheets", "matrix"] as const)("text beginning with = + - @ (%s layout)", (layout) => {
  it("stays text through the command line (ExcelJS): string cells, no formula in the sheet XML", async () => {
    const snapshot = hostileWorkbook(layout);
    const run = await rankThroughCli(snapshot, tempDir(), `injection-${layout}`);
    expect(run.status).toBe(1);
    const { workbook } = await readSnapshotFile(run.output);
    // The same plan as the command line made, from the engine.
    const host = installStandIn(snapshot);
    let plan: WritePlan;
    try {
      plan = (await rankThroughOffice(host)).plan;
    } finally {
      host.uninstall();
    }
    const texts = planTexts(plan);
    expectNamesPlanned(texts, layout);
    for (const t of texts) {
      const at = `${t.sheet}!${toA1(t.row, t.col)}`;
      const value = readXlsxValue(workbook, t.sheet, t.row, t.col);
      expect({ at, value }).toEqual({ at, value: t.text });
    }
    for (const sheet of plan.sheets) {
      const xml = await sheetXml(run.output, sheet.name);
      expect({ sheet: sheet.name, formulas: xml.match(/<f[ >][^<]*<\/f>/g) ?? [] }).toEqual({
        sheet: sheet.name,
        formulas: [],
      });
    }
    expect(path.basename(run.output)).toMatch(/\.xep-hang\.xlsx$/);
  });

  it("stays text through the task pane (Office.js stand-in): no formula, text number format", async () => {
    const host = installStandIn(hostileWorkbook(layout));
    try {
      const { plan, workbook } = await rankThroughOffice(host);
      const texts = planTexts(plan);
      expectNamesPlanned(texts, layout);
      for (const t of texts) {
        const a1 = toA1(t.row, t.col);
        const cell = cellOf(workbook, t.sheet, a1);
        expect({
          at: `${t.sheet}!${a1}`,
          value: cell?.value,
          formula: cell?.formula,
          format: cell?.numberFormat,
        }).toEqual({
          at: `${t.sheet}!${a1}`,
          value: t.text,
          formula: undefined,
          format: "@",
        });
      }
    } finally {
      host.uninstall();
    }
  });
});

it("the stand-in does coerce such text when the adapter is not careful (the check can fail)", async () => {
  const host = installStandIn({ sheets: [{ name: "A", values: [["x"]] }] });
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B1").values = [["=1+1"]];
      await context.sync();
    });
    expect(cellOf(host.workbook, "A", "B1")?.formula).toBe("=1+1");
  } finally {
    host.uninstall();
  }
});
