import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { SETTINGS_SHEET } from "../../src/core/saved-settings";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { sheetXml } from "../node/xlsx-parts";
import { readBack, rankingRows, sheetValues } from "./ranking-sheet";
import { runCli, runCliProcess } from "./run-cli";
import { GROUP, smallWorkbook, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

/** The group ranking sheets PAR Scorer added (not the summary: it has no "Đơn vị" column). */
function rankingSheetsOf(wb: ExcelJS.Workbook, before: readonly string[]): ExcelJS.Worksheet[] {
  return wb.worksheets.filter(
    (ws) => !before.includes(ws.name) && ws.name !== SETTINGS_SHEET && hasUnitColumn(ws),
  );
}

function hasUnitColumn(ws: ExcelJS.Worksheet): boolean {
  let found = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "STT" && row.getCell(2).value === "Đơn vị") found = true;
  });
  return found;
}

describe("par-scorer rank", () => {
  it("writes <input>.xep-hang.xlsx, leaves the input byte-identical and exits 0 on a clean workbook", async () => {
    const file = await writeXlsx(tempDir(), "so-noi-vu.xlsx", smallWorkbook());
    const before = readFileSync(file);
    const run = await runCli(["rank", file]);
    expect(run.code).toBe(0);
    const out = path.join(tempDir(), "so-noi-vu.xep-hang.xlsx");
    expect(run.stdout).toContain(`Đã ghi kết quả xếp hạng: ${out}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    const wb = await readBack(out);
    const [ranking] = rankingSheetsOf(
      wb,
      smallWorkbook().sheets.map((s) => s.name),
    );
    expect(ranking).toBeDefined();
    const rows = rankingRows(ranking);
    expect(rows.map((r) => [r.unit.value, r.points, r.index, r.rank, r.band])).toEqual([
      ["Sở Tư pháp", 4.5, 90, 1, "A"],
      expect.arrayContaining([4, 80, 2, "B"]),
      expect.arrayContaining([4, 80, 2, "B"]),
    ]);
  });

  it("prints the ranking table with the index to 2 decimals and the Vietnamese comma", async () => {
    const file = await writeXlsx(tempDir(), "bang.xlsx", smallWorkbook());
    const run = await runCli(["rank", file, "-o", path.join(tempDir(), "bang-ra.xlsx")]);
    expect(run.stdout).toContain(`${GROUP} — bình quân 83,33 %`);
    expect(run.stdout).toMatch(/STT +Đơn vị +Chỉ số \(%\) +Xếp hạng +Xếp loại/);
    expect(run.stdout).toMatch(/\n +1 +Sở Tư pháp +90,00 +1 +A\n/);
    expect(run.stdout).toMatch(/\n +\d +=Sở Y tế +80,00 +2 +B\n/);
  });

  it("writes a formula-like unit name as text, never as a formula", async () => {
    const file = await writeXlsx(tempDir(), "congthuc.xlsx", smallWorkbook());
    const out = path.join(tempDir(), "congthuc-ra.xlsx");
    await runCli(["rank", file, "-o", out]);
    const wb = await readBack(out);
    const [ranking] = rankingSheetsOf(
      wb,
      smallWorkbook().sheets.map((s) => s.name),
    );
    const row = rankingRows(ranking).find((r) => r.unit.value === "=Sở Y tế")!;
    expect(row.unit.type).toBe(ExcelJS.ValueType.String);
    const xml = await sheetXml(out, ranking.name);
    expect(xml).not.toMatch(/<f>[^<]*Sở Y tế/);
    expect(xml).toMatch(new RegExp(`<c r="${row.unit.address}"[^>]*t="s"`));
  });

  it("puts the same values in the ranking sheets as in the JSON result", async () => {
    const province = buildProvinceWorkbook({ layout: "matrix", mistakes: true, units: 24 });
    const file = await writeXlsx(tempDir(), "matrix.xlsx", province.snapshot);
    const out = path.join(tempDir(), "matrix-ra.xlsx");
    const run = await runCli(["rank", file, "-o", out, "--json"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(run.stderr).toContain("Đã ghi kết quả xếp hạng");
    const wb = await readBack(out);
    for (const group of result.groups) {
      const ws = wb.worksheets.find(
        (w) => w.name.includes(group.name.slice(0, 12)) && w.name !== SETTINGS_SHEET,
      )!;
      expect(ws).toBeDefined();
      const rows = rankingRows(ws);
      expect(rows).toHaveLength(group.units.length);
      group.units.forEach((u, i) => {
        // A unit with an error in its own scores carries the (*) mark after its name.
        const marked = result.issues.some((x) => x.severity === "error" && x.unit === u.name);
        expect(rows[i].unit.value).toBe(marked ? `${u.name} (*)` : u.name);
        expect(rows[i].index).toBe(u.index);
        expect(rows[i].rank).toBe(u.rank);
        expect(rows[i].band).toBe(u.band);
      });
    }
  });

  it("still writes the ranking when scores have errors, and exits 1", async () => {
    const province = buildProvinceWorkbook({ layout: "unitSheets", mistakes: true, units: 24 });
    const file = await writeXlsx(tempDir(), "loi.xlsx", province.snapshot);
    const out = path.join(tempDir(), "loi-ra.xlsx");
    const run = await runCli(["rank", file, "-o", out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("(*) đơn vị có lỗi trong bảng điểm");
    const wb = await readBack(out);
    const names = rankingSheetsOf(
      wb,
      province.snapshot.sheets.map((s) => s.name),
    ).flatMap((ws) => rankingRows(ws).map((r) => String(r.unit.value).replace(/ \(\*\)$/, "")));
    expect(names).toEqual(expect.arrayContaining(province.units.map((u) => u.name)));
  });

  it("leaves every value of every sheet of the input identical in the output", async () => {
    const province = buildProvinceWorkbook({ layout: "unitSheets", mistakes: true, units: 24 });
    const file = await writeXlsx(tempDir(), "nguyen-ven.xlsx", province.snapshot);
    const out = path.join(tempDir(), "nguyen-ven-ra.xlsx");
    await runCli(["rank", file, "-o", out]);
    const before = await (await openXlsxWorkbook(file)).read();
    const after = await (await openXlsxWorkbook(out)).read();
    for (const sheet of before.sheets) {
      const same = after.sheets.find((s) => s.name === sheet.name);
      expect(same?.values).toEqual(sheet.values);
      expect(same?.merges).toEqual(sheet.merges);
    }
  });

  it("never overwrites a person's sheet named like a ranking sheet", async () => {
    const plain = await writeXlsx(tempDir(), "ten-truoc.xlsx", smallWorkbook());
    const first = path.join(tempDir(), "ten-truoc-ra.xlsx");
    await runCli(["rank", plain, "-o", first]);
    const rankingName = rankingSheetsOf(
      await readBack(first),
      smallWorkbook().sheets.map((s) => s.name),
    )[0].name;
    const mine = { name: rankingName, values: [["Bảng xếp hạng tôi tự làm"], [1]] };
    const file = await writeXlsx(tempDir(), "cua-toi.xlsx", smallWorkbook([mine]));
    const out = path.join(tempDir(), "cua-toi-ra.xlsx");
    expect((await runCli(["rank", file, "-o", out])).code).toBe(0);
    const wb = await readBack(out);
    expect(sheetValues(wb.getWorksheet(rankingName)!)).toEqual([["Bảng xếp hạng tôi tự làm"], [1]]);
    const written = rankingSheetsOf(
      wb,
      smallWorkbook([mine]).sheets.map((s) => s.name),
    );
    expect(written).toHaveLength(1);
    expect(written[0].name).not.toBe(rankingName);
    expect(rankingRows(written[0])).toHaveLength(3);
  });

  it("gives identical ranking sheets when run again on its own output", async () => {
    const file = await writeXlsx(tempDir(), "lap.xlsx", smallWorkbook());
    const once = path.join(tempDir(), "lap-1.xlsx");
    const twice = path.join(tempDir(), "lap-2.xlsx");
    await runCli(["rank", file, "-o", once]);
    expect((await runCli(["rank", once, "-o", twice])).code).toBe(0);
    const [a, b] = [await readBack(once), await readBack(twice)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      expect(sheetValues(b.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));
      expect(await sheetXml(twice, ws.name)).toBe(await sheetXml(once, ws.name));
    }
  });

  it("rewrites the input with --in-place when ExcelJS would lose nothing", async () => {
    const file = await writeXlsx(tempDir(), "tai-cho.xlsx", smallWorkbook());
    const run = await runCli(["rank", file, "--in-place"]);
    expect(run.code).toBe(0);
    const wb = await readBack(file);
    expect(
      rankingSheetsOf(
        wb,
        smallWorkbook().sheets.map((s) => s.name),
      ),
    ).toHaveLength(1);
    expect(readdirSync(tempDir()).filter((f) => f.startsWith("tai-cho"))).toEqual(["tai-cho.xlsx"]);
  });

  it("refuses --in-place on a workbook with a chart (exit 2, the input untouched)", async () => {
    const file = await writeXlsx(tempDir(), "bieu-do.xlsx", smallWorkbook());
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const before = readFileSync(file);
    const run = await runCli(["rank", file, "--in-place"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      "Không ghi đè bieu-do.xlsx: ghi lại tệp này sẽ làm mất biểu đồ. Bỏ --in-place để ghi ra tệp mới.",
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses an output that is the input itself without --in-place", async () => {
    const file = await writeXlsx(tempDir(), "chinh-no.xlsx", smallWorkbook());
    const before = readFileSync(file);
    const run = await runCli(["rank", file, "-o", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("trùng với tệp đầu vào chinh-no.xlsx");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("runs as a real child process with the same exit status and output file", async () => {
    const dir = tempDir();
    const file = await writeXlsx(dir, "tien-trinh-vao.xlsx", smallWorkbook());
    const out = path.join(dir, "tien-trinh.xlsx");
    const run = runCliProcess(["rank", file, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.groups[0].units[0]).toMatchObject({ name: "Sở Tư pháp", index: 90, rank: 1, band: "A" });
    expect(readdirSync(dir)).toContain("tien-trinh.xlsx");
  });
});
