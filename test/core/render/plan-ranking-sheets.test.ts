import type { CellValue } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/model";
import { planRankingSheets } from "../../../src/core/render/plan-ranking-sheets";
import { isValidSheetName } from "../../../src/core/render/sheet-names";
import { readSavedState, settingsSheetValues, SETTINGS_SHEET } from "../../../src/core/saved-settings";
import { planSignature } from "../../../src/core/sheet-ownership";
import type { SettingsInput } from "../../../src/core/settings";
import {
  criteriaSet,
  parsedWorkbook,
  type RowCells,
  settingsWith,
  unitList,
  unitScores,
} from "../evaluate/helpers";
import { analysisOf, cellOf, valueAt } from "./helpers";

/**
 * Two fields: I (6) = 1.1 (3) + 1.2 (3); II (4) = 2.1 (4). On a ranking sheet: A STT, B Đơn vị,
 * C field I, D field II, E Tổng điểm, F Điểm tối đa áp dụng, G Chỉ số (%), H Xếp hạng,
 * I Xếp loại, J Ghi chú; title row 1, group row 2, header row 4, units from row 5.
 */
const CRITERIA = criteriaSet([
  {
    id: "I",
    max: 6,
    title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH CỦA CƠ QUAN",
    children: [
      { id: "1.1", max: 3 },
      { id: "1.2", max: 3 },
    ],
  },
  { id: "II", max: 4, title: "Cải cách thể chế", children: [{ id: "2.1", max: 4 }] },
]);

const scores = (a: CellValue, b: CellValue, c: CellValue): Record<string, RowCells> => ({
  "1.1": { self: a },
  "1.2": { self: b },
  "2.1": { self: c },
});

function plan(
  units: [string, Record<string, RowCells>][],
  opts: {
    settings?: SettingsInput;
    list?: [string, string][];
    existing?: string[];
    generated?: string[];
  } = {},
) {
  const parsed = parsedWorkbook(
    CRITERIA,
    units.map(([name, rows]) => unitScores(name, rows)),
    { unitList: opts.list ? unitList(opts.list) : [] },
  );
  const analysis = analysisOf(parsed, settingsWith(opts.settings ?? {}), opts.generated ?? []);
  return planRankingSheets(analysis, opts.existing ?? ["Bộ tiêu chí", ...units.map(([n]) => n)]);
}

const row = (sheet: SheetPlan, r: number) => "ABCDEFGHIJ".split("").map((c) => valueAt(sheet, `${c}${r}`));

describe("planRankingSheets: the published layout", () => {
  const result = plan(
    [
      ["Sở Tư pháp", scores(3, 2, 3)],
      ["Sở Y tế", scores(3, 3, 4)],
      ["Ban Dân tộc", scores(1, "KAD", 2)],
    ],
    { settings: { year: 2024 } },
  );
  const sheet = result.sheets[0];

  it("writes one ranking sheet named after the group, and no summary for a single group", () => {
    expect(result.sheets.map((s) => [s.name, s.purpose, s.group, s.replaces])).toEqual([
      ["Xếp hạng - Sở, ban, ngành", "ranking", "Sở, ban, ngành", false],
    ]);
  });

  it("puts the title with the year in A1 and the group in A2, each merged across the table", () => {
    expect(valueAt(sheet, "A1")).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024");
    expect(valueAt(sheet, "A2")).toBe("Sở, ban, ngành");
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 1, left: 0, bottom: 1, right: 9 },
    ]);
  });

  it("leaves the year out of the title when settings.year is null", () => {
    const noYear = plan([["Sở Y tế", scores(3, 3, 4)]]).sheets[0];
    expect(valueAt(noYear, "A1")).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
  });

  it("has the header row: STT · Đơn vị · one column per field · totals · index · rank · band · note", () => {
    expect(row(sheet, 4)).toEqual([
      "STT",
      "Đơn vị",
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH CỦA CƠ QUAN",
      "II. Cải cách thể chế",
      "Tổng điểm",
      "Điểm tối đa áp dụng",
      "Chỉ số (%)",
      "Xếp hạng",
      "Xếp loại",
      "Ghi chú",
    ]);
  });

  it("lists the units in rank order with field points, totals, applicable maximum, index, rank and band", () => {
    expect(row(sheet, 5)).toEqual([1, "Sở Y tế", 6, 4, 10, 10, 100, 1, "A", null]);
    expect(row(sheet, 6)).toEqual([2, "Sở Tư pháp", 5, 3, 8, 10, 80, 2, "B", null]);
    // Ban Dân tộc: 1.2 not applicable, so 3 points over 7.
    expect(row(sheet, 7)).toEqual([3, "Ban Dân tộc", 1, 2, 3, 7, 300 / 7, 3, "D", null]);
  });

  it("adds the group average (bình quân) row under the units", () => {
    expect(valueAt(sheet, "B8")).toBe("Bình quân");
    expect(valueAt(sheet, "G8")).toBe((100 + 80 + 300 / 7) / 3);
  });

  it("stores the index unrounded with a 2-decimal number format (Excel shows 42,86 in Vietnamese)", () => {
    expect(cellOf(sheet, "G7")).toEqual({ value: 300 / 7, format: "[$-42A]0.00" });
    expect(cellOf(sheet, "E7")?.format).toBe("[$-42A]0.00");
  });

  it("follows settings.decimals in the number format", () => {
    const three = plan([["Sở Y tế", scores(3, 3, 4)]], { settings: { decimals: 3 } }).sheets[0];
    expect(cellOf(three, "G5")?.format).toBe("[$-42A]0.000");
  });

  it("freezes the rows above the units, prints landscape fitted to the width, on one page needing no repeated header", () => {
    expect(sheet.freezeRows).toBe(4);
    expect(sheet.print).toMatchObject({
      landscape: true,
      fitToWidth: true,
      titleRows: null,
    });
    expect(sheet.print.fitToHeight).toBeUndefined();
    expect(sheet.columnWidths).toHaveLength(10);
  });

  it("colours the band column by band label", () => {
    expect(sheet.bands.map((b) => b.label)).toEqual(["A", "B", "C", "D"]);
    expect(sheet.bands[0].range).toEqual({ top: 4, left: 8, bottom: 6, right: 8 });
  });

  it("charts the index of every ranked unit", () => {
    expect(sheet.chart).toMatchObject({
      categories: { top: 4, left: 1, bottom: 6, right: 1 },
      values: { top: 4, left: 6, bottom: 6, right: 6 },
    });
  });
});

describe("planRankingSheets: units with errors and units without an index", () => {
  it("marks a unit whose scores have errors in the note column, and still ranks it", () => {
    const sheet = plan([
      ["Sở Y tế", scores(3, 3, 4)],
      ["Sở Tư pháp", scores("đạt", 5, 3)],
    ]).sheets[0];
    expect(row(sheet, 6)).toEqual([
      2,
      "Sở Tư pháp (*)",
      0,
      3,
      3,
      10,
      30,
      2,
      "D",
      "(*) 2 lỗi: 1 điểm vượt điểm tối đa, 1 điểm không phải số",
    ]);
    expect(valueAt(sheet, "J5")).toBeNull();
  });

  it("leaves rank and index empty for a unit with nothing applicable, and says why", () => {
    const sheet = plan([
      ["Sở Y tế", scores(3, 3, 4)],
      ["Sở Tư pháp", scores("KAD", "KAD", "KAD")],
    ]).sheets[0];
    expect(row(sheet, 6)).toEqual([
      2,
      "Sở Tư pháp",
      0,
      0,
      0,
      0,
      null,
      null,
      null,
      "Không xếp hạng: không có tiêu chí áp dụng",
    ]);
    expect(sheet.chart?.values).toEqual({ top: 4, left: 6, bottom: 4, right: 6 });
  });
});

describe("planRankingSheets: several groups", () => {
  const list: [string, string][] = [
    ["Xã Tân Lập", "Khối xã, phường"],
    ["Sở Y tế", "Khối sở, ban, ngành"],
  ];
  const result = plan(
    [
      ["Sở Y tế", scores(3, 3, 4)],
      ["Xã Tân Lập", scores(3, 1, 4)],
    ],
    { list },
  );

  it("writes a summary sheet first, then one ranking sheet per group in the units list's order", () => {
    expect(result.sheets.map((s) => s.name)).toEqual([
      "Tổng hợp xếp hạng",
      "Xếp hạng - Khối xã, phường",
      "Xếp hạng - Khối sở, ban, ngành",
    ]);
  });

  it("summarises each group: units, average, highest, lowest, leader and its ranking sheet", () => {
    const summary = result.sheets[0];
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => valueAt(summary, `${c}5`))).toEqual([
      1,
      "Khối xã, phường",
      1,
      80,
      80,
      80,
      "Xã Tân Lập",
      "Xếp hạng - Khối xã, phường",
    ]);
  });

  it("saves the settings with the names and signatures of the sheets written now", () => {
    const json = JSON.parse(result.settingsJson ?? "null") as { ownSheets: { name: string }[] };
    expect(json.ownSheets.map((s) => s.name)).toEqual(result.sheets.map((s) => s.name));
    const state = readSavedState({
      sheets: [{ name: SETTINGS_SHEET, values: settingsSheetValues(result.settingsJson ?? "") }],
    });
    expect(state.problems).toEqual([]);
    expect(state.sheets).toEqual(result.sheets.map((s) => ({ name: s.name, signature: planSignature(s) })));
    expect(new Set(state.sheets.map((s) => s.signature)).size).toBe(result.sheets.length);
  });
});

describe("planRankingSheets: sheet names and ownership", () => {
  const units: [string, Record<string, RowCells>][] = [["Sở Y tế", scores(3, 3, 4)]];

  it("never replaces a person's sheet that has the ranking sheet's name: picks another name", () => {
    const result = plan(units, { existing: ["Bộ tiêu chí", "Sở Y tế", "Xếp hạng - Sở, ban, ngành"] });
    expect(result.sheets[0]).toMatchObject({ name: "Xếp hạng - Sở, ban, ngành (2)", replaces: false });
    expect(result.deleteSheets).toEqual([]);
  });

  it("replaces a sheet PAR Scorer wrote earlier", () => {
    const result = plan(units, {
      existing: ["Bộ tiêu chí", "Sở Y tế", "Xếp hạng - Sở, ban, ngành"],
      generated: ["Xếp hạng - Sở, ban, ngành"],
    });
    expect(result.sheets[0]).toMatchObject({ name: "Xếp hạng - Sở, ban, ngành", replaces: true });
  });

  it("deletes earlier PAR Scorer sheets that this run no longer produces, but only those that exist", () => {
    const result = plan(units, {
      existing: ["Bộ tiêu chí", "Sở Y tế", "Xếp hạng - Cấp huyện", "Tổng hợp xếp hạng"],
      generated: ["Xếp hạng - Cấp huyện", "Tổng hợp xếp hạng", "Xếp hạng - Đã xóa"],
    });
    expect(result.deleteSheets).toEqual(["Xếp hạng - Cấp huyện", "Tổng hợp xếp hạng"]);
  });

  it("keeps every sheet name within Excel's rules, even for a group named with forbidden characters", () => {
    const result = plan(
      [
        ["Sở Y tế", scores(3, 3, 4)],
        ["Xã Tân Lập", scores(3, 1, 4)],
      ],
      {
        list: [
          ["Sở Y tế", "Khối: sở/ban/ngành [cấp tỉnh] trực thuộc UBND"],
          ["Xã Tân Lập", "KHỐI: SỞ/BAN/NGÀNH [CẤP TỈNH] TRỰC THUỘC UBND"],
        ],
      },
    );
    const names = result.sheets.map((s) => s.name);
    expect(names.every(isValidSheetName)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

describe("planRankingSheets: formula-like text stays verbatim", () => {
  it.each(['=HYPERLINK("http://x.vn","Sở X")', "-Sở X", "+Xã Y", "@Phường Z"])(
    "keeps the unit name %p as text",
    (name) => {
      const sheet = plan([[name, scores(3, 3, 4)]], { list: [[name, "Khối sở"]] }).sheets[0];
      expect(cellOf(sheet, "B5")).toEqual({ value: name, format: "@" });
    },
  );
});
