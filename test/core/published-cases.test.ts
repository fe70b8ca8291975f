/**
 * Published results the engine must reproduce (domain README §3–4):
 * - Thanh Hóa 2023 (QĐ 600/QĐ-UBND): Ban Dân tộc, 68,32 points on an applicable maximum of 84
 *   (16 points not applicable in a set of 100) = 81,33 %.
 * - Thanh Hóa 2024 (QĐ 482/QĐ-UBND): Sở Nội vụ and Văn phòng UBND tỉnh both shown at 90,02 %
 *   but ranked 2 and 3; the group average is the unweighted mean of the indices (85,41 %).
 */
import { formatDecimalVi } from "../../src/core/text";
import { planRankingSheets } from "../../src/core/render/plan-ranking-sheets";
import { criteriaSet, parsedWorkbook, settingsWith, unitScores } from "./evaluate/helpers";
import { analysisOf, cellOf, valueAt } from "./render/helpers";

describe("Thanh Hóa 2023: Ban Dân tộc, 68,32 points of an applicable 84 = 81,33 %", () => {
  // A set of 100: field I (60) and II (40); 16 points (1.3 and 2.2) do not apply to Ban Dân tộc.
  const criteria = criteriaSet([
    {
      id: "I",
      max: 60,
      children: [
        { id: "1.1", max: 30 },
        { id: "1.2", max: 20 },
        { id: "1.3", max: 10 },
      ],
    },
    {
      id: "II",
      max: 40,
      children: [
        { id: "2.1", max: 34 },
        { id: "2.2", max: 6 },
      ],
    },
  ]);
  const ban = unitScores("Ban Dân tộc", {
    "1.1": { self: 30, appraised: "25,5" },
    "1.2": { self: 18, appraised: 16.82 },
    "1.3": { self: "Không áp dụng" },
    "2.1": { self: 28, appraised: 26 },
    "2.2": { self: "KAD" },
  });
  const analysis = analysisOf(parsedWorkbook(criteria, [ban]), settingsWith({ year: 2023 }));
  const result = analysis.results[0];

  it("excludes the non-applicable leaves from the maximum: 84", () => {
    expect(criteria.maxPoints).toBe(100_000_000);
    expect(result.maxPoints).toBe(84_000_000);
    expect(result.points).toBe(68_320_000);
  });

  it("computes the index unrounded as exactly 68,32 / 84 × 100", () => {
    expect(result.index).toBe(6832 / 84);
    expect(result.index).not.toBe(81.33);
  });

  it("shows 81,33 with 2 decimals and the Vietnamese comma", () => {
    expect(formatDecimalVi(result.index as number, 2)).toBe("81,33");
  });

  it("writes the unrounded index with a 2-decimal format on the ranking sheet", () => {
    const sheet = planRankingSheets(analysis, ["Bộ tiêu chí", "Ban Dân tộc"]).sheets[0];
    expect(valueAt(sheet, "B5")).toBe("Ban Dân tộc");
    // A STT · B Đơn vị · C, D fields · E Tổng điểm · F Điểm tối đa áp dụng · G Chỉ số (%)
    expect(cellOf(sheet, "G5")).toEqual({ value: 6832 / 84, format: "[$-42A]0.00" });
    expect(cellOf(sheet, "E5")).toEqual({ value: 68.32, format: "[$-42A]0.00" });
    expect(valueAt(sheet, "F5")).toBe(84);
  });
});

describe("Thanh Hóa 2024: two units shown at 90,02 % ranked 2 and 3", () => {
  const criteria = criteriaSet([{ id: "I", max: 100, children: [{ id: "1.1", max: 100 }] }]);
  const unit = (name: string, points: number) => unitScores(name, { "1.1": { appraised: points } });
  const analysis = analysisOf(
    parsedWorkbook(criteria, [
      unit("Văn phòng UBND tỉnh", 90.0151),
      unit("Sở Tư pháp", 69.1),
      unit("Sở Nội vụ", 90.0249),
      unit("Sở Tài chính", 92.5),
    ]),
    settingsWith({ year: 2024 }),
  );
  const [group] = analysis.groups;

  it("ranks on the unrounded index, not on the displayed one", () => {
    expect(group.units.map((u) => [u.unit, u.rank, formatDecimalVi(u.result.index as number, 2)])).toEqual([
      ["Sở Tài chính", 1, "92,50"],
      ["Sở Nội vụ", 2, "90,02"],
      ["Văn phòng UBND tỉnh", 3, "90,02"],
      ["Sở Tư pháp", 4, "69,10"],
    ]);
  });

  it("averages the group as the unweighted mean of the indices: 85,41 %", () => {
    expect(group.average).toBe((69.1 + 90.0151 + 90.0249 + 92.5) / 4);
    expect(formatDecimalVi(group.average as number, 2)).toBe("85,41");
  });
});
