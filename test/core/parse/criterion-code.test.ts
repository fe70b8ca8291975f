import { leadingCode, parseCode, romanValue } from "../../../src/core/parse/criterion-code";

describe("parseCode: criterion codes as typed", () => {
  it.each([
    ["I", "roman", "I"],
    ["VIII", "roman", "VIII"],
    ["1", "arabic", "1"],
    ["1.", "arabic", "1"],
    ["1.1", "arabic", "1.1"],
    ["1.1.", "arabic", "1.1"],
    [" 1,1", "arabic", "1.1"],
    ["2,3,1", "arabic", "2.3.1"],
    ["1 . 2", "arabic", "1.2"],
    ["Tiêu chí 3", "arabic", "3"],
    ["TC 2.1", "arabic", "2.1"],
    ["1.10", "arabic", "1.10"],
  ])("%p reads as a %s code %p", (typed, kind, text) => {
    const code = parseCode(typed);
    expect(code?.kind).toBe(kind);
    expect(code?.text).toBe(text);
  });

  it("reads numbers stored as numbers, marking decimals as possibly shortened (1.10 → 1.1)", () => {
    expect(parseCode(3)).toEqual({ kind: "arabic", segments: [3], text: "3", fromNumber: false });
    expect(parseCode(1.1)).toEqual({ kind: "arabic", segments: [1, 1], text: "1.1", fromNumber: true });
  });

  it.each([
    ["-"],
    ["+"],
    ["*"],
    ["a)"],
    ["b."],
    ["Ghi chú"],
    [""],
    [null],
    [0],
    [-1],
    [{ error: "#REF!" }],
    ["IIII"],
    ["i"],
  ])("%p is not a code", (typed) => {
    expect(parseCode(typed)).toBeNull();
  });
});

describe("romanValue: canonical Roman numerals only", () => {
  it("reads I to L", () => {
    expect(romanValue("IV")).toBe(4);
    expect(romanValue("XIX")).toBe(19);
  });
  it("rejects non-canonical forms", () => {
    expect(romanValue("IIII")).toBeNull();
    expect(romanValue("VX")).toBeNull();
  });
});

describe("leadingCode: a code at the start of a title", () => {
  it("reads '1.1. Ban hành kế hoạch' and 'II. CẢI CÁCH'", () => {
    expect(leadingCode("1.1. Ban hành kế hoạch")?.text).toBe("1.1");
    expect(leadingCode("II. CẢI CÁCH THỂ CHẾ")?.text).toBe("II");
    expect(leadingCode("Tiêu chí 3: Công khai")?.text).toBe("3");
  });
  it("reads nothing from a title without one", () => {
    expect(leadingCode("Ban hành kế hoạch")).toBeNull();
    expect(leadingCode("- Ban hành đúng hạn: 1 điểm")).toBeNull();
  });
});
