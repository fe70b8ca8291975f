/**
 * Ranking twice gives the same ranking sheets as ranking once: the same values, number formats,
 * styles, merges, widths and conditional formats, in the same place, in both hosts; the second
 * run replaces PAR Scorer's sheets instead of adding copies beside them.
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { type StandInWorkbook, sheetOf } from "../stand-in/excel-stand-in";
import {
  generatedSheetsOf,
  installStandIn,
  rankThroughOffice,
  readSnapshotFile,
  runCli,
  writeSnapshotFile,
} from "./adapters";

const tempDir = useTempDir("par-idempotence-");

/** Everything ExcelJS knows of a written sheet that a person would see. */
function describeExcelJsSheet(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.push({
        at: cell.address,
        value: cell.value,
        numFmt: cell.numFmt ?? null,
        font: cell.font ?? null,
        fill: cell.fill ?? null,
        alignment: cell.alignment ?? null,
        border: cell.border ?? null,
      });
    }),
  );
  return {
    name: ws.name,
    cells,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    widths: (ws.columns ?? []).map((c) => c.width ?? null),
    views: ws.views,
    pageSetup: {
      orientation: ws.pageSetup.orientation,
      fitToWidth: ws.pageSetup.fitToWidth,
      printTitlesRow: ws.pageSetup.printTitlesRow,
    },
    conditional: (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [],
  };
}

/** A copy of everything the stand-in holds of a sheet, cells in address order (the host reuses cell objects). */
function describeStandInSheet(workbook: StandInWorkbook, name: string): unknown {
  const sheet = sheetOf(workbook, name);
  if (!sheet) return null;
  return structuredClone({
    name: sheet.name,
    visibility: sheet.visibility,
    cells: [...sheet.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
    merges: sheet.merges,
    widths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    frozenRows: sheet.frozenRows,
    pageLayout: sheet.pageLayout,
    charts: sheet.charts,
    conditionalFormats: sheet.conditionalFormats,
  });
}

const sheetNames = (snapshot: WorkbookSnapshot): string[] => snapshot.sheets.map((s) => s.name);

describe("ranking twice through the command line (ExcelJS)", () => {
  it("gives identical ranking sheets, in the same order, and no copies", async () => {
    const { snapshot } = buildProvinceWorkbook({ units: 6, layout: "unitSheets", mistakes: true });
    const input = path.join(tempDir(), "tinh.xlsx");
    const once = path.join(tempDir(), "tinh.1.xlsx");
    const twice = path.join(tempDir(), "tinh.2.xlsx");
    await writeSnapshotFile(snapshot, input);
    expect((await runCli(["rank", input, "-o", once])).status).toBe(1);
    expect((await runCli(["rank", once, "-o", twice])).status).toBe(1);

    const first = await readSnapshotFile(once);
    const second = await readSnapshotFile(twice);
    const generated = generatedSheetsOf(first.snapshot);
    expect(generated.length).toBeGreaterThanOrEqual(3);
    expect(generatedSheetsOf(second.snapshot)).toEqual(generated);
    expect(sheetNames(second.snapshot)).toEqual(sheetNames(first.snapshot));
    for (const name of generated) {
      const a = first.workbook.getWorksheet(name);
      const b = second.workbook.getWorksheet(name);
      expect(a).toBeDefined();
      expect(describeExcelJsSheet(b!)).toEqual(describeExcelJsSheet(a!));
    }
  });

  it("the comparison sees a changed number format", async () => {
    const { snapshot } = buildProvinceWorkbook({ units: 3, layout: "matrix" });
    const input = path.join(tempDir(), "xa.xlsx");
    const once = path.join(tempDir(), "xa.1.xlsx");
    await writeSnapshotFile(snapshot, input);
    await runCli(["rank", input, "-o", once]);
    const a = await readSnapshotFile(once);
    const b = await readSnapshotFile(once);
    const name = generatedSheetsOf(a.snapshot)[0];
    const before = describeExcelJsSheet(a.workbook.getWorksheet(name)!);
    b.workbook.getWorksheet(name)!.getCell("A1").numFmt = "0.000";
    expect(describeExcelJsSheet(b.workbook.getWorksheet(name)!)).not.toEqual(before);
  });
});

describe("ranking twice through the task pane (Office.js stand-in)", () => {
  it("gives identical ranking sheets, in the same order, and no extra charts or formats", async () => {
    for (const layout of ["unitSheets", "matrix"] as const) {
      const { snapshot } = buildProvinceWorkbook({ units: 6, layout, mistakes: true });
      const host = installStandIn(snapshot);
      try {
        const first = await rankThroughOffice(host);
        const generated = first.plan.sheets.map((s) => s.name);
        expect(generated.length).toBeGreaterThanOrEqual(3);
        const once = generated.map((name) => describeStandInSheet(host.workbook, name));
        const order = host.workbook.sheets.map((s) => s.name);

        const second = await rankThroughOffice(host);
        expect(second.plan.sheets.map((s) => s.name)).toEqual(generated);
        expect(second.plan.sheets.every((s) => s.replaces)).toBe(true);
        expect(host.workbook.sheets.map((s) => s.name)).toEqual(order);
        expect(generated.map((name) => describeStandInSheet(host.workbook, name))).toEqual(once);
      } finally {
        host.uninstall();
      }
    }
  });
});
