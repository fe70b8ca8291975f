import { cellText, foldText, formatDecimalVi, parseNumber } from "../../src/core/text";

describe("foldText", () => {
  it("matches NFC and NFD spellings alike", () => {
    const nfc = "Điểm tự đánh giá".normalize("NFC");
    const nfd = "Điểm tự đánh giá".normalize("NFD");
    expect(nfc).not.toBe(nfd);
    expect(foldText(nfc)).toBe(foldText(nfd));
  });

  it("ignores case, accents, đ and runs of white space", () => {
    expect(foldText("  ĐIỂM   Tối\u00a0đa ")).toBe("diem toi da");
  });

  it("keeps different words different", () => {
    expect(foldText("Điểm thẩm định")).not.toBe(foldText("Điểm tự đánh giá"));
  });
});

describe("parseNumber", () => {
  it.each([
    [1.5, 1.5],
    ["1,5", 1.5],
    ["1.5", 1.5],
    [" 1,5 ", 1.5],
    ["0,75", 0.75],
    [",5", 0.5],
    ["-2", -2],
    ["1.250,5", 1250.5],
    ["10", 10],
  ])("reads %p as %p", (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([
    [null],
    [""],
    ["   "],
    ["đạt"],
    ["1,5 điểm"],
    ["1e309"],
    ["NaN"],
    [true],
    [{ error: "#REF!" }],
    [Infinity],
  ])("refuses %p", (input) => {
    expect(parseNumber(input as never)).toBeNull();
  });
});

describe("cellText", () => {
  it("trims, collapses spaces and puts text in NFC", () => {
    expect(cellText("  Sở   Tư pháp ".normalize("NFD"))).toBe("Sở Tư pháp".normalize("NFC"));
  });

  it("shows error values by their text", () => {
    expect(cellText({ error: "#VALUE!" })).toBe("#VALUE!");
  });
});

describe("formatDecimalVi", () => {
  it("writes the decimal comma with fixed decimals", () => {
    expect(formatDecimalVi(81.33333, 2)).toBe("81,33");
    expect(formatDecimalVi(90, 3)).toBe("90,000");
  });
});
