/**
 * The built task pane in headless Chromium over the in-memory Excel stand-in: overview → check →
 * go to a cell → rank → explain, asserting what the workbook received. Screenshots (Vietnamese
 * and English) go to test-artifacts/. Fails, never skips, when /usr/bin/chromium is missing.
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { analyzeWorkbook, planRanking } from "../../src/core/analyze";
import { explainUnit } from "../../src/core/explain/explain-unit";
import type { CellValue, WorkbookSnapshot } from "../../src/core/grid";
import { formatDecimalVi } from "../../src/core/text";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { type OpenPane, ROOT, bundleStandIn, openTaskpane, requireChromium } from "./harness";

jest.setTimeout(240_000);

const ARTIFACTS = join(ROOT, "test-artifacts");
const book = buildProvinceWorkbook({ units: 6, layout: "unitSheets", mistakes: true, seed: 21 });
const analysis = analyzeWorkbook(book.snapshot);
const plan = planRanking(analysis, book.snapshot);
const aboveMax = book.mistakes.find((m) => m.code === "score_above_max")!;

type StandInView = {
  dump: () => WorkbookSnapshot;
  selection: () => { sheet: string; address: string } | null;
  activeSheet: () => string | null;
};
const dump = (page: Page) =>
  page.evaluate(() => (window as unknown as { __parStandIn: StandInView }).__parStandIn.dump());
const selection = (page: Page) =>
  page.evaluate(() => (window as unknown as { __parStandIn: StandInView }).__parStandIn.selection());

/** Rows without their trailing empty cells, and without trailing empty rows. */
function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((row) => {
    const out = [...row];
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Reads until the value equals `expected` (the pane works asynchronously), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (Date.now() < end && JSON.stringify(value) !== JSON.stringify(expected)) {
    await new Promise((ok) => setTimeout(ok, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

/** Nothing scrolls sideways, and no visible element reaches past the pane's right edge (clipped). */
async function expectNoHorizontalScroll(page: Page) {
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const beyond = Array.from(document.querySelectorAll("#container *"))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && r.right > width + 0.5;
      })
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} "${(e.textContent ?? "").slice(0, 30)}"`,
      );
    return { scroll: document.documentElement.scrollWidth, width, beyond };
  });
  expect(layout.beyond).toEqual([]);
  expect(layout.scroll).toBeLessThanOrEqual(layout.width);
}

let standIn = "";

beforeAll(async () => {
  requireChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  standIn = await bundleStandIn();
});

describe("the task pane in Chromium over the Excel stand-in", () => {
  let pane: OpenPane;

  beforeAll(async () => {
    pane = await openTaskpane({ snapshot: book.snapshot, displayLanguage: "vi-VN", width: 340 }, standIn);
  });

  afterAll(async () => {
    await pane?.close();
  });

  it("shows the overview of the workbook in Vietnamese, 340 px wide without horizontal scrolling", async () => {
    const { page } = pane;
    const criteria = analysis.criteria!;
    await page
      .getByText(`${criteria.fieldIds.length} lĩnh vực, ${criteria.leafIds.length} tiêu chí chấm điểm`, {
        exact: false,
      })
      .waitFor();
    await expect(page.getByRole("combobox", { name: "Sheet bộ tiêu chí" }).inputValue()).resolves.toBe(
      book.criteriaSheet,
    );
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "overview-vi.png"), fullPage: true });
  });

  it("shows how each sheet is read, and its correction form, 340 px wide without horizontal scrolling", async () => {
    const { page } = pane;
    const sheets = analysis.layout.sheetLayouts.filter((l) => l.kind !== "generated").length;
    await page.getByRole("button", { name: `Cách đọc từng sheet (${sheets})` }).click();
    const sheet = book.units[0].sheet;
    await page.getByRole("button", { name: `Sửa cách đọc sheet ${sheet}` }).click();
    await page.getByRole("form", { name: `Cách đọc sheet ${sheet}` }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "overview-layouts-vi.png"), fullPage: true });
  });

  it("checks the workbook and selects an issue's cell in Excel when the issue is clicked", async () => {
    const { page } = pane;
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByRole("button", { name: "Kiểm tra toàn bộ" }).click();
    const errors = analysis.issues.filter((i) => i.severity === "error").length;
    await page.getByRole("status", { name: "Toàn bộ bảng tính" }).getByText(`${errors} lỗi`).waitFor();
    const issue = page.getByRole("button", { name: new RegExp(`^${aboveMax.cell}\\b.*vượt điểm tối đa`) });
    await issue.click();
    await eventually(() => selection(page), { sheet: aboveMax.sheet, address: aboveMax.cell });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "check-vi.png"), fullPage: true });
  });

  it("writes the ranking sheets with the planned values and changes no input cell", async () => {
    const { page } = pane;
    const before = await dump(page);
    await page.getByRole("tab", { name: "Xếp hạng" }).click();
    await page.getByRole("button", { name: "Xếp hạng và ghi kết quả" }).click();
    await page.getByRole("region", { name: "Kết quả theo khối" }).waitFor({ timeout: 60_000 });
    const after = await dump(page);
    for (const sheetPlan of plan.sheets) {
      const written = after.sheets.find((s) => s.name === sheetPlan.name);
      expect(written).toBeDefined();
      for (const patch of sheetPlan.patches) {
        patch.values.forEach((row, r) =>
          row.forEach((value, c) => {
            if (value !== null)
              expect([
                sheetPlan.name,
                r + patch.row,
                c + patch.col,
                written!.values[patch.row + r]?.[patch.col + c],
              ]).toEqual([sheetPlan.name, r + patch.row, c + patch.col, value]);
          }),
        );
      }
    }
    for (const input of book.snapshot.sheets) {
      const was = before.sheets.find((s) => s.name === input.name)!;
      const now = after.sheets.find((s) => s.name === input.name)!;
      expect([input.name, trimmed(now.values)]).toEqual([input.name, trimmed(was.values)]);
    }
    const group = analysis.groups[0];
    await page
      .getByText(`Bình quân: ${formatDecimalVi(group.average!, 2)} %`)
      .first()
      .waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "rank-vi.png"), fullPage: true });
  });

  it("explains a unit and selects the cell where it lost most points", async () => {
    const { page } = pane;
    const unit = book.units[0].name;
    const x = explainUnit(analysis, unit)!;
    await page.getByRole("tab", { name: "Giải thích" }).click();
    await page.getByRole("combobox", { name: "Đơn vị" }).selectOption(unit);
    // The summary line ("Chỉ số: 72,87 % (72,87/100 điểm)"), not the what-if line under it.
    await page.getByText(`Chỉ số: ${formatDecimalVi(x.index!, 2)} % (`, { exact: false }).waitFor();
    const top = x.lostPoints[0];
    await page
      .getByRole("list", { name: "Tiêu chí bị mất nhiều điểm nhất" })
      .getByRole("button")
      .first()
      .click();
    await eventually(() => selection(page), { sheet: top.sheet, address: top.cell });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "explain-vi.png"), fullPage: true });
  });

  it("moves between the tabs with the arrow keys and selects with Enter", async () => {
    const { page } = pane;
    await page.getByRole("tab", { name: "Tổng quan" }).click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await page.getByRole("button", { name: "Kiểm tra toàn bộ" }).waitFor();
  });

  it("raised no error in the page", () => {
    expect(pane.errors).toEqual([]);
  });
});

describe("the task pane in English", () => {
  it("speaks English when Office's display language is English", async () => {
    const pane = await openTaskpane(
      { snapshot: book.snapshot, displayLanguage: "en-US", width: 340 },
      standIn,
    );
    try {
      const { page } = pane;
      await page.getByRole("tab", { name: "Overview" }).waitFor();
      await page.getByRole("combobox", { name: "Criteria sheet" }).waitFor();
      await page.getByRole("tab", { name: "Check" }).click();
      await page.getByRole("button", { name: "Check everything" }).click();
      await page.getByRole("status", { name: "Whole workbook" }).waitFor();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: join(ARTIFACTS, "check-en.png"), fullPage: true });
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
