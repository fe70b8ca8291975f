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

  it("agrees with the exact products for every pair, equal and nearly equal ratios included", () => {
    const exact = (a: number, b: number, c: number, d: number): number => {
      const left = BigInt(a) * BigInt(d);
      const right = BigInt(c) * BigInt(b);
      return left < right ? -1 : left > right ? 1 : 0;
    };
    // Maxima up to 1,000 points in micro-points; ratios scaled (equal), one micro-point apart, or free.
    const micro = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    const positive = fc.integer({ min: 1, max: 1_000_000_000 });
    const pair = fc.oneof(
      fc.tuple(micro, positive, micro, positive),
      fc
        .tuple(micro, positive, fc.integer({ min: 1, max: 1000 }))
        .map(([a, b, k]) => [a, b, a * k, b * k] as [number, number, number, number]),
      fc
        .tuple(micro, positive, fc.integer({ min: 2, max: 1000 }), fc.constantFrom(-1, 1))
        .map(([a, b, k, step]) => [a, b, a * k + step, b * k] as [number, number, number, number]),
    );
    fc.assert(
      fc.property(pair, ([a, b, c, d]) => {
        expect(Math.sign(compareRatios(a, b, c, d))).toBe(exact(a, b, c, d));
        expect(Math.sign(compareRatios(c, d, a, b))).toBe(exact(c, d, a, b));
      }),
      { numRuns: 5000 },
    );
    // Two different ratios whose quotients are the same double (768.9809571777739): the products decide.
    const [a, b, c, d] = [262_405_420_053, 341_237_865, 5_822_668_787_330_256, 7_571_928_450_218];
    expect(a / b).toBe(c / d);
    expect(compareRatios(a, b, c, d)).toBe(-1);
    expect(compareRatios(c, d, a, b)).toBe(1);
  });
});
