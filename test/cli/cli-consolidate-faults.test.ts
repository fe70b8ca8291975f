/**
 * Consolidating agencies' files as they arrive by mail: a corrected file re-sent, a draft beside
 * the final sheet, the same file sent twice, last year's form, files that cannot be read. Every
 * file is accounted for, nothing is chosen silently, and the order of the files never matters.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { SheetSnapshot } from "../../src/core/grid";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { useTempDir } from "../node/temp-dir";
import { readBack, rankingRows, sheetValues } from "./ranking-sheet";
import { runCli } from "./run-cli";
import { GROUP, SMALL_CRITERIA, smallUnitSheet, unitsList, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

const UNITS = ["Sở Tư pháp", "Sở Y tế", "Ban Dân tộc", "Sở Xây dựng", "Sở Nội vụ", "Sở Tài chính"];

/** Last year's form: criterion 1.2 is not in it (field I still says 3). */
function lastYearSheet(unit: string): SheetSnapshot {
  const sheet = smallUnitSheet(unit, [2, 1, 1.5]);
  return { ...sheet, values: sheet.values.filter((row) => row[0] !== "1.2") };
}

type Folder = { dir: string; criteria: string; files: Record<string, string> };

/** A folder as Sở Nội vụ gets it: the criteria file and one or more files per agency, with every fault. */
async function agencyFolder(name: string, opts: { unusable?: boolean } = {}): Promise<Folder> {
  const dir = path.join(tempDir(), name);
  mkdirSync(dir);
  const files: Record<string, string> = {};
  const add = async (file: string, sheets: SheetSnapshot[]) => {
    files[file] = await writeXlsx(dir, file, { sheets });
  };
  const criteria = await writeXlsx(dir, "bo-tieu-chi.xlsx", {
    sheets: [SMALL_CRITERIA, unitsList(UNITS.map((u) => [u, GROUP]))],
  });
  // Re-sent corrected file: the first one had Sở Tư pháp at 3/5, the corrected one at 4.5/5.
  await add("so-tu-phap.xlsx", [smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Tự đánh giá" })]);
  await add("so-tu-phap-sua-lai.xlsx", [
    smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "Tự đánh giá" }),
  ]);
  // Draft beside the final sheet in one file: the final gives 4/5.
  await add("so-y-te.xlsx", [
    smallUnitSheet("Sở Y tế", [0.5, 0.5, 0.5], { sheetName: "Sở Y tế (nháp)" }),
    smallUnitSheet("Sở Y tế", [1.5, 0.5, 2]),
  ]);
  // The same file sent twice (3.5/5).
  await add("ban-dan-toc.xlsx", [smallUnitSheet("Ban Dân tộc", [2, 0.5, 1])]);
  await add("ban-dan-toc-gui-lai.xlsx", [smallUnitSheet("Ban Dân tộc", [2, 0.5, 1])]);
  // Last year's form, one difference (1.2 missing): 2 + 1.5 = 3.5/5.
  await add("so-xay-dung.xlsx", [lastYearSheet("Sở Xây dựng")]);
  await add("so-noi-vu.xlsx", [smallUnitSheet("Sở Nội vụ", [2, 1, 2])]);
  await add("so-tai-chinh.xlsx", [smallUnitSheet("Sở Tài chính", [1, 1, 2])]);
  if (opts.unusable) {
    writeFileSync(path.join(dir, "hong-1.xlsx"), "STT,Đơn vị\n1,Sở Công Thương\n");
    writeFileSync(path.join(dir, "hong-2.xlsx"), "");
    files["hong-1.xlsx"] = path.join(dir, "hong-1.xlsx");
    files["hong-2.xlsx"] = path.join(dir, "hong-2.xlsx");
    // A workbook that opens but holds nothing to rank.
    await add("hong-3.xlsx", [{ name: "Ghi chú", values: [["Gửi kèm công văn số 12"]] }]);
  }
  return { dir, criteria, files };
}

const json = (stdout: string) => JSON.parse(stdout) as JsonResult;

describe("a folder of agency files with every real-life fault", () => {
  let folder: Folder;
  beforeAll(async () => {
    folder = await agencyFolder("thu-den", { unusable: true });
  });
  const inputs = () => [folder.criteria, ...Object.values(folder.files)];

  it("reports every file first, then checks and ranks the usable ones (exit 1, 3 files unreadable)", async () => {
    const run = await runCli(["check", ...inputs()]);
    expect(run.code).toBe(1);
    const report = run.stdout.slice(0, run.stdout.indexOf("\n\n"));
    expect(report.split("\n")).toEqual([
      "Các tệp đã đọc:",
      '  ban-dan-toc-gui-lai.xlsx — 1 đơn vị: Ban Dân tộc (sheet "Ban Dân tộc")',
      '  ban-dan-toc.xlsx — 1 đơn vị: Ban Dân tộc (sheet "Ban Dân tộc", bản sao giống hệt, bỏ qua)',
      '  bo-tieu-chi.xlsx — bộ tiêu chí (sheet "Bộ tiêu chí")',
      "  hong-1.xlsx — KHÔNG DÙNG ĐƯỢC: Tệp hong-1.xlsx không phải bảng tính Excel .xlsx (nội dung không phải gói Office Open XML).",
      "  hong-2.xlsx — KHÔNG DÙNG ĐƯỢC: Tệp hong-2.xlsx rỗng (0 byte), không phải bảng tính Excel.",
      "  hong-3.xlsx — KHÔNG DÙNG ĐƯỢC: Tệp hong-3.xlsx không có bảng chấm điểm nào và không phải tệp bộ tiêu chí; tệp này bị bỏ qua.",
      '  so-noi-vu.xlsx — 1 đơn vị: Sở Nội vụ (sheet "Sở Nội vụ")',
      '  so-tai-chinh.xlsx — 1 đơn vị: Sở Tài chính (sheet "Sở Tài chính")',
      '  so-tu-phap-sua-lai.xlsx — 1 đơn vị: Sở Tư pháp (sheet "Tự đánh giá", TRÙNG, chưa xếp hạng)',
      '  so-tu-phap.xlsx — 1 đơn vị: Sở Tư pháp (sheet "Tự đánh giá", TRÙNG, chưa xếp hạng)',
      '  so-xay-dung.xlsx — 1 đơn vị: Sở Xây dựng (sheet "Sở Xây dựng")',
      '  so-y-te.xlsx — 2 đơn vị: Sở Y tế (sheet "Sở Y tế (nháp)", bản nháp, bỏ qua), Sở Y tế (sheet "Sở Y tế")',
      "Đã đọc 12 tệp: 6 đơn vị; 3 tệp không đọc được.",
    ]);
    // The check report follows, each sheet with its file.
    expect(run.stdout).toContain('Sheet "Tự đánh giá" (tệp so-tu-phap.xlsx)');
    expect(run.stdout).toContain('Sheet "Tự đánh giá" (tệp so-tu-phap-sua-lai.xlsx)');
  });

  it("gives each fault its issue, traced to its file, in the JSON", async () => {
    const run = await runCli(["check", ...inputs(), "--json"]);
    expect(run.code).toBe(1);
    const result = json(run.stdout);
    const f = folder.files;
    expect(
      result.files.map((x) => [path.basename(x.path), x.units, x.criteria, x.problem?.code ?? null]),
    ).toEqual([
      ["ban-dan-toc-gui-lai.xlsx", ["Ban Dân tộc"], false, null],
      ["ban-dan-toc.xlsx", ["Ban Dân tộc"], false, null],
      ["bo-tieu-chi.xlsx", [], true, null],
      ["hong-1.xlsx", [], false, "not_zip"],
      ["hong-2.xlsx", [], false, "file_empty"],
      ["hong-3.xlsx", [], false, "no_scoring_sheet"],
      ["so-noi-vu.xlsx", ["Sở Nội vụ"], false, null],
      ["so-tai-chinh.xlsx", ["Sở Tài chính"], false, null],
      ["so-tu-phap-sua-lai.xlsx", ["Sở Tư pháp"], false, null],
      ["so-tu-phap.xlsx", ["Sở Tư pháp"], false, null],
      ["so-xay-dung.xlsx", ["Sở Xây dựng"], false, null],
      ["so-y-te.xlsx", ["Sở Y tế", "Sở Y tế"], false, null],
    ]);
    const of = (code: string) =>
      result.issues.filter((i) => i.code === code).map((i) => [i.file, i.sheet, i.severity]);
    // Re-sent corrected file: an error on both copies, each naming the other file; not ranked.
    expect(of("unit_duplicate")).toEqual([
      [f["so-tu-phap-sua-lai.xlsx"], "Tự đánh giá", "error"],
      [f["so-tu-phap.xlsx"], "Tự đánh giá", "error"],
    ]);
    const duplicate = result.issues.find((i) => i.code === "unit_duplicate")!;
    expect(duplicate.message).toContain(
      'sheet "Tự đánh giá" (so-tu-phap-sua-lai.xlsx) và "Tự đánh giá" (so-tu-phap.xlsx)',
    );
    expect(result.units.map((u) => u.name)).not.toContain("Sở Tư pháp");
    // Draft beside final: the draft loses, with a warning.
    expect(of("unit_draft_ignored")).toEqual([[f["so-y-te.xlsx"], "Sở Y tế (nháp)", "warning"]]);
    // Identical copy: a warning, counted once (the copy of the first path).
    expect(of("unit_identical_copy")).toEqual([[f["ban-dan-toc.xlsx"], "Ban Dân tộc", "warning"]]);
    // Last year's form, one difference: one warning for the file.
    const version = result.issues.filter((i) => i.code === "criteria_version_differs");
    expect(version.map((i) => [i.file, i.sheet, i.message])).toEqual([
      [
        f["so-xay-dung.xlsx"],
        "Sở Xây dựng",
        "so-xay-dung.xlsx theo phiên bản bộ tiêu chí khác (1 khác biệt: thiếu 1.2; sheet Sở Xây dựng).",
      ],
    ]);
    // Every issue of a sheet names its file; the units name theirs.
    for (const issue of result.issues) if (issue.sheet !== null) expect(issue.file).not.toBeNull();
    expect(result.units.find((u) => u.name === "Sở Y tế")).toEqual({
      name: "Sở Y tế",
      sheet: "Sở Y tế",
      group: GROUP,
      file: f["so-y-te.xlsx"],
    });
  });

  it("writes the ranking of the usable files without the undecided unit", async () => {
    const out = path.join(folder.dir, "ket-qua.xlsx");
    const run = await runCli(["rank", ...inputs(), "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith("Các tệp đã đọc:\n")).toBe(true);
    const wb = await readBack(out);
    const ranking = wb.worksheets.find((ws) => ws.name.startsWith("Xếp hạng"))!;
    expect(rankingRows(ranking).map((r) => [r.unit.value, r.index, r.rank])).toEqual([
      ["Sở Nội vụ", 100, 1],
      // A tie shares its rank; tied units in Vietnamese alphabetical order.
      ["Sở Tài chính", 80, 2],
      ["Sở Y tế", 80, 2],
      ["Ban Dân tộc", 70, 4],
      // Scored on last year's criteria (1.2 missing): an error of its own sheet, so the (*) mark.
      ["Sở Xây dựng (*)", 70, 4],
    ]);
  });

  it("with --strict stops at the first unusable file, writing nothing (exit 2)", async () => {
    const out = path.join(folder.dir, "khong-ghi.xlsx");
    const run = await runCli(["rank", ...inputs(), "-o", out, "--strict"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Tệp hong-[12]\.xlsx/);
    await expect(readBack(out)).rejects.toThrow();
  });
});

describe("choosing the copy of a re-sent unit", () => {
  let folder: Folder;
  beforeAll(async () => {
    folder = await agencyFolder("chon-ban");
  });

  it("takes the corrected file named in --settings sources, in either order of the files", async () => {
    const settings = path.join(folder.dir, "cai-dat.json");
    writeFileSync(settings, JSON.stringify({ sources: { "Sở Tư pháp": "so-tu-phap-sua-lai.xlsx" } }));
    const f = folder.files;
    const forward = [
      folder.criteria,
      f["so-tu-phap.xlsx"],
      f["so-tu-phap-sua-lai.xlsx"],
      f["so-noi-vu.xlsx"],
    ];
    const runs = [
      await runCli(["check", ...forward, "--settings", settings, "--json"]),
      await runCli(["check", ...[...forward].reverse(), "--settings", settings, "--json"]),
    ];
    expect(runs[1].stdout).toBe(runs[0].stdout);
    const result = json(runs[0].stdout);
    expect(runs[0].code).toBe(0);
    expect(result.units.find((u) => u.name === "Sở Tư pháp")).toMatchObject({
      file: f["so-tu-phap-sua-lai.xlsx"],
    });
    expect(result.groups[0].units.map((u) => [u.name, u.index])).toEqual([
      ["Sở Nội vụ", 100],
      ["Sở Tư pháp", 90],
    ]);
    const notChosen = result.issues.find((i) => i.code === "unit_copy_not_chosen")!;
    expect(notChosen).toMatchObject({ severity: "warning", file: f["so-tu-phap.xlsx"] });
  });

  it("without a choice, in either order, excludes the unit with the same errors", async () => {
    const f = folder.files;
    const forward = [folder.criteria, f["so-tu-phap.xlsx"], f["so-tu-phap-sua-lai.xlsx"]];
    const a = await runCli(["check", ...forward, "--json"]);
    const b = await runCli(["check", ...[...forward].reverse(), "--json"]);
    expect(a.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe("the order of the files", () => {
  it("never changes the JSON or the written ranking", async () => {
    const folder = await agencyFolder("thu-tu");
    const files = [folder.criteria, ...Object.values(folder.files)];
    const out = path.join(folder.dir, "ket-qua.xlsx");
    const runOnce = async (order: string[]) => {
      const run = await runCli(["rank", ...order, "-o", out, "--json"]);
      const wb = await readBack(out);
      const sheets = wb.worksheets.map((ws) => [ws.name, sheetValues(ws)]);
      return { code: run.code, stdout: run.stdout, sheets: JSON.stringify(sheets) };
    };
    const reference = await runOnce(files);
    expect(reference.code).toBe(1);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length }), async (order) => {
        const again = await runOnce(order);
        expect(again).toEqual(reference);
      }),
      { numRuns: 4 },
    );
  });
});
