import type { CellValue } from "../../../src/core/grid";
import type { SheetPlan } from "../../../src/core/model";
import { rowPoints } from "../../../src/core/render/fit-text";
import { PRINTABLE_POINTS } from "../../../src/core/render/printed-sheet";
import { planRankingSheets } from "../../../src/core/render/plan-ranking-sheets";
import type { SettingsInput } from "../../../src/core/settings";
import { criteriaSet, parsedWorkbook, type RowCells, settingsWith, unitScores } from "../evaluate/helpers";
import { analysisOf, cellOf, valueAt } from "./helpers";

/** I (6) = 1.1 (3) + 1.2 (3); II (4) = 2.1 (4): A STT … G Chỉ số (%), H Xếp hạng, I Xếp loại, J Ghi chú. */
const CRITERIA = criteriaSet([
  {
    id: "I",
    max: 6,
    title: "Công tác chỉ đạo, điều hành",
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

function rankingSheet(units: [string, Record<string, RowCells>][], settings: SettingsInput = {}): SheetPlan {
  const parsed = parsedWorkbook(
    CRITERIA,
    units.map(([name, rows]) => unitScores(name, rows)),
  );
  const analysis = analysisOf(parsed, settingsWith(settings));
  return planRankingSheets(analysis, ["Bộ tiêu chí", ...units.map(([n]) => n)]).sheets[0];
}

/** Every text the plan writes, top to bottom. */
function texts(sheet: SheetPlan): string[] {
  return sheet.patches.flatMap((p) => p.values.flat().filter((v): v is string => typeof v === "string"));
}

/** The row (zero-based) holding a text. */
function rowOf(sheet: SheetPlan, text: string): number {
  const patch = sheet.patches.find((p) => p.values.some((line) => line.includes(text)));
  if (!patch) throw new Error(`"${text}" is not on the sheet`);
  return patch.row + patch.values.findIndex((line) => line.includes(text));
}

const FRAME = {
  issuer: ["UBND tỉnh Thanh Hóa", "Sở Nội vụ"],
  appendix: [
    "Phụ lục I",
    "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2025 của Chủ tịch UBND tỉnh)",
  ],
  notes: ["Xếp loại: A từ 90 %, B từ 80 % đến dưới 90 %."],
  placeAndDate: "Thanh Hóa, ngày 15 tháng 3 năm 2025",
  signatures: [
    { role: ["Người lập biểu"], name: "Lê Văn C" },
    { role: ["KT. Giám đốc", "Phó Giám đốc"], name: "Nguyễn Văn A" },
  ],
};

describe("the printed page of a ranking sheet", () => {
  const sheet = rankingSheet([
    ["Sở Tư pháp", scores(3, 2, 3)],
    ["Sở Y tế", scores(3, 3, 4)],
  ]);

  it("is A4 landscape with the decree's margins, one page wide at 100 %, page numbers, no header to repeat on one page", () => {
    expect(sheet.print).toEqual({
      landscape: true,
      fitToWidth: true,
      titleRows: null,
      paper: "A4",
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 },
      area: { top: 0, left: 0, bottom: 6, right: 9 },
      footer: "Trang &P/&N",
      centerHorizontally: true,
    });
  });

  it("keeps the chart outside the print area", () => {
    expect(sheet.chart?.anchor.left).toBeGreaterThan(sheet.print.area?.right ?? Infinity);
  });

  it("without a frame holds today's title and table only: no empty placeholders", () => {
    expect(texts(sheet).filter((t) => /Phụ lục|Trang|GIÁM ĐỐC|ngày/.test(t))).toEqual([]);
    expect(rowOf(sheet, "STT")).toBe(3);
    expect(valueAt(sheet, "A1")).toBe("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
  });

  it("sets Times New Roman on every block, 10-point body text", () => {
    for (const patch of sheet.patches) expect(patch.style?.fontName).toBe("Times New Roman");
    const body = sheet.patches.find((p) => p.row === 4);
    expect(body?.style?.fontSize).toBeGreaterThanOrEqual(10);
  });

  it("centres rank and band, right-aligns numbers, leaves names and notes on the left", () => {
    const alignOf = (col: number) =>
      sheet.styles?.find((s) => s.range.left <= col && col <= s.range.right && s.range.top === 4)?.style
        .hAlign;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(alignOf)).toEqual([
      "center",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "center",
      "center",
      "left",
    ]);
  });

  it("keeps field titles whole and fits the header's height to them", () => {
    expect(valueAt(sheet, "C4")).toBe("I. Công tác chỉ đạo, điều hành");
    const header = sheet.rowHeights?.find((h) => h.row === 3)?.height ?? 0;
    expect(header).toBeGreaterThanOrEqual(rowPoints(2, 10));
  });

  it("fits a row to a long unit name, which is never cut", () => {
    const long = "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp tỉnh Thanh Hóa";
    const withLong = rankingSheet([
      [long, scores(3, 2, 3)],
      ["Sở Y tế", scores(3, 3, 4)],
    ]);
    const r = rowOf(withLong, long);
    const height = (row: number) => withLong.rowHeights?.find((h) => h.row === row)?.height ?? 0;
    expect(height(r)).toBeGreaterThan(height(rowOf(withLong, "Sở Y tế")));
    expect(withLong.patches.find((p) => p.row === 4)?.style?.wrap).toBe(true);
  });

  it("moves very long field titles to a legend under the table, whole, and keeps codes in the header", () => {
    const longTitles = criteriaSet([
      {
        id: "I",
        max: 6,
        title:
          "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC TRONG CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC",
        children: [{ id: "1.1", max: 6 }],
      },
    ]);
    const analysis = analysisOf(
      parsedWorkbook(longTitles, [unitScores("Sở Y tế", { "1.1": { self: 5 } })]),
      settingsWith({}),
    );
    const planned = planRankingSheets(analysis, ["Sở Y tế"]).sheets[0];
    expect(valueAt(planned, "C4")).toBe("I");
    expect(texts(planned)).toContain(
      "Các lĩnh vực: I. XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC TRONG CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC.",
    );
  });
});

describe("the document frame from settings", () => {
  const sheet = rankingSheet(
    [
      ["Sở Tư pháp", scores(3, 2, 3)],
      ["Sở Y tế", scores(3, 3, 4)],
    ],
    { year: 2024, frame: FRAME },
  );

  it("prints the issuer, the appendix, the title and the decision line above the table, in that order", () => {
    // "Phụ lục I" beside the issuing body, on its first row, centred right of it.
    expect(rowOf(sheet, "Phụ lục I")).toBe(rowOf(sheet, "UBND TỈNH THANH HÓA"));
    const colOf = (t: string) => sheet.patches.find((p) => p.values[0][0] === t)?.col ?? -1;
    expect(colOf("Phụ lục I")).toBeGreaterThan(colOf("UBND TỈNH THANH HÓA"));
    const order = [
      "UBND TỈNH THANH HÓA",
      "SỞ NỘI VỤ",
      "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
      FRAME.appendix[1],
      "Sở, ban, ngành",
      "STT",
    ].map((t) => rowOf(sheet, t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    const decision = sheet.patches.find((p) => p.values[0][0] === FRAME.appendix[1]);
    expect(decision?.style?.italic).toBe(true);
    expect(sheet.patches.find((p) => p.values[0][0] === "SỞ NỘI VỤ")?.style?.bold).toBe(true);
  });

  it("prints the notes, the place and date and the signature blocks under the table, inside the print area", () => {
    const table = rowOf(sheet, "Bình quân");
    const below = [FRAME.notes[0], FRAME.placeAndDate, "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"].map((t) =>
      rowOf(sheet, t),
    );
    for (const r of below) expect(r).toBeGreaterThan(table);
    expect(below).toEqual([...below].sort((a, b) => a - b));
    expect(rowOf(sheet, "NGƯỜI LẬP BIỂU")).toBe(rowOf(sheet, "KT. GIÁM ĐỐC"));
    expect(sheet.print.area?.bottom).toBe(rowOf(sheet, "Nguyễn Văn A"));
    // The signer's block is at the right, the other at the left.
    const left = (t: string) => sheet.patches.find((p) => p.values[0][0] === t)?.col ?? -1;
    expect(left("KT. GIÁM ĐỐC")).toBeGreaterThan(left("NGƯỜI LẬP BIỂU"));
    // Everything fits one page: no header to repeat, no break.
    expect(sheet.print.titleRows).toBeNull();
    expect(sheet.print.rowBreaks).toBeUndefined();
  });

  it("uses the frame's font", () => {
    const other = rankingSheet([["Sở Y tế", scores(3, 3, 4)]], { frame: { font: "Arial" } });
    for (const patch of other.patches) expect(patch.style?.fontName).toBe("Arial");
  });
});

describe("ties as a reader sees them", () => {
  it("shows more decimals for two units at the same 2-decimal index but different ranks, and says why", () => {
    // 9,0024 and 9,0016 of 10: 90,024 % and 90,016 %, both 90,02 at two decimals.
    const sheet = rankingSheet([
      ["Sở Nội vụ", scores(3, 3, 3.0024)],
      ["Văn phòng UBND tỉnh", scores(3, 3, 3.0016)],
      ["Sở Y tế", scores(2, 2, 2)],
    ]);
    expect(valueAt(sheet, "B5")).toBe("Sở Nội vụ");
    expect(cellOf(sheet, "G5")?.format).toBe("[$-42A]0.000");
    expect(cellOf(sheet, "G6")?.format).toBe("[$-42A]0.000");
    expect(cellOf(sheet, "G7")?.format).toBe("[$-42A]0.00");
    expect(valueAt(sheet, "H5")).toBe(1);
    expect(valueAt(sheet, "H6")).toBe(2);
    expect(valueAt(sheet, "J5")).toBe("xếp trên do chỉ số 90,024 > 90,016");
    expect(valueAt(sheet, "J6")).toBe("xếp dưới do chỉ số 90,016 < 90,024");
    expect(valueAt(sheet, "J7")).toBeNull();
  });

  it("keeps the plain decimals when the shown indices already differ", () => {
    const sheet = rankingSheet([
      ["Sở Nội vụ", scores(3, 3, 3.1)],
      ["Văn phòng UBND tỉnh", scores(3, 3, 3)],
    ]);
    expect(cellOf(sheet, "G5")?.format).toBe("[$-42A]0.00");
    expect(valueAt(sheet, "J5")).toBeNull();
  });

  it("says 'đồng hạng' for an exact tie, which shares the rank", () => {
    const sheet = rankingSheet([
      ["Sở Tư pháp", scores(3, 2, 3)],
      ["Sở Y tế", scores(2, 3, 3)],
      ["Sở Xây dựng", scores(1, 1, 1)],
    ]);
    expect([valueAt(sheet, "H5"), valueAt(sheet, "H6"), valueAt(sheet, "H7")]).toEqual([1, 1, 3]);
    expect([valueAt(sheet, "J5"), valueAt(sheet, "J6"), valueAt(sheet, "J7")]).toEqual([
      "đồng hạng",
      "đồng hạng",
      null,
    ]);
    expect(cellOf(sheet, "G5")?.format).toBe("[$-42A]0.00");
  });
});

describe("the page of a group of up to 30 units (the table on one page at 100 %, 10-point text)", () => {
  const FULL = { ...FRAME, notes: ["Xếp loại: A từ 90 % trở lên; B từ 80 % đến dưới 90 %; C từ 70 %."] };
  const units = (count: number): [string, Record<string, RowCells>][] =>
    Array.from({ length: count }, (_, i) => [
      // Long but one-line names, as a province's sở, ban, ngành are.
      `Trung tâm Phục vụ hành chính công số ${i + 1}`,
      scores(3, 2 + (i % 2), i % 5),
    ]);
  const heightsOf = (s: SheetPlan) => new Map((s.rowHeights ?? []).map((h) => [h.row, h.height]));
  const through = (s: SheetPlan, last: number) => {
    const heights = heightsOf(s);
    let total = 0;
    for (let r = 0; r <= last; r++) total += heights.get(r) ?? 0;
    return total;
  };

  it("keeps 30 units, the header and the frame's top within the first page, the closing part on the next", () => {
    const sheet = rankingSheet(units(30), { year: 2025, frame: FULL });
    const average = rowOf(sheet, "Bình quân");
    expect(through(sheet, average)).toBeLessThanOrEqual(PRINTABLE_POINTS);
    // At the usual spacing it would not have fitted: the rows are set tight, never the font smaller.
    const body = sheet.patches.find((p) => p.row === rowOf(sheet, "STT") + 1);
    expect(body?.style?.fontSize).toBe(10);
    expect(heightsOf(sheet).get(average - 1)).toBe(rowPoints(1, 10, true));
    expect((average + 1) * rowPoints(1, 10)).toBeGreaterThan(PRINTABLE_POINTS);
    // Nothing is shrunk to fit; the notes, place, date and signature start the next page.
    expect(sheet.print.fitToHeight).toBeUndefined();
    expect(sheet.print.rowBreaks).toEqual([average + 1]);
    expect(through(sheet, sheet.print.area!.bottom)).toBeGreaterThan(PRINTABLE_POINTS);
    expect(sheet.print.titleRows).toBeNull();
  });

  it("keeps the usual spacing when the page has room", () => {
    const sheet = rankingSheet(units(12), { year: 2025, frame: FULL });
    expect(heightsOf(sheet).get(rowOf(sheet, "Bình quân") - 1)).toBe(rowPoints(1, 10));
    expect(sheet.print.rowBreaks).toBeUndefined();
  });

  it("lets a longer group run over pages with the header repeated, never shrunk", () => {
    const sheet = rankingSheet(units(31), { year: 2025, frame: FULL });
    expect(through(sheet, rowOf(sheet, "Bình quân"))).toBeGreaterThan(PRINTABLE_POINTS);
    expect(sheet.print.titleRows).toEqual({ first: rowOf(sheet, "STT"), last: rowOf(sheet, "STT") });
    expect(sheet.print.fitToHeight).toBeUndefined();
    expect(sheet.print.rowBreaks).toBeUndefined();
  });
});

describe("the unit column's width", () => {
  it("is as wide as the longest name needs and leaves the rest to Ghi chú", () => {
    const short = rankingSheet([
      ["Sở Y tế", scores(3, 2, 3)],
      ["Ban Dân tộc", scores(3, 3, 4)],
    ]);
    const long = rankingSheet([
      ["Ban Quản lý các khu bảo tồn thiên nhiên", scores(3, 2, 3)],
      ["Sở Y tế", scores(3, 3, 4)],
    ]);
    const [, shortUnit] = short.columnWidths;
    const [, longUnit] = long.columnWidths;
    expect(shortUnit).toBe(16);
    expect(longUnit).toBeGreaterThan(shortUnit);
    // The table's width is the same: what the names do not need goes to the notes.
    const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
    expect(sum(short.columnWidths)).toBeCloseTo(sum(long.columnWidths), 5);
    expect(short.columnWidths[9]).toBeGreaterThan(long.columnWidths[9]);
    // The long name still has its line.
    const row = rowOf(long, "Ban Quản lý các khu bảo tồn thiên nhiên");
    expect(long.rowHeights?.find((h) => h.row === row)?.height).toBe(rowPoints(1, 10));
  });
});
