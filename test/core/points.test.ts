import fc from "fast-check";
import { compareRatios, fromMicro, indexPercent, sumMicro, toMicro } from "../../src/core/points";

describe("micro-points", () => {
  it("holds quarter and thousandth points exactly", () => {
    expect(toMicro(0.25)).toBe(250000);
    expect(toMicro(68.32)).toBe(68320000);
    expect(fromMicro(toMicro(0.125))).toBe(0.125);
  });

  it("sums in any order to the same total (floating point would not)", () => {
    const scores = [0.1, 0.2, 0.3, 0.7, 1.45, 2.35];
    const forward = sumMicro(scores.map(toMicro));
    const backward = sumMicro([...scores].reverse().map(toMicro));
    expect(forward).toBe(backward);
    expect(fromMicro(forward)).toBe(5.1);
  });

  it("refuses non-finite points (a bug upstream)", () => {
    expect(() => toMicro(Number.NaN)).toThrow(RangeError);
  });

  it("is order-independent for any list of scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20000 }).map((n) => n / 1000)), (scores) => {
        const a = sumMicro(scores.map(toMicro));
        const b = sumMicro([...scores].reverse().map(toMicro));
        expect(a).toBe(b);
      }),
    );
  });
});

describe("indexPercent", () => {
  it("reproduces Thanh Hóa 2023, Ban Dân tộc: 68,32 of 84 is 81,33 %", () => {
    const index = indexPercent(toMicro(68.32), toMicro(84));
    expect(index).not.toBeNull();
    expect((index as number).toFixed(2)).toBe("81.33");
  });

  it("gives the identical double for equal ratios", () => {
    expect(indexPercent(toMicro(45), toMicro(50))).toBe(indexPercent(toMicro(90), toMicro(100)));
  });

  it("has no index when nothing applies", () => {
    expect(indexPercent(0, 0)).toBeNull();
  });
});

describe("compareRatios", () => {
  it("orders ratios exactly, even beyond double precision", () => {
    expect(compareRatios(1, 3, 2, 6)).toBe(0);
    expect(compareRatios(90024900, 100000000, 90015100, 100000000)).toBe(1);
    expect(compareRatios(1, 3, 333333, 1000000)).toBe(1);
  });
});
