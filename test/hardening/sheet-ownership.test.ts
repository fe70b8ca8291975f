/**
 * PAR Scorer deletes or replaces only the sheets it can prove it wrote (src/core/sheet-ownership.ts),
 * in both hosts: the command line (ExcelJS, `rank -o`) and the task pane (Office.js over the
 * stand-in). A name in the saved list proves nothing; a person's sheet called _ParScorer is
 * never read as settings nor replaced.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { SETTINGS_SHEET, settingsSheetValues } from "../../src/core/saved-settings";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { dumpWorkbook } from "../stand-in/excel-stand-in";
import {
  changedCells,
  generatedSheetsOf,
  installStandIn,
  normalizeGrid,
  rankThroughCli,
  rankThroughOffice,
  sheetNamed,
  userSheets,
} from "./adapters";

const tempDir = useTempDir("par-ownership-");

const PERSONS_SHEETS = ["Bộ tiêu chí", "Danh sách đơn vị", "01 Sở Tư pháp", "Hướng dẫn"];

/** A settings sheet (PAR Scorer's marker, very hidden) whose saved list names a person's sheets. */
function lyingSettingsSheet(json: string): SheetSnapshot {
  return { name: SETTINGS_SHEET, values: settingsSheetValues(json), visibility: "veryHidden" };
}

const LEGACY_LIST = JSON.stringify({ generatedSheets: PERSONS_SHEETS });
const SIGNED_LIST = JSON.stringify({
  ownSheets: PERSONS_SHEETS.map((name) => ({ name, signature: "v2;0:0000000000000000;1:0000000000000000" })),
});

function province(extra: SheetSnapshot[] = []): WorkbookSnapshot {
  const { snapshot } = buildProvinceWorkbook({ units: 4, layout: "unitSheets", seed: 5 });
  return { sheets: [...snapshot.sheets, ...extra] };
}

/** Replaces one sheet of a snapshot by a person's sheet of the same name (and visible). */
function recreated(snapshot: WorkbookSnapshot, name: string, values: CellValue[][]): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => (s.name === name ? { name, values, visibility: "visible" } : s)),
  };
}

const OFFICERS_SHEET: CellValue[][] = [
  ["GHI CHÚ CỦA PHÒNG CCHC"],
  ["Họp giao ban ngày 12/3: rà soát điểm của các xã"],
  ["Người lập biểu", null, "Trưởng phòng"],
];

const codes = (stdout: string): string[] => (JSON.parse(stdout) as JsonResult).issues.map((i) => i.code);

describe.each(["legacy list of names", "signed list with wrong signatures"])(
  "a saved list naming a person's sheets (%s)",
  (kind) => {
    const json = kind === "legacy list of names" ? LEGACY_LIST : SIGNED_LIST;

    it("the command line deletes none of them, ranks every unit and says why", async () => {
      const run = await rankThroughCli(province([lyingSettingsSheet(json)]), tempDir(), "lying");
      expect(run.after).not.toBeNull();
      const after = run.after!;
      expect(changedCells(userSheets(run.before, []), userSheets(after, generatedSheetsOf(after)))).toEqual(
        [],
      );
      const result = JSON.parse(run.stdout) as JsonResult;
      expect(result.criteria?.sheet).toBe("Bộ tiêu chí");
      expect(result.units.map((u) => u.sheet)).toContain("01 Sở Tư pháp");
      expect(
        result.issues
          .filter((i) => i.code === "sheet_not_owned")
          .map((i) => i.sheet)
          .sort(),
      ).toEqual([...PERSONS_SHEETS].sort());
      expect(generatedSheetsOf(after)).not.toEqual(expect.arrayContaining(["Bộ tiêu chí"]));
    });

    it("the task pane (Office.js) deletes none of them and ranks every unit", async () => {
      const host = installStandIn(province([lyingSettingsSheet(json)]));
      try {
        const run = await rankThroughOffice(host);
        expect(
          changedCells(userSheets(run.before, []), userSheets(run.after, generatedSheetsOf(run.after))),
        ).toEqual([]);
        const ranked = run.plan.sheets.flatMap((s) => s.patches.flatMap((p) => p.values.flat()));
        expect(ranked).toContain("Sở Tư pháp");
        expect(run.plan.deleteSheets).toEqual([]);
        expect(run.plan.sheets.every((s) => !s.replaces)).toBe(true);
      } finally {
        host.uninstall();
      }
    });
  },
);

describe("an officer deleted an old ranking sheet and made a sheet of their own with its name", () => {
  it("the command line keeps the officer's sheet and writes the ranking beside it, with a warning", async () => {
    const first = await rankThroughCli(province(), tempDir(), "first");
    const rankingName = first.after!.sheets.find((s) => s.name.startsWith("Xếp hạng"))!.name;
    expect(generatedSheetsOf(first.after!)).toContain(rankingName);

    const second = await rankThroughCli(
      recreated(first.after!, rankingName, OFFICERS_SHEET),
      tempDir(),
      "second",
    );
    const after = second.after!;
    expect(normalizeGrid(sheetNamed(after, rankingName)!.values)).toEqual(normalizeGrid(OFFICERS_SHEET));
    const beside = generatedSheetsOf(after).filter((n) => !generatedSheetsOf(first.after!).includes(n));
    expect(beside).toHaveLength(1);
    expect(beside[0]).toMatch(/ \(2\)$/);
    expect(sheetNamed(after, beside[0])).toBeDefined();
    expect(generatedSheetsOf(after)).not.toContain(rankingName);
    const kept = (JSON.parse(second.stdout) as JsonResult).issues.find((i) => i.code === "sheet_not_owned");
    expect(kept).toMatchObject({ severity: "warning", sheet: rankingName });
  });

  it("the command line still replaces its own sheet when nobody touched it (the passing case)", async () => {
    const first = await rankThroughCli(province(), tempDir(), "again-1");
    const second = await rankThroughCli(first.after!, tempDir(), "again-2");
    expect(second.after!.sheets.map((s) => s.name)).toEqual(first.after!.sheets.map((s) => s.name));
    expect(codes(second.stdout)).not.toContain("sheet_not_owned");
  });

  it("the task pane keeps the officer's sheet and writes the ranking beside it", async () => {
    let host = installStandIn(province());
    let rankingName: string;
    let afterFirst: WorkbookSnapshot;
    try {
      const run = await rankThroughOffice(host);
      rankingName = run.plan.sheets[0].name;
      afterFirst = run.after;
    } finally {
      host.uninstall();
    }
    host = installStandIn(recreated(afterFirst, rankingName, OFFICERS_SHEET));
    try {
      const run = await rankThroughOffice(host);
      expect(normalizeGrid(sheetNamed(run.after, rankingName)!.values)).toEqual(
        normalizeGrid(OFFICERS_SHEET),
      );
      const beside = run.plan.sheets.map((s) => s.name).filter((n) => n !== rankingName && /\(2\)$/.test(n));
      expect(beside).toHaveLength(1);
      expect(run.plan.deleteSheets).not.toContain(rankingName);
      expect(generatedSheetsOf(dumpWorkbook(host.workbook))).toContain(beside[0]);
      expect(generatedSheetsOf(dumpWorkbook(host.workbook))).not.toContain(rankingName);
    } finally {
      host.uninstall();
    }
  });

  it("a ranking sheet a person typed into is kept too: their value is not overwritten", async () => {
    const first = await rankThroughCli(province(), tempDir(), "typed-1");
    const ranking = first.after!.sheets.find((s) => s.name.startsWith("Xếp hạng"))!;
    const typed = ranking.values.map((line) => [...line]);
    typed.push([], ["Người lập biểu: Nguyễn Văn A"]);
    const second = await rankThroughCli(recreated(first.after!, ranking.name, typed), tempDir(), "typed-2");
    expect(normalizeGrid(sheetNamed(second.after!, ranking.name)!.values)).toEqual(normalizeGrid(typed));
    expect(codes(second.stdout)).toContain("sheet_not_owned");
  });
});

describe("a person's sheet named _ParScorer", () => {
  const mine: SheetSnapshot = {
    name: "_PARSCORER",
    values: [["Ghi chú của tôi"], ['{"generatedSheets":["Bộ tiêu chí"]}']],
    visibility: "visible",
  };

  it("the command line neither reads it as settings nor replaces it; the ranking is still written", async () => {
    const run = await rankThroughCli(province([mine]), tempDir(), "mine");
    const after = run.after!;
    const sheet = sheetNamed(after, "_PARSCORER")!;
    expect(sheet.visibility).toBe("visible");
    expect(normalizeGrid(sheet.values)).toEqual(normalizeGrid(mine.values));
    expect(after.sheets.some((s) => s.name.startsWith("Xếp hạng"))).toBe(true);
    expect(sheetNamed(after, "Bộ tiêu chí")).toBeDefined();
    expect(codes(run.stdout)).toContain("settings_sheet_foreign");
  });

  it("a hidden one without PAR Scorer's marker is a person's too", async () => {
    const hidden: SheetSnapshot = { ...mine, name: "_ParScorer", visibility: "hidden" };
    const run = await rankThroughCli(province([hidden]), tempDir(), "hidden");
    expect(normalizeGrid(sheetNamed(run.after!, "_ParScorer")!.values)).toEqual(normalizeGrid(mine.values));
    expect(sheetNamed(run.after!, "_ParScorer")!.visibility).toBe("hidden");
  });

  it("the task pane neither reads it as settings nor replaces it", async () => {
    const host = installStandIn(province([mine]));
    try {
      const run = await rankThroughOffice(host);
      expect(run.plan.settingsJson).toBeNull();
      const sheet = sheetNamed(run.after, "_PARSCORER")!;
      expect(sheet.visibility).toBe("visible");
      expect(normalizeGrid(sheet.values)).toEqual(normalizeGrid(mine.values));
      expect(run.after.sheets.some((s) => s.name.startsWith("Xếp hạng"))).toBe(true);
    } finally {
      host.uninstall();
    }
  });
});
