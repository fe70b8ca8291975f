import { ISSUE_CATALOG, ISSUE_CODES, compareIssues, describeIssue, makeIssue } from "../../src/core/issues";

describe("issue catalogue", () => {
  it("has stable snake_case codes with both languages", () => {
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      const issue = makeIssue(
        code,
        { sheet: "Sở Tư pháp", cell: "E12", criterion: "1.2" },
        { max: 1, actual: 2 },
      );
      expect(describeIssue(issue, "vi").length).toBeGreaterThan(10);
      expect(describeIssue(issue, "en").length).toBeGreaterThan(10);
      expect(describeIssue(issue, "vi")).not.toBe(describeIssue(issue, "en"));
    }
  });

  it("takes the severity from the catalogue", () => {
    expect(makeIssue("score_above_max", { sheet: "S" }).severity).toBe("error");
    expect(makeIssue("evidence_missing", { sheet: "S" }).severity).toBe(
      ISSUE_CATALOG.evidence_missing.severity,
    );
    expect(makeIssue("evidence_missing", { sheet: "S" }).severity).toBe("warning");
  });

  it("says what is wrong and what is expected, with the Vietnamese decimal comma", () => {
    const issue = makeIssue(
      "score_above_max",
      { sheet: "Sở Tư pháp", cell: "E12" },
      { actual: 1.5, max: 0.75 },
    );
    expect(describeIssue(issue)).toBe("Điểm 1,5 vượt điểm tối đa 0,75. Cần từ 0 đến 0,75.");
    expect(describeIssue(issue, "en")).toBe("Score 1.5 is above the maximum 0.75. Expected 0 to 0.75.");
  });

  it("orders issues by sheet, then row, then column", () => {
    const at = (sheet: string, cell: string | null) => makeIssue("score_blank", { sheet, cell });
    const sorted = [at("B", "A1"), at("A", "C10"), at("A", "B2"), at("A", null), at("A", "AA2")].sort(
      compareIssues,
    );
    expect(sorted.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["A!B2", "A!AA2", "A!C10", "A!null", "B!A1"]);
  });
});
