/** Which copy of a unit counts: the user's choice, then final over draft, then identical copies once; else nothing is guessed. */
import { analyzeWorkbook } from "../../../src/core/analyze";
import { saysDraft } from "../../../src/core/consolidate/decide-unit-copies";
import type { SheetSnapshot } from "../../../src/core/grid";
import { describeIssue } from "../../../src/core/issues";
import type { SettingsInput } from "../../../src/core/settings";
import { GROUP, SMALL_CRITERIA, smallUnitSheet, unitsList } from "../../cli/workbooks";

/** A sheet as the command line merges it: renamed when its name was taken, remembering its file. */
const fromFile = (sheet: SheetSnapshot, file: string, merged = sheet.name): SheetSnapshot => ({
  ...sheet,
  name: merged,
  origin: { file, sheet: sheet.name },
});

const LIST = unitsList([
  ["Sở Tư pháp", GROUP],
  ["Sở Y tế", GROUP],
]);
const YTE = fromFile(smallUnitSheet("Sở Y tế", [2, 1, 2]), "/thu/so-y-te.xlsx");
const FIRST = fromFile(
  smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Tự đánh giá" }),
  "/thu/stp.xlsx",
);
const CORRECTED = fromFile(
  smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "Tự đánh giá" }),
  "/thu/stp-sua-lai.xlsx",
  "Tự đánh giá (2)",
);

function analyze(sheets: SheetSnapshot[], settings: SettingsInput | null = null) {
  return analyzeWorkbook({ sheets: [SMALL_CRITERIA, LIST, YTE, ...sheets] }, settings);
}
const ranked = (a: ReturnType<typeof analyze>) => a.results.map((r) => [r.unit, r.sheet, r.index]);
const about = (a: ReturnType<typeof analyze>, unit: string) =>
  a.issues.filter((i) => i.unit === unit && i.code.startsWith("unit_")).map((i) => [i.code, i.sheet]);

describe("two different copies of a unit", () => {
  it("are an error on each, naming both files and sheets, and the unit is not ranked until chosen", () => {
    const a = analyze([FIRST, CORRECTED]);
    expect(about(a, "Sở Tư pháp")).toEqual([
      ["unit_duplicate", "Tự đánh giá"],
      ["unit_duplicate", "Tự đánh giá (2)"],
    ]);
    expect(
      describeIssue(
        a.issues.find((i) => i.code === "unit_duplicate")!,
        "vi",
      ),
    ).toBe(
      'Đơn vị "Sở Tư pháp" có 2 bảng chấm điểm khác nhau: sheet "Tự đánh giá" (stp.xlsx) và "Tự đánh giá" (stp-sua-lai.xlsx). ' +
        'Đơn vị chưa được xếp hạng cho đến khi chọn bản dùng (cài đặt "sources", ví dụ {"Sở Tư pháp": "stp.xlsx"}).',
    );
    expect(ranked(a)).toEqual([["Sở Y tế", "Sở Y tế", 100]]);
    // Listed, and scored twice: not "without scores".
    expect(a.issues.some((i) => i.code === "unit_without_scores")).toBe(false);
  });

  it("are decided the same whatever their order", () => {
    const a = analyze([FIRST, CORRECTED]);
    const b = analyze([CORRECTED, FIRST]);
    expect(ranked(b)).toEqual(ranked(a));
    expect(about(b, "Sở Tư pháp").map(([code]) => code)).toEqual(["unit_duplicate", "unit_duplicate"]);
  });

  it("are settled by the sources setting, by file name (with or without .xlsx) or by sheet name", () => {
    for (const choice of ["stp-sua-lai.xlsx", "STP-SUA-LAI", "Tự đánh giá (2)"]) {
      const a = analyze([FIRST, CORRECTED], { sources: { "Sở Tư pháp": choice } });
      expect(ranked(a)).toContainEqual(["Sở Tư pháp", "Tự đánh giá (2)", 90]);
      expect(about(a, "Sở Tư pháp")).toEqual([["unit_copy_not_chosen", "Tự đánh giá"]]);
      expect(a.issues.some((i) => i.severity === "error")).toBe(false);
    }
  });

  it("stay undecided, with a warning, when the setting matches no copy", () => {
    const a = analyze([FIRST, CORRECTED], { sources: { "Sở Tư pháp": "so-tu-phap-2023.xlsx" } });
    expect(about(a, "Sở Tư pháp").map(([code]) => code)).toEqual([
      "unit_duplicate",
      "unit_source_unmatched",
      "unit_duplicate",
    ]);
    expect(ranked(a)).toEqual([["Sở Y tế", "Sở Y tế", 100]]);
  });
});

describe("a draft beside the final copy", () => {
  it("loses when its sheet name says nháp, with a warning naming the copy used", () => {
    const draft = fromFile(
      smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Tự đánh giá (nháp)" }),
      "/thu/stp.xlsx",
    );
    const final = fromFile(
      smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "Tự đánh giá" }),
      "/thu/stp.xlsx",
    );
    for (const order of [
      [draft, final],
      [final, draft],
    ]) {
      const a = analyze(order);
      expect(ranked(a)).toContainEqual(["Sở Tư pháp", "Tự đánh giá", 90]);
      const warning = a.issues.find((i) => i.code === "unit_draft_ignored")!;
      expect(warning).toMatchObject({ severity: "warning", sheet: "Tự đánh giá (nháp)" });
      expect(describeIssue(warning, "vi")).toContain('dùng sheet "Tự đánh giá" (stp.xlsx)');
    }
  });

  it("loses when its title says DỰ THẢO", () => {
    const plain = smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "STP A" });
    const draft = {
      ...plain,
      values: [["BẢNG TỰ ĐÁNH GIÁ (DỰ THẢO)", null, null, null, null, null], ...plain.values.slice(1)],
    };
    const final = smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "STP B" });
    const a = analyze([draft, final]);
    expect(ranked(a)).toContainEqual(["Sở Tư pháp", "STP B", 90]);
    expect(about(a, "Sở Tư pháp")).toEqual([["unit_draft_ignored", "STP A"]]);
  });

  it("is no help when both copies are drafts: still an error", () => {
    const a = analyze([
      smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Nháp 1" }),
      smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "Nháp 2" }),
    ]);
    expect(about(a, "Sở Tư pháp").map(([code]) => code)).toEqual(["unit_duplicate", "unit_duplicate"]);
  });
});

describe("an identical copy", () => {
  it("is a warning and the unit counts once", () => {
    const again = fromFile(
      smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Tự đánh giá" }),
      "/thu/stp-gui-lai.xlsx",
      "Tự đánh giá (2)",
    );
    const a = analyze([FIRST, again]);
    expect(about(a, "Sở Tư pháp")).toEqual([["unit_identical_copy", "Tự đánh giá (2)"]]);
    expect(ranked(a).filter(([u]) => u === "Sở Tư pháp")).toHaveLength(1);
    expect(a.issues.some((i) => i.severity === "error")).toBe(false);
  });
});

describe("what says draft", () => {
  it.each([
    ["Bản nháp", true],
    ["Tự đánh giá (Nháp)", true],
    ["DỰ THẢO lần 2", true],
    ["STP cu", true],
    ["Ban nhap", true],
    ["Bảng cũ", true],
    ["Draft", true],
    ["Nhập điểm", false],
    ["Kế hoạch cụ thể", false],
    ["Sở Tư pháp", false],
    ["Cục Thuế", false],
  ])("%s → %s", (text, draft) => {
    expect(saysDraft(text)).toBe(draft);
  });
});
