import { explainUnit } from "../../../src/core/explain/explain-unit";
import { criteriaSet, parsedWorkbook, settingsWith, unitScores } from "../evaluate/helpers";
import { analysisOf } from "../render/helpers";

/** Field I (6) = 1.1 (2) + 1.2 (4); survey field II (4) = 2.1; rows on sheet rows 5, 6, 7. */
const CRITERIA = criteriaSet([
  {
    id: "I",
    max: 6,
    title: "Công tác chỉ đạo, điều hành",
    children: [
      { id: "1.1", max: 2, title: "Ban hành kế hoạch CCHC năm" },
      { id: "1.2", max: 4, title: "Mức độ hoàn thành kế hoạch" },
    ],
  },
  { id: "II", max: 4, role: "survey", title: "Sự hài lòng của người dân", children: [{ id: "2.1", max: 4 }] },
]);

const analysis = analysisOf(
  parsedWorkbook(CRITERIA, [
    unitScores("Sở Tư pháp", {
      "1.1": { self: 2, appraised: 1.5 },
      "1.2": { self: 4, appraised: 1 },
      "2.1": { survey: 3.5 },
    }),
    unitScores("Ban Dân tộc", { "1.1": { self: 2 }, "1.2": { self: "Không áp dụng" }, "2.1": { survey: 4 } }),
  ]),
  settingsWith(),
);

describe("explainUnit", () => {
  const explained = explainUnit(analysis, "Sở Tư pháp");

  it("gives the unit's totals, rank and band", () => {
    expect(explained).toMatchObject({
      unit: "Sở Tư pháp",
      group: "Sở, ban, ngành",
      rank: 2,
      groupSize: 2,
      band: "D",
      points: 6,
      maxPoints: 10,
      index: 60,
    });
  });

  it("gives every field's points, applicable maximum and index", () => {
    expect(explained?.fields).toEqual([
      {
        criterionId: "I",
        code: "I",
        title: "Công tác chỉ đạo, điều hành",
        points: 2.5,
        maxPoints: 6,
        index: (2.5 * 100) / 6,
      },
      {
        criterionId: "II",
        code: "II",
        title: "Sự hài lòng của người dân",
        points: 3.5,
        maxPoints: 4,
        index: 87.5,
      },
    ]);
  });

  it("lists the leaves where the unit lost points, largest loss first, with self vs appraised score and cell", () => {
    expect(explained?.lostPoints).toEqual([
      {
        criterionId: "1.2",
        code: "1.2",
        title: "Mức độ hoàn thành kế hoạch",
        fieldCode: "I",
        lost: 3,
        points: 1,
        maxPoints: 4,
        selfScore: 4,
        appraisedScore: 1,
        source: "appraised",
        hasError: false,
        sheet: "Sở Tư pháp",
        cell: "E6",
      },
      expect.objectContaining({ code: "1.1", lost: 0.5, selfScore: 2, appraisedScore: 1.5, cell: "E5" }),
      expect.objectContaining({ code: "2.1", lost: 0.5, source: "survey", cell: "F7" }),
    ]);
  });

  it("does not list a survey leaf still waiting for its survey points as lost (a unit's own check)", () => {
    const own = analysisOf(
      parsedWorkbook(CRITERIA, [
        unitScores("Sở Y tế", { "1.1": { self: 1 }, "1.2": { self: 4 }, "2.1": { survey: null } }),
      ]),
      settingsWith({ scoreSource: "self" }),
    );
    const e = explainUnit(own, "Sở Y tế");
    expect(e?.lostPoints.map((l) => [l.code, l.lost])).toEqual([["1.1", 1]]);
    expect(e?.issues).toEqual([]);
  });

  it("lists the criteria that do not apply to the unit, and does not count them as lost", () => {
    const ban = explainUnit(analysis, "Ban Dân tộc");
    expect(ban?.notApplicable).toEqual([
      {
        criterionId: "1.2",
        code: "1.2",
        title: "Mức độ hoàn thành kế hoạch",
        maxPoints: 4,
        sheet: "Ban Dân tộc",
        cell: "D6",
      },
    ]);
    expect(ban?.lostPoints).toEqual([]);
    expect(ban).toMatchObject({ rank: 1, index: 100, maxPoints: 6 });
  });

  it("finds a unit by name without regard to case or accents", () => {
    expect(explainUnit(analysis, "so tu phap")?.unit).toBe("Sở Tư pháp");
  });

  it("returns null for a unit that is not in the analysis", () => {
    expect(explainUnit(analysis, "Sở Công Thương")).toBeNull();
  });

  it("carries the unit's issues", () => {
    const withIssue = analysisOf(
      parsedWorkbook(CRITERIA, [
        unitScores("Sở Y tế", { "1.1": { self: 5 }, "1.2": { self: 4 }, "2.1": { survey: 4 } }),
      ]),
      settingsWith(),
    );
    const e = explainUnit(withIssue, "Sở Y tế");
    expect(e?.issues.map((i) => [i.code, i.cell])).toEqual([["score_above_max", "D5"]]);
    expect(e?.lostPoints[0]).toMatchObject({ code: "1.1", lost: 2, hasError: true });
  });
});
