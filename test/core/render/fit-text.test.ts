import { columnPixels, rowPoints, textPixels, wrappedLines } from "../../../src/core/render/fit-text";

describe("fitting rows to wrapped text (Times New Roman metrics)", () => {
  it("gives one line to a name that prints on one line with room to spare, two when it would not", () => {
    // Liberation Serif 10 pt prints "Sở Văn hóa, Thể thao và Du lịch" 175.2 px wide: in a 187-px
    // column it has one line (the estimate used to give it two, and a 30-unit table its page).
    const name = "Sở Văn hóa, Thể thao và Du lịch";
    expect(columnPixels(26)).toBe(187);
    expect(wrappedLines(name, columnPixels(26), 10)).toBe(1);
    expect(wrappedLines(name, columnPixels(24), 10)).toBe(2);
    expect(textPixels(name, 10)).toBeGreaterThan(175.2);
    expect(textPixels(name, 10)).toBeLessThan(175.2 * 1.05);
  });

  it("wraps a name that does not fit, word by word", () => {
    const name = "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp";
    expect(wrappedLines(name, columnPixels(25), 10)).toBe(2);
    expect(wrappedLines(name, columnPixels(12), 10)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines(name, columnPixels(60), 10)).toBe(1);
  });

  it("errs wide on bold headers, whose printed width it exceeds (Điểm tối đa áp dụng: 115.7 px)", () => {
    expect(textPixels("Điểm tối đa áp dụng", 10, true)).toBeGreaterThan(115.7);
    expect(textPixels("Điểm tối đa áp dụng", 10, true)).toBeLessThan(115.7 * 1.05);
  });

  it("sets 10-point lines 12.75 points apart, 12 when tight", () => {
    expect(rowPoints(1, 10)).toBe(12.75);
    expect(rowPoints(2, 10)).toBe(24.25);
    expect(rowPoints(1, 10, true)).toBe(12);
    expect(rowPoints(2, 10, true)).toBe(23.5);
  });
});
