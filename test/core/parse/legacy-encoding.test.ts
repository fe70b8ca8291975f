import { detectLegacyEncoding } from "../../../src/core/parse/legacy-encoding";

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
