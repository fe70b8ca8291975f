import { formatRankingTable } from "../../src/cli/format-ranking-table";
import type { GroupRanking, UnitResult } from "../../src/core/model";
import { toMicro } from "../../src/core/points";
import { indexChangeText } from "../../src/core/compare/movement-text";

/** A unit of `points` out of 100 (index = points), as the engine holds it: exact micro-points. */
const unit = (name: string, points: number, rank: number) => {
  const result = {
    unit: name,
    sheet: name,
    group: "Khối sở",
    points: toMicro(points),
    maxPoints: toMicro(100),
    index: (toMicro(points) * 100) / toMicro(100),
    errorCount: 0,
  } as unknown as UnitResult;
  return { unit: name, rank, band: "A", result };
};

const group = (units: ReturnType<typeof unit>[]): GroupRanking => ({ group: "Khối sở", average: 90, units });

describe("the CLI ranking table and ties", () => {
  it("shows the decimals that separate a display tie of different ranks, for those units only, and why", () => {
    const lines = formatRankingTable(
      [group([unit("Sở Nội vụ", 90.024, 1), unit("Văn phòng UBND tỉnh", 90.016, 2), unit("Sở Y tế", 85, 3)])],
      2,
      "vi",
    );
    expect(lines[3]).toMatch(/Sở Nội vụ\s+90,024\s+1/);
    expect(lines[4]).toMatch(/Văn phòng UBND tỉnh\s+90,016\s+2/);
    expect(lines[5]).toMatch(/Sở Y tế\s+85,00\s+3/);
    expect(lines).toContain("  Sở Nội vụ: xếp trên do chỉ số 90,024 > 90,016");
    expect(lines).toContain("  Văn phòng UBND tỉnh: xếp dưới do chỉ số 90,016 < 90,024");
  });

  it("says so in English with the decimal point", () => {
    const lines = formatRankingTable(
      [group([unit("Sở Nội vụ", 90.024, 1), unit("Văn phòng UBND tỉnh", 90.016, 2)])],
      2,
      "en",
    );
    expect(lines[3]).toMatch(/90\.024/);
    expect(lines).toContain("  Sở Nội vụ: ranked above: index 90.024 > 90.016");
  });

  it("marks an exact tie as shared ('đồng hạng'), at the plain decimals", () => {
    const lines = formatRankingTable([group([unit("Sở A", 88.5, 1), unit("Sở B", 88.5, 1)])], 2, "vi");
    expect(lines[3]).toMatch(/Sở A\s+88,50\s+1/);
    expect(lines).toContain("  Sở A: đồng hạng");
    expect(lines).toContain("  Sở B: đồng hạng");
  });

  it("rounds half-up from the exact value: 77,345 shows as 77,35", () => {
    const lines = formatRankingTable([group([unit("Sở A", 77.345, 1)])], 2, "vi");
    expect(lines[3]).toMatch(/Sở A\s+77,35\s+1/);
  });
});

describe("every English figure of the command line uses the decimal point", () => {
  it("writes index changes with the language's notation, half-up from the exact value", () => {
    expect(indexChangeText(1.245, 2, "vi")).toBe("+1,25");
    expect(indexChangeText(1.245, 2, "en")).toBe("+1.25");
    expect(indexChangeText(-0.5, 2, "en")).toBe("−0.50");
    expect(indexChangeText(0.004, 2, "en")).toBe("0.00");
  });
});
