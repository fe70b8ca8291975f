import { findGains } from "../../../src/core/explain/find-gains";
import { simulateScores } from "../../../src/core/explain/what-if";
import { criteriaSet, parsedWorkbook, settingsWith, unitScores } from "../evaluate/helpers";
import { analysisOf } from "../render/helpers";

/** Field I (6) = 1.1 (2) + 1.2 (4, levels of 0.5); survey field II (4) = 2.1. */
const CRITERIA = criteriaSet([
  {
    id: "I",
    max: 6,
    title: "Công tác chỉ đạo, điều hành",
    children: [
      { id: "1.1", max: 2 },
      { id: "1.2", max: 4, levels: { kind: "step", step: 500_000 } },
    ],
  },
  { id: "II", max: 4, role: "survey", title: "Sự hài lòng", children: [{ id: "2.1", max: 4 }] },
]);

// Sở Tư pháp 6/10 (appraised 1.5 and 1 win over self-scores), Ban Dân tộc 8/10, Sở Y tế 7/10.
const analysis = analysisOf(
  parsedWorkbook(CRITERIA, [
    unitScores("Sở Tư pháp", {
      "1.1": { self: 2, appraised: 1.5 },
      "1.2": { self: 4, appraised: 1 },
      "2.1": { survey: 3.5 },
    }),
    unitScores("Ban Dân tộc", { "1.1": { self: 2 }, "1.2": { self: 2 }, "2.1": { survey: 4 } }),
    unitScores("Sở Y tế", { "1.1": { self: 1 }, "1.2": { self: 3 }, "2.1": { survey: 3 } }),
  ]),
  settingsWith(),
);

describe("what-if: a unit's result with other scores typed", () => {
  it("gives the new points, index, band and rank in the group when a leaf is scored higher", () => {
    const outcome = simulateScores(analysis, "Sở Tư pháp", { "1.2": "3,5" });
    expect(outcome?.before).toMatchObject({ points: 6, index: 60, rank: 3, band: "D", groupSize: 3 });
    expect(outcome?.after).toMatchObject({ points: 8.5, index: 85, rank: 1, band: "B" });
    expect(outcome?.applied).toEqual(["1.2"]);
    expect(outcome?.rejected).toEqual([]);
  });

  it("leaves the result unchanged with no typed score, or with the score that counts today", () => {
    expect(simulateScores(analysis, "Sở Tư pháp", {})?.after).toEqual(
      simulateScores(analysis, "Sở Tư pháp", {})?.before,
    );
    const same = simulateScores(analysis, "Sở Tư pháp", { "1.1": 1.5, "2.1": "" });
    expect(same?.after).toEqual(same?.before);
  });

  it("rejects a score above the maximum, off the allowed levels or not a number, with the engine's issue", () => {
    const outcome = simulateScores(analysis, "Sở Tư pháp", { "1.1": 3, "1.2": 1.25, "2.1": "abc" });
    expect(outcome?.rejected.map((i) => [i.code, i.criterion])).toEqual([
      ["score_above_max", "1.1"],
      ["score_off_levels", "1.2"],
      ["score_not_number", "2.1"],
    ]);
    expect(outcome?.after).toEqual(outcome?.before);
  });

  it("takes a not-applicable mark out of the unit's maximum", () => {
    const outcome = simulateScores(analysis, "Sở Tư pháp", { "1.2": "Không áp dụng" });
    expect(outcome?.after).toMatchObject({ points: 5, maxPoints: 6 });
    expect(outcome?.after.index).toBeCloseTo(500 / 6, 10);
  });

  it("never changes the analysis it was given", () => {
    const before = JSON.stringify(analysis);
    simulateScores(analysis, "Sở Tư pháp", { "1.2": 4, "1.1": 2 });
    expect(JSON.stringify(analysis)).toBe(before);
  });

  it("is null for a unit not in the analysis", () => {
    expect(simulateScores(analysis, "Sở Xây dựng", {})).toBeNull();
  });
});

describe("where points can be gained", () => {
  it("lists leaves by points lost, with field, cell and the index and rank with full points", () => {
    const summary = findGains(analysis, "so tu phap");
    expect(summary).toMatchObject({ unit: "Sở Tư pháp", index: 60, rank: 3, totalLost: 4 });
    expect(
      summary?.gains.map((g) => [
        g.code,
        g.lost,
        g.fieldCode,
        g.fieldTitle,
        g.cell,
        g.indexIfFull,
        g.rankIfFull,
      ]),
    ).toEqual([
      ["1.2", 3, "I", "Công tác chỉ đạo, điều hành", "E6", 90, 1],
      ["1.1", 0.5, "I", "Công tác chỉ đạo, điều hành", "E5", 65, 3],
      ["2.1", 0.5, "II", "Sự hài lòng", "F7", 65, 3],
    ]);
  });

  it("gives an empty list to a unit that lost nothing", () => {
    const full = analysisOf(
      parsedWorkbook(CRITERIA, [
        unitScores("Sở A", { "1.1": { self: 2 }, "1.2": { self: 4 }, "2.1": { survey: 4 } }),
      ]),
      settingsWith(),
    );
    expect(findGains(full, "Sở A")).toMatchObject({ totalLost: 0, gains: [] });
  });
});
