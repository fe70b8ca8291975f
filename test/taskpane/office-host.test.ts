/** @jest-environment jsdom */
/**
 * The real host's glue over the in-memory Excel stand-in: what the pane asks of Excel arrives
 * there (selection, marks, settings), failures become sentences, and import finds the scoring
 * sheets inside an .xlsx and knows which are already in the workbook.
 */
import { TextEncoder as NodeTextEncoder } from "util";
import { SETTINGS_SHEET, readSavedState } from "../../src/core/saved-settings";
import { defaultSettings } from "../../src/core/settings";
import { snapshotToWorkbook } from "../../src/node/snapshot-to-workbook";
import { createOfficeHost } from "../../src/taskpane/host/office-host";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import {
  type StandInHost,
  cellOf,
  createStandInWorkbook,
  dumpWorkbook,
  installExcelStandIn,
} from "../stand-in/excel-stand-in";

// jsdom (needed for DOMParser) lacks TextEncoder, which the stand-in uses to size requests.
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;

const book = buildProvinceWorkbook({ units: 3, layout: "unitSheets", mistakes: true, seed: 8 });
const aboveMax = book.mistakes.find((m) => m.code === "score_above_max")!;
let standIn: StandInHost | null = null;

function install(options: Parameters<typeof installExcelStandIn>[2] = {}) {
  standIn = installExcelStandIn(globalThis, createStandInWorkbook(book.snapshot), options);
  return standIn;
}

afterEach(() => {
  standIn?.uninstall();
  standIn = null;
});

describe("the Office host", () => {
  it("takes Office's display language", () => {
    install({ displayLanguage: "en-US" });
    expect(createOfficeHost().displayLanguage).toBe("en-US");
  });

  it("selects the issue's cell on its sheet", async () => {
    const excel = install();
    await createOfficeHost().goTo(aboveMax.sheet, aboveMax.cell);
    expect(excel.workbook.selection).toEqual({ sheet: aboveMax.sheet, address: aboveMax.cell });
    expect(excel.workbook.activeSheet).toBe(aboveMax.sheet);
  });

  it("turns a sheet deleted since the check into a Vietnamese sentence", async () => {
    install();
    const host = createOfficeHost();
    const failure = await host.goTo("Sở đã xóa", "C5").catch((e: unknown) => e);
    expect(host.describeError(failure, "vi")).toBe(
      'Không tìm thấy sheet "Sở đã xóa": có thể sheet đã bị đổi tên hoặc xóa sau lần kiểm tra. Hãy kiểm tra lại bảng tính.',
    );
  });

  it("marks an issue's cell and clears the mark", async () => {
    const excel = install();
    const host = createOfficeHost();
    const issue = {
      code: "score_above_max" as const,
      severity: "error" as const,
      sheet: aboveMax.sheet,
      cell: aboveMax.cell,
      unit: aboveMax.unit,
      criterion: aboveMax.criterion,
      data: {},
    };
    await host.highlightIssues([issue]);
    expect(cellOf(excel.workbook, aboveMax.sheet, aboveMax.cell)?.fill).toBe("#FFC7CE");
    await host.clearHighlights();
    expect(cellOf(excel.workbook, aboveMax.sheet, aboveMax.cell)?.fill).toBeUndefined();
  });

  it("saves settings on the settings sheet", async () => {
    const excel = install();
    await createOfficeHost().saveSettings({ ...defaultSettings(), decimals: 3 });
    const saved = readSavedState(dumpWorkbook(excel.workbook));
    expect(dumpWorkbook(excel.workbook).sheets.some((s) => s.name === SETTINGS_SHEET)).toBe(true);
    expect(saved.settings.decimals).toBe(3);
  });

  it("offers import only where Excel can insert sheets from a file (ExcelApi 1.13)", () => {
    install({ apiVersion: "1.12" });
    expect(createOfficeHost().canImport()).toBe(false);
    standIn!.uninstall();
    install({ apiVersion: "1.13" });
    expect(createOfficeHost().canImport()).toBe(true);
  });

  it("finds the scoring sheets of an agency's .xlsx and which are already present", async () => {
    install();
    const agency = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 99 });
    const present = agency.units[0].sheet;
    const fresh = {
      ...agency.snapshot.sheets.find((s) => s.name === agency.units[1].sheet)!,
      name: "Sở mới",
    };
    const file = snapshotToWorkbook({
      sheets: [agency.snapshot.sheets.find((s) => s.name === present)!, fresh],
    });
    const base64 = Buffer.from(await file.xlsx.writeBuffer()).toString("base64");
    const { candidates, problems } = await createOfficeHost().inspectImport([
      { name: "don-vi.xlsx", base64 },
    ]);
    expect(candidates).toEqual([
      { file: "don-vi.xlsx", sheet: present, exists: true, units: [agency.units[0].name] },
      { file: "don-vi.xlsx", sheet: "Sở mới", exists: false, units: [agency.units[1].name] },
    ]);
    expect(problems).toEqual([]);
  });

  it("asks about a sheet an earlier file of the same pick brings, as about one already present", async () => {
    install();
    const agency = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 99 });
    const sheet = {
      ...agency.snapshot.sheets.find((s) => s.name === agency.units[1].sheet)!,
      name: "Tự đánh giá",
    };
    const base64 = Buffer.from(await snapshotToWorkbook({ sheets: [sheet] }).xlsx.writeBuffer()).toString(
      "base64",
    );
    const { candidates } = await createOfficeHost().inspectImport([
      { name: "lan-1.xlsx", base64 },
      { name: "lan-2.xlsx", base64 },
    ]);
    expect(candidates.map((c) => [c.file, c.sheet, c.exists])).toEqual([
      ["lan-1.xlsx", "Tự đánh giá", false],
      ["lan-2.xlsx", "Tự đánh giá", true],
    ]);
  });

  it("names a file that is not a workbook, in Vietnamese, and goes on with the others", async () => {
    install();
    const host = createOfficeHost();
    const notWorkbook = {
      name: "cong-van.docx",
      base64: Buffer.from("PK not a workbook").toString("base64"),
    };
    const agency = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 99 });
    const good = snapshotToWorkbook({
      sheets: [agency.snapshot.sheets.find((s) => s.name === agency.units[1].sheet)!],
    });
    const base64 = Buffer.from(await good.xlsx.writeBuffer()).toString("base64");
    // The other files of the pick go on.
    const { candidates, problems } = await host.inspectImport([
      notWorkbook,
      { name: "so-y-te.xlsx", base64 },
    ]);
    expect(problems.map((p) => p.file)).toEqual(["cong-van.docx"]);
    expect(problems[0].message.vi).toMatch(/^Không đọc được tệp "cong-van\.docx": đây không phải bảng tính/);
    expect(problems[0].message.en).toMatch(/^Cannot read "cong-van\.docx"/);
    expect(candidates.map((c) => c.file)).toEqual(["so-y-te.xlsx"]);
  });

  it("copies only the scoring sheets in, replacing a present one when told to", async () => {
    const agency = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 99 });
    const present = agency.snapshot.sheets.find((s) => s.name === agency.units[0].sheet)!;
    const guide = agency.snapshot.sheets.find((s) => s.name === "Hướng dẫn")!;
    const fileSnapshot = { sheets: [guide, { ...present, values: present.values.map((row) => [...row]) }] };
    const base64 = Buffer.from(await snapshotToWorkbook(fileSnapshot).xlsx.writeBuffer()).toString("base64");
    // Office decodes the .xlsx itself; the stand-in is handed the snapshot the bytes stand for.
    const excel = install({ decodeWorkbook: (b) => (b === base64 ? fileSnapshot : { sheets: [] }) });
    const host = createOfficeHost();
    const kept = await host.importWorkbooks([{ name: "don-vi.xlsx", base64 }], false);
    expect(kept).toEqual({ imported: [], skipped: [present.name] });
    const replaced = await host.importWorkbooks([{ name: "don-vi.xlsx", base64 }], true);
    expect(replaced).toEqual({ imported: [present.name], skipped: [] });
    const names = dumpWorkbook(excel.workbook).sheets.map((s) => s.name);
    expect(names.filter((n) => n === "Hướng dẫn")).toHaveLength(1);
  });
});
