import { readPreviousYear } from "../../../src/core/compare/previous-year";
import { readRankingTables } from "../../../src/core/compare/read-ranking-table";
import type { SheetSnapshot } from "../../../src/core/grid";

/** A published appendix: title lines, header, column numbers, section rows, an average row. */
const PUBLISHED: SheetSnapshot = {
  name: "Phụ lục",
  values: [
    ["UBND TỈNH THANH HÓA", null, null, null],
    ["KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", null, null, null],
    ["(Kèm theo Quyết định số 482/QĐ-UBND)", null, null, null],
    ["STT", "Tên cơ quan, đơn vị", "Chỉ số CCHC (%)", "Xếp hạng"],
    ["(1)", "(2)", "(3)", "(4)"],
    ["I. KHỐI SỞ, BAN, NGÀNH", null, null, null],
    [1, "Sở Nội vụ", "90,02", 2],
    [2, "Văn phòng UBND tỉnh", 90.015, 3],
    [3, "Sở Tư pháp", "91,50 %", 1],
    [null, "Bình quân", 90.5, null],
    ["II. KHỐI XÃ, PHƯỜNG", null, null, null],
    [1, "Phường Hạc Thành", 88.1, 1],
    [2, "Xã Đông Sơn", null, null],
  ],
};

describe("reading a published ranking table", () => {
  const { units, writtenByParScorer } = readRankingTables({ sheets: [PUBLISHED] });

  it("reads every unit with its index and rank, under the group of its section row", () => {
    expect(writtenByParScorer).toBe(false);
    expect(units.map((u) => [u.unit, u.group, u.index, u.rank])).toEqual([
      ["Sở Nội vụ", "KHỐI SỞ, BAN, NGÀNH", 90.02, 2],
      ["Văn phòng UBND tỉnh", "KHỐI SỞ, BAN, NGÀNH", 90.015, 3],
      ["Sở Tư pháp", "KHỐI SỞ, BAN, NGÀNH", 91.5, 1],
      ["Phường Hạc Thành", "KHỐI XÃ, PHƯỜNG", 88.1, 1],
      ["Xã Đông Sơn", "KHỐI XÃ, PHƯỜNG", null, null],
    ]);
    expect(units[0]).toMatchObject({ sheet: "Phụ lục", cell: "B7", nodes: null });
  });

  it("uses the sheet as the group without section rows, computes missing ranks, and scales fractions to percent", () => {
    const table: SheetSnapshot = {
      name: "Khối huyện",
      values: [
        ["TT", "Đơn vị", "Chỉ số"],
        [1, "Huyện A", 0.8],
        [2, "Huyện B", 0.9],
        [3, "Huyện C", 0.8],
      ],
    };
    const read = readRankingTables({ sheets: [table] }).units;
    expect(read.map((u) => [u.unit, u.group, u.index, u.rank])).toEqual([
      ["Huyện A", "Khối huyện", 80, 2],
      ["Huyện B", "Khối huyện", 90, 1],
      ["Huyện C", "Khối huyện", 80, 2],
    ]);
  });

  it("finds nothing in a sheet without a unit and an index column", () => {
    const scoring: SheetSnapshot = {
      name: "Sở Tư pháp",
      values: [
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
        ["1.1", "Kế hoạch", 2, 2],
      ],
    };
    expect(readRankingTables({ sheets: [scoring] }).units).toEqual([]);
    const notes: SheetSnapshot = {
      name: "Ghi chú",
      values: [["Danh sách gửi kèm công văn"], ["Xem tệp đính kèm"]],
    };
    expect(readPreviousYear({ sheets: [notes] })).toBeNull();
  });

  it("reads a table-only workbook as last year's results", () => {
    const previous = readPreviousYear({ sheets: [PUBLISHED] });
    expect(previous).toMatchObject({ source: "table", criteria: null, year: 2024 });
    expect(previous?.units).toHaveLength(5);
  });
});
