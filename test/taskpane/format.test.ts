import { formatIndex, formatPlainPoints, formatPoints } from "../../src/taskpane/format";
import { indexFigure } from "../../src/core/format-number";
import { toMicro } from "../../src/core/points";

describe("the task pane's figures come from the core's exact formatter", () => {
  it("rounds half-up from the exact value at the points binary floats get wrong", () => {
    expect(formatIndex(77.345, 2, "vi")).toBe("77,35 %");
    expect(formatIndex(1.005, 2, "vi")).toBe("1,01 %");
    expect(formatIndex(85.125, 2, "en")).toBe("85.13 %");
    const exact = {
      points: toMicro(77.345),
      maxPoints: toMicro(100),
      index: (toMicro(77.345) * 100) / toMicro(100),
    };
    expect(formatIndex(indexFigure(exact), 2, "vi")).toBe("77,35 %");
    expect(formatIndex(null, 2, "vi")).toBe("–");
  });

  it("shows points as typed, with the language's decimal mark", () => {
    expect(formatPoints(toMicro(0.75), "vi")).toBe("0,75");
    expect(formatPoints(toMicro(10), "en")).toBe("10");
    expect(formatPlainPoints(68.32, "en")).toBe("68.32");
  });
});
