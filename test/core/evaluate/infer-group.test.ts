import { findGroup, inferGroupFromName } from "../../../src/core/evaluate/infer-group";
import { settingsWith, unitList } from "./helpers";

describe("inferGroupFromName: a unit's group from its name", () => {
  it.each([
    ["Sở Tư pháp", "Sở, ban, ngành"],
    ["Ban Dân tộc", "Sở, ban, ngành"],
    ["Thanh tra tỉnh", "Sở, ban, ngành"],
    ["Văn phòng UBND tỉnh", "Sở, ban, ngành"],
    ["Đài Phát thanh và Truyền hình", "Sở, ban, ngành"],
    ["Ban quản lý Khu kinh tế", "Sở, ban, ngành"],
    ["Trường Cao đẳng Y tế", "Sở, ban, ngành"],
    ["Huyện Quảng Xương", "Cấp huyện"],
    ["UBND huyện Nga Sơn", "Cấp huyện"],
    ["Quận Ba Đình", "Cấp huyện"],
    ["Thị xã Nghi Sơn", "Cấp huyện"],
    ["Thành phố Sầm Sơn", "Cấp huyện"],
    ["Xã Tân Lập", "Cấp xã"],
    ["Phường Ba Đình", "Cấp xã"],
    ["Thị trấn Bút Sơn", "Cấp xã"],
    ["Đặc khu Phú Quốc", "Cấp xã"],
    ["SỞ NỘI VỤ", "Sở, ban, ngành"],
  ])("%s → %s", (name, group) => {
    expect(inferGroupFromName(name)).toBe(group);
  });

  it("falls back to “Khác” for a name it cannot place", () => {
    expect(inferGroupFromName("Hội Nông dân tỉnh")).toBe("Khác");
    expect(inferGroupFromName("Xãhội")).toBe("Khác");
  });
});

describe("findGroup: list, then settings, then the name", () => {
  it("takes the units list entry, matching names without regard to case or accents", () => {
    const list = unitList([["Sở Tư pháp", "Khối A"]]);
    expect(findGroup("SO TU PHAP", list, settingsWith()).group).toBe("Khối A");
  });

  it("matches a listed name typed after a dash or bullet ('-Sở Tài chính') with the unit's sheet name", () => {
    const list = unitList([
      ["-Sở Tài chính", "Khối A"],
      ["• Sở Y tế", "Khối B"],
    ]);
    expect(findGroup("Sở Tài chính", list, settingsWith()).group).toBe("Khối A");
    expect(findGroup("- Sở Y tế", list, settingsWith()).group).toBe("Khối B");
    expect(findGroup("Sở Tài chính tỉnh", list, settingsWith()).source).toBe("inferred");
  });

  it("takes settings.unitGroups when the unit is not listed", () => {
    const settings = settingsWith({ unitGroups: { "Văn phòng UBND tỉnh": "Khối tổng hợp" } });
    const found = findGroup("Văn phòng UBND tỉnh", [], settings);
    expect(found).toEqual({ group: "Khối tổng hợp", source: "settings", entry: null });
  });

  it("infers from the name when neither says", () => {
    expect(findGroup("Xã Tân Lập", unitList([["Sở Tư pháp", "Khối A"]]), settingsWith())).toEqual({
      group: "Cấp xã",
      source: "inferred",
      entry: null,
    });
  });
});
