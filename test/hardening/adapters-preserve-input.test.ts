/**
 * A full check-and-rank run through either host leaves every cell a person typed exactly as it
 * was, whatever the workbook holds: ExcelJS (the command line, on a real .xlsx file with hidden
 * rows) and Office.js (the in-memory Excel stand-in behind src/excel/office-workbook.ts).
 */
import fc from "fast-check";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import {
  changedCells,
  generatedSheetsOf,
  installStandIn,
  rankThroughCli,
  rankThroughOffice,
  userSheets,
} from "./adapters";
import { hostileWorkbookArb, toAdapterShape } from "./arbitraries";

const tempDir = useTempDir("par-hardening-");

describe("the comparison of input cells", () => {
  it("finds a changed cell by sheet, row and column", () => {
    const before = new Map([["Sở Tư pháp", [["STT", 1]]]]);
    const after = new Map([["Sở Tư pháp", [["STT", 2]]]]);
    expect(changedCells(before, after)).toEqual(["Sở Tư pháp!R1C2: 1 → 2"]);
  });

  it("finds a sheet that disappeared", () => {
    expect(changedCells(new Map([["Danh sách", [[1]]]]), new Map())).toEqual(["Danh sách: sheet gone"]);
  });

  it("finds nothing when only PAR Scorer's own sheets were added", () => {
    const grid = [["STT", 1]];
    const before = userSheets({ sheets: [{ name: "A", values: grid }] }, []);
    const after = userSheets(
      {
        sheets: [
          { name: "A", values: grid },
          { name: "Xếp hạng", values: [["x"]] },
        ],
      },
      ["Xếp hạng"],
    );
    expect(changedCells(before, after)).toEqual([]);
  });
});

describe("the command line (ExcelJS) leaves input cells untouched", () => {
  it("on the realistic workbook with its known mistakes", async () => {
    const { snapshot } = buildProvinceWorkbook({ units: 4, layout: "unitSheets", mistakes: true });
    const run = await rankThroughCli(snapshot, tempDir(), "province", [2, 9]);
    expect(run.status).toBe(1);
    expect(run.after).not.toBeNull();
    const after = run.after!;
    expect(generatedSheetsOf(after).length).toBeGreaterThan(0);
    expect(changedCells(userSheets(run.before, []), userSheets(after, generatedSheetsOf(after)))).toEqual([]);
  });

  it("on hostile workbooks: exit 0, 1 or 2, and never a changed input cell", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        hostileWorkbookArb.map(toAdapterShape),
        fc.array(fc.nat(40), { maxLength: 3 }),
        async (snapshot, hiddenRows) => {
          const run = await rankThroughCli(snapshot, tempDir(), `hostile-${n++}`, hiddenRows);
          expect([0, 1, 2]).toContain(run.status);
          if (run.status === 2) {
            expect(run.after).toBeNull();
            expect(run.stderr.trim().split("\n")).toHaveLength(1);
            return;
          }
          const after = run.after!;
          expect(
            changedCells(userSheets(run.before, []), userSheets(after, generatedSheetsOf(after))),
          ).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
    // 25 command-line runs as child processes: room for a busy 2-core runner (not a speed check).
  }, 180_000);
});

describe("the task pane (Office.js stand-in) leaves input cells untouched", () => {
  it("on the realistic workbook with its known mistakes", async () => {
    const { snapshot } = buildProvinceWorkbook({ units: 4, layout: "matrix", mistakes: true });
    const host = installStandIn(snapshot);
    try {
      const run = await rankThroughOffice(host);
      expect(run.plan.sheets.length).toBeGreaterThan(0);
      const generated = generatedSheetsOf(run.after);
      expect(generated).toEqual(expect.arrayContaining(run.plan.sheets.map((s) => s.name)));
      expect(changedCells(userSheets(run.before, []), userSheets(run.after, generated))).toEqual([]);
    } finally {
      host.uninstall();
    }
  });

  it("on hostile workbooks: never a changed input cell", async () => {
    await fc.assert(
      fc.asyncProperty(hostileWorkbookArb.map(toAdapterShape), async (snapshot) => {
        const host = installStandIn(snapshot);
        try {
          const run = await rankThroughOffice(host);
          const generated = generatedSheetsOf(run.after);
          expect(changedCells(userSheets(run.before, []), userSheets(run.after, generated))).toEqual([]);
        } finally {
          host.uninstall();
        }
      }),
      { numRuns: 60 },
    );
  });
});
