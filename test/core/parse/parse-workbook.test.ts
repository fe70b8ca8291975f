import fc from "fast-check";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid";
import { parseWorkbook } from "../../../src/core/parse/parse-workbook";
import { SETTINGS_SHEET } from "../../../src/core/saved-settings";
import { type SettingsInput, settingsSchema } from "../../../src/core/settings";
import { buildProvinceWorkbook } from "../../fixtures/province-workbook";
import { sheet, where } from "./sheet-helpers";

const settings = (input: SettingsInput = {}) => settingsSchema.parse(input);

const CRITERIA = sheet("Bộ tiêu chí", [
  ["BỘ TIÊU CHÍ"],
  ["STT", "Nội dung", "Điểm tối đa"],
  ["I", "Chỉ đạo", 2],
  ["1.1", "Kế hoạch", 1],
  ["1.2", "Báo cáo", 1],
  [null, "Tổng cộng", 2],
]);

function unitSheet(name: string, unit: string | null, scores: CellValue[] = [2, 1, 1]): SheetSnapshot {
  return sheet(name, [
    unit ? [`Đơn vị: ${unit}`] : ["BẢNG TỰ CHẤM ĐIỂM"],
    ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"],
    ["I", "Chỉ đạo", 2, scores[0]],
    ["1.1", "Kế hoạch", 1, scores[1], "KH 1"],
    ["1.2", "Báo cáo", 1, scores[2], "BC 2"],
  ]);
}

describe("parseWorkbook: which sheet is what", () => {
  it("finds the criteria sheet, unit sheets, the units list and ignores the rest", () => {
    const list = sheet("Danh sách", [
      ["STT", "Tên đơn vị", "Khối"],
      [1, "Sở Tư pháp", "Sở, ban, ngành"],
      [2, "Xã Tân Lập", "Xã"],
    ]);
    const notes = sheet("Ghi chú", [["Hạn nộp: 15/01/2025"]]);
    const { parsed, issues } = parseWorkbook(
      { sheets: [notes, CRITERIA, unitSheet("STP", "Sở Tư pháp"), unitSheet("Xã Tân Lập", null), list] },
      settings(),
      [],
    );
    expect(issues).toEqual([]);
    expect(parsed.layout).toEqual({
      criteriaSheet: "Bộ tiêu chí",
      unitSheets: ["STP", "Xã Tân Lập"],
      matrixSheets: [],
      unitsListSheet: "Danh sách",
      surveySheet: null,
      generatedSheets: [],
      ignoredSheets: ["Ghi chú"],
      sheetLayouts: expect.any(Array),
    });
    const base = { orientation: null, shape: null, codes: null, units: null, source: "detected" };
    expect(parsed.layout.sheetLayouts).toEqual([
      { ...base, sheet: "Ghi chú", kind: "ignore", headerRows: null },
      { ...base, sheet: "Bộ tiêu chí", kind: "criteria", headerRows: [2, 2], codes: { column: "A" } },
      {
        ...base,
        sheet: "STP",
        kind: "scoring",
        shape: "unitSheet",
        headerRows: [2, 2],
        codes: { column: "A" },
        units: { cell: "A1" },
      },
      {
        ...base,
        sheet: "Xã Tân Lập",
        kind: "scoring",
        shape: "unitSheet",
        headerRows: [2, 2],
        codes: { column: "A" },
      },
      { ...base, sheet: "Danh sách", kind: "unitsList", headerRows: [1, 1], units: { column: "B" } },
    ]);
    expect(parsed.units.map((u) => [u.unit, u.nameCell])).toEqual([
      ["Sở Tư pháp", "A1"],
      ["Xã Tân Lập", null],
    ]);
    expect(parsed.unitList).toEqual([
      { unit: "Sở Tư pháp", group: "Sở, ban, ngành", sheet: "Danh sách", cell: "B2" },
      { unit: "Xã Tân Lập", group: "Xã", sheet: "Danh sách", cell: "B3" },
    ]);
  });

  it("leaves PAR Scorer's own sheets and the settings sheet alone", () => {
    const ranking = sheet("Xếp hạng", [
      ["STT", "Tên đơn vị", "Điểm tự đánh giá"],
      [1, "Sở Tư pháp", 90],
    ]);
    const saved = {
      name: SETTINGS_SHEET,
      values: [["PAR Scorer settings v1"], ["{}"]],
      visibility: "veryHidden" as const,
    };
    const { parsed } = parseWorkbook(
      { sheets: [CRITERIA, unitSheet("STP", "Sở Tư pháp"), ranking, saved] },
      settings(),
      ["Xếp hạng"],
    );
    expect(parsed.layout.generatedSheets).toEqual(["Xếp hạng", SETTINGS_SHEET]);
    expect(parsed.units.map((u) => u.unit)).toEqual(["Sở Tư pháp"]);
  });

  it("reports a workbook without a criteria sheet", () => {
    const { parsed, issues } = parseWorkbook({ sheets: [sheet("Ghi chú", [["Trống"]])] }, settings(), []);
    expect(parsed.criteria).toBeNull();
    expect(where(issues)).toEqual(["no_criteria_sheet@-!-"]);
  });

  it("reads the criteria from a unit's own sheet when it is the only scoring sheet (its self-check)", () => {
    const { parsed, issues } = parseWorkbook({ sheets: [unitSheet("STP", "Sở Tư pháp")] }, settings(), []);
    expect(issues).toEqual([]);
    expect(parsed.layout.criteriaSheet).toBe("STP");
    expect(parsed.criteria?.leafIds).toEqual(["1.1", "1.2"]);
    expect(parsed.units).toHaveLength(1);
  });

  it("does not take one of several units' maxima for all of them: no criteria sheet is an error", () => {
    const { parsed, issues } = parseWorkbook(
      { sheets: [unitSheet("STP", "Sở Tư pháp"), unitSheet("STC", "Sở Tài chính")] },
      settings(),
      [],
    );
    expect(parsed.criteria).toBeNull();
    expect(where(issues)).toEqual(["no_criteria_sheet@-!-"]);
  });

  it("uses the sheet the user names as the criteria set", () => {
    const { parsed, issues } = parseWorkbook(
      { sheets: [unitSheet("STP", "Sở Tư pháp"), unitSheet("STC", "Sở Tài chính")] },
      settings({ sheets: { criteria: "STP" } }),
      [],
    );
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(parsed.layout.criteriaSheet).toBe("STP");
    expect(parsed.criteria?.leafIds).toEqual(["1.1", "1.2"]);
  });

  it("takes a blank template named like the criteria set as the criteria sheet", () => {
    const template = unitSheet("Bộ tiêu chí 2024", null, [null, null, null]);
    const { parsed } = parseWorkbook({ sheets: [template, unitSheet("STP", "Sở Tư pháp")] }, settings(), []);
    expect(parsed.layout.criteriaSheet).toBe("Bộ tiêu chí 2024");
    expect(parsed.layout.unitSheets).toEqual(["STP"]);
  });

  it("counts once a unit scored the same on two sheets (names compared folded), with a warning", () => {
    const { parsed, issues } = parseWorkbook(
      {
        sheets: [
          CRITERIA,
          unitSheet("STP", "Sở Tư pháp"),
          unitSheet("STP (2)", "SỞ TƯ PHÁP".normalize("NFD")),
        ],
      },
      settings(),
      [],
    );
    expect(where(issues)).toEqual(["unit_identical_copy@STP (2)!A1"]);
    expect(issues[0].data.other).toBe('"STP"');
    expect(parsed.units.map((u) => u.sheet)).toEqual(["STP"]);
  });
});

describe("parseWorkbook: settings", () => {
  it("honours sheets named in the settings and reports names that do not exist", () => {
    const odd = sheet(
      "Tiêu chuẩn",
      CRITERIA.values.map((r) => [...r]),
    );
    const { parsed, issues } = parseWorkbook(
      { sheets: [odd, unitSheet("STP", "Sở Tư pháp"), unitSheet("STC", "Sở Tài chính")] },
      settings({ sheets: { criteria: "tieu chuan", unitSheets: ["STC", "Sở Nội vụ"], ignore: [] } }),
      [],
    );
    expect(parsed.layout.criteriaSheet).toBe("Tiêu chuẩn");
    expect(parsed.layout.unitSheets).toEqual(["STC"]);
    expect(parsed.layout.ignoredSheets).toEqual(["STP"]);
    expect(issues.map((i) => [i.code, i.data.name])).toEqual([["sheet_not_found", "Sở Nội vụ"]]);
    expect(parsed.layout.sheetLayouts.map((l) => [l.sheet, l.kind, l.source])).toEqual([
      ["Tiêu chuẩn", "criteria", "user"],
      ["STP", "ignore", "detected"],
      ["STC", "scoring", "user"],
    ]);
  });

  it("ignores the sheets the settings say to ignore", () => {
    const { parsed } = parseWorkbook(
      { sheets: [CRITERIA, unitSheet("STP", "Sở Tư pháp"), unitSheet("Nháp", "Sở Tài chính")] },
      settings({ sheets: { ignore: ["Nháp"] } }),
      [],
    );
    expect(parsed.layout.ignoredSheets).toEqual(["Nháp"]);
    expect(parsed.units.map((u) => u.unit)).toEqual(["Sở Tư pháp"]);
  });

  it("uses column letters from the settings over the detected header", () => {
    const s = sheet("STP", [
      ["Đơn vị: Sở Tư pháp"],
      ["STT", "Nội dung", "Điểm tối đa", "Cột A", "Cột B"],
      ["I", "Chỉ đạo", 2, 2, 1.5],
      ["1.1", "Kế hoạch", 1, 1, 0.5],
      ["1.2", "Báo cáo", 1, 1, 1],
    ]);
    const { parsed } = parseWorkbook(
      { sheets: [CRITERIA, s] },
      settings({
        sheets: { unitSheets: ["STP"] },
        columns: { scoring: { selfScore: "D", appraisedScore: "e" } },
      }),
      [],
    );
    expect(parsed.units[0].rows[1].appraisedScore).toEqual({ value: 0.5, cell: "E4" });
  });
});

describe("parseWorkbook: units list and survey tallies", () => {
  it("reads groups from section rows when the list has no Khối column", () => {
    const list = sheet("Đơn vị", [
      ["STT", "Tên cơ quan, đơn vị"],
      ["I", "Khối sở, ban, ngành"],
      [1, "Sở Tư pháp"],
      ["II", "Khối xã, phường"],
      [2, "Phường Ba Đình"],
    ]);
    const { parsed } = parseWorkbook({ sheets: [CRITERIA, list] }, settings(), []);
    expect(parsed.unitList.map((e) => [e.unit, e.group, e.cell])).toEqual([
      ["Sở Tư pháp", "Khối sở, ban, ngành", "B3"],
      ["Phường Ba Đình", "Khối xã, phường", "B5"],
    ]);
  });

  it("reads answer counts per unit and survey criterion and rejects counts that are not whole numbers", () => {
    const tally = sheet("Điều tra XHH", [
      ["Đơn vị", "Mã tiêu chí", "A", "B", "C", "D"],
      ["Sở Tư pháp", "1.1", 120, "40", 8, null],
      ["Sở Tài chính", "1.1", 100, 2.5, -1, 0],
      ["Sở Y tế", "9.9", 1, 1, 1, 1],
    ]);
    const { parsed, issues } = parseWorkbook({ sheets: [CRITERIA, tally] }, settings(), []);
    expect(parsed.layout.surveySheet).toBe("Điều tra XHH");
    expect(parsed.surveyTallies[0]).toEqual({
      unit: "Sở Tư pháp",
      criterionId: "1.1",
      counts: { A: 120, B: 40, C: 8, D: 0 },
      sheet: "Điều tra XHH",
      cell: "B2",
    });
    expect(parsed.surveyTallies[1].counts).toEqual({ A: 100, D: 0 });
    expect(where(issues)).toEqual([
      "survey_tally_invalid@Điều tra XHH!D3",
      "survey_tally_invalid@Điều tra XHH!E3",
      "unknown_code@Điều tra XHH!B4",
    ]);
  });
});

describe("parseWorkbook: legacy encoding", () => {
  it("warns once per sheet about TCVN3 text, with a sample cell", () => {
    const old = sheet("STP", [
      ["§¬n vÞ: Së T\u00ad ph¸p"],
      ["STT", "Néi dung", "Điểm tối đa", "Điểm tự đánh giá"],
      ["I", "ChØ ®¹o", 2, 2],
      ["1.1", "KÕ ho¹ch", 1, 1],
      ["1.2", "B¸o c¸o", 1, 1],
    ]);
    const { issues } = parseWorkbook({ sheets: [CRITERIA, old] }, settings(), []);
    expect(where(issues.filter((i) => i.code === "legacy_encoding"))).toEqual(["legacy_encoding@STP!A1"]);
  });

  it("says nothing about Unicode text", () => {
    const { issues } = parseWorkbook({ sheets: [CRITERIA, unitSheet("STP", "Sở Tư pháp")] }, settings(), []);
    expect(issues.filter((i) => i.code === "legacy_encoding")).toEqual([]);
  });
});

describe("parseWorkbook: the province fixture", () => {
  it.each(["unitSheets", "matrix"] as const)("reads every leaf and unit of the %s layout", (layout) => {
    const fixture = buildProvinceWorkbook({ layout });
    const { parsed, issues } = parseWorkbook(fixture.snapshot, settings(), []);
    expect(issues).toEqual([]);
    expect(parsed.criteria?.leafIds).toEqual(fixture.leaves.map((l) => l.id));
    expect(parsed.criteria?.maxPoints).toBe(100_000_000);
    expect(parsed.units.map((u) => [u.unit, u.sheet])).toEqual(fixture.units.map((u) => [u.name, u.sheet]));
    expect(parsed.unitList.map((e) => [e.unit, e.group])).toEqual(
      fixture.units.map((u) => [u.name, u.group]),
    );
    for (const u of parsed.units) {
      const leafRows = u.rows.filter(
        (r) => r.criterionId && parsed.criteria?.nodes[r.criterionId].childIds.length === 0,
      );
      expect(leafRows).toHaveLength(fixture.leaves.length);
      const cells = fixture.cells[u.unit];
      for (const r of leafRows) expect(r.selfScore?.cell).toBe(cells[r.code].self);
    }
  });

  it.each(["unitSheets", "matrix"] as const)(
    "reports the fixture's structural mistakes at their cells (%s)",
    (layout) => {
      const fixture = buildProvinceWorkbook({ layout, mistakes: true });
      const { issues } = parseWorkbook(fixture.snapshot, settings(), []);
      const structural = fixture.mistakes.filter(
        (m) => m.code === "parent_total_mismatch" || m.code === "max_differs",
      );
      expect(structural.length).toBeGreaterThan(0);
      expect(where(issues).sort()).toEqual(structural.map((m) => `${m.code}@${m.sheet}!${m.cell}`).sort());
    },
  );
});

describe("parseWorkbook: never throws", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 200 }),
    fc.boolean(),
    fc.constantFrom(
      "I",
      "II",
      "1.1",
      "1.1.1",
      " 1,5 ",
      "STT",
      "Nội dung",
      "Điểm tối đa",
      "Tự chấm",
      "Thẩm định",
      "Tổng cộng",
      "Đơn vị: X",
      "-",
      "KAD",
      "A",
      "B",
    ),
    fc.string({ maxLength: 12 }),
    fc.record({ error: fc.constantFrom("#REF!", "#VALUE!", "#N/A") }),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });
  const snapshot = fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), values: grid }), {
    maxLength: 4,
  });

  it("every issue names its sheet, except workbook-level ones", () => {
    fc.assert(
      fc.property(snapshot, (sheets) => {
        const { issues } = parseWorkbook({ sheets }, settings(), []);
        for (const i of issues) {
          if (i.code === "no_criteria_sheet" || i.code === "sheet_not_found") expect(i.sheet).toBeNull();
          else expect(sheets.map((s) => s.name)).toContain(i.sheet);
          if (i.cell === null) {
            expect([
              "missing_criterion",
              "no_criteria_sheet",
              "sheet_not_found",
              "criteria_header_not_found",
              "criteria_column_missing",
              "scoring_column_missing",
              "unit_duplicate",
            ]).toContain(i.code);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseWorkbook: a pasted ranking table", () => {
  it("is read as a list of units, not as a unit's scores", () => {
    const pasted = sheet("KQ 2023", [
      ["STT", "Tên đơn vị", "Điểm", "Khối"],
      [1, "Sở Tư pháp", 91.5, "Sở"],
    ]);
    const { parsed, issues } = parseWorkbook(
      { sheets: [CRITERIA, unitSheet("STP", "Sở Tư pháp"), pasted] },
      settings(),
      [],
    );
    expect(issues).toEqual([]);
    expect(parsed.layout.unitSheets).toEqual(["STP"]);
    expect(parsed.layout.unitsListSheet).toBe("KQ 2023");
  });
});
