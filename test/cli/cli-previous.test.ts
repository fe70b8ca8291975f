import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import type { JsonExplanation } from "../../src/cli/explain-command";
import type { JsonComparison } from "../../src/cli/format-movement";
import type { SheetSnapshot } from "../../src/core/grid";
import { useTempDir } from "../node/temp-dir";
import { readBack } from "./ranking-sheet";
import { runCli } from "./run-cli";
import { SMALL_CRITERIA, smallUnitSheet, smallWorkbook, unitsList, writeXlsx, GROUP } from "./workbooks";

const tempDir = useTempDir();

/** The JSON result of check/rank: the engine's keys, and the comparison summary added by the command line. */
type CliJson = JsonResult & { comparison: JsonComparison | null };

/** Last year's published results only: an appendix table, no scoring sheets. */
const PUBLISHED_2024: SheetSnapshot = {
  name: "Phụ lục",
  values: [
    ["KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", null, null, null],
    [null, null, null, null],
    ["STT", "Tên đơn vị", "Chỉ số (%)", "Xếp hạng"],
    ["I. KHỐI SỞ, BAN, NGÀNH", null, null, null],
    [1, "Sở Y tế cũ", 88, 1],
    [2, "ban dân tộc", "86,00", 2],
    [3, "Sở Tư pháp", 85, 3],
    [4, "Sở Công Thương", 70, 4],
  ],
};

/** This year's settings: "=Sở Y tế" was last year's "Sở Y tế cũ". */
function settingsFile(dir: string): string {
  const file = path.join(dir, "settings.json");
  writeFileSync(file, JSON.stringify({ previousNames: { "=Sở Y tế": ["Sở Y tế cũ"] } }));
  return file;
}

describe("rank and check --previous", () => {
  it("gives each unit last year's index and rank and its changes in the JSON, a published table as last year", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    const previous = await writeXlsx(dir, "2024.xlsx", { sheets: [PUBLISHED_2024] });
    const run = await runCli([
      "rank",
      current,
      "--previous",
      previous,
      "--settings",
      settingsFile(dir),
      "--json",
    ]);
    expect(run.stderr).not.toMatch(/lỗi nội bộ/i);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as CliJson;
    const units = json.groups[0].units.map((u) => [u.name, u.previous, u.rankChange, u.indexChange]);
    expect(units).toHaveLength(3);
    expect(units).toEqual(
      expect.arrayContaining([
        ["Sở Tư pháp", { index: 85, rank: 3 }, 2, 5],
        ["=Sở Y tế", { index: 88, rank: 1 }, -1, -8],
        ["Ban Dân tộc", { index: 86, rank: 2 }, 0, expect.closeTo(-6, 10)],
      ]),
    );
    expect(json.issues.find((i) => i.code === "previous_unit_vanished")).toMatchObject({
      severity: "info",
      unit: "Sở Công Thương",
    });
    expect(json.comparison).toEqual({
      previousFile: previous,
      previousYear: 2024,
      source: "table",
      matched: 3,
      mapped: [{ unit: "=Sở Y tế", previous: ["Sở Y tế cũ"] }],
      new: [],
      vanished: [{ unit: "Sở Công Thương", group: "KHỐI SỞ, BAN, NGÀNH", index: 70, rank: 4 }],
      groups: [{ name: "Khối sở, ban, ngành", previousName: "KHỐI SỞ, BAN, NGÀNH" }],
      criteriaChanges: [],
    });
  });

  it("prints the movement table after the ranking, with ▲ ▼ = and the index change", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    const previous = await writeXlsx(dir, "2024.xlsx", { sheets: [PUBLISHED_2024] });
    const run = await runCli([
      "rank",
      current,
      "--previous",
      previous,
      "--settings",
      settingsFile(dir),
      "-o",
      path.join(dir, "out.xlsx"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("So với năm 2024");
    expect(run.stdout).toMatch(/Sở Tư pháp\s+85,00\s+3\s+▲2\s+\+5,00/);
    expect(run.stdout).toMatch(/=Sở Y tế\s+88,00\s+1\s+▼1\s+−8,00/);
    expect(run.stdout).toMatch(/Ban Dân tộc\s+86,00\s+2\s+=\s+−6,00/);
    expect(run.stdout).toContain("Sở Công Thương");
  });

  it("without --previous, the JSON says null for every unit's movement", async () => {
    const current = await writeXlsx(tempDir(), "2025.xlsx", smallWorkbook());
    const run = await runCli(["check", current, "--json"]);
    const json = JSON.parse(run.stdout) as CliJson;
    for (const u of json.groups[0].units)
      expect([u.previous, u.rankChange, u.indexChange]).toEqual([null, null, null]);
    expect(json.comparison).toBeNull();
  });

  it("check --previous with last year's scoring workbook lists criteria changes as information and still exits 0", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    // Last year 1.1 was worth 3 and 1.2 2 (field I: 5); field II unchanged.
    const lastCriteria: SheetSnapshot = {
      ...SMALL_CRITERIA,
      values: SMALL_CRITERIA.values.map((row) =>
        row[0] === "I"
          ? ["I", row[1], 5]
          : row[0] === "1.1"
            ? ["1.1", row[1], 3]
            : row[0] === "1.2"
              ? ["1.2", row[1], 2]
              : row[0] === null && row[1] === "Tổng cộng"
                ? [null, "Tổng cộng", 7]
                : row,
      ),
    };
    const previous = await writeXlsx(dir, "2024.xlsx", {
      sheets: [
        lastCriteria,
        unitsList([["Sở Tư pháp", GROUP]]),
        smallUnitSheet("Sở Tư pháp", [3, 2, 1], { maxima: [3, 2, 2] }),
      ],
    });
    const run = await runCli(["check", current, "--previous", previous]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/thông tin\s+Điểm tối đa của tiêu chí 1\.1 đổi từ 3 \(năm trước\) thành 2/);
    expect(run.stdout).toContain("Tổng cộng: 0 lỗi, 0 cảnh báo");
    const json = JSON.parse(
      (await runCli(["check", current, "--previous", previous, "--json"])).stdout,
    ) as CliJson;
    const stp = json.groups[0].units.find((u) => u.name === "Sở Tư pháp");
    expect(stp).toMatchObject({ previous: { index: (6 * 100) / 7, rank: 1 }, rankChange: 0 });
    expect(stp?.indexChange).toBeCloseTo(90 - 600 / 7, 10);
    // Field II kept its maximum (2): last year 1/2, this year 1,5/2; field I went from 5 to 3: not compared.
    expect(stp?.fields.map((f) => [f.code, f.index, f.previousIndex, f.indexChange])).toEqual([
      ["I", 100, null, null],
      ["II", 75, 50, 25],
    ]);
    // The summary: last year's scoring sheets had only Sở Tư pháp; the two criteria whose
    // maximum changed are listed (field I too, its maximum went from 5 to 3).
    expect(json.comparison).toMatchObject({
      previousFile: previous,
      source: "scoring",
      matched: 1,
      mapped: [],
      vanished: [],
      criteriaChanges: [
        { kind: "maxChanged", code: "I", maxPoints: 3, previousMaxPoints: 5 },
        { kind: "maxChanged", code: "1.1", maxPoints: 2, previousMaxPoints: 3 },
        { kind: "maxChanged", code: "1.2", maxPoints: 1, previousMaxPoints: 2 },
      ],
    });
    expect(json.comparison?.new).toEqual(expect.arrayContaining(["=Sở Y tế", "Ban Dân tộc"]));
    expect(json.comparison?.new).toHaveLength(2);
  });

  it("refuses (exit 2) a previous file with neither scores nor a ranking table, naming it", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    const previous = await writeXlsx(dir, "notes.xlsx", {
      sheets: [{ name: "Ghi chú", values: [["Công văn gửi kèm"]] }],
    });
    const run = await runCli(["rank", current, "--previous", previous]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("notes.xlsx");
  });
});

describe("par-scorer explain", () => {
  it("lists where the unit lost points, largest loss first, with field, cell and the index if full", async () => {
    const file = await writeXlsx(tempDir(), "2025.xlsx", smallWorkbook());
    const run = await runCli(["explain", file, "--unit", "ban dan toc"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Ban Dân tộc — Khối sở, ban, ngành");
    expect(run.stdout).toContain("Chỉ số 80,00 %");
    const lines = run.stdout.split("\n");
    const first = lines.findIndex((l) => l.includes("1.2 Báo cáo CCHC"));
    const second = lines.findIndex((l) => l.includes("2.1 Công khai thủ tục hành chính"));
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(lines[first]).toMatch(/Ban Dân tộc!D6\s+90,00\s+1$/);
  });

  it("gives the same as JSON", async () => {
    const file = await writeXlsx(tempDir(), "2025.xlsx", smallWorkbook());
    const run = await runCli(["explain", file, "--unit", "Ban Dân tộc", "--json"]);
    const json = JSON.parse(run.stdout) as JsonExplanation;
    expect(json).toMatchObject({ unit: "Ban Dân tộc", index: 80, rank: 2, totalLost: 1 });
    expect(json.gains.map((g) => [g.code, g.fieldCode, g.lost, g.cell, g.indexIfFull, g.rankIfFull])).toEqual(
      [
        ["1.2", "I", 0.5, "D6", 90, 1],
        ["2.1", "II", 0.5, "D8", 90, 1],
      ],
    );
  });

  it("refuses an unknown unit (exit 2) and a missing --unit (usage)", async () => {
    const file = await writeXlsx(tempDir(), "2025.xlsx", smallWorkbook());
    const unknown = await runCli(["explain", file, "--unit", "Sở Xây dựng"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không có đơn vị "Sở Xây dựng"');
    const missing = await runCli(["explain", file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--unit");
  });
});

describe("the ranking sheets written with --previous", () => {
  /** Unit name → [last index, last rank, movement, index change] read back from a written ranking sheet. */
  async function movementColumns(file: string) {
    const wb = await readBack(file);
    const out = new Map<string, unknown[]>();
    let headers: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === "string" ? v : v));
        const at = values.indexOf("Năm trước - Chỉ số (%)");
        if (at >= 0) {
          headers = values.map((v) => String(v ?? ""));
          return;
        }
        const first = headers.indexOf("Năm trước - Chỉ số (%)");
        const unitCol = headers.findIndex((h) => h === "Đơn vị" || h.startsWith("Tên"));
        if (first < 0 || unitCol < 0) return;
        const unit = values[unitCol];
        if (typeof unit === "string" && typeof values[0] === "number")
          out.set(unit.replace(/\s*\(\*\)$/, ""), values.slice(first, first + 4));
      });
      headers = [];
    }
    return out;
  }

  it("gains Năm trước (index, rank) and Thay đổi (▲ ▼ =, index change) columns, read back with ExcelJS", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    const previous = await writeXlsx(dir, "2024.xlsx", { sheets: [PUBLISHED_2024] });
    const out = path.join(dir, "out.xlsx");
    const run = await runCli([
      "rank",
      current,
      "--previous",
      previous,
      "--settings",
      settingsFile(dir),
      "-o",
      out,
    ]);
    expect(run.code).toBe(0);
    const columns = await movementColumns(out);
    expect(columns.get("Sở Tư pháp")).toEqual([85, 3, "▲2", 5]);
    expect(columns.get("=Sở Y tế")).toEqual([88, 1, "▼1", -8]);
    expect(columns.get("Ban Dân tộc")?.slice(0, 3)).toEqual([86, 2, "="]);
    expect(columns.get("Ban Dân tộc")?.[3]).toBeCloseTo(-6, 10);
  });

  it("has no such columns without --previous", async () => {
    const dir = tempDir();
    const current = await writeXlsx(dir, "2025.xlsx", smallWorkbook());
    const out = path.join(dir, "out.xlsx");
    expect((await runCli(["rank", current, "-o", out])).code).toBe(0);
    expect((await movementColumns(out)).size).toBe(0);
  });
});
