/**
 * Reading through Office.js: values as the core expects them (anchored at A1, errors as values),
 * merges and visibility, in a constant number of syncs and under the payload limit.
 */
import { describeHostError } from "../../src/excel/host-errors";
import { createOfficeWorkbook } from "../../src/excel/office-workbook";
import { MARKS_SHEET } from "../../src/excel/marks-sheet";
import { BYTES_PER_CELL, planReadBlocks } from "../../src/excel/read-workbook";
import {
  type StandInHost,
  createStandInWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";
import type { WorkbookSnapshot } from "../../src/core/grid";

let host: StandInHost;
afterEach(() => host?.uninstall());

function install(snapshot: WorkbookSnapshot, apiVersion = "1.13"): StandInHost {
  host = installExcelStandIn(globalThis, createStandInWorkbook(snapshot), { apiVersion });
  return host;
}

describe("values", () => {
  it("pads a used range that starts at C3 so that grid[2][2] is C3", async () => {
    install({
      sheets: [
        {
          name: "Sở Tư pháp",
          values: [[], [], [null, null, "STT", "Nội dung"], [null, null, "1.1", 0.75]],
        },
      ],
    });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].values).toEqual([
      [],
      [],
      [null, null, "STT", "Nội dung"],
      [null, null, "1.1", 0.75],
    ]);
  });

  it("reads an error value such as #REF! as { error }, and a cell holding exactly an error's text too", async () => {
    // Excel turns "#REF!" typed in a cell into the error value itself; a longer text stays text.
    install({ sheets: [{ name: "Điểm", values: [[{ error: "#REF!" }, "#REF!", "#N/A x"]] }] });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].values).toEqual([[{ error: "#REF!" }, { error: "#REF!" }, "#N/A x"]]);
  });

  it("gives an empty sheet an empty grid", async () => {
    install({ sheets: [{ name: "Trống", values: [] }] });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets).toEqual([{ name: "Trống", values: [], visibility: "visible", merges: [] }]);
  });

  it("reports visibility and leaves out PAR Scorer's private marks sheet", async () => {
    install({
      sheets: [
        { name: "Ẩn", values: [["x"]], visibility: "hidden" },
        { name: "_ParScorer", values: [["marker"]], visibility: "veryHidden" },
        { name: MARKS_SHEET, values: [["marks"]], visibility: "veryHidden" },
        { name: "Hiện", values: [["y"]] },
      ],
    });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Ẩn", "hidden"],
      ["_ParScorer", "veryHidden"],
      ["Hiện", "visible"],
    ]);
  });
});

describe("merged areas", () => {
  const merged: WorkbookSnapshot = {
    sheets: [
      {
        name: "Ma trận",
        values: [
          ["STT", "Sở Tư pháp", null],
          [null, "Tự chấm", "Thẩm định"],
        ],
        merges: [
          { top: 0, left: 1, bottom: 0, right: 2 },
          { top: 0, left: 0, bottom: 1, right: 0 },
        ],
      },
    ],
  };

  it("are read with ExcelApi 1.13 (B1:C1 and A1:A2)", async () => {
    install(merged, "1.13");
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 0, bottom: 1, right: 0 },
    ]);
  });

  it("are left out (undefined, not an empty list) below ExcelApi 1.13", async () => {
    install(merged, "1.7");
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].merges).toBeUndefined();
  });

  it("of a sheet whose name needs quotes are parsed from the quoted address", async () => {
    install({
      sheets: [
        {
          name: "Xã Tân Lập, 'cũ'",
          values: [
            ["a", null],
            [null, "b"],
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
        },
      ],
    });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe("payload limit and syncs", () => {
  const bigSheet = (rows: number): WorkbookSnapshot => ({
    sheets: [
      {
        name: "Lớn",
        values: Array.from({ length: rows }, (_, r) => [
          `Tiêu chí số ${r + 1} về cải cách hành chính`,
          r,
          r / 4,
        ]),
      },
    ],
  });

  it("splits a used range into row blocks no larger than the budget", () => {
    const blocks = planReadBlocks(
      [{ row: 0, col: 0, rows: 1000, cols: 10 }, null],
      BYTES_PER_CELL * 10 * 300,
    );
    expect(blocks.map((b) => [b.row, b.rows])).toEqual([
      [0, 300],
      [300, 300],
      [600, 300],
      [900, 100],
    ]);
  });

  it("reads a workbook under the budget in three syncs: names, sizes, values", async () => {
    install({
      sheets: [
        { name: "A", values: [[{ error: "#DIV/0!" }, "#REF!", "#REF! ở ô trên"]] },
        { name: "B", values: [["x"]] },
      ],
    });
    const snapshot = await createOfficeWorkbook().read();
    expect(host.syncCount()).toBe(3);
    // An error value is an error; so is a cell holding exactly an error's text (Excel turns a
    // typed "#REF!" into the error itself), but not a longer text.
    expect(snapshot.sheets[0].values[0]).toEqual([
      { error: "#DIV/0!" },
      { error: "#REF!" },
      "#REF! ở ô trên",
    ]);
  });

  it("reads in three syncs whatever the number of sheets", async () => {
    install({ sheets: Array.from({ length: 40 }, (_, i) => ({ name: `S${i}`, values: [["x", i]] })) });
    await createOfficeWorkbook().read();
    expect(host.syncCount()).toBe(3);
  });

  it("keeps every response under the limit by sending blocks in several syncs when the data exceeds the budget", async () => {
    install(bigSheet(2000));
    // These long Vietnamese titles take about 1.5 times the estimated bytes per cell.
    host.payloadLimitBytes = 60_000;
    const snapshot = await createOfficeWorkbook(30_000).read();
    expect(snapshot.sheets[0].values).toHaveLength(2000);
    expect(snapshot.sheets[0].values[1999]).toEqual([
      "Tiêu chí số 2000 về cải cách hành chính",
      1999,
      499.75,
    ]);
    expect(host.stats.syncs.every((s) => s.responseBytes <= 60_000)).toBe(true);
    expect(host.syncCount()).toBeGreaterThan(3);
  });

  it("retries once in smaller blocks when Excel refuses a response as too large", async () => {
    install(bigSheet(2000));
    host.payloadLimitBytes = 80_000;
    // The budget lets the whole sheet (about 140 KB) into one sync; Excel refuses it, and the
    // retry with a quarter of the budget sends about 73 KB per sync.
    const snapshot = await createOfficeWorkbook(200_000).read();
    expect(snapshot.sheets[0].values).toHaveLength(2000);
    expect(host.stats.runs).toBe(2);
  });
});

describe("a sheet too large to read", () => {
  it("is refused with a message naming the sheet and how far its data reaches", async () => {
    install({ sheets: [{ name: "Sở Tư pháp", values: [["1.1"]] }] });
    sheetOf(host.workbook, "Sở Tư pháp")!.cells.set("1048575,2", { value: "lạc" });
    const failure = await createOfficeWorkbook()
      .read()
      .catch((e: unknown) => e);
    expect(describeHostError(failure, "vi")).toBe(
      'Sheet "Sở Tư pháp" có dữ liệu trải tới C1048576, quá lớn để đọc (vùng A1:C1048576). Có thể có giá trị nằm lạc ở cuối sheet: hãy xóa các dòng, cột thừa rồi chạy lại.',
    );
  });

  it("a sheet of exactly 2,000,000 cells (100,000 rows × 20 columns) is read", async () => {
    install({ sheets: [{ name: "Lớn", values: [["a"]] }] });
    sheetOf(host.workbook, "Lớn")!.cells.set("99999,19", { value: 1 });
    const snapshot = await createOfficeWorkbook().read();
    expect(snapshot.sheets[0].values).toHaveLength(100000);
    expect(snapshot.sheets[0].values[99999][19]).toBe(1);
  });
});

describe("only the used cells", () => {
  it("a sheet whose one value sits at XFD1048576 costs one row of the grid, not the whole sheet", async () => {
    install({ sheets: [{ name: "Ghi chú", values: [] }] });
    sheetOf(host.workbook, "Ghi chú")!.cells.set("1048575,16383", { value: "lạc" });
    const sheet = (await createOfficeWorkbook().read()).sheets[0];
    expect(sheet.values).toHaveLength(1048576);
    expect(sheet.values[0]).toEqual([]);
    expect(sheet.values[1048575]).toHaveLength(16384);
    expect(sheet.values[1048575][16383]).toBe("lạc");
  });

  it("a merge reaching beyond the values is cut to them", async () => {
    install({
      sheets: [
        {
          name: "Sở Tư pháp",
          values: [
            ["TIÊU ĐỀ", null],
            ["1.1", 0.75],
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 9 }],
        },
      ],
    });
    const sheet = (await createOfficeWorkbook().read()).sheets[0];
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});

describe("never writes", () => {
  it("leaves the workbook exactly as it was", async () => {
    install({ sheets: [{ name: "Sở Tư pháp", values: [["1.1", "=x"]] }] });
    const before = structuredClone([...sheetOf(host.workbook, "Sở Tư pháp")!.cells]);
    await createOfficeWorkbook().read();
    expect([...sheetOf(host.workbook, "Sở Tư pháp")!.cells]).toEqual(before);
  });
});
