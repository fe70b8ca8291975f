/**
 * Marking issue cells: fills only, values untouched, previous fills restored exactly, the record
 * kept in the workbook, a constant number of syncs.
 */
import { makeIssue, type Issue } from "../../src/core/issues";
import { MARK_FILLS, clearIssueHighlights, highlightIssueCells } from "../../src/excel/highlights";
import { MARKS_SHEET } from "../../src/excel/marks-sheet";
import {
  type StandInHost,
  type StandInWorkbook,
  cellOf,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
  sheetOf,
} from "../stand-in/excel-stand-in";

let host: StandInHost;
afterEach(() => host?.uninstall());

const SHEET = "Sở Tư pháp";

function workbook(): StandInWorkbook {
  const wb = createStandInWorkbook({
    sheets: [
      {
        name: SHEET,
        values: [
          ["STT", "Điểm tự đánh giá"],
          ["1.1", 1.5],
          ["1.2", "đạt"],
          ["1.3", 0.5],
        ],
      },
    ],
  });
  sheetOf(wb, SHEET)!.cells.get("2,1")!.fill = "#00B0F0";
  return wb;
}

function install(wb: StandInWorkbook = workbook(), apiVersion = "1.9"): StandInHost {
  host = installExcelStandIn(globalThis, wb, { apiVersion });
  return host;
}

const aboveMax = makeIssue(
  "score_above_max",
  { sheet: SHEET, cell: "B2", unit: SHEET, criterion: "1.1" },
  { actual: 1.5, max: 1 },
);
const notNumber = makeIssue(
  "score_not_number",
  { sheet: SHEET, cell: "B3", unit: SHEET, criterion: "1.2" },
  { input: "đạt" },
);

describe("marking", () => {
  it("fills the cell of each issue and leaves its value as it was", async () => {
    install();
    const outcome = await highlightIssueCells([aboveMax, notNumber]);
    expect(outcome).toEqual({ marked: 2, restored: 0, missingSheets: [] });
    expect(cellOf(host.workbook, SHEET, "B2")).toEqual({ value: 1.5, fill: MARK_FILLS.error });
    expect(cellOf(host.workbook, SHEET, "B3")).toEqual({ value: "đạt", fill: MARK_FILLS.error });
  });

  it("keeps the previous fills on a very hidden sheet, so that marks survive reopening", async () => {
    install();
    await highlightIssueCells([aboveMax, notNumber]);
    const marks = dumpWorkbook(host.workbook).sheets.find((s) => s.name === MARKS_SHEET)!;
    expect(marks.visibility).toBe("veryHidden");
    expect(JSON.parse(marks.values[1][0] as string)).toEqual([
      { sheet: SHEET, cell: "B2", previous: null, mark: MARK_FILLS.error },
      { sheet: SHEET, cell: "B3", previous: "#00B0F0", mark: MARK_FILLS.error },
    ]);
  });

  it("reports a sheet renamed since the check instead of failing", async () => {
    install();
    const gone = { ...aboveMax, sheet: "Sở cũ" } satisfies Issue;
    expect(await highlightIssueCells([gone, notNumber])).toEqual({
      marked: 1,
      restored: 0,
      missingSheets: ["Sở cũ"],
    });
  });

  it("uses the same number of syncs for 1 issue and for 300", async () => {
    install();
    await highlightIssueCells([aboveMax]);
    const few = host.syncCount();
    host.uninstall();
    install();
    const many = Array.from({ length: 300 }, (_, i) => ({ ...aboveMax, cell: `C${i + 1}` }));
    await highlightIssueCells(many);
    expect(host.syncCount()).toBe(few);
    expect(few).toBe(4);
  });
});

describe("removing the marks", () => {
  it("restores each cell's previous fill exactly: none stays none, a blue fill stays blue", async () => {
    install();
    const before = structuredClone(sheetOf(host.workbook, SHEET)!.cells);
    await highlightIssueCells([aboveMax, notNumber]);
    const outcome = await clearIssueHighlights();
    expect(outcome.restored).toBe(2);
    expect(sheetOf(host.workbook, SHEET)!.cells).toEqual(before);
  });

  it("works from the stored record in a later session (a fresh host over the saved workbook)", async () => {
    install();
    await highlightIssueCells([notNumber]);
    const saved = host.workbook;
    host.uninstall();
    install(saved);
    await clearIssueHighlights();
    expect(cellOf(host.workbook, SHEET, "B3")?.fill).toBe("#00B0F0");
  });

  it("keeps a fill the user chose after marking", async () => {
    install();
    await highlightIssueCells([aboveMax]);
    cellOf(host.workbook, SHEET, "B2")!.fill = "#92D050";
    const outcome = await clearIssueHighlights();
    expect(outcome.restored).toBe(0);
    expect(cellOf(host.workbook, SHEET, "B2")?.fill).toBe("#92D050");
  });

  it("a new set of issues replaces the marks: a fixed cell gets its fill back, a still-wrong one keeps its original fill on record", async () => {
    install();
    await highlightIssueCells([aboveMax, notNumber]);
    await highlightIssueCells([notNumber]);
    expect(cellOf(host.workbook, SHEET, "B2")?.fill).toBeUndefined();
    expect(cellOf(host.workbook, SHEET, "B3")?.fill).toBe(MARK_FILLS.error);
    await clearIssueHighlights();
    expect(cellOf(host.workbook, SHEET, "B3")?.fill).toBe("#00B0F0");
  });

  it("on ExcelApi 1.7, without fill patterns, a cell without fill comes back without fill", async () => {
    install(workbook(), "1.7");
    await highlightIssueCells([aboveMax]);
    await clearIssueHighlights();
    expect(cellOf(host.workbook, SHEET, "B2")?.fill).toBeUndefined();
  });

  it("a protected sheet stops the marking with AccessDenied and a later removal still restores every fill", async () => {
    const wb = workbook();
    wb.sheets.push(createStandInWorkbook({ sheets: [{ name: "Xã A", values: [["1.1", 3]] }] }).sheets[0]);
    install(wb);
    const before = structuredClone(wb.sheets.map((s) => s.cells));
    sheetOf(host.workbook, "Xã A")!.protected = true;
    const onProtected = makeIssue("score_above_max", { sheet: "Xã A", cell: "B1" }, { actual: 3, max: 1 });
    await expect(highlightIssueCells([aboveMax, onProtected, notNumber])).rejects.toMatchObject({
      code: "AccessDenied",
    });
    sheetOf(host.workbook, "Xã A")!.protected = false;
    await clearIssueHighlights();
    expect(host.workbook.sheets.slice(0, 2).map((s) => s.cells)).toEqual(before);
  });

  it("a warning gets the warning fill, an error on the same cell wins", async () => {
    install();
    const warning = makeIssue("criteria_max_sum_mismatch", { sheet: SHEET, cell: "B4" }, { max: 1, sum: 2 });
    await highlightIssueCells([warning, { ...warning, cell: "B2" }, aboveMax]);
    expect(cellOf(host.workbook, SHEET, "B4")?.fill).toBe(MARK_FILLS.warning);
    expect(cellOf(host.workbook, SHEET, "B2")?.fill).toBe(MARK_FILLS.error);
  });
});
