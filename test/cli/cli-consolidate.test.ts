import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { useTempDir } from "../node/temp-dir";
import { readBack, rankingRows } from "./ranking-sheet";
import { runCli } from "./run-cli";
import { GROUP, SMALL_CRITERIA, smallUnitSheet, unitsList, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

const UNITS: [string, string][] = [
  ["Sở Tư pháp", GROUP],
  ["Sở Y tế", GROUP],
  ["Ban Dân tộc", GROUP],
  ["Sở Xây dựng", GROUP],
];

/** The criteria file Sở Nội vụ keeps, and the files agencies send back (one or two units each). */
async function agencyFiles(dir: string): Promise<{ criteria: string; a: string; b: string }> {
  const criteria = await writeXlsx(dir, "bo-tieu-chi.xlsx", { sheets: [SMALL_CRITERIA, unitsList(UNITS)] });
  const a = await writeXlsx(dir, "so-tu-phap.xlsx", {
    sheets: [smallUnitSheet("Sở Tư pháp", [2, 1, 1.5], { sheetName: "Tự đánh giá" })],
  });
  const b = await writeXlsx(dir, "khoi-so.xlsx", {
    sheets: [smallUnitSheet("Sở Y tế", [1.5, 0.5, 2]), smallUnitSheet("Ban Dân tộc", [2, 0.5, 1.5])],
  });
  return { criteria, a, b };
}

describe("consolidating several files", () => {
  it("ranks the units of every file against the criteria file, writing beside the criteria file", async () => {
    const dir = path.join(tempDir(), "gop");
    mkdirSync(dir);
    const { criteria, a, b } = await agencyFiles(dir);
    const run = await runCli(["rank", a, criteria, b, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.criteria).toEqual({ sheet: "Bộ tiêu chí", leaves: 3, maxPoints: 5 });
    expect(result.groups[0].units.map((u) => [u.name, u.index, u.rank])).toEqual([
      ["Sở Tư pháp", 90, 1],
      expect.arrayContaining([80, 2]),
      expect.arrayContaining([80, 2]),
    ]);
    // Files are read in the order of their paths, whatever the order of the arguments.
    expect(run.stderr).toMatch(/\[1\/3\] Đang đọc (bo-tieu-chi|khoi-so|so-tu-phap)\.xlsx…/);
    expect(run.stderr).toMatch(/\[3\/3\] Đang đọc (bo-tieu-chi|khoi-so|so-tu-phap)\.xlsx…/);
    expect(run.stderr).toContain("Dùng bộ tiêu chí trong tệp bo-tieu-chi.xlsx.");
    const out = path.join(dir, "bo-tieu-chi.xep-hang.xlsx");
    expect(run.stderr).toContain(`Đã ghi kết quả xếp hạng: ${out}`);
    const wb = await readBack(out);
    const ranking = wb.worksheets.find((ws) => ws.name.startsWith("Xếp hạng"))!;
    expect(rankingRows(ranking).map((r) => r.unit.value)).toHaveLength(3);
    // The scoring sheets of the other files are not copied into the criteria file.
    expect(wb.getWorksheet("Tự đánh giá")).toBeUndefined();
  });

  it("names the criteria file with --criteria", async () => {
    const dir = path.join(tempDir(), "chi-dinh");
    mkdirSync(dir);
    const { criteria, a, b } = await agencyFiles(dir);
    const run = await runCli(["check", a, b, "--criteria", criteria, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.units.map((u) => u.name).sort()).toEqual(["Ban Dân tộc", "Sở Tư pháp", "Sở Y tế"]);
    expect(run.stderr).not.toContain("Dùng bộ tiêu chí");
  });

  it("reports a unit found in two files", async () => {
    const dir = path.join(tempDir(), "trung");
    mkdirSync(dir);
    const { criteria, a, b } = await agencyFiles(dir);
    const again = await writeXlsx(dir, "so-tu-phap-lan-2.xlsx", {
      sheets: [smallUnitSheet("Sở Tư pháp", [1, 1, 1], { sheetName: "Tự đánh giá" })],
    });
    const run = await runCli(["check", criteria, a, b, again, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;
    const duplicates = result.issues.filter((i) => i.code === "unit_duplicate");
    // An error on each copy, with its own file and sheet name; the unit waits for the user's choice.
    expect(duplicates.map((i) => [i.file, i.sheet, i.unit, i.severity])).toEqual([
      [again, "Tự đánh giá", "Sở Tư pháp", "error"],
      [a, "Tự đánh giá", "Sở Tư pháp", "error"],
    ]);
    expect(result.units.filter((u) => u.name === "Sở Tư pháp")).toHaveLength(0);
    const text = await runCli(["check", criteria, a, b, again]);
    expect(text.stdout).toContain('Sheet "Tự đánh giá" (tệp so-tu-phap.xlsx)');
  });

  it("reports a file whose maxima follow another version of the criteria", async () => {
    const dir = path.join(tempDir(), "phien-ban");
    mkdirSync(dir);
    const { criteria, a } = await agencyFiles(dir);
    const old = await writeXlsx(dir, "so-xay-dung-2023.xlsx", {
      // 1.1, 1.2, II and 2.1 differ from the set (field I still sums to 3).
      sheets: [smallUnitSheet("Sở Xây dựng", [1, 1, 1], { maxima: [1.5, 1.5, 3] })],
    });
    const run = await runCli(["check", criteria, a, old, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    const version = result.issues.filter((i) => i.code === "criteria_version_differs");
    expect(version).toHaveLength(1);
    expect(version[0]).toMatchObject({ severity: "warning", sheet: "Sở Xây dựng" });
    expect(version[0].message).toBe(
      "so-xay-dung-2023.xlsx theo phiên bản bộ tiêu chí khác (4 khác biệt: 1.1 tối đa 1,5 thay vì 2; 1.2 tối đa 1,5 thay vì 1; II tối đa 3 thay vì 2; 2.1 tối đa 3 thay vì 2; sheet Sở Xây dựng).",
    );
  });

  it("reports another version for fewer than 3 differing maxima too", async () => {
    const dir = path.join(tempDir(), "mot-o");
    mkdirSync(dir);
    const { criteria } = await agencyFiles(dir);
    const typo = await writeXlsx(dir, "so-y-te.xlsx", {
      sheets: [smallUnitSheet("Sở Y tế", [1, 1, 1], { maxima: [2, 1, 3] })],
    });
    const result = JSON.parse((await runCli(["check", criteria, typo, "--json"])).stdout) as JsonResult;
    expect(result.issues.some((i) => i.code === "max_differs")).toBe(true);
    const version = result.issues.filter((i) => i.code === "criteria_version_differs");
    expect(version.map((i) => [i.file, i.sheet, i.message])).toEqual([
      [
        typo,
        "Sở Y tế",
        "so-y-te.xlsx theo phiên bản bộ tiêu chí khác (2 khác biệt: II tối đa 3 thay vì 2; 2.1 tối đa 3 thay vì 2; sheet Sở Y tế).",
      ],
    ]);
  });
});
