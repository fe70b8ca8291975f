import { averageIndex, bandOf, bandsOfGroup, rankUnits } from "../../../src/core/rank/rank-units";
import type { GroupRanking } from "../../../src/core/model";
import { settingsWith } from "../evaluate/helpers";
import { unitResult } from "./helpers";

const table = (g: GroupRanking) => g.units.map((u) => [u.unit, u.rank, u.band]);

describe("rankUnits", () => {
  it("ranks each group separately, highest index first, groups in order of first appearance", () => {
    const groups = rankUnits(
      [
        unitResult("Xã A", "Cấp xã", 70),
        unitResult("Sở B", "Sở, ban, ngành", 85),
        unitResult("Xã C", "Cấp xã", 95),
        unitResult("Sở D", "Sở, ban, ngành", 91),
      ],
      settingsWith(),
    );
    expect(groups.map((g) => g.group)).toEqual(["Cấp xã", "Sở, ban, ngành"]);
    expect(table(groups[0])).toEqual([
      ["Xã C", 1, "A"],
      ["Xã A", 2, "C"],
    ]);
    expect(table(groups[1])).toEqual([
      ["Sở D", 1, "A"],
      ["Sở B", 2, "B"],
    ]);
  });

  it("exact ties share a rank and the next rank is skipped (1, 2, 2, 4)", () => {
    const [g] = rankUnits(
      [
        unitResult("D", "K", 70),
        unitResult("C", "K", 80),
        unitResult("B", "K", 80),
        unitResult("A", "K", 90),
      ],
      settingsWith(),
    );
    expect(g.units.map((u) => [u.unit, u.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });

  it("equal ratios tie exactly whatever their terms (68,32 / 84 = 81,33… = 34,16 / 42)", () => {
    const [g] = rankUnits([unitResult("X", "K", 68.32, 84), unitResult("Y", "K", 34.16, 42)], settingsWith());
    expect(g.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it("ranks on the unrounded index: 90,0249 % before 90,0151 %, both shown as 90,02 %", () => {
    const [g] = rankUnits(
      [unitResult("Văn phòng UBND tỉnh", "K", 90.0151), unitResult("Sở Nội vụ", "K", 90.0249)],
      settingsWith(),
    );
    expect(g.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Sở Nội vụ", 1],
      ["Văn phòng UBND tỉnh", 2],
    ]);
  });

  it("tieBreak “points”: higher points first on an equal index, equal points still share", () => {
    const units = [
      unitResult("A", "K", 40, 50),
      unitResult("B", "K", 80, 100),
      unitResult("C", "K", 80, 100),
    ];
    const [g] = rankUnits(units, settingsWith({ tieBreak: "points" }));
    expect(g.units.map((u) => [u.unit, u.rank])).toEqual([
      ["B", 1],
      ["C", 1],
      ["A", 3],
    ]);
  });

  it("tieBreak “name”: ties broken in Vietnamese alphabetical order (Đ after D)", () => {
    const units = [
      unitResult("Sở Y tế", "K", 80),
      unitResult("Đài PT-TH", "K", 80),
      unitResult("Ban Dân tộc", "K", 80),
    ];
    const [g] = rankUnits(units, settingsWith({ tieBreak: "name" }));
    expect(g.units.map((u) => [u.unit, u.rank])).toEqual([
      ["Ban Dân tộc", 1],
      ["Đài PT-TH", 2],
      ["Sở Y tế", 3],
    ]);
  });

  it("puts units without an index last, unranked (rank = ranked count + 1) and without a band", () => {
    const [g] = rankUnits(
      [unitResult("Z", "K", 0, 0), unitResult("A", "K", 50), unitResult("B", "K", 60)],
      settingsWith(),
    );
    expect(table(g)).toEqual([
      ["B", 1, "D"],
      ["A", 2, "D"],
      ["Z", 3, null],
    ]);
  });

  it("group average = unweighted mean of the indices of the units that have one", () => {
    const [g] = rankUnits(
      [unitResult("A", "K", 90, 100), unitResult("B", "K", 40, 50), unitResult("C", "K", 0, 0)],
      settingsWith(),
    );
    expect(g.average).toBe((90 + 80) / 2);
  });

  it("uses the group's own bands when settings.bandsByGroup has them", () => {
    const settings = settingsWith({
      bandsByGroup: {
        "Cấp huyện": [
          { label: "Tốt", min: 80 },
          { label: "Khá", min: 70 },
          { label: "Trung bình", min: 0 },
        ],
      },
    });
    const groups = rankUnits(
      [unitResult("Huyện A", "Cấp huyện", 85), unitResult("Sở B", "Sở", 85)],
      settings,
    );
    expect(groups.map((g) => g.units[0].band)).toEqual(["Tốt", "B"]);
  });
});

describe("bandsOfGroup", () => {
  const settings = settingsWith({
    bandsByGroup: {
      "Khối Sở": [
        { label: "Xuất sắc", min: 93 },
        { label: "Tốt", min: 0 },
      ],
    },
  });

  it("finds a group's bands by its name without regard to case or accents", () => {
    expect(bandsOfGroup(settings, "khoi so").map((b) => b.label)).toEqual(["Xuất sắc", "Tốt"]);
  });

  it("falls back to the default bands for a group without its own", () => {
    expect(bandsOfGroup(settings, "Khối xã").map((b) => b.label)).toEqual(["A", "B", "C", "D"]);
  });
});

describe("bandOf", () => {
  const bands = [
    { label: "A", min: 90 },
    { label: "B", min: 80 },
    { label: "C", min: 70 },
  ];

  it("gives the first band whose minimum the index reaches (the minimum is inclusive)", () => {
    expect(bandOf(90, bands)).toBe("A");
    expect(bandOf(89.999, bands)).toBe("B");
  });

  it("gives the last band to an index below every minimum", () => {
    expect(bandOf(12, bands)).toBe("C");
  });
});

describe("averageIndex", () => {
  it("is null when no unit has an index", () => {
    expect(averageIndex([unitResult("A", "K", 0, 0)])).toBeNull();
  });
});
