import { formatBandsText, parseBandsText } from "../../src/taskpane/components/rank-panel/bands-text";

describe("bands typed as one line", () => {
  it("reads labels and thresholds separated by semicolons, highest first", () => {
    expect(parseBandsText("C ≥ 70; A ≥ 90; B ≥ 80")).toEqual([
      { label: "A", min: 90 },
      { label: "B", min: 80 },
      { label: "C", min: 70 },
    ]);
  });

  it("accepts >=, = and : as the sign, and a decimal comma (Hải Phòng: Xuất sắc ≥ 93)", () => {
    expect(parseBandsText("Xuất sắc >= 93; Tốt = 87,5; Khá: 0")).toEqual([
      { label: "Xuất sắc", min: 93 },
      { label: "Tốt", min: 87.5 },
      { label: "Khá", min: 0 },
    ]);
  });

  it("rejects an entry without a threshold", () => {
    expect(parseBandsText("A ≥ 90; B")).toBeNull();
  });

  it("rejects a threshold that is not a number", () => {
    expect(parseBandsText("A ≥ chín mươi")).toBeNull();
  });

  it("rejects an empty line", () => {
    expect(parseBandsText(" ; ")).toBeNull();
  });

  it("writes bands back with the Vietnamese decimal comma", () => {
    expect(
      formatBandsText(
        [
          { label: "A", min: 90 },
          { label: "B", min: 82.5 },
        ],
        "vi",
      ),
    ).toBe("A ≥ 90; B ≥ 82,5");
  });

  it("writes bands back with a decimal point in English", () => {
    expect(formatBandsText([{ label: "B", min: 82.5 }], "en")).toBe("B ≥ 82.5");
  });
});
