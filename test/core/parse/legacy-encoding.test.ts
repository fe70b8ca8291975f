import type { Issue } from "../../../src/core/issues";
import { checkLegacy, textCells } from "../../../src/core/parse/check-legacy-text";
import { detectLegacyEncoding } from "../../../src/core/parse/legacy-encoding";
import { sheet } from "./sheet-helpers";

describe("detectLegacyEncoding: TCVN3 / VNI text read as Unicode", () => {
  it("spots TCVN3 (.VnTime) text", () => {
    expect(detectLegacyEncoding("Së T\u00ad ph¸p")).toBe("TCVN3");
    expect(detectLegacyEncoding("§¬n vÞ: Së Tµi chÝnh")).toBe("TCVN3");
  });
  it("spots VNI text", () => {
    expect(detectLegacyEncoding("Sôû Tö phaùp")).toBe("VNI");
  });
  it("leaves Unicode Vietnamese and plain ASCII alone", () => {
    expect(detectLegacyEncoding("Sở Tư pháp")).toBeNull();
    expect(detectLegacyEncoding("Văn phòng UBND tỉnh")).toBeNull();
    expect(detectLegacyEncoding("UBND tinh Thanh Hoa")).toBeNull();
    expect(detectLegacyEncoding("Café")).toBeNull();
  });
});

describe("checkLegacy on sheets laid out alike, one after another", () => {
  // Values found plain are remembered by their place: a legacy text in that place must still be found.
  const titles = ["Sở Tư pháp", "Tiêu chí 1.1", "Tiêu chí 1.2", "Café"];
  const grid = (name: string, title: string[]) =>
    sheet(name, [["BẢNG TỰ CHẤM"], ["STT", "Nội dung"], ...title.map((t, i) => [`1.${i}`, t])]);
  const check = (s: ReturnType<typeof grid>) => {
    const issues: Issue[] = [];
    checkLegacy(s, textCells(s, null, 1), issues);
    return issues.map((i) => `${i.sheet}!${i.cell} ${i.data.input}`);
  };

  it("finds the legacy text of the second sheet in a place the first held plain text, and none on the third", () => {
    expect(check(grid("A", titles))).toEqual([]);
    expect(
      check(
        grid(
          "B",
          titles.map((t, i) => (i === 2 ? "Së T\u00ad ph¸p" : t)),
        ),
      ),
    ).toEqual(["B!B5 Së T\u00ad ph¸p"]);
    expect(check(grid("C", titles))).toEqual([]);
    expect(check(grid("D", ["§¬n vÞ", ...titles.slice(1)]))).toEqual(["D!B3 §¬n vÞ"]);
  });
});
