import { BoundedMemo } from "../../src/core/bounded-memo";
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

describe("BoundedMemo", () => {
  it("keeps the newest texts when full, bringing forward a text still in use", () => {
    const memo = new BoundedMemo<string, number>(2);
    memo.set("a", 1);
    memo.set("b", 2);
    memo.set("c", 3); // full: a and b become the older generation
    expect(memo.get("a")).toBe(1); // found there, brought forward (now beside c)
    memo.set("d", 4); // full again: c and a are older, b is dropped
    expect(memo.get("b")).toBeUndefined();
    expect([memo.get("a"), memo.get("c"), memo.get("d")]).toEqual([1, 3, 4]);
  });

  it("folds the same whatever number of distinct texts passed through it", () => {
    const names = Array.from({ length: 250_000 }, (_, i) => `Xã Đông Hòa ${i}`);
    for (const n of names) foldText(n);
    expect(foldText("Xã Đông Hòa 3")).toBe("xa dong hoa 3");
    expect(foldText(names[249_999])).toBe("xa dong hoa 249999");
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

describe("parseNumber on every short shape of typed number", () => {
  // The rule as written before the quick path for plain numbers: white space collapsed and
  // trimmed, inner spaces dropped, then a plain number (comma or dot) or a grouped one.
  function byTheRule(text: string): number | null {
    const s = text.replace(/[\s\u00a0]+/g, " ").trim();
    if (s === "") return null;
    const compact = s.replace(/ /g, "");
    if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) {
      const n = Number(compact.replace(",", "."));
      return Number.isFinite(n) ? n : null;
    }
    if (/^[+-]?\d{1,3}([. ]\d{3})+(,\d+)?$/.test(s)) {
      const n = Number(s.replace(/[. ]/g, "").replace(",", "."));
      return Number.isFinite(n) ? n : null;
    }
    return null;
  }

  it("reads every short text of digits, signs, separators and spaces, and long numbers, as the rule does", () => {
    const alphabet = ["0", "5", "+", "-", ",", ".", " ", "\t", "\u00a0", "e", "x"];
    let texts = [""];
    const all: string[] = [];
    for (let length = 1; length <= 4; length++) {
      texts = texts.flatMap((t) => alphabet.map((c) => t + c));
      all.push(...texts);
    }
    all.push("9".repeat(400), `0,${"1".repeat(30)}`, " 0,25 ", "  1.250,5 ", "-0", "Infinity", "1e5");
    // Longer numbers, digit by digit from a fixed sequence: 1 to 20 digits, a comma or a dot.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      const digits = Array.from({ length: 1 + next(20) }, () => String(next(10))).join("");
      const cut = next(digits.length + 1);
      const separator = [",", ".", ""][next(3)];
      all.push(`${["", "-", "+", " "][next(4)]}${digits.slice(0, cut)}${separator}${digits.slice(cut)}`);
    }
    const differing = all.filter((t) => !Object.is(parseNumber(t), byTheRule(t)));
    expect(differing).toEqual([]);
    expect(all.filter((t) => parseNumber(t) !== null).length).toBeGreaterThan(1000);
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
