import { evaluateUnits } from "../../../src/core/evaluate/evaluate-units";
import type { Issue } from "../../../src/core/issues";
import type { SurveyTally, UnitResult } from "../../../src/core/model";
import { toMicro } from "../../../src/core/points";
import type { SettingsInput } from "../../../src/core/settings";
import {
  type Outline,
  criteriaSet,
  parsedWorkbook,
  type RowCells,
  settingsWith,
  unitScores,
} from "./helpers";

/**
 * The set used throughout: field I (10) with 1.1 (2, steps of 0,25), 1.2 (3), 1.3 (5) = 1.3.1 (2)
 * + 1.3.2 (3, levels 0; 1,5; 3); survey field II (4) = 2.1; bonus field III (cap 2) = 3.1 (1,5)
 * + 3.2 (1,5); deduction field IV (cap 2) = 4.1 (2). Rows sit on sheet rows 5, 6, … in the
 * order given to `unitScores` (self D, appraised E, survey F, evidence G, explanation H).
 */
const OUTLINE: Outline[] = [
  {
    id: "I",
    max: 10,
    children: [
      { id: "1.1", max: 2, levels: { kind: "step", step: 250_000 } },
      { id: "1.2", max: 3 },
      {
        id: "1.3",
        max: 5,
        children: [
          { id: "1.3.1", max: 2 },
          { id: "1.3.2", max: 3, levels: { kind: "values", values: [0, 1_500_000, 3_000_000] } },
        ],
      },
    ],
  },
  { id: "II", max: 4, role: "survey", children: [{ id: "2.1", max: 4 }] },
  {
    id: "III",
    max: 2,
    role: "bonus",
    children: [
      { id: "3.1", max: 1.5 },
      { id: "3.2", max: 1.5 },
    ],
  },
  { id: "IV", max: 2, role: "deduction", children: [{ id: "4.1", max: 2 }] },
];

const FULL: Record<string, RowCells> = {
  "1.1": { self: 2 },
  "1.2": { self: 3 },
  "1.3.1": { self: 2 },
  "1.3.2": { self: 3 },
  "2.1": { survey: 4 },
  "3.1": {},
  "3.2": {},
  "4.1": {},
};

function run(
  rows: Record<string, RowCells>,
  settings: SettingsInput = {},
  extra: { tallies?: SurveyTally[]; layout?: "unitSheet" | "matrix"; outline?: Outline[] } = {},
): { result: UnitResult; issues: Issue[] } {
  const parsed = parsedWorkbook(
    criteriaSet(extra.outline ?? OUTLINE),
    [unitScores("Sở Tư pháp", { ...FULL, ...rows }, { sheet: "Sở Tư pháp", layout: extra.layout })],
    { surveyTallies: extra.tallies },
  );
  const { results, issues } = evaluateUnits(parsed, settingsWith(settings));
  return { result: results[0], issues };
}

const where = (issues: Issue[]) => issues.map((i) => [i.code, i.cell]);

describe("leaf points: which score counts", () => {
  it("uses the appraised score when present (rankings use the appraisal)", () => {
    const { result, issues } = run({ "1.2": { self: 3, appraised: 2.5 } });
    expect(result.leaves["1.2"]).toMatchObject({ points: 2_500_000, source: "appraised", cell: "E6" });
    expect(result.leaves["1.2"].selfScore).toBe(3_000_000);
    expect(issues).toEqual([]);
  });

  it("falls back to the self-score when the appraised cell is blank", () => {
    const { result } = run({ "1.2": { self: 2, appraised: null } });
    expect(result.leaves["1.2"]).toMatchObject({ points: 2_000_000, source: "self", cell: "D6" });
  });

  it("uses only the self-score when scoreSource is “self” (a unit's own check)", () => {
    const { result } = run({ "1.2": { self: 2, appraised: 1 } }, { scoreSource: "self" });
    expect(result.leaves["1.2"]).toMatchObject({ points: 2_000_000, source: "self" });
  });

  it("falls back to the self-score when the appraised score is invalid, and reports the appraised cell", () => {
    const { result, issues } = run({ "1.2": { self: 2, appraised: "đạt" } });
    expect(result.leaves["1.2"]).toMatchObject({ points: 2_000_000, source: "self" });
    expect(where(issues)).toEqual([["score_not_number", "E6"]]);
  });

  it("accepts a decimal comma typed as text", () => {
    const { result, issues } = run({ "1.1": { self: "0,75" } });
    expect(result.leaves["1.1"].points).toBe(750_000);
    expect(issues).toEqual([]);
  });
});

describe("value checks", () => {
  it("score_above_max: a score above the maximum is an error and earns 0", () => {
    const { result, issues } = run({ "1.2": { appraised: 3.5 } });
    expect(issues).toEqual([
      expect.objectContaining({
        code: "score_above_max",
        cell: "E6",
        criterion: "1.2",
        data: { actual: 3.5, max: 3 },
      }),
    ]);
    expect(result.leaves["1.2"]).toMatchObject({ points: 0, hasError: true });
    expect(result.errorCount).toBe(1);
  });

  it("score_above_max: the maximum itself is valid", () => {
    const { result, issues } = run({ "1.2": { appraised: 3 } });
    expect(issues).toEqual([]);
    expect(result.leaves["1.2"].hasError).toBe(false);
    expect(result.errorCount).toBe(0);
  });

  it("score_negative: a negative score on an ordinary leaf is an error", () => {
    const { issues } = run({ "1.2": { self: -1 } });
    expect(where(issues)).toEqual([["score_negative", "D6"]]);
  });

  it("deduction_out_of_range: a deduction must lie between −maximum and 0", () => {
    expect(where(run({ "4.1": { self: -3 } }).issues)).toEqual([["deduction_out_of_range", "D12"]]);
    expect(where(run({ "4.1": { self: 1 } }).issues)).toEqual([["deduction_out_of_range", "D12"]]);
    expect(run({ "4.1": { self: -1.5 } }).issues).toEqual([]);
  });

  it("score_not_number: text such as “đạt” and booleans", () => {
    expect(where(run({ "1.2": { self: "đạt" } }).issues)).toEqual([["score_not_number", "D6"]]);
    expect(run({ "1.2": { self: true } }).issues[0]).toMatchObject({
      code: "score_not_number",
      data: { input: "TRUE" },
    });
  });

  it("score_error_value: an error value such as #REF! is an error; the ranking still runs with 0 for it", () => {
    const { result, issues } = run({ "1.2": { self: { error: "#REF!" } } });
    expect(issues[0]).toMatchObject({ code: "score_error_value", cell: "D6", data: { input: "#REF!" } });
    expect(result.leaves["1.2"]).toMatchObject({ points: 0, hasError: true });
    expect(result.index).toBe((11 * 100) / 14);
  });

  it("score_blank: an ordinary leaf with neither score is an error at its self-score cell", () => {
    const { result, issues } = run({ "1.2": { self: null, appraised: null } });
    expect(where(issues)).toEqual([["score_blank", "D6"]]);
    expect(result.leaves["1.2"]).toMatchObject({ points: 0, source: "none", hasError: true });
  });

  it("score_blank: not raised on a sheet without any score column (the parse stage reports the column), but the leaf is in error", () => {
    const parsed = parsedWorkbook(criteriaSet(OUTLINE), [
      unitScores("Sở Tư pháp", FULL, { columns: { self: false, appraised: false } }),
    ]);
    const { results, issues } = evaluateUnits(parsed, settingsWith());
    expect(issues.filter((i) => i.code === "score_blank")).toEqual([]);
    expect(results[0].leaves["1.2"]).toMatchObject({ points: 0, hasError: true });
    expect(results[0].errorCount).toBe(4);
  });

  it("score_blank: not raised for an empty bonus or deduction item", () => {
    const { result, issues } = run({ "3.1": {}, "4.1": {} });
    expect(issues).toEqual([]);
    expect(result.bonus).toBe(0);
    expect(result.deduction).toBe(0);
  });

  it("score_off_levels: a score between steps of 0,25 is an error", () => {
    const { issues } = run({ "1.1": { self: 0.3 } });
    expect(issues[0]).toMatchObject({ code: "score_off_levels", cell: "D5", data: { actual: 0.3 } });
    expect(issues[0].data.expected).toContain("0,25");
  });

  it("score_off_levels: a score on a step, or one of the listed values, is valid", () => {
    expect(run({ "1.1": { self: 1.75 } }).issues).toEqual([]);
    expect(run({ "1.3.2": { self: "1,5" } }).issues).toEqual([]);
    expect(where(run({ "1.3.2": { self: 2 } }).issues)).toEqual([["score_off_levels", "D8"]]);
  });

  it("judges the same typed value afresh on every leaf and unit (readings are shared, judgements are not)", () => {
    // 3 is valid on 1.2 (max 3) and above the maximum of 1.1 (2); units typing it alike differ by leaf.
    const parsed = parsedWorkbook(criteriaSet(OUTLINE), [
      unitScores("Sở Tư pháp", { ...FULL, "1.1": { self: 3 }, "1.2": { self: 3 } }, { sheet: "A" }),
      unitScores("Sở Tài chính", { ...FULL, "1.1": { self: "3" }, "1.2": { self: 3 } }, { sheet: "B" }),
      unitScores("Sở Y tế", { ...FULL, "1.1": { self: -0 }, "1.2": { self: 0 } }, { sheet: "C" }),
    ]);
    const { results, issues } = evaluateUnits(parsed, settingsWith({}));
    expect(issues.map((i) => [i.sheet, i.code, i.cell])).toEqual([
      ["A", "score_above_max", "D5"],
      ["B", "score_above_max", "D5"],
    ]);
    expect(results.map((r) => r.leaves["1.2"].points)).toEqual([3_000_000, 3_000_000, 0]);
    // Minus zero is a valid zero, read as typed.
    expect(Object.is(results[2].leaves["1.1"].points, -0)).toBe(Object.is(toMicro(-0), -0));
    expect(results[2].leaves["1.1"]).toMatchObject({ hasError: false, source: "self" });
  });

  it("reports an invalid self-score even when a valid appraised score is used", () => {
    const { result, issues } = run({ "1.2": { self: 4, appraised: 3 } });
    expect(where(issues)).toEqual([["score_above_max", "D6"]]);
    expect(result.leaves["1.2"]).toMatchObject({ points: 3_000_000, hasError: true });
  });
});

describe("survey leaves (QĐ 876/QĐ-BNV: filled in by Sở Nội vụ, never self-scored)", () => {
  it("take the survey points cell", () => {
    const { result, issues } = run({ "2.1": { survey: "3,2" } });
    expect(result.leaves["2.1"]).toMatchObject({ points: 3_200_000, source: "survey", cell: "F9" });
    expect(issues).toEqual([]);
  });

  it("take the appraised column of a unit sheet when there is no survey cell value", () => {
    const { result } = run({ "2.1": { appraised: 2 } });
    expect(result.leaves["2.1"]).toMatchObject({ points: 2_000_000, source: "survey", cell: "E9" });
  });

  it("survey_self_scored: a self-score on a survey leaf is a warning and is ignored", () => {
    const { result, issues } = run({ "2.1": { self: 4, survey: 1 } });
    expect(where(issues)).toEqual([["survey_self_scored", "D9"]]);
    expect(result.leaves["2.1"].points).toBe(1_000_000);
  });

  it("survey_self_scored: not raised on a matrix, whose score cell is compiled by Sở Nội vụ", () => {
    const { result, issues } = run({ "2.1": { self: 3, survey: null } }, {}, { layout: "matrix" });
    expect(issues).toEqual([]);
    expect(result.leaves["2.1"]).toMatchObject({ points: 3_000_000, source: "survey" });
  });

  it("survey_missing: no survey value is a warning at the survey cell and counts 0", () => {
    const { result, issues } = run({ "2.1": { survey: null } });
    expect(issues).toEqual([
      expect.objectContaining({ code: "survey_missing", severity: "warning", cell: "F9" }),
    ]);
    expect(result.leaves["2.1"]).toMatchObject({ points: 0, maxPoints: 4_000_000, hasError: false });
  });

  it("survey_missing: not raised in a unit's own check (scoreSource self), which precedes the survey", () => {
    const { result, issues } = run({ "2.1": { survey: null } }, { scoreSource: "self" });
    expect(issues).toEqual([]);
    expect(result.leaves["2.1"]).toMatchObject({ points: 0, source: "none", hasError: false });
    // A self-score on the survey leaf is still reported in that check.
    expect(where(run({ "2.1": { self: 4, survey: null } }, { scoreSource: "self" }).issues)).toEqual([
      ["survey_self_scored", "D9"],
    ]);
  });

  it("take points from answer tallies: maximum × Σ(count × weight) / Σ count", () => {
    const tally: SurveyTally = {
      unit: "SỞ TƯ PHÁP",
      criterionId: "2.1",
      counts: { A: 6, B: 4 },
      sheet: "Khảo sát",
      cell: "C4",
    };
    const { result, issues } = run({ "2.1": { survey: null } }, {}, { tallies: [tally] });
    // 4 × (6 × 100 % + 4 × 60 %) / 10 = 3,36
    expect(result.leaves["2.1"]).toMatchObject({ points: 3_360_000, source: "survey", cell: "C4" });
    expect(issues).toEqual([]);
  });

  it("survey_tally_invalid: a negative or fractional count is an error on the tally sheet", () => {
    const tally: SurveyTally = {
      unit: "Sở Tư pháp",
      criterionId: "2.1",
      counts: { A: 6, B: -1 },
      sheet: "Khảo sát",
      cell: "C4",
    };
    const { result, issues } = run({ "2.1": { survey: null } }, {}, { tallies: [tally] });
    expect(issues).toEqual([
      expect.objectContaining({ code: "survey_tally_invalid", sheet: "Khảo sát", cell: "C4" }),
    ]);
    expect(result.leaves["2.1"]).toMatchObject({ points: 0, hasError: true });
  });

  it("rescaleWithoutSurvey: a unit with no survey points at all leaves the survey maximum out", () => {
    const { result, issues } = run({ "2.1": { survey: null } }, { rescaleWithoutSurvey: true });
    expect(result.maxPoints).toBe(toMicro(10));
    expect(result.index).toBe(100);
    expect(issues).toEqual([]);
  });

  it("rescaleWithoutSurvey: a unit with survey points keeps the survey maximum", () => {
    const { result } = run({ "2.1": { survey: 2 } }, { rescaleWithoutSurvey: true });
    expect(result.maxPoints).toBe(toMicro(14));
    expect(result.index).toBe((12 * 100) / 14);
  });
});

describe("evidence_missing (Công văn 383/BNV-CCHC)", () => {
  it("warns when a scored ordinary leaf has neither evidence nor explanation", () => {
    const { issues } = run({ "1.2": { self: 2, evidence: null, explanation: null } });
    expect(issues).toEqual([
      expect.objectContaining({ code: "evidence_missing", severity: "warning", cell: "G6" }),
    ]);
  });

  it("accepts an explanation in place of evidence", () => {
    expect(run({ "1.2": { self: 2, evidence: null, explanation: "Đang bổ sung" } }).issues).toEqual([]);
  });

  it("does not ask for evidence of a 0 score", () => {
    expect(run({ "1.2": { self: 0, evidence: null } }).issues).toEqual([]);
  });

  it("is off when settings.requireEvidence is false", () => {
    expect(run({ "1.2": { self: 2, evidence: null } }, { requireEvidence: false }).issues).toEqual([]);
  });
});

describe("not applicable", () => {
  it("exclude (default): the leaf's maximum leaves the unit's applicable maximum", () => {
    const { result, issues } = run({ "1.2": { self: "Không áp dụng" } });
    expect(issues).toEqual([]);
    expect(result.leaves["1.2"]).toMatchObject({
      points: 0,
      maxPoints: 0,
      applicable: false,
      source: "notApplicable",
    });
    expect(result.maxPoints).toBe(toMicro(11));
    expect(result.index).toBe(100);
  });

  it("fullPoints: the leaf is credited with its maximum", () => {
    const { result } = run({ "1.2": { self: "KAD" } }, { notApplicable: "fullPoints" });
    expect(result.leaves["1.2"]).toMatchObject({
      points: 3_000_000,
      maxPoints: 3_000_000,
      applicable: false,
    });
    expect(result.maxPoints).toBe(toMicro(14));
  });

  it("the appraisal decides: an appraised number overrides a self-declared “KAD”", () => {
    const { result } = run({ "1.2": { self: "KAD", appraised: 1 } });
    expect(result.leaves["1.2"]).toMatchObject({ points: 1_000_000, applicable: true, source: "appraised" });
  });
});

describe("totals, bonus and deduction", () => {
  it("sums every field and criterion from its leaves, with an index per node", () => {
    const { result } = run({ "1.3.1": { self: 1.5 }, "1.3.2": { self: 1.5 } });
    expect(result.nodes["1.3"]).toEqual({
      criterionId: "1.3",
      points: 3_000_000,
      maxPoints: 5_000_000,
      index: 60,
    });
    expect(result.nodes["I"]).toEqual({
      criterionId: "I",
      points: 8_000_000,
      maxPoints: 10_000_000,
      index: 80,
    });
    expect(result.nodes["1.3.1"]).toBeUndefined();
  });

  it("index = (points + bonus − deduction) / applicable maximum × 100", () => {
    const { result } = run({ "1.2": { self: 1 }, "3.1": { self: 0.5 }, "4.1": { self: -1 } });
    // points 8 + 4 + 0,5 − 1 = 11,5 over 14
    expect(result.bonus).toBe(500_000);
    expect(result.deduction).toBe(1_000_000);
    expect(result.points).toBe(11_500_000);
    expect(result.index).toBe((11_500_000 * 100) / 14_000_000);
  });

  it("caps the bonus at its field's maximum", () => {
    const { result } = run({ "1.2": { self: 0 }, "3.1": { self: 1.5 }, "3.2": { self: 1.5 } });
    expect(result.bonus).toBe(2_000_000);
    expect(result.nodes["III"]).toEqual({
      criterionId: "III",
      points: 2_000_000,
      maxPoints: 2_000_000,
      index: null,
    });
  });

  it("bounds the index by totalCeiling (100 by default) and lets it pass when the ceiling is null", () => {
    const bonus = { "3.1": { self: 1 } };
    expect(run(bonus).result.index).toBe(100);
    expect(run(bonus, { totalCeiling: null }).result.index).toBe((15 * 100) / 14);
  });

  it("bounds the index by totalFloor", () => {
    const rows = {
      "1.1": { self: 0 },
      "1.2": { self: 0 },
      "1.3.1": { self: 0 },
      "1.3.2": { self: 0 },
      "2.1": { survey: 0 },
      "4.1": { self: -2 },
    };
    expect(run(rows).result.index).toBe(0);
    expect(run(rows, { totalFloor: null }).result.index).toBe((-2 * 100) / 14);
  });

  it("weighted totals: Σ(field index × weight) / Σ(weights of fields with an applicable maximum)", () => {
    const outline: Outline[] = [
      { id: "I", max: 10, weight: 70, children: [{ id: "1.1", max: 10 }] },
      { id: "II", max: 10, weight: 30, role: "survey", children: [{ id: "2.1", max: 10 }] },
    ];
    const { result } = run({ "1.1": { self: 5 }, "2.1": { survey: 10 } }, {}, { outline });
    expect(result.index).toBe((50 * 70 + 100 * 30) / 100);
  });

  it("weighted totals: a field with nothing applicable drops out of the weights", () => {
    const outline: Outline[] = [
      { id: "I", max: 10, weight: 70, children: [{ id: "1.1", max: 10 }] },
      { id: "II", max: 10, weight: 30, role: "survey", children: [{ id: "2.1", max: 10 }] },
    ];
    const { result } = run({ "1.1": { self: 5 }, "2.1": { survey: "KAD" } }, {}, { outline });
    expect(result.index).toBe(50);
  });

  it("a missing row earns 0 and counts as an error of the unit (the parse stage reports it)", () => {
    const rows = { ...FULL };
    delete (rows as Record<string, RowCells>)["1.2"];
    const parsed = parsedWorkbook(criteriaSet(OUTLINE), [unitScores("Sở Tư pháp", rows)]);
    const { results, issues } = evaluateUnits(parsed, settingsWith());
    expect(issues).toEqual([]);
    expect(results[0].leaves["1.2"]).toMatchObject({ points: 0, hasError: true });
    expect(results[0].errorCount).toBe(1);
  });
});

describe("units and groups", () => {
  const criteria = criteriaSet([{ id: "I", max: 1, children: [{ id: "1.1", max: 1 }] }]);
  const scored = (unit: string) => unitScores(unit, { "1.1": { self: 1 } }, { nameCell: "C2" });

  it("takes the group from the units list and reports no unit issue when all are listed", () => {
    const parsed = parsedWorkbook(criteria, [scored("Sở Tư pháp")], {
      unitList: [{ unit: "Sở Tư Pháp", group: "Khối sở", sheet: "Danh sách", cell: "B3" }],
    });
    const { results, issues } = evaluateUnits(parsed, settingsWith());
    expect(results[0].group).toBe("Khối sở");
    expect(issues).toEqual([]);
  });

  it("unit_not_in_list: a unit missing from an existing list is a warning at its name cell, group inferred", () => {
    const parsed = parsedWorkbook(criteria, [scored("Sở Tư pháp"), scored("Xã Tân Lập")], {
      unitList: [{ unit: "Sở Tư pháp", group: "Khối sở", sheet: "Danh sách", cell: "B3" }],
    });
    const { results, issues } = evaluateUnits(parsed, settingsWith());
    expect(issues).toEqual([
      expect.objectContaining({
        code: "unit_not_in_list",
        sheet: "Xã Tân Lập",
        cell: "C2",
        data: { name: "Xã Tân Lập", other: "Cấp xã" },
      }),
    ]);
    expect(results.map((r) => r.group)).toEqual(["Khối sở", "Cấp xã"]);
    expect(results[1].warningCount).toBe(1);
  });

  it("unit_not_in_list: a unit named by its sheet points at the sheet's A1", () => {
    const unnamed = unitScores("Xã Tân Lập", { "1.1": { self: 1 } }, { nameCell: null });
    const parsed = parsedWorkbook(criteria, [unnamed], {
      unitList: [{ unit: "Sở Tư pháp", group: "Khối sở", sheet: "Danh sách", cell: "B3" }],
    });
    expect(evaluateUnits(parsed, settingsWith()).issues).toContainEqual(
      expect.objectContaining({ code: "unit_not_in_list", sheet: "Xã Tân Lập", cell: "A1" }),
    );
  });

  it("treats group names that differ only in case, accents or spacing as one group, spelt as first seen", () => {
    const parsed = parsedWorkbook(criteria, [scored("Sở A"), scored("Sở B"), scored("Sở C")], {
      unitList: [
        { unit: "Sở A", group: "Khối sở, ban, ngành", sheet: "Danh sách", cell: "B3" },
        { unit: "Sở B", group: "khối  SỞ, ban, ngành", sheet: "Danh sách", cell: "B4" },
        { unit: "Sở C", group: "Khối huyện", sheet: "Danh sách", cell: "B5" },
      ],
    });
    expect(evaluateUnits(parsed, settingsWith()).results.map((r) => r.group)).toEqual([
      "Khối sở, ban, ngành",
      "Khối sở, ban, ngành",
      "Khối huyện",
    ]);
  });

  it("unit_not_in_list: not raised when the workbook has no units list", () => {
    expect(evaluateUnits(parsedWorkbook(criteria, [scored("Xã Tân Lập")]), settingsWith()).issues).toEqual(
      [],
    );
  });

  it("unit_without_scores: a listed unit with no scoring sheet is a warning at its list cell", () => {
    const parsed = parsedWorkbook(criteria, [scored("Sở Tư pháp")], {
      unitList: [
        { unit: "Sở Tư pháp", group: "Khối sở", sheet: "Danh sách", cell: "B3" },
        { unit: "Sở Y tế", group: "Khối sở", sheet: "Danh sách", cell: "B4" },
      ],
    });
    expect(evaluateUnits(parsed, settingsWith()).issues).toEqual([
      expect.objectContaining({
        code: "unit_without_scores",
        sheet: "Danh sách",
        cell: "B4",
        unit: "Sở Y tế",
      }),
    ]);
  });

  it("orders results by the units list, then by sheet order", () => {
    const parsed = parsedWorkbook(criteria, [scored("Xã A"), scored("Sở B"), scored("Sở C")], {
      unitList: [
        { unit: "Sở C", group: "Khối sở", sheet: "Danh sách", cell: "B3" },
        { unit: "Sở B", group: "Khối sở", sheet: "Danh sách", cell: "B4" },
      ],
    });
    expect(evaluateUnits(parsed, settingsWith()).results.map((r) => r.unit)).toEqual([
      "Sở C",
      "Sở B",
      "Xã A",
    ]);
  });

  it("uses only the first sheet of a unit that appears twice (the parse stage reports it)", () => {
    const parsed = parsedWorkbook(criteria, [scored("Sở Tư pháp"), scored("SỞ TƯ PHÁP")]);
    expect(evaluateUnits(parsed, settingsWith()).results).toHaveLength(1);
  });

  it("gives every unit a null index when the workbook has no criteria set", () => {
    const { results, issues } = evaluateUnits(parsedWorkbook(null, [scored("Sở Tư pháp")]), settingsWith());
    expect(results[0]).toMatchObject({ unit: "Sở Tư pháp", index: null, maxPoints: 0 });
    expect(issues).toEqual([]);
  });
});
