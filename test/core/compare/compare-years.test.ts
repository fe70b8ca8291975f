import fc from "fast-check";
import { compareYears, withComparison } from "../../../src/core/compare/compare-years";
import { matchUnits } from "../../../src/core/compare/match-units";
import { type PreviousUnit, previousYearFromAnalysis } from "../../../src/core/compare/previous-year";
import { compareCriteria } from "../../../src/core/compare/criteria-changes";
import { describeIssue } from "../../../src/core/issues";
import { criteriaSet, parsedWorkbook, settingsWith, unitList, unitScores } from "../evaluate/helpers";
import type { Outline } from "../evaluate/helpers";
import { analysisOf } from "../render/helpers";
import type { SettingsInput } from "../../../src/core/settings";

/** Field I (6) = 1.1 (2) + 1.2 (4); field II (4) = 2.1 (4). */
const OUTLINE: Outline[] = [
  {
    id: "I",
    max: 6,
    children: [
      { id: "1.1", max: 2 },
      { id: "1.2", max: 4 },
    ],
  },
  { id: "II", max: 4, children: [{ id: "2.1", max: 4 }] },
];

type Scores = [number | string, number | string, number | string];

function year(
  units: [name: string, group: string, scores: Scores][],
  opts: { outline?: Outline[]; settings?: SettingsInput } = {},
) {
  const criteria = criteriaSet(opts.outline ?? OUTLINE);
  const ids = criteria.leafIds;
  return analysisOf(
    parsedWorkbook(
      criteria,
      units.map(([name, , s]) =>
        unitScores(name, Object.fromEntries(ids.map((id, i) => [id, { self: s[i] }]))),
      ),
      { unitList: unitList(units.map(([name, group]) => [name, group])) },
    ),
    settingsWith(opts.settings ?? {}),
  );
}

const prevUnit = (unit: string, group = "Khối sở"): PreviousUnit => ({
  unit,
  group,
  index: 80,
  rank: 1,
  nodes: null,
  sheet: "Xếp hạng",
  cell: "B5",
});

describe("matching this year's units to last year's", () => {
  it("matches a name typed the same way exactly", () => {
    const { matches, vanished } = matchUnits(["Sở Tư pháp"], [prevUnit("Sở Tư pháp")], {});
    expect(matches[0]).toMatchObject({ kind: "exact", previous: { unit: "Sở Tư pháp" } });
    expect(vanished).toEqual([]);
  });

  it("matches a name typed in another case, without accents or with a leading dash, folded", () => {
    const { matches } = matchUnits(["Sở Tư pháp"], [prevUnit("- SO TU PHAP ")], {});
    expect(matches[0]).toMatchObject({ kind: "folded", previous: { unit: "- SO TU PHAP " } });
  });

  it("does not match two different units whose names merely share words", () => {
    const { matches, vanished } = matchUnits(["Sở Tư pháp"], [prevUnit("Sở Tài chính")], {});
    expect(matches[0]).toMatchObject({ kind: "new", previous: null });
    expect(vanished.map((v) => v.unit)).toEqual(["Sở Tài chính"]);
  });

  it("matches a renamed or merged unit through previousNames, the first listed predecessor giving the result", () => {
    const previous = [prevUnit("Xã Tân Lập"), prevUnit("Xã Phong Phú"), prevUnit("Sở Nội vụ")];
    const { matches, vanished } = matchUnits(["xã tân phong", "Sở Nội vụ"], previous, {
      "Xã Tân Phong": ["Xã Phong Phú", "xa tan lap"],
    });
    expect(matches[0].kind).toBe("mapped");
    expect(matches[0].previous?.unit).toBe("Xã Phong Phú");
    expect(matches[0].predecessors.map((p) => p.unit)).toEqual(["Xã Phong Phú", "Xã Tân Lập"]);
    expect(vanished).toEqual([]);
  });

  it("calls a unit with no match new and lists last year's unmatched units as vanished", () => {
    const { matches, vanished } = matchUnits(["Xã Mới"], [prevUnit("Huyện Cũ")], { "Xã Khác": ["Huyện Cũ"] });
    expect(matches[0].kind).toBe("new");
    expect(vanished.map((v) => v.unit)).toEqual(["Huyện Cũ"]);
  });
});

describe("changes of index and rank", () => {
  // Last year: Sở A 100 %, Sở B 60 %, Sở C 80 %; Xã X 50 %, Xã Y 90 %.
  const last = year([
    ["Sở A", "Khối sở", [2, 4, 4]],
    ["Sở B", "Khối sở", [2, 0, 4]],
    ["Sở C", "Khối sở", [2, 2, 4]],
    ["Xã X", "Khối xã", [1, 2, 2]],
    ["Xã Y", "Khối xã", [2, 4, 3]],
  ]);
  // This year: the sở group renamed; Sở B overtakes Sở A; Xã Y drops below Xã X; Xã Z is new.
  const now = year([
    ["Sở A", "Sở, ban, ngành", [2, 2, 4]],
    ["Sở B", "Sở, ban, ngành", [2, 4, 4]],
    ["Sở C", "Sở, ban, ngành", [2, 2, 3]],
    ["Xã X", "Khối xã", [2, 4, 4]],
    ["Xã Y", "Khối xã", [2, 2, 4]],
    ["Xã Z", "Khối xã", [0, 0, 0]],
  ]);
  const comparison = compareYears(now, previousYearFromAnalysis(last));
  const change = (unit: string) => comparison.units.find((u) => u.unit === unit);

  it("gives rank change as last year's rank minus this year's: positive when the unit moved up", () => {
    expect(change("Sở B")).toMatchObject({ rank: 1, previous: { rank: 3 }, rankChange: 2 });
    expect(change("Sở A")).toMatchObject({ rank: 2, previous: { rank: 1 }, rankChange: -1 });
    expect(change("Sở C")).toMatchObject({ rank: 3, previous: { rank: 2 }, rankChange: -1 });
  });

  it("gives index change in percentage points, this year minus last year", () => {
    expect(change("Sở B")?.indexChange).toBeCloseTo(40, 10);
    expect(change("Sở A")?.indexChange).toBeCloseTo(-20, 10);
    expect(change("Xã X")?.indexChange).toBeCloseTo(50, 10);
  });

  it("matches a renamed group by its units and ranks within each group separately", () => {
    expect(comparison.groups).toEqual([
      { group: "Sở, ban, ngành", previousGroup: "Khối sở" },
      { group: "Khối xã", previousGroup: "Khối xã" },
    ]);
    expect(change("Xã X")).toMatchObject({ rank: 1, previous: { rank: 2 }, rankChange: 1 });
    expect(change("Xã Y")).toMatchObject({ rank: 2, previous: { rank: 1 }, rankChange: -1 });
  });

  it("gives a new unit no previous result and no change", () => {
    expect(change("Xã Z")).toMatchObject({
      match: "new",
      previous: null,
      rankChange: null,
      indexChange: null,
    });
  });

  it("does not compare the rank of a unit that moved to a group other than its group's counterpart", () => {
    const moved = year([
      ["Sở A", "Khối sở", [2, 4, 4]],
      ["Sở B", "Khối sở", [2, 0, 4]],
      ["Sở C", "Khối xã", [2, 2, 4]],
      ["Xã X", "Khối xã", [1, 2, 2]],
      ["Xã Y", "Khối xã", [2, 4, 3]],
    ]);
    const c = compareYears(moved, previousYearFromAnalysis(last));
    const sc = c.units.find((u) => u.unit === "Sở C");
    expect(sc?.rankChange).toBeNull();
    expect(sc?.indexChange).toBe(0);
  });

  it("gives per-field index changes for fields with the same maximum in both years", () => {
    expect(change("Sở B")?.fields.map((f) => [f.code, f.change])).toEqual([
      ["I", 100 - 200 / 6],
      ["II", 0],
    ]);
  });
});

describe("criteria changed between the years", () => {
  const last = year([["Sở A", "Khối sở", [2, 4, 4]]]);
  const now = year([["Sở A", "Khối sở", [2, 4, 3]]], {
    outline: [
      {
        id: "I",
        max: 6,
        children: [
          { id: "1.1", max: 2 },
          { id: "1.2", max: 4 },
        ],
      },
      { id: "II", max: 3, children: [{ id: "2.1", max: 3 }] },
      { id: "III", max: 1, children: [{ id: "3.1", max: 1 }] },
    ],
  });

  it("lists criteria added, removed and with another maximum; descendants of an added field are not repeated", () => {
    const differences = compareCriteria(now.criteria!, last.criteria!);
    expect(differences.map((d) => [d.kind, d.code, d.maxPoints, d.previousMaxPoints])).toEqual([
      ["maxChanged", "II", 3, 4],
      ["maxChanged", "2.1", 3, 4],
      ["added", "III", 1, null],
    ]);
    expect(compareCriteria(last.criteria!, now.criteria!).map((d) => [d.kind, d.code])).toContainEqual([
      "removed",
      "III",
    ]);
  });

  it("shows field changes only for fields whose maximum is the same in both years", () => {
    const comparison = compareYears(now, previousYearFromAnalysis(last));
    expect(comparison.units[0].fields.map((f) => f.code)).toEqual(["I"]);
  });

  it("reports the differences as information issues with Vietnamese and English texts, never errors", () => {
    const analysis = withComparison(now, previousYearFromAnalysis(last));
    const info = analysis.issues.filter((i) => i.code.endsWith("_since_previous"));
    expect(info).toHaveLength(3);
    expect(info.every((i) => i.severity === "info")).toBe(true);
    const changed = info.find(
      (i) => i.code === "criterion_max_changed_since_previous" && i.criterion === "II",
    );
    expect(changed).toMatchObject({ sheet: "Bộ tiêu chí", cell: expect.stringMatching(/^A\d+$/) });
    expect(describeIssue(changed!, "vi")).toContain("đổi từ 4 (năm trước) thành 3");
    expect(describeIssue(changed!, "en")).toContain("changed from 4 (last year) to 3");
  });

  it("raises no criteria issue when the sets are the same", () => {
    const same = withComparison(last, previousYearFromAnalysis(last));
    expect(same.issues.filter((i) => i.severity === "info")).toEqual([]);
  });

  it("lists a vanished unit as information naming it", () => {
    const renamed = year([["Sở Mới", "Khối sở", [2, 4, 4]]]);
    const analysis = withComparison(renamed, previousYearFromAnalysis(last));
    const vanished = analysis.issues.find((i) => i.code === "previous_unit_vanished");
    expect(vanished).toMatchObject({ severity: "info", unit: "Sở A" });
    expect(describeIssue(vanished!, "vi")).toContain("previousNames");
    // With the map, the unit continues last year's.
    const mapped = year([["Sở Mới", "Khối sở", [2, 4, 4]]], {
      settings: { previousNames: { "Sở Mới": ["Sở A"] } },
    });
    const c = compareYears(mapped, previousYearFromAnalysis(last));
    expect(c.units[0]).toMatchObject({ match: "mapped", rankChange: 0, indexChange: 0 });
    expect(c.vanished).toEqual([]);
  });
});

describe("a workbook compared with itself", () => {
  const score = (max: number) =>
    fc.oneof(
      fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4),
      fc.constant("Không áp dụng"),
    );
  const unitArb = fc.tuple(score(2), score(4), score(4), fc.constantFrom("Khối sở", "Khối xã"));

  it("shows zero change everywhere: every rank, index and comparable field", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 8 }), (list) => {
        const analysis = year(list.map(([a, b, c, g], i) => [`Đơn vị ${i + 1}`, g, [a, b, c]]));
        const comparison = compareYears(analysis, previousYearFromAnalysis(analysis));
        expect(comparison.vanished).toEqual([]);
        expect(comparison.criteria).toEqual([]);
        expect(comparison.issues).toEqual([]);
        for (const u of comparison.units) {
          expect(u.match).toBe("exact");
          expect(u.rankChange).toBe(u.rank === null ? null : 0);
          expect(u.indexChange).toBe(u.index === null ? null : 0);
          for (const f of u.fields) expect(f.change).toBe(f.index === null ? null : 0);
        }
      }),
    );
  });
});
