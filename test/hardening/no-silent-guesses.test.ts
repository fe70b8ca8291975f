/**
 * The command line reports what it cannot read instead of guessing: numbers Excel would never
 * store ("1,5", "0x1"), contradictory settings, settings "files" that are folders, FIFOs, devices
 * or huge; no English library text and no raw control character reaches the terminal.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { escapeControls } from "../../src/cli/terminal-text";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { runCli, writeSnapshotFile } from "./adapters";
import { editSheetXml } from "./hostile-files";

const tempDir = useTempDir("par-guesses-");
let province: Buffer;
let n = 0;

beforeAll(async () => {
  const file = path.join(tempDir(), "tinh.xlsx");
  await writeSnapshotFile(buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 6 }).snapshot, file);
  province = readFileSync(file);
});

function saved(bytes: Buffer, name = `tep-${n++}.xlsx`): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

const withNumberCell = (raw: string) => (xml: string) =>
  xml.replace("</sheetData>", `<row r="200"><c r="B200"><v>${raw}</v></c></row></sheetData>`);

function expectRefusal(run: { status: number; stdout: string; stderr: string }, words: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(words);
}

describe("numbers Excel would not store as numbers", () => {
  it.each([
    ["1,5", /sheet1\.xml!B200 = "1,5"/],
    ["0x1", /sheet1\.xml!B200 = "0x1"/],
  ])("a raw <v>%s</v> is reported at its cell, not read as a guess", async (raw, where) => {
    const file = saved(await editSheetXml(province, withNumberCell(raw)));
    expectRefusal(await runCli(["check", file]), where);
  });

  it("a raw <v>1.5E0</v> is a number (the passing case)", async () => {
    const file = saved(await editSheetXml(province, withNumberCell("1.5E0")));
    expect([0, 1]).toContain((await runCli(["check", file])).status);
  });
});

describe("contradictory settings", () => {
  it("totalFloor above totalCeiling is rejected with a message, and the saved settings stay", async () => {
    const file = saved(province);
    const settings = path.join(tempDir(), "san-tran.json");
    writeFileSync(settings, JSON.stringify({ totalFloor: 90, totalCeiling: 10 }));
    const run = await runCli(["check", file, "--settings", settings, "--json"]);
    const issue = (JSON.parse(run.stdout) as JsonResult).issues.find((i) => i.code === "settings_invalid");
    expect(issue?.message).toMatch(/totalFloor 90 > totalCeiling 10/);
    const ranks = (JSON.parse(run.stdout) as JsonResult).groups.flatMap((g) => g.units.map((u) => u.index));
    expect(ranks.some((index) => index !== 10)).toBe(true);
  });

  it("a floor below the ceiling is accepted (the passing case)", async () => {
    const file = saved(province);
    const settings = path.join(tempDir(), "san-tran-dung.json");
    writeFileSync(settings, JSON.stringify({ totalFloor: 0, totalCeiling: 100 }));
    const run = await runCli(["check", file, "--settings", settings, "--json"]);
    expect((JSON.parse(run.stdout) as JsonResult).issues.map((i) => i.code)).not.toContain(
      "settings_invalid",
    );
  });
});

describe("the settings file", () => {
  it("a folder gets its own message", async () => {
    const dir = path.join(tempDir(), "thu-muc.json");
    mkdirSync(dir);
    expectRefusal(await runCli(["check", saved(province), "--settings", dir]), /là một thư mục/);
  });

  it("a FIFO is refused without being opened (no hang)", async () => {
    const fifo = path.join(tempDir(), "ong.json");
    execFileSync("mkfifo", [fifo]);
    expectRefusal(await runCli(["check", saved(province), "--settings", fifo]), /FIFO/);
  });

  it("/dev/zero is refused as a device, not read", async () => {
    expectRefusal(await runCli(["check", saved(province), "--settings", "/dev/zero"]), /thiết bị/);
  });

  it("a 1.5 MB file is refused as too large, not read", async () => {
    const big = path.join(tempDir(), "lon.json");
    writeFileSync(big, `{"x":"${"a".repeat(1.5 * 2 ** 20)}"}`);
    expectRefusal(await runCli(["check", saved(province), "--settings", big]), /quá lớn/);
  });
});

describe("what reaches the terminal", () => {
  it("no English warning from ExcelJS for a sheet name over 31 characters", async () => {
    const zip = await JSZip.loadAsync(province);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.replace('name="Hướng dẫn"', `name="Hướng dẫn ${"rất ".repeat(10)}dài"`));
    const file = saved(await zip.generateAsync({ type: "nodebuffer" }));
    const warn = jest.spyOn(console, "warn");
    try {
      const run = await runCli(["check", file]);
      expect([0, 1, 2]).toContain(run.status);
      expect(warn).not.toHaveBeenCalled();
      expect(run.stdout + run.stderr).not.toMatch(/exceeds|truncated/);
    } finally {
      warn.mockRestore();
    }
  });

  it("a file name with ESC, BEL, CSI and a right-to-left override is shown escaped", async () => {
    const name = path.join(tempDir(), "so\u001b]0;x\u0007\u009b2J\u202etxt.xlsx");
    const run = await runCli(["check", name]);
    expect(run.status).toBe(2);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(run.stderr).not.toMatch(/[\u0007\u001b\u009b\u202e]/);
    expect(run.stderr).toContain("so\\u001b]0;x\\u0007\\u009b2J\\u202etxt.xlsx");
  });

  it("escapeControls keeps line feeds and tabs, and PAR Scorer's own colours only when asked", () => {
    expect(escapeControls("a\tb\nc\rd")).toBe("a\tb\nc\\u000dd");
    expect(escapeControls("\u001b[31mđỏ\u001b[39m", true)).toBe("\u001b[31mđỏ\u001b[39m");
    expect(escapeControls("\u001b[31mđỏ\u001b[39m")).toBe("\\u001b[31mđỏ\\u001b[39m");
    expect(JSON.parse(escapeControls(JSON.stringify({ t: "x\u202ey\u009b" })))).toEqual({
      t: "x\u202ey\u009b",
    });
  });
});
