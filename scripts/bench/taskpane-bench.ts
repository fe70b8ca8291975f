/**
 * Task-pane benchmark: the gzip size of the initial JavaScript of dist/taskpane.html (the scripts
 * the page itself loads, office.js from Microsoft's CDN excepted), and the time to first render in
 * headless Chromium over the Excel stand-in (test/browser/harness.ts: dist/ served locally, the
 * office.js CDN answered from node_modules/@microsoft/office-js/dist).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { analyzeWorkbook } from "../../src/core/analyze";
import { buildProvinceWorkbook } from "../../test/fixtures/province-workbook";
import { DIST, bundleStandIn, ensureTaskpaneBuilt, openTaskpane } from "../../test/browser/harness";
import { median } from "./measure";

export type TaskpaneResult = {
  scripts: { file: string; bytes: number; gzipBytes: number }[];
  initialGzipBytes: number;
  /** ms from navigation start until the pane's root element first has content, median of reloads. */
  firstRenderMs: number;
  firstRenderRuns: number[];
};

/** The task pane's own initial scripts, as listed in dist/taskpane.html. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*>/g)) {
    if (!/^https?:/.test(m[1])) out.push(m[1]);
  }
  return out;
}

/** Sizes of the initial bundle (builds dist/ first when missing). */
export function measureBundle(): Pick<TaskpaneResult, "scripts" | "initialGzipBytes"> {
  ensureTaskpaneBuilt();
  const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const scripts = initialScripts(html).map((file) => {
    const bytes = readFileSync(path.join(DIST, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { scripts, initialGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0) };
}

type RenderWindow = { __parFirstRender?: number };

/** Time to first render: the pane is opened once, then reloaded `runs` times with a render probe. */
export async function measureFirstRender(runs = 5): Promise<number[]> {
  const standIn = await bundleStandIn();
  const { snapshot } = buildProvinceWorkbook({ units: 24, layout: "unitSheets" });
  const pane = await openTaskpane({ snapshot, width: 340 }, standIn);
  try {
    await pane.page.context().addInitScript(() => {
      const w = window as unknown as RenderWindow;
      const probe = new MutationObserver(() => {
        const root = document.getElementById("container");
        if (root && root.childElementCount > 0 && w.__parFirstRender === undefined) {
          w.__parFirstRender = performance.now();
          probe.disconnect();
        }
      });
      probe.observe(document, { childList: true, subtree: true });
    });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await pane.page.reload();
      await pane.page.waitForFunction(
        () => (window as unknown as RenderWindow).__parFirstRender !== undefined,
        null,
        {
          timeout: 120_000,
        },
      );
      times.push(
        await pane.page.evaluate(() => (window as unknown as RenderWindow).__parFirstRender as number),
      );
    }
    return times;
  } finally {
    await pane.close();
  }
}

export type PaneActionResult = {
  units: number;
  /** ms from the click on "Kiểm tra toàn bộ" until the issue list's summary shows the errors, each run. */
  checkRuns: number[];
  /** ms from the click on "Xếp hạng và ghi kết quả" until the results by group show, each run. */
  rankRuns: number[];
  checkMs: number;
  rankMs: number;
};

/**
 * Check and rank of a province workbook of `units` unit sheets (with the fixture's mistakes) in
 * the pane over the stand-in, as a person clicks them: the page is reloaded before each run (the
 * stand-in's workbook with it), the overview awaited, then the time from the click to the result.
 */
export async function measurePaneActions(units = 130, runs = 3): Promise<PaneActionResult> {
  const standIn = await bundleStandIn();
  const book = buildProvinceWorkbook({ units, layout: "unitSheets", mistakes: true });
  const errors = analyzeWorkbook(book.snapshot).issues.filter((i) => i.severity === "error").length;
  const pane = await openTaskpane({ snapshot: book.snapshot, width: 340 }, standIn);
  const { page } = pane;
  const ready = async (): Promise<void> => {
    await page.reload();
    await page.getByText("tiêu chí chấm điểm", { exact: false }).first().waitFor({ timeout: 300_000 });
  };
  const clickAndWait = async (tab: string, button: string, done: () => Promise<void>): Promise<number> => {
    await ready();
    await page.getByRole("tab", { name: tab }).click();
    const start = process.hrtime.bigint();
    await page.getByRole("button", { name: button }).click();
    await done();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  try {
    const checkRuns: number[] = [];
    const rankRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      checkRuns.push(
        await clickAndWait("Kiểm tra", "Kiểm tra toàn bộ", () =>
          page
            .getByRole("status", { name: "Toàn bộ bảng tính" })
            .getByText(`${errors} lỗi`)
            .waitFor({ timeout: 300_000 }),
        ),
      );
      rankRuns.push(
        await clickAndWait("Xếp hạng", "Xếp hạng và ghi kết quả", () =>
          page.getByRole("region", { name: "Kết quả theo khối" }).waitFor({ timeout: 300_000 }),
        ),
      );
    }
    return { units, checkRuns, rankRuns, checkMs: median(checkRuns), rankMs: median(rankRuns) };
  } finally {
    await pane.close();
  }
}

/** All three measures. */
export async function benchTaskpane(runs = 5): Promise<TaskpaneResult & { actions: PaneActionResult }> {
  const bundle = measureBundle();
  const firstRenderRuns = await measureFirstRender(runs);
  const actions = await measurePaneActions(130, Math.max(1, Math.ceil(runs / 2)));
  return { ...bundle, firstRenderMs: median(firstRenderRuns), firstRenderRuns, actions };
}
