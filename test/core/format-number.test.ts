import {
  compareFigures,
  formatFigure,
  formatPointsFigure,
  indexFigure,
  microFigure,
  sameDisplay,
} from "../../src/core/format-number";
import { toMicro } from "../../src/core/points";

describe("formatFigure rounds half-up from the exact value", () => {
  it.each([
    [77.345, 2, "77,35"],
    [1.005, 2, "1,01"],
    [85.125, 2, "85,13"],
    [0.125, 2, "0,13"],
    [2.675, 2, "2,68"],
    [81.33333, 2, "81,33"],
    [90, 3, "90,000"],
    [89.4449, 2, "89,44"],
    [-1.005, 2, "-1,01"],
    [-0.001, 2, "0,00"],
    [12.5, 0, "13"],
  ])("%p to %p decimals shows %p", (value, decimals, expected) => {
    expect(formatFigure(value, decimals, "vi")).toBe(expected);
  });

  it("agrees where binary toFixed does not (the values toFixed gets wrong)", () => {
    // Binary doubles hold 77.345, 1.005 and 2.675 slightly below the half-way point.
    expect((77.345).toFixed(2)).toBe("77.34");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(formatFigure(77.345, 2, "en")).toBe("77.35");
    expect(formatFigure(1.005, 2, "en")).toBe("1.01");
  });

  it("uses the decimal comma in Vietnamese and the point in English", () => {
    expect(formatFigure(75.375, 2, "vi")).toBe("75,38");
    expect(formatFigure(75.375, 2, "en")).toBe("75.38");
  });

  it("formats micro-points exactly (77,345 points typed as 77.345)", () => {
    expect(formatFigure(microFigure(toMicro(77.345)), 2, "vi")).toBe("77,35");
    expect(formatFigure(microFigure(toMicro(77.344)), 2, "vi")).toBe("77,34");
  });

  it("formats an index from the exact quotient points ÷ maximum", () => {
    // 77.345 of 100: the double (7734500000 / 100000000 × 100) sits below the half-way point.
    const result = {
      points: toMicro(77.345),
      maxPoints: toMicro(100),
      index: (toMicro(77.345) * 100) / toMicro(100),
    };
    expect(indexFigure(result)).toEqual({ numerator: 7_734_500_000n, denominator: 100_000_000n });
    expect(formatFigure(indexFigure(result)!, 2, "vi")).toBe("77,35");
    // 68,32 of 84 = 81,3333…
    const published = {
      points: toMicro(68.32),
      maxPoints: toMicro(84),
      index: (toMicro(68.32) * 100) / toMicro(84),
    };
    expect(formatFigure(indexFigure(published)!, 2, "vi")).toBe("81,33");
  });

  it("keeps the stored double when the index is not the plain ratio (weighted)", () => {
    expect(indexFigure({ points: 1, maxPoints: 2, index: 85.125 })).toBe(85.125);
    expect(indexFigure({ points: 0, maxPoints: 0, index: null })).toBeNull();
  });
});

describe("sameDisplay and compareFigures", () => {
  it("tells a display tie (90,024 and 90,016 both 90,02) from different figures", () => {
    expect(sameDisplay(90.024, 90.016, 2)).toBe(true);
    expect(sameDisplay(90.024, 90.016, 3)).toBe(false);
    expect(compareFigures(90.024, 90.016)).toBe(1);
    expect(compareFigures(microFigure(5), microFigure(5))).toBe(0);
  });
});

describe("formatPointsFigure", () => {
  it("shows points as typed, without trailing zeros", () => {
    expect(formatPointsFigure(microFigure(toMicro(0.75)), "vi")).toBe("0,75");
    expect(formatPointsFigure(microFigure(toMicro(10)), "vi")).toBe("10");
    expect(formatPointsFigure(microFigure(toMicro(68.32)), "en")).toBe("68.32");
  });
});
