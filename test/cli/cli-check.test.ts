import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { runCli } from "./run-cli";
import { GROUP, smallWorkbook, writeXlsx } from "./workbooks";

const tempDir = useTempDir();
const province = buildProvinceWorkbook({ layout: "unitSheets", mistakes: true, units: 24 });

describe("par-scorer check", () => {
  it("exits 0 and says so when the workbook has no errors", async () => {
    const file = await writeXlsx(tempDir(), "sach.xlsx", smallWorkbook());
    const run = await runCli(["check", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Không có lỗi hay cảnh báo nào.");
    expect(run.stdout).toContain("Tổng cộng: 0 lỗi, 0 cảnh báo — 3 đơn vị, 3 tiêu chí chấm điểm.");
    expect(run.stderr).toBe("");
  });

  it("exits 1 and lists each mistake under its sheet with its cell and Vietnamese message", async () => {
    const file = await writeXlsx(tempDir(), "tinh.xlsx", province.snapshot);
    const run = await runCli(["check", file]);
    expect(run.code).toBe(1);
    const sheetBlock = (sheet: string): string => {
      const start = run.stdout.indexOf(`Sheet "${sheet}"`);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = run.stdout.indexOf("\n\n", start);
      return run.stdout.slice(start, end);
    };
    const above = province.mistakes.find((m) => m.code === "score_above_max")!;
    expect(sheetBlock(above.sheet)).toMatch(
      new RegExp(`\\n  ${above.cell} +lỗi +Điểm 1,5 vượt điểm tối đa 1\\. Cần từ 0 đến 1\\.`),
    );
    const notNumber = province.mistakes.find((m) => m.code === "score_not_number")!;
    expect(sheetBlock(notNumber.sheet)).toContain(`${notNumber.cell}`);
    expect(sheetBlock(notNumber.sheet)).toContain('Điểm "đạt" không phải là số.');
    expect(run.stdout).toMatch(/Tổng cộng: \d+ lỗi, \d+ cảnh báo — 24 đơn vị, 66 tiêu chí chấm điểm\./);
  });

  it("prints only the JSON result on stdout with --json, with every fixture mistake at its cell", async () => {
    const file = await writeXlsx(tempDir(), "tinh-json.xlsx", province.snapshot);
    const run = await runCli(["check", file, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(Object.keys(result)).toEqual([
      "criteria",
      "files",
      "units",
      "issues",
      "groups",
      "scoringSheets",
      "comparison",
    ]);
    expect(result.files).toEqual([
      { path: file, units: province.units.map((u) => u.name), criteria: true, problem: null },
    ]);
    expect(result.criteria).toEqual({
      sheet: province.criteriaSheet,
      leaves: province.leaves.length,
      maxPoints: 100,
    });
    expect(result.units).toHaveLength(24);
    expect(result.units).toContainEqual({
      name: province.units[0].name,
      sheet: province.units[0].sheet,
      group: province.units[0].group,
      file: null,
    });
    for (const m of province.mistakes) {
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          code: m.code,
          sheet: m.sheet,
          cell: m.cell,
          unit: m.unit,
          criterion: m.criterion,
        }),
      );
    }
    for (const issue of result.issues) {
      expect(Object.keys(issue)).toEqual([
        "code",
        "severity",
        "file",
        "sheet",
        "cell",
        "unit",
        "criterion",
        "message",
      ]);
      expect(issue.cell === null || /^[A-Z]+\d+$/.test(issue.cell)).toBe(true);
    }
  });

  it("gives the groups with unrounded indices, ranks and bands in the JSON", async () => {
    const file = await writeXlsx(tempDir(), "nhom.xlsx", smallWorkbook());
    const result = JSON.parse((await runCli(["check", file, "--json"])).stdout) as JsonResult;
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group.name).toBe(GROUP);
    expect(group.average).toBeCloseTo((90 + 80 + 80) / 3, 10);
    const rows = group.units.map((u) => [u.name, u.points, u.maxPoints, u.index, u.rank, u.band]);
    expect(rows[0]).toEqual(["Sở Tư pháp", 4.5, 5, 90, 1, "A"]);
    // 4/5 each: an exact tie shares rank 2.
    expect(rows.slice(1).sort()).toEqual([
      ["=Sở Y tế", 4, 5, 80, 2, "B"],
      ["Ban Dân tộc", 4, 5, 80, 2, "B"],
    ]);
    expect(group.units[0].fields).toEqual([
      {
        code: "I",
        title: "Công tác chỉ đạo, điều hành",
        points: 3,
        maxPoints: 3,
        index: 100,
        previousIndex: null,
        indexChange: null,
      },
      {
        code: "II",
        title: "Cải cách thủ tục hành chính",
        points: 1.5,
        maxPoints: 2,
        index: 75,
        previousIndex: null,
        indexChange: null,
      },
    ]);
  });

  it("writes the messages in English with --lang en", async () => {
    const file = await writeXlsx(tempDir(), "tinh-en.xlsx", province.snapshot);
    const result = JSON.parse((await runCli(["check", file, "--json", "--lang", "en"])).stdout) as JsonResult;
    const above = result.issues.find((i) => i.code === "score_above_max")!;
    expect(above.message).toBe("Score 1.5 is above the maximum 1. Expected 0 to 1.");
  });

  it("applies a --settings file over the settings saved in the workbook", async () => {
    const file = await writeXlsx(tempDir(), "caidat.xlsx", smallWorkbook());
    const settings = path.join(tempDir(), "caidat.json");
    writeFileSync(
      settings,
      JSON.stringify({
        defaultBands: [
          { label: "Tốt", min: 85 },
          { label: "Khá", min: 0 },
        ],
      }),
    );
    const result = JSON.parse(
      (await runCli(["check", file, "--json", "--settings", settings])).stdout,
    ) as JsonResult;
    expect(result.groups[0].units.map((u) => u.band)).toEqual(["Tốt", "Khá", "Khá"]);
  });

  it("refuses a --settings file that is not JSON (exit 2, one line)", async () => {
    const file = await writeXlsx(tempDir(), "caidat2.xlsx", smallWorkbook());
    const settings = path.join(tempDir(), "hong.json");
    writeFileSync(settings, "{ defaultBands: ");
    const run = await runCli(["check", file, "--settings", settings]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("Tệp cài đặt hong.json không đọc được");
  });

  it("exits 2 when the named criteria sheet does not exist", async () => {
    const file = await writeXlsx(tempDir(), "tensheet.xlsx", smallWorkbook());
    const run = await runCli(["check", file, "--criteria-sheet", "Bộ chỉ số 2019"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Bộ chỉ số 2019");
  });

  it("prints usage with --help and the version with --version; an unknown command exits 2", async () => {
    expect((await runCli(["--help"])).stdout).toContain("par-scorer check TỆP.xlsx…");
    expect((await runCli(["--help", "--lang", "en"])).stdout).toContain("par-scorer check FILE.xlsx…");
    expect((await runCli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const unknown = await runCli(["xep-hang", "a.xlsx"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Lệnh không rõ "xep-hang"');
  });

  it("colours the report only on a terminal without NO_COLOR", async () => {
    const file = await writeXlsx(tempDir(), "mau.xlsx", province.snapshot);
    const { main } = await import("../../src/cli/main");
    const capture = async (isTTY: boolean, env: Record<string, string>): Promise<string> => {
      let out = "";
      await main(["check", file], { stdout: (t) => (out += t), stderr: () => undefined, isTTY, env });
      return out;
    };
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[/;
    expect(await capture(true, {})).toMatch(ansi);
    expect(await capture(true, { NO_COLOR: "1" })).not.toMatch(ansi);
    expect(await capture(false, {})).not.toMatch(ansi);
  });
});
