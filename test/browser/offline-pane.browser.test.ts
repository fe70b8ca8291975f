/**
 * Never a blank pane: the production taskpane.html (dist/, as `npm run build` wrote it) served
 * over http in headless Chromium, with no Excel stand-in.
 * - every request outside 127.0.0.1 blocked (a closed network, a proxy refusing
 *   appsforoffice.microsoft.com): the page names the product and says, in Vietnamese and English,
 *   that Office.js could not be loaded and what to do; screenshot docs/screenshots/offline.png;
 * - Office.js answered (from node_modules, as the CDN would) but the page opened in a browser tab,
 *   outside any Office host: it says so and how to open it from Excel;
 * (A connection that hangs instead of failing cannot be shown: office.js must load in the head,
 * as Microsoft requires, so the browser paints nothing until it gives up; a refusing proxy or
 * firewall, the usual case, is what the first test plays.)
 * Fails, never skips, when /usr/bin/chromium is missing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { extname, join, normalize, sep } from "path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import {
  CHROMIUM,
  DIST,
  ROOT,
  type StaticServer,
  collectPageErrors,
  ensureTaskpaneBuilt,
  requireChromium,
  serveDirectory,
} from "./harness";

jest.setTimeout(180_000);

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
const SCREENSHOTS = join(ROOT, "docs", "screenshots");

type OfficeJs = "blocked" | "served";

let server: StaticServer;
let profile = "";
let context: BrowserContext;

beforeAll(async () => {
  requireChromium();
  ensureTaskpaneBuilt();
  server = await serveDirectory(DIST);
  profile = mkdtempSync(join(tmpdir(), "par-offline-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
    viewport: { width: 340, height: 760 },
    deviceScaleFactor: 1,
    locale: "vi-VN",
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/**
 * Opens dist/taskpane.html; the built page's own files come from the local server, every other
 * host is refused, and Office's CDN is refused, answered from node_modules, or left hanging.
 */
async function open(officeJs: OfficeJs): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page).filter((e) => e.startsWith("pageerror"));
  const outside: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    outside.push(url);
    if (url.startsWith(OFFICE_CDN) && officeJs === "served") {
      const file = normalize(join(OFFICE_DIST, url.slice(OFFICE_CDN.length).split(/[?#]/)[0]));
      if (file.startsWith(OFFICE_DIST + sep) && existsSync(file)) {
        return route.fulfill({
          status: 200,
          contentType: extname(file) === ".js" ? "text/javascript" : "application/octet-stream",
          body: readFileSync(file),
        });
      }
    }
    return route.abort("blockedbyclient");
  });
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, outside };
}

/** The text a person sees in the pane, once the boot script shows `state`. */
async function paneText(page: Page, selector: string, expected: string): Promise<string> {
  await page.getByText(expected).first().waitFor({ state: "visible", timeout: 30_000 });
  return page.locator(selector).innerText();
}

it("with every outside request blocked, names the product and says what to do, in Vietnamese and English", async () => {
  const { page, errors, outside } = await open("blocked");
  const text = await paneText(page, "#par-boot", "Không tải được Office.js của Microsoft");
  expect(await page.locator("#par-boot").getAttribute("data-state")).toBe("noOffice");
  expect(text).toContain("Chấm điểm Chỉ số CCHC");
  expect(text).toContain("PAR Index Scorer");
  // Vietnamese: what happened and the three things to do.
  expect(text).toContain("https://appsforoffice.microsoft.com");
  expect(text).toContain("Mở add-in từ Excel: thẻ Trang đầu › Chấm điểm CCHC.");
  expect(text).toContain("Nhờ bộ phận CNTT cho phép truy cập appsforoffice.microsoft.com");
  expect(text).toContain("dùng dòng lệnh par-scorer, chạy hoàn toàn ngoại tuyến");
  // English.
  expect(text).toContain("Microsoft's Office.js could not be loaded");
  expect(text).toContain("Open the add-in from Excel: Home tab › PAR Scorer.");
  expect(text).toContain("use the par-scorer command line, which works fully offline");
  expect(text).not.toContain("Đang tải");
  // The only outside request was Office.js; no uncaught error in the page.
  expect(outside).toEqual([`${OFFICE_CDN}office.js`]);
  expect(errors).toEqual([]);
  // Readable at a task pane's width: nothing reaches past the right edge.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, "offline.png") });
  await page.close();
});

it("opened in a browser tab with Office.js reachable, says it runs inside Excel and how to open it there", async () => {
  const { page, errors } = await open("served");
  const text = await paneText(page, "#par-boot", "Trang này chỉ chạy bên trong Excel");
  expect(await page.locator("#par-boot").getAttribute("data-state")).toBe("outside");
  expect(text).toContain("Chấm điểm Chỉ số CCHC");
  expect(text).toContain("bấm Chấm điểm CCHC trên thẻ Trang đầu");
  expect(text).toContain("This page runs inside Excel only");
  expect(text).toContain("click PAR Scorer on the Home tab");
  expect(text).not.toContain("Không tải được Office.js");
  expect(errors).toEqual([]);
  await page.close();
});
