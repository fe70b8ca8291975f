/**
 * The engine on hostile workbooks: whatever the cells hold, analyzeWorkbook and planRanking
 * never throw, and every issue points at a real place (sheet and A1 cell inside its grid),
 * except the cell-less codes documented in issue-locations.ts.
 */
import fc from "fast-check";
import { analyzeWorkbook, planRanking } from "../../src/core/analyze";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { ISSUE_CODES, makeIssue } from "../../src/core/issues";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import {
  cellValueArb,
  hostileWorkbookArb,
  hugeNumberArb,
  mutatedProvinceArb,
  randomWorkbookArb,
  toAdapterShape,
} from "./arbitraries";
import { CELL_LESS_CODES, WORKBOOK_LEVEL_CODES, locationProblem } from "./issue-locations";

/** Runs the engine and returns every misplaced issue (an empty list when all is sound). */
function misplacedIssues(snapshot: WorkbookSnapshot): string[] {
  const analysis = analyzeWorkbook(snapshot);
  planRanking(analysis, snapshot);
  return analysis.issues.map((i) => locationProblem(i, snapshot)).filter((p): p is string => p !== null);
}

describe("the documented cell-less codes", () => {
  it("are all codes of the catalogue", () => {
    for (const code of CELL_LESS_CODES) expect(ISSUE_CODES).toContain(code);
  });

  it("leave every other code of the catalogue needing a cell", () => {
    const needCell = ISSUE_CODES.filter((c) => !CELL_LESS_CODES.includes(c));
    expect(needCell).toEqual(expect.arrayContaining(["score_above_max", "score_blank", "unknown_code"]));
    expect(needCell.length + CELL_LESS_CODES.length).toBe(ISSUE_CODES.length);
  });
});

describe("locationProblem, the checker itself", () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: "Sở Tư pháp",
        values: [
          ["STT", "Điểm"],
          ["1.1", 2],
        ],
      },
    ],
  };

  it("accepts a cell inside the sheet's grid", () => {
    const issue = makeIssue("score_above_max", { sheet: "Sở Tư pháp", cell: "B2" }, { actual: 2, max: 1 });
    expect(locationProblem(issue, snapshot)).toBeNull();
  });

  it("rejects a cell outside the sheet's grid", () => {
    const issue = makeIssue("score_above_max", { sheet: "Sở Tư pháp", cell: "C2" }, { actual: 2, max: 1 });
    expect(locationProblem(issue, snapshot)).toMatch(/C2 is outside/);
  });

  it("rejects a sheet that is not in the workbook", () => {
    const issue = makeIssue("score_blank", { sheet: "Sở Y tế", cell: "B2" });
    expect(locationProblem(issue, snapshot)).toMatch(/not in the workbook/);
  });

  it("rejects a missing cell on a code that needs one", () => {
    const issue = makeIssue("score_blank", { sheet: "Sở Tư pháp", cell: null });
    expect(locationProblem(issue, snapshot)).toMatch(/names no cell/);
  });

  it("accepts a missing cell on missing_criterion", () => {
    const issue = makeIssue("missing_criterion", { sheet: "Sở Tư pháp", cell: null, criterion: "1.2" });
    expect(locationProblem(issue, snapshot)).toBeNull();
  });

  it("accepts no sheet only on the workbook-level codes", () => {
    for (const code of WORKBOOK_LEVEL_CODES)
      expect(locationProblem(makeIssue(code, { sheet: null }), snapshot)).toBeNull();
    expect(locationProblem(makeIssue("score_blank", { sheet: null }), snapshot)).toMatch(/names no sheet/);
  });
});

describe("the engine on hostile workbooks", () => {
  it("a realistic workbook with known mistakes places every issue", () => {
    const { snapshot, mistakes } = buildProvinceWorkbook({ units: 6, layout: "unitSheets", mistakes: true });
    const analysis = analyzeWorkbook(snapshot);
    expect(misplacedIssues(snapshot)).toEqual([]);
    const [aboveMax] = mistakes.filter((m) => m.code === "score_above_max");
    expect(analysis.issues).toContainEqual(
      expect.objectContaining({ code: "score_above_max", sheet: aboveMax.sheet, cell: aboveMax.cell }),
    );
  });

  it("any value in any score cell of a realistic workbook is safe", () => {
    const { snapshot, cells, units } = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 7 });
    const unit = units[0];
    const target = cells[unit.name]["1.1.2"].self;
    fc.assert(
      fc.property(fc.oneof(cellValueArb, hugeNumberArb), (value) => {
        const sheets = snapshot.sheets.map((s) => {
          if (s.name !== unit.sheet) return s;
          const values = s.values.map((line) => [...line]);
          const row = Number(target.slice(1)) - 1;
          values[row][3] = value;
          return { ...s, values };
        });
        expect(misplacedIssues({ sheets })).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it("mutated realistic workbooks never make the engine throw, and every issue is placed", () => {
    fc.assert(
      fc.property(mutatedProvinceArb(), (snapshot) => {
        expect(misplacedIssues(snapshot)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it("fully random workbooks never make the engine throw, and every issue is placed", () => {
    fc.assert(
      fc.property(randomWorkbookArb, (snapshot) => {
        expect(misplacedIssues(snapshot)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("hostile workbooks in the shape an adapter reads are just as safe", () => {
    fc.assert(
      fc.property(hostileWorkbookArb, (snapshot) => {
        expect(misplacedIssues(toAdapterShape(snapshot))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
