/**
 * Writing a plan through Office.js: the arrays and shapes written, text that stays text, formats,
 * replaced sheets, deletions, the settings sheet, and nothing else touched.
 */
import { SETTINGS_MARKER, SETTINGS_SHEET } from "../../src/core/saved-settings";
import { describeHostError } from "../../src/excel/host-errors";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { CHART_NAME, charactersToPoints } from "../../src/excel/write-plan";
import {
  type StandInHost,
  cellOf,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { sheetPlan, writePlan } from "./plan-builders";

let host: StandInHost;
afterEach(() => host?.uninstall());

const PERSON: WorkbookSnapshot = {
  sheets: [
    {
      name: "Sở Tư pháp",
      values: [
        ["Đơn vị: Sở Tư pháp", null],
        ["1.1", 0.75],
      ],
    },
  ],
};

function install(snapshot: WorkbookSnapshot = PERSON, apiVersion = "1.13"): StandInHost {
  host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion });
  return host;
}

const RANKING = "Xếp hạng - Khối sở";

describe("values", () => {
  it("writes each patch at its top-left cell (row 3, column 1 → B4:C5)", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          patches: [
            {
              row: 3,
              col: 1,
              values: [
                ["Sở Tư pháp", 81.3253],
                ["Sở Nội vụ", 90.02],
              ],
            },
          ],
        }),
      ]),
    );
    const sheet = dumpWorkbook(host.workbook).sheets.find((s) => s.name === RANKING)!;
    expect(sheet.values.slice(3)).toEqual([
      [null, "Sở Tư pháp", 81.3253],
      [null, "Sở Nội vụ", 90.02],
    ]);
    expect(cellOf(host.workbook, RANKING, "C4")?.value).toBe(81.3253);
  });

  it.each([["=SUM(A1:A3)"], ["+84 912 345 678"], ["- Có văn bản"], ["@Sở"], ["1.1"], ["TRUE"], ["0,75"]])(
    "text %j stays text, not a formula or a number",
    async (text) => {
      install();
      await createOfficeWorkbook().write(
        writePlan([sheetPlan({ name: RANKING, patches: [{ row: 0, col: 0, values: [[text]] }] })]),
      );
      const cell = cellOf(host.workbook, RANKING, "A1");
      expect(cell).toMatchObject({ value: text, numberFormat: "@" });
      expect(cell?.formula).toBeUndefined();
    },
  );

  it("without the text format, the same assignment would have made a formula (the rule is needed)", async () => {
    install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sở Tư pháp").getRange("D1").values = [["=SUM(A1:A3)"]];
    });
    expect(cellOf(host.workbook, "Sở Tư pháp", "D1")?.formula).toBe("=SUM(A1:A3)");
  });

  it("numbers take the plan's number format, per cell or for the whole patch", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          patches: [
            { row: 0, col: 0, values: [[81.3253, 1]], numberFormat: [["0.00", "0"]] },
            { row: 1, col: 0, values: [[90.02, "A"]], numberFormat: "0.000" },
          ],
        }),
      ]),
    );
    expect(cellOf(host.workbook, RANKING, "A1")?.numberFormat).toBe("0.00");
    expect(cellOf(host.workbook, RANKING, "B1")?.numberFormat).toBe("0");
    expect(cellOf(host.workbook, RANKING, "A2")?.numberFormat).toBe("0.000");
    expect(cellOf(host.workbook, RANKING, "B2")?.numberFormat).toBe("@");
  });

  it("an error value in a plan is written as its text", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({ name: RANKING, patches: [{ row: 0, col: 0, values: [[{ error: "#N/A" }, null]] }] }),
      ]),
    );
    expect(cellOf(host.workbook, RANKING, "A1")).toMatchObject({ value: "#N/A", numberFormat: "@" });
  });

  it("splits a large patch into row blocks, each one range assignment, and writes every row", async () => {
    install();
    const values = Array.from({ length: 3000 }, (_, r) => [`Đơn vị số ${r + 1}`, r / 8]);
    await createOfficeWorkbook(50_000).write(
      writePlan([sheetPlan({ name: RANKING, patches: [{ row: 1, col: 0, values }] })]),
    );
    expect(cellOf(host.workbook, RANKING, "A3001")?.value).toBe("Đơn vị số 3000");
    expect(cellOf(host.workbook, RANKING, "B3001")?.value).toBe(2999 / 8);
    expect(host.stats.syncs.every((s) => s.requestBytes < 5 * 1024 * 1024)).toBe(true);
    expect(host.syncCount()).toBeGreaterThan(2);
  });
});

describe("formats and layout", () => {
  it("styles a patch as a whole: bold, fill, centred, wrapped, bordered", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          patches: [
            {
              row: 3,
              col: 0,
              values: [["STT", "Đơn vị"]],
              style: {
                bold: true,
                fill: "#DDEBF7",
                hAlign: "center",
                vAlign: "middle",
                wrap: true,
                border: true,
              },
            },
          ],
        }),
      ]),
    );
    for (const a1 of ["A4", "B4"]) {
      expect(cellOf(host.workbook, RANKING, a1)).toMatchObject({
        font: { bold: true },
        fill: "#DDEBF7",
        hAlign: "Center",
        vAlign: "Center",
        wrap: true,
        borders: {
          EdgeTop: "Continuous",
          EdgeBottom: "Continuous",
          EdgeLeft: "Continuous",
          EdgeRight: "Continuous",
          InsideVertical: "Continuous",
        },
      });
    }
  });

  it("merges, column widths in points, frozen rows", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          patches: [{ row: 0, col: 0, values: [["KẾT QUẢ XẾP HẠNG"]] }],
          merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
          columnWidths: [6, 40],
          freezeRows: 4,
        }),
      ]),
    );
    const sheet = sheetOf(host.workbook, RANKING)!;
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(sheet.columnWidths.get(0)).toBe(charactersToPoints(6));
    expect(sheet.columnWidths.get(1)).toBe(charactersToPoints(40));
    expect(charactersToPoints(40)).toBe(213.75);
    expect(sheet.frozenRows).toBe(4);
  });

  const printed = sheetPlan({
    name: RANKING,
    patches: [{ row: 0, col: 0, values: [["x"]] }],
    print: { landscape: true, fitToWidth: true, titleRows: { first: 3, last: 4 } },
  });

  it("sets landscape, one page wide and print titles $4:$5 with ExcelApi 1.9", async () => {
    install(PERSON, "1.9");
    await createOfficeWorkbook().write(writePlan([printed]));
    expect(sheetOf(host.workbook, RANKING)!.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$4:$5",
    });
  });

  it("skips page layout on ExcelApi 1.7 and still writes the sheet", async () => {
    install(PERSON, "1.7");
    await createOfficeWorkbook().write(writePlan([printed]));
    expect(sheetOf(host.workbook, RANKING)!.pageLayout.orientation).toBe("Portrait");
    expect(cellOf(host.workbook, RANKING, "A1")?.value).toBe("x");
  });

  it("adds a conditional format per band on its range, matching the label exactly", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          bands: [
            {
              range: { top: 4, left: 14, bottom: 20, right: 14 },
              label: "Xuất sắc",
              fill: "#C6EFCE",
              fontColor: "#006100",
            },
            {
              range: { top: 4, left: 14, bottom: 20, right: 14 },
              label: 'Loại "B"',
              fill: "#FFEB9C",
              fontColor: "#9C5700",
            },
          ],
        }),
      ]),
    );
    expect(sheetOf(host.workbook, RANKING)!.conditionalFormats).toEqual([
      {
        address: "O5:O21",
        type: "CellValue",
        rule: { formula1: '="Xuất sắc"', operator: "EqualTo" },
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
      {
        address: "O5:O21",
        type: "CellValue",
        rule: { formula1: '="Loại ""B"""', operator: "EqualTo" },
        fill: "#FFEB9C",
        fontColor: "#9C5700",
      },
    ]);
  });

  it("adds one clustered bar chart from the plan's ranges, placed at its anchor", async () => {
    install();
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({
          name: RANKING,
          chart: {
            title: "Chỉ số CCHC - Khối sở",
            categories: { top: 4, left: 1, bottom: 9, right: 1 },
            values: { top: 4, left: 12, bottom: 9, right: 12 },
            anchor: { top: 12, left: 1, bottom: 30, right: 8 },
          },
        }),
      ]),
    );
    const charts = sheetOf(host.workbook, RANKING)!.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: CHART_NAME,
      type: "BarClustered",
      title: "Chỉ số CCHC - Khối sở",
      valuesAddress: null,
      sourceAddress: "'Xếp hạng - Khối sở'!M5:M10",
      xValuesAddress: "'Xếp hạng - Khối sở'!B5:B10",
      position: { start: "B13", end: "I31" },
      legendVisible: false,
    });
  });
});

describe("replacing, deleting, settings", () => {
  const earlier: WorkbookSnapshot = {
    sheets: [
      ...PERSON.sheets,
      {
        name: RANKING,
        values: [
          ["CŨ", null, null],
          [null, null, "dòng cũ"],
        ],
      },
      { name: "Xếp hạng - Khối huyện", values: [["cũ"]] },
    ],
  };

  it("clears a sheet it wrote earlier in place (same position), removing old values, merges and charts", async () => {
    install(earlier);
    sheetOf(host.workbook, RANKING)!.merges.push({ top: 0, left: 0, bottom: 0, right: 2 });
    sheetOf(host.workbook, RANKING)!.charts.push({
      name: CHART_NAME,
      type: "BarClustered",
      title: "cũ",
      sourceAddress: "x",
      seriesBy: "Columns",
      xValuesAddress: null,
      valuesAddress: null,
      position: null,
      legendVisible: false,
    });
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({ name: RANKING, replaces: true, patches: [{ row: 0, col: 0, values: [["MỚI"]] }] }),
      ]),
    );
    const names = host.workbook.sheets.map((s) => s.name);
    expect(names.indexOf(RANKING)).toBe(1);
    expect(dumpWorkbook(host.workbook).sheets[1].values).toEqual([["MỚI"]]);
    expect(sheetOf(host.workbook, RANKING)!.merges).toEqual([]);
    expect(sheetOf(host.workbook, RANKING)!.charts).toEqual([]);
  });

  it("refuses to write over an existing sheet the plan does not replace, and changes nothing", async () => {
    install(earlier);
    const before = dumpWorkbook(host.workbook);
    const plan = writePlan([
      sheetPlan({ name: "sở tư pháp", patches: [{ row: 0, col: 0, values: [["x"]] }] }),
    ]);
    const failure = await createOfficeWorkbook()
      .write(plan)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(describeHostError(failure, "vi")).toContain('Sheet "sở tư pháp" đã có trong bảng tính');
    expect(dumpWorkbook(host.workbook)).toEqual(before);
  });

  it("refuses, naming it, a protected sheet it would rewrite, before changing anything", async () => {
    install(earlier);
    sheetOf(host.workbook, RANKING)!.protected = true;
    const before = dumpWorkbook(host.workbook);
    const plan = writePlan(
      [sheetPlan({ name: RANKING, replaces: true, patches: [{ row: 0, col: 0, values: [["MỚI"]] }] })],
      {
        deleteSheets: ["Xếp hạng - Khối huyện"],
      },
    );
    const failure = await createOfficeWorkbook()
      .write(plan)
      .catch((e: unknown) => e);
    expect(describeHostError(failure, "vi")).toBe(
      `Sheet "${RANKING}" đang được bảo vệ nên PAR Scorer không ghi được. Hãy bỏ bảo vệ (Review > Unprotect Sheet) rồi chạy lại; chưa có gì bị thay đổi.`,
    );
    expect(dumpWorkbook(host.workbook)).toEqual(before);
  });

  it("refuses when the workbook structure is protected and sheets must be added, before changing anything", async () => {
    install(earlier);
    host.workbook.structureProtected = true;
    const before = dumpWorkbook(host.workbook);
    const failure = await createOfficeWorkbook()
      .write(writePlan([sheetPlan({ name: "Xếp hạng - Khối xã" })]))
      .catch((e: unknown) => e);
    expect(describeHostError(failure, "en")).toContain("The workbook structure is protected");
    expect(dumpWorkbook(host.workbook)).toEqual(before);
  });

  it("rewrites its sheets in a structure-protected workbook when no sheet must be added or deleted", async () => {
    install({
      sheets: [
        ...earlier.sheets,
        { name: SETTINGS_SHEET, values: [[SETTINGS_MARKER], ["{}"]], visibility: "veryHidden" },
      ],
    });
    host.workbook.structureProtected = true;
    await createOfficeWorkbook().write(
      writePlan([
        sheetPlan({ name: RANKING, replaces: true, patches: [{ row: 0, col: 0, values: [["MỚI"]] }] }),
      ]),
    );
    expect(cellOf(host.workbook, RANKING, "A1")?.value).toBe("MỚI");
  });

  it("deletes the sheets listed in deleteSheets, and only those", async () => {
    install(earlier);
    await createOfficeWorkbook().write(
      writePlan([], { deleteSheets: ["Xếp hạng - Khối huyện", "Không còn"] }),
    );
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Sở Tư pháp", RANKING, SETTINGS_SHEET]);
  });

  it("saves the settings JSON on a very hidden settings sheet, as text", async () => {
    install();
    await createOfficeWorkbook().write(writePlan([], { settingsJson: '{"lang":"vi","year":2024}' }));
    const settings = dumpWorkbook(host.workbook).sheets.find((s) => s.name === SETTINGS_SHEET)!;
    expect(settings.visibility).toBe("veryHidden");
    expect(settings.values).toEqual([[SETTINGS_MARKER], ['{"lang":"vi","year":2024}']]);
    expect(cellOf(host.workbook, SETTINGS_SHEET, "A2")?.numberFormat).toBe("@");
  });

  it("saves the settings (with the sheets it now owns) before adding sheets, so an interrupted run is repaired by the next", async () => {
    install();
    const settingsJson = '{"generatedSheets":["Xếp hạng - A","Xếp hạng [B]"]}';
    // Excel refuses the second name ("[" is not allowed) after the first sheet was added.
    const plan = writePlan(
      [
        sheetPlan({ name: "Xếp hạng - A", patches: [{ row: 0, col: 0, values: [["x"]] }] }),
        sheetPlan({ name: "Xếp hạng [B]" }),
      ],
      { settingsJson },
    );
    await expect(createOfficeWorkbook().write(plan)).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.workbook.sheets.map((s) => s.name)).toContain("Xếp hạng - A");
    expect(dumpWorkbook(host.workbook).sheets.find((s) => s.name === SETTINGS_SHEET)?.values[1]).toEqual([
      settingsJson,
    ]);
  });

  it("rewrites a longer earlier settings text without leaving old chunks behind", async () => {
    install({
      sheets: [
        ...PERSON.sheets,
        {
          name: SETTINGS_SHEET,
          values: [[SETTINGS_MARKER], ["phần 1"], ["phần 2"]],
          visibility: "veryHidden",
        },
      ],
    });
    await createOfficeWorkbook().write(writePlan([], { settingsJson: "{}" }));
    expect(dumpWorkbook(host.workbook).sheets[1].values).toEqual([[SETTINGS_MARKER], ["{}"]]);
  });

  it("never touches a person's sheet: values, formats and merges stay identical", async () => {
    install(earlier);
    const person = sheetOf(host.workbook, "Sở Tư pháp")!;
    person.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    person.cells.get("1,1")!.fill = "#FFFF00";
    const before = structuredClone(person);
    await createOfficeWorkbook().write(
      writePlan(
        [sheetPlan({ name: RANKING, replaces: true, patches: [{ row: 0, col: 0, values: [["MỚI"]] }] })],
        {
          deleteSheets: ["Xếp hạng - Khối huyện"],
        },
      ),
    );
    expect(sheetOf(host.workbook, "Sở Tư pháp")).toEqual(before);
  });
});

describe("the run itself", () => {
  it("reports progress from 0 to 1 in order", async () => {
    install();
    const seen: number[] = [];
    await createOfficeWorkbook().write(writePlan([sheetPlan({ name: RANKING })]), (fraction) =>
      seen.push(fraction),
    );
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("suspends recalculation while writing", async () => {
    install();
    await createOfficeWorkbook().write(writePlan([sheetPlan({ name: RANKING })]));
    expect(host.stats.calculationSuspensions).toBe(1);
  });

  it("waits while the user edits a cell instead of failing (delayForCellEdit)", async () => {
    install();
    host.cellEditMode = true;
    await createOfficeWorkbook().write(
      writePlan([sheetPlan({ name: RANKING, patches: [{ row: 0, col: 0, values: [["x"]] }] })]),
    );
    expect(host.stats.delayedForCellEdit).toBe(1);
    expect(cellOf(host.workbook, RANKING, "A1")?.value).toBe("x");
  });
});
