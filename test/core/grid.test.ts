import { cellAt, columnIndex, columnLetters, fromA1, isBlank, isCellError, toA1 } from "../../src/core/grid";

describe("A1 addresses", () => {
  it.each([
    [0, 0, "A1"],
    [9, 25, "Z10"],
    [0, 26, "AA1"],
    [99, 27, "AB100"],
    [0, 701, "ZZ1"],
    [0, 702, "AAA1"],
  ])("row %i, column %i is %s and back", (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
    expect(fromA1(a1)).toEqual({ row, col });
  });

  it("reads absolute references", () => {
    expect(fromA1("$C$7")).toEqual({ row: 6, col: 2 });
  });

  it("throws on addresses that are not A1 (a bug, not a workbook problem)", () => {
    expect(() => fromA1("R1C1")).toThrow(RangeError);
    expect(() => toA1(-1, 0)).toThrow(RangeError);
    expect(() => columnIndex("1")).toThrow(RangeError);
  });

  it("letters and indices are inverse", () => {
    for (let c = 0; c < 2000; c += 37) expect(columnIndex(columnLetters(c))).toBe(c);
  });

  it("spells columns beyond XFD (wider grids than Excel's), a far column asked for first", () => {
    expect(columnLetters(30_002)).toBe("ARIY");
    expect(columnLetters(18_278)).toBe("AAAA");
    expect(columnLetters(18_277)).toBe("ZZZ");
    expect(columnLetters(16_383)).toBe("XFD");
    expect(columnLetters(27)).toBe("AB");
    expect(columnLetters(5_000_000)).toBe("JXLKS");
    for (let c = 0; c < 18_278; c += 97) expect(columnIndex(columnLetters(c))).toBe(c);
  });
});

describe("cells", () => {
  const grid = [["a", 1], [null]];

  it("gives null outside the grid and for ragged rows", () => {
    expect(cellAt(grid, 0, 1)).toBe(1);
    expect(cellAt(grid, 1, 1)).toBeNull();
    expect(cellAt(grid, 5, 0)).toBeNull();
  });

  it("treats whitespace-only text as blank but not zero", () => {
    expect(isBlank("  ")).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });

  it("recognises error values", () => {
    expect(isCellError({ error: "#REF!" })).toBe(true);
    expect(isCellError("#REF!")).toBe(false);
  });
});
