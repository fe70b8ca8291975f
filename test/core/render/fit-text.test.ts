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

  describe("widths by the characters' base letters, whatever the text's Unicode form", () => {
    // 10 points at 96 dpi with 2 % to spare: pixels per em.
    const PX_PER_EM = 10 * (96 / 72) * 1.02;
    // Ems by hand: capitals 0.7 (M 0.92), a/e/c 0.45, i/l/t 0.28, r 0.34, s 0.39, other
    // lower-case letters and digits 0.5, spaces and commas 0.25; the marks add nothing and Đ is D.
    // One number per character (spaces included), in order.
    const cases: [string, number[]][] = [
      ["Sở Nội vụ", [0.7, 0.5, 0.25, 0.7, 0.5, 0.28, 0.25, 0.5, 0.5]],
      [
        "Ủy ban nhân dân huyện Đắk Mil",
        [
          0.7, 0.5, 0.25, 0.5, 0.45, 0.5, 0.25, 0.5, 0.5, 0.45, 0.5, 0.25, 0.5, 0.45, 0.5, 0.25, 0.5, 0.5,
          0.5, 0.45, 0.5, 0.25, 0.7, 0.45, 0.5, 0.25, 0.92, 0.28, 0.28,
        ],
      ],
      [
        "Phường 12, Quận 3",
        [0.7, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.5, 0.5, 0.25, 0.25, 0.7, 0.5, 0.45, 0.5, 0.25, 0.5],
      ],
      ["đường tỉnh lộ", [0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.28, 0.28, 0.5, 0.5, 0.25, 0.28, 0.5]],
    ];

    it.each(cases)("measures %s from its letters, precomposed or decomposed alike", (name, perChar) => {
      expect(perChar).toHaveLength([...name.normalize("NFC")].length);
      const ems = perChar.reduce((sum, w) => sum + w, 0);
      const nfc = name.normalize("NFC");
      const nfd = name.normalize("NFD");
      expect(nfd).not.toBe(nfc);
      expect(textPixels(nfc, 10)).toBeCloseTo(ems * PX_PER_EM, 9);
      expect(textPixels(nfd, 10)).toBe(textPixels(nfc, 10));
      // Measured again (now from what was remembered), and in bold: the same answers.
      expect(textPixels(nfd, 10)).toBe(textPixels(nfc, 10));
      expect(textPixels(nfc, 10, true)).toBeCloseTo(ems * PX_PER_EM * 1.07, 9);
      expect(textPixels(nfd, 10, true)).toBe(textPixels(nfc, 10, true));
    });

    it("wraps a decomposed name as its precomposed form", () => {
      const name = "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp";
      for (const width of [12, 20, 25, 60]) {
        expect(wrappedLines(name.normalize("NFD"), columnPixels(width), 10)).toBe(
          wrappedLines(name.normalize("NFC"), columnPixels(width), 10),
        );
      }
    });

    it("tells a wide letter from a narrow one with the same marks", () => {
      // Ấ is A (0.7), ấ is a (0.45): a memo keyed wrongly would give one the other's width.
      expect(textPixels("Ấ", 10)).toBeCloseTo(0.7 * PX_PER_EM, 9);
      expect(textPixels("ấ", 10)).toBeCloseTo(0.45 * PX_PER_EM, 9);
      expect(textPixels("Ấ".normalize("NFD"), 10)).toBeCloseTo(0.7 * PX_PER_EM, 9);
    });
  });
});
