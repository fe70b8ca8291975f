/**
 * The task pane keeps the fills of marked cells on a very hidden sheet, _ParScorerMarks
 * (src/excel/highlights.ts). Like the settings sheet, a sheet of that name is PAR Scorer's only
 * when it is very hidden and carries the marker in A1 (or is empty): a person's sheet of that
 * name is never written, hidden nor cleared, in either host.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import { makeIssue } from "../../src/core/issues";
import { ExcelAdapterError } from "../../src/excel/host-errors";
import { MARK_FILLS, highlightIssueCells, marksSheetValues } from "../../src/excel/highlights";
import { MARKS_SHEET } from "../../src/excel/marks-sheet";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { cellOf, dumpWorkbook } from "../stand-in/excel-stand-in";
import { installStandIn, normalizeGrid, rankThroughCli, rankThroughOffice, sheetNamed } from "./adapters";

const tempDir = useTempDir("par-marks-");

const NOTES: CellValue[][] = [
  ["Dấu hiệu cần rà soát (ghi chú của phòng CCHC)"],
  ["Sở Tư pháp", "B12", "đã gọi điện nhắc"],
];

function province(extra: SheetSnapshot[]): WorkbookSnapshot {
  const { snapshot } = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 8 });
  return { sheets: [...snapshot.sheets, ...extra] };
}

const persons = (visibility: SheetSnapshot["visibility"], name = MARKS_SHEET): SheetSnapshot => ({
  name,
  values: NOTES,
  visibility,
});

/** An issue at a cell of the first unit sheet (its code cell A1, which exists on every layout). */
function issueOn(snapshot: WorkbookSnapshot) {
  const sheet = snapshot.sheets.find((s) => /^01 /.test(s.name))!.name;
  return makeIssue("score_not_number", { sheet, cell: "A1", unit: sheet }, { input: "đạt" });
}

describe("the task pane (Office.js stand-in) marking issue cells", () => {
  it.each([
    ["a visible sheet", persons("visible")],
    ["a hidden sheet", persons("hidden")],
    ["a visible sheet named in another case", persons("visible", "_PARSCORERMARKS")],
    ["a very hidden sheet without PAR Scorer's marker", persons("veryHidden")],
  ])(
    "%s named _ParScorerMarks is a person's: kept as it is, nothing marked, a message says why",
    async (_, sheet) => {
      const snapshot = province([sheet]);
      const host = installStandIn(snapshot);
      try {
        const before = dumpWorkbook(host.workbook);
        const issue = issueOn(snapshot);
        const error: unknown = await highlightIssueCells([issue]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ExcelAdapterError);
        expect((error as ExcelAdapterError).vi).toContain(`sheet "${sheet.name}" không phải sheet lưu trữ`);
        expect((error as ExcelAdapterError).en).toContain("Rename that sheet");
        // Nothing changed: the person's sheet, its visibility, and the fill of the issue's cell.
        expect(dumpWorkbook(host.workbook)).toEqual(before);
        expect(cellOf(host.workbook, issue.sheet!, "A1")?.fill ?? null).toBeNull();
      } finally {
        host.uninstall();
      }
    },
  );

  it("PAR Scorer's own very hidden sheet with its marker is used (the passing case)", async () => {
    const own: SheetSnapshot = { name: MARKS_SHEET, values: marksSheetValues([]), visibility: "veryHidden" };
    const snapshot = province([own]);
    const host = installStandIn(snapshot);
    try {
      const issue = issueOn(snapshot);
      expect(await highlightIssueCells([issue])).toEqual({ marked: 1, restored: 0, missingSheets: [] });
      expect(cellOf(host.workbook, issue.sheet!, "A1")?.fill).toBe(MARK_FILLS.error);
      const marks = sheetNamed(dumpWorkbook(host.workbook), MARKS_SHEET)!;
      expect(marks.visibility).toBe("veryHidden");
      expect(JSON.parse(marks.values[1][0] as string)).toHaveLength(1);
    } finally {
      host.uninstall();
    }
  });

  it("ranking in the task pane keeps a person's visible _ParScorerMarks sheet as it is", async () => {
    const host = installStandIn(province([persons("visible")]));
    try {
      const run = await rankThroughOffice(host);
      const sheet = sheetNamed(run.after, MARKS_SHEET)!;
      expect(sheet.visibility).toBe("visible");
      expect(normalizeGrid(sheet.values)).toEqual(normalizeGrid(NOTES));
      expect(run.plan.sheets.some((s) => s.name.startsWith("Xếp hạng"))).toBe(true);
    } finally {
      host.uninstall();
    }
  });
});

describe("the command line (ExcelJS) ranking a workbook with a person's _ParScorerMarks sheet", () => {
  it.each([
    ["visible", persons("visible")],
    ["hidden", persons("hidden")],
  ])("a %s one is kept with its values and visibility; the ranking is written", async (kind, sheet) => {
    const run = await rankThroughCli(province([sheet]), tempDir(), `marks-${kind}`);
    expect([0, 1]).toContain(run.status);
    const after = sheetNamed(run.after!, MARKS_SHEET)!;
    expect(after.visibility).toBe(sheet.visibility);
    expect(normalizeGrid(after.values)).toEqual(normalizeGrid(NOTES));
    expect(run.after!.sheets.some((s) => s.name.startsWith("Xếp hạng"))).toBe(true);
  });
});
