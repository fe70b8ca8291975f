/** The command line's English counts take the singular for one ("1 warning"), Vietnamese never changes. */
import { TEXTS } from "../../src/cli/cli-texts";

describe("summary line", () => {
  it("English: singular for exactly one, plural otherwise (zero included)", () => {
    expect(TEXTS.en.summary({ errors: 1, warnings: 1, units: 1, leaves: 1 })).toBe(
      "Total: 1 error, 1 warning — 1 unit, 1 scored criterion.",
    );
    expect(TEXTS.en.summary({ errors: 0, warnings: 2, units: 12, leaves: 148 })).toBe(
      "Total: 0 errors, 2 warnings — 12 units, 148 scored criteria.",
    );
  });

  it("Vietnamese: the same words whatever the count", () => {
    expect(TEXTS.vi.summary({ errors: 1, warnings: 2, units: 1, leaves: 148 })).toBe(
      "Tổng cộng: 1 lỗi, 2 cảnh báo — 1 đơn vị, 148 tiêu chí chấm điểm.",
    );
  });
});
