import { createSheetNamer, isValidSheetName, sanitizeSheetName } from "../../../src/core/render/sheet-names";

describe("sanitizeSheetName: Excel's rules for sheet names", () => {
  it("replaces the forbidden characters * ? : \\ / [ ]", () => {
    expect(sanitizeSheetName("Khối: xã/phường [2]?*\\")).toBe("Khối- xã-phường -2----");
  });

  it("cuts a long name to 31 characters", () => {
    const name = sanitizeSheetName("Xếp hạng - Khối các cơ quan chuyên môn thuộc UBND tỉnh");
    expect(name).toBe("Xếp hạng - Khối các cơ quan chu");
    expect(name.length).toBe(31);
  });

  it("never returns an empty name or one with an apostrophe at either end", () => {
    expect(sanitizeSheetName("   ")).toBe("Sheet");
    expect(sanitizeSheetName("'Khối A'")).toBe("Khối A");
  });

  it("keeps a valid name as it is (in NFC)", () => {
    expect(sanitizeSheetName("Xếp hạng - Cấp xã".normalize("NFD"))).toBe("Xếp hạng - Cấp xã");
  });
});

describe("createSheetNamer", () => {
  it("takes a free name as it is, replacing nothing", () => {
    expect(createSheetNamer(["Bộ tiêu chí"], [])("Xếp hạng - Cấp xã")).toEqual({
      name: "Xếp hạng - Cấp xã",
      replaces: false,
    });
  });

  it("never takes a person's sheet, even with another case: appends (2)", () => {
    const name = createSheetNamer(["XẾP HẠNG - CẤP XÃ"], [])("Xếp hạng - Cấp xã");
    expect(name).toEqual({ name: "Xếp hạng - Cấp xã (2)", replaces: false });
  });

  it("replaces a sheet PAR Scorer wrote earlier", () => {
    expect(createSheetNamer(["Xếp hạng - Cấp xã"], ["Xếp hạng - Cấp xã"])("Xếp hạng - Cấp xã")).toEqual({
      name: "Xếp hạng - Cấp xã",
      replaces: true,
    });
  });

  it("keeps names unique without regard to case, and within 31 characters with the suffix", () => {
    const next = createSheetNamer([], []);
    const long = "Xếp hạng - Khối các cơ quan chuyên môn";
    const a = next(long).name;
    const b = next(long.toUpperCase()).name;
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    expect(b).toMatch(/ \(2\)$/);
    expect(isValidSheetName(a) && isValidSheetName(b)).toBe(true);
  });

  it("skips Excel's reserved name History", () => {
    expect(createSheetNamer([], [])("History").name).toBe("History (2)");
  });
});
