#!/usr/bin/env node
// npm run screenshots: saves the README's task-pane screenshots to docs/screenshots/*.png, 340 px
// wide, with the same harness as the browser test (built pane, headless Chromium, the in-memory
// Excel stand-in holding the provincial sample with its known mistakes). Builds dist/ if needed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });

const { ROOT, bundleStandIn, openTaskpane } = require("../test/browser/harness");
const { buildProvinceWorkbook } = require("../test/fixtures/province-workbook");
const { snapshotToWorkbook } = require("../src/node/snapshot-to-workbook");

const OUT = path.join(ROOT, "docs", "screenshots");
const WIDTH = 340;
const HEIGHT = 760;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves the page; `tall` keeps everything down to the last element (at most 1400 px). */
async function save(page, name, tall = false) {
  const file = path.join(OUT, `${name}.png`);
  await page.waitForTimeout(500); // tab indicators and dialogs animate in
  if (tall) {
    const height = await page.evaluate(() => Math.min(1400, document.documentElement.scrollHeight));
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: WIDTH, height }, fullPage: true });
  } else {
    await page.screenshot({ path: file });
  }
  console.warn(`  ${path.relative(ROOT, file)}`);
}

/**
 * Saves the page from `locator`'s top down to the end of the page (at most 1400 px), full pane
 * width: a section far down a long tab, with no clipping on its sides.
 */
async function saveFrom(page, locator, name) {
  const file = path.join(OUT, `${name}.png`);
  await locator.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const top = await locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const y = Math.max(0, Math.floor(top) - 12);
  const height = await page.evaluate(
    (from) => Math.min(1400, document.documentElement.scrollHeight - from),
    y,
  );
  await page.screenshot({ path: file, clip: { x: 0, y, width: WIDTH, height }, fullPage: true });
  console.warn(`  ${path.relative(ROOT, file)}`);
}

async function tour(standIn, book, lastYear, lang) {
  const vi = lang === "vi";
  const pane = await openTaskpane(
    { snapshot: book.snapshot, displayLanguage: vi ? "vi-VN" : "en-US", width: WIDTH, height: HEIGHT },
    standIn,
  );
  const { page } = pane;
  const suffix = vi ? "" : "-en";
  try {
    await page
      .getByText(vi ? "lĩnh vực" : "fields", { exact: false })
      .first()
      .waitFor();
    await save(page, `overview${suffix}`);

    await page.getByRole("tab", { name: vi ? "Kiểm tra" : "Check" }).click();
    await page.getByRole("button", { name: vi ? "Kiểm tra toàn bộ" : "Check everything" }).click();
    await page.getByRole("status").waitFor();
    const mistake = book.mistakes.find((m) => m.code === "score_above_max");
    await page
      .getByRole("button", { name: new RegExp(`^${mistake.cell}\\b`) })
      .first()
      .click();
    await save(page, `check${suffix}`, true);
    if (!vi) return;

    await page.getByRole("tab", { name: "Xếp hạng" }).click();
    await page.getByRole("button", { name: "Xếp hạng và ghi kết quả" }).click();
    await page.getByRole("region", { name: "Kết quả theo khối" }).waitFor({ timeout: 60000 });
    await save(page, "rank", true);

    // Last year's workbook picked under So với năm trước: read in the pane (ExcelJS, as the
    // import reads agency files), compared by the engine with this year's analysis.
    const compare = page.getByRole("region", { name: "So với năm trước" });
    await compare.getByLabel("Chọn tệp năm trước…").setInputFiles({
      name: "chi-so-cchc-2024.xlsx",
      mimeType: XLSX_TYPE,
      buffer: lastYear,
    });
    await compare.getByText("Năm trước: chi-so-cchc-2024.xlsx", { exact: false }).waitFor({ timeout: 60000 });
    await saveFrom(page, compare, "compare");

    await page.getByRole("tab", { name: "Giải thích" }).click();
    await page.getByRole("combobox", { name: "Đơn vị" }).selectOption(book.units[0].name);
    await page.getByText("Chỉ số:", { exact: false }).first().waitFor(); // the summary; the what-if line repeats it
    await save(page, "explain");

    // What-if: Xã Tân Lập lost 1 point on 5.3 (1/2); typing the full 2 there moves it up in its
    // group. The pane's engine computes the new points, index, band and rank.
    await page.getByRole("combobox", { name: "Đơn vị" }).selectOption("Xã Tân Lập");
    const whatIf = page.getByRole("region", { name: "Thử điểm khác" });
    const leaf = whatIf.getByRole("combobox", { name: "Tiêu chí" });
    const option = await leaf.locator("option", { hasText: /^5\.3 / }).getAttribute("value");
    await leaf.selectOption(option);
    await whatIf.getByRole("textbox", { name: "Điểm thử" }).fill("2");
    await whatIf.getByRole("list", { name: "Các điểm đang thử" }).waitFor();
    await saveFrom(page, whatIf, "what-if");

    // Agencies' files as they arrive: one whose sheet is already in the workbook (the pane asks
    // before replacing it; here the user keeps it) and a Word letter that cannot be read (the
    // others go on): the report lists both.
    const agency = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 77 });
    const unitSheet = agency.snapshot.sheets.find((s) => s.name === agency.units[0].sheet);
    const buffer = Buffer.from(await snapshotToWorkbook({ sheets: [unitSheet] }).xlsx.writeBuffer());
    await page.getByRole("tab", { name: "Nhập file" }).click();
    await page.getByLabel("Chọn file .xlsx…").setInputFiles([
      { name: "so-tu-phap.xlsx", mimeType: XLSX_TYPE, buffer },
      { name: "cong-van.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from("PK not a workbook") },
    ]);
    await page.getByRole("alertdialog").waitFor();
    await page.getByRole("button", { name: "Giữ nguyên" }).click();
    await page.getByText("Giữ nguyên 1 sheet", { exact: false }).waitFor({ timeout: 60000 });
    await save(page, "import", true);
  } finally {
    if (pane.errors.length) console.error(pane.errors.join("\n"));
    await pane.close();
  }
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const book = buildProvinceWorkbook({ units: 8, layout: "unitSheets", mistakes: true, seed: 21 });
  // Last year: the same province scored a year earlier (other scores), before Xã Quảng Phú
  // existed: its 7 units' scoring sheets, as an .xlsx the user picks.
  const last = buildProvinceWorkbook({ units: 7, layout: "unitSheets", seed: 2024 });
  const lastYear = Buffer.from(await snapshotToWorkbook(last.snapshot).xlsx.writeBuffer());
  const standIn = await bundleStandIn();
  console.warn("Ảnh chụp màn hình (docs/screenshots):");
  await tour(standIn, book, lastYear, "vi");
  await tour(standIn, book, lastYear, "en");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
