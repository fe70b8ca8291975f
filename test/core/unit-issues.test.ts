import { makeIssue } from "../../src/core/issues";
import {
  countUnitIssues,
  describeUnitErrors,
  isUnitIssue,
  unitIssueCounter,
} from "../../src/core/unit-issues";

const TU_PHAP = { unit: "Sở Tư pháp", sheet: "Sở Tư pháp", layout: "unitSheet" as const };
const MATRIX_UNIT = { unit: "Sở Y tế", sheet: "Tổng hợp", layout: "matrix" as const };

const ISSUES = [
  // A maximum that differs from the criteria set, found while reading the unit's sheet.
  makeIssue(
    "max_differs",
    { sheet: "Sở Tư pháp", cell: "C7", unit: "Sở Tư pháp", criterion: "1.1" },
    { actual: 2, max: 3 },
  ),
  makeIssue(
    "score_above_max",
    { sheet: "Sở Tư pháp", cell: "E9", unit: "sở tư pháp", criterion: "1.2" },
    { max: 1 },
  ),
  makeIssue(
    "score_above_max",
    { sheet: "Sở Tư pháp", cell: "E10", unit: "Sở Tư pháp", criterion: "2.1" },
    { max: 1 },
  ),
  // On the unit's own sheet, naming no unit.
  makeIssue("scoring_column_missing", { sheet: "Sở Tư pháp" }, { name: "Điểm tự đánh giá" }),
  makeIssue("evidence_missing", { sheet: "Sở Tư pháp", cell: "G9", unit: "Sở Tư pháp", criterion: "1.2" }),
  // A matrix sheet's problem naming no unit is not one unit's.
  makeIssue("scoring_column_missing", { sheet: "Tổng hợp" }, { name: "STT" }),
  makeIssue("score_blank", { sheet: "Tổng hợp", cell: "D5", unit: "Sở Y tế", criterion: "1.1" }),
];

describe("a unit's own issues, counted once for every view", () => {
  it("counts the issues naming the unit (any case) and those on its own sheet naming none", () => {
    const count = countUnitIssues(ISSUES, TU_PHAP);
    expect(count).toEqual({
      errors: 4,
      warnings: 1,
      errorKinds: [
        { code: "score_above_max", count: 2 },
        { code: "max_differs", count: 1 },
        { code: "scoring_column_missing", count: 1 },
      ],
    });
  });

  it("does not give a matrix sheet's unit-less problem to a unit of that matrix", () => {
    expect(isUnitIssue(ISSUES[5], MATRIX_UNIT)).toBe(false);
    expect(countUnitIssues(ISSUES, MATRIX_UNIT).errors).toBe(1);
  });

  it("gives the same counts through the indexed counter used for whole workbooks", () => {
    const counter = unitIssueCounter(ISSUES);
    expect(counter(TU_PHAP)).toEqual(countUnitIssues(ISSUES, TU_PHAP));
    expect(counter(MATRIX_UNIT)).toEqual(countUnitIssues(ISSUES, MATRIX_UNIT));
    expect(counter({ unit: "Ban Dân tộc", sheet: "Ban Dân tộc", layout: "unitSheet" }).errors).toBe(0);
  });

  it("says how many errors and of what kind", () => {
    expect(describeUnitErrors(countUnitIssues(ISSUES, TU_PHAP), "vi")).toBe(
      "4 lỗi: 2 điểm vượt điểm tối đa, 1 điểm tối đa khác bộ tiêu chí, 1 thiếu cột điểm",
    );
    expect(describeUnitErrors(countUnitIssues(ISSUES, MATRIX_UNIT), "vi")).toBe("1 lỗi: thiếu điểm");
    expect(describeUnitErrors(countUnitIssues(ISSUES, MATRIX_UNIT), "en")).toBe("1 error: missing score");
    expect(describeUnitErrors(countUnitIssues([], TU_PHAP), "vi")).toBeNull();
  });
});
