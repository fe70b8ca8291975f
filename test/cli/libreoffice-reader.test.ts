import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { convertWithSoffice, readSheetsWithLibreOffice, requireSoffice } from "./libreoffice";
import { runCli } from "./run-cli";
import { smallWorkbook, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

describe("the written workbook read back by LibreOffice (an independent reader)", () => {
  beforeAll(() => requireSoffice());

  it("holds the ranking values PAR Scorer computed, and formula-like names as text", async () => {
    const province = buildProvinceWorkbook({ layout: "unitSheets", mistakes: true, units: 24 });
    const file = await writeXlsx(tempDir(), "tinh.xlsx", {
      sheets: [...province.snapshot.sheets, ...smallWorkbook().sheets.filter((s) => s.name === "Sở Y tế")],
    });
    const out = path.join(tempDir(), "tinh-ra.xlsx");
    const run = await runCli(["rank", file, "-o", out, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;

    const sheets = readSheetsWithLibreOffice(out);
    for (const group of result.groups) {
      const rows = [...sheets.entries()].find(
        ([name, r]) => name.includes(group.name.slice(0, 12)) && r.some((line) => line[1] === "Đơn vị"),
      )?.[1];
      expect(rows).toBeDefined();
      const header = rows!.findIndex((line) => line[0] === "STT" && line[1] === "Đơn vị");
      const col = (title: string): number => rows![header].indexOf(title);
      const units = rows!.slice(header + 1).filter((line) => /^\d+$/.test(line[0]));
      expect(units).toHaveLength(group.units.length);
      group.units.forEach((u, i) => {
        // A unit with an error in its own scores carries the (*) mark after its name.
        expect(units[i][col("Đơn vị")].replace(/ \(\*\)$/, "")).toBe(u.name);
        // The index cells carry the Vietnamese number format ([$-42A]): LibreOffice writes its comma.
        expect(Number(units[i][col("Chỉ số (%)")].replace(",", "."))).toBeCloseTo(u.index!, 9);
        expect(Number(units[i][col("Xếp hạng")])).toBe(u.rank);
        expect(units[i][col("Xếp loại")]).toBe(u.band ?? "");
      });
    }
  }, 180_000);

  it("reads a formula-like unit name as that text, not as a computed value", async () => {
    const file = await writeXlsx(tempDir(), "cong-thuc.xlsx", smallWorkbook());
    const out = path.join(tempDir(), "cong-thuc-ra.xlsx");
    expect((await runCli(["rank", file, "-o", out])).code).toBe(0);
    const sheets = readSheetsWithLibreOffice(out);
    const ranking = [...sheets.entries()].find(([name]) => name.startsWith("Xếp hạng"))![1];
    expect(ranking.some((line) => line[1] === "=Sở Y tế")).toBe(true);
  }, 120_000);

  it("refuses a real legacy .xls written by LibreOffice, with its own message", async () => {
    const file = await writeXlsx(tempDir(), "cu.xlsx", smallWorkbook());
    const outDir = mkdtempSync(path.join(os.tmpdir(), "par-scorer-xls-"));
    const [xls] = convertWithSoffice(file, "xls:MS Excel 97", outDir);
    expect(path.extname(xls)).toBe(".xls");
    const run = await runCli(["rank", xls]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "Tệp cu.xls là định dạng Excel 97-2003 (.xls). Hãy mở trong Excel và lưu dưới dạng .xlsx.",
    );
    expect(readdirSync(outDir)).toEqual(["cu.xls"]);
    rmSync(outDir, { recursive: true, force: true });
  }, 120_000);
});
