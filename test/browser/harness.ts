/**
 * The browser harness shared by the task-pane browser test and `npm run screenshots`: builds the
 * task pane if needed, serves dist/ on 127.0.0.1, launches Debian's Chromium (headless, offline),
 * answers Office's CDN from node_modules/@microsoft/office-js/dist, and injects the in-memory
 * Excel stand-in holding a workbook.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { createServer } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import type { WorkbookSnapshot } from "../../src/core/grid";

export const ROOT = resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
/** The built add-in (PAR_TASKPANE_DIST points elsewhere, e.g. a build in a temporary folder). */
const DIST = process.env.PAR_TASKPANE_DIST ?? join(ROOT, "dist");
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Fails with a clear message when Debian's Chromium is missing (CI installs it); never skips. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The task-pane browser test needs Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-core`,
    );
  }
}

/** Builds the task pane with webpack unless dist/taskpane.html is already there. */
export function ensureTaskpaneBuilt(): void {
  if (existsSync(join(DIST, "taskpane.html"))) return;
  if (process.env.PAR_TASKPANE_DIST) throw new Error(`no taskpane.html in PAR_TASKPANE_DIST=${DIST}`);
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("webpack did not produce dist/taskpane.html");
}

export type StaticServer = { origin: string; close: () => Promise<void> };

/** Serves a folder over http on 127.0.0.1 at a random port. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Launches Chromium with a fresh profile; Office's CDN answered locally, every other host refused. */
export async function launchBrowser(
  width: number,
  height = 900,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), "par-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: "vi-VN",
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_CDN)) {
      const file = normalize(join(OFFICE_DIST, url.slice(OFFICE_CDN.length).split(/[?#]/)[0]));
      if (file.startsWith(OFFICE_DIST + sep) && existsSync(file)) {
        await route.fulfill({
          status: 200,
          contentType: TYPES[extname(file)] ?? "text/javascript",
          body: readFileSync(file),
        });
      } else {
        await route.fulfill({ status: 404, body: "" });
      }
      return;
    }
    if (/^https?:\/\/127\.0\.0\.1[:/]/.test(url) || url.startsWith("data:") || url.startsWith("blob:")) {
      await route.continue();
      return;
    }
    await route.abort("blockedbyclient");
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects the page's console errors and uncaught exceptions, to fail loudly on them. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "par-harness-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export { DIST };

/** Bundles the stand-in (test/browser/stand-in-entry.ts) for the browser; returns the script's text. */
export async function bundleStandIn(): Promise<string> {
  // Loaded lazily: only the browser harness needs webpack in-process.
  const webpack = (await import("webpack")).default;
  const out = mkdtempSync(join(tmpdir(), "par-stand-in-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: join(ROOT, "test/browser/stand-in-entry.ts"),
    output: { path: out, filename: "stand-in.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json") },
        },
      ],
    },
  });
  await new Promise<void>((ok, fail) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) fail(error);
      else if (stats?.hasErrors()) fail(new Error(stats.toString("errors-only")));
      else ok();
    }),
  );
  const text = readFileSync(join(out, "stand-in.js"), "utf8");
  rmSync(out, { recursive: true, force: true });
  return text;
}

export type PaneOptions = {
  snapshot: WorkbookSnapshot;
  /** Office's display language (default vi-VN). */
  displayLanguage?: string;
  /** ExcelApi version the stand-in supports (default 1.18). */
  apiVersion?: string;
  /** Viewport width in CSS pixels: task panes are 320–360 wide. */
  width?: number;
  height?: number;
};

export type OpenPane = {
  page: Page;
  errors: string[];
  close: () => Promise<void>;
};

/**
 * Opens dist/taskpane.html in Chromium over the stand-in: the page is served as built, with the
 * stand-in's script inserted right after office.js, before the task pane's own bundle runs.
 */
export async function openTaskpane(options: PaneOptions, standIn: string): Promise<OpenPane> {
  ensureTaskpaneBuilt();
  const server = await serveDirectory(DIST);
  const browser = await launchBrowser(options.width ?? 340, options.height ?? 900);
  const { context } = browser;
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const officeTag = /<script[^>]*appsforoffice\.microsoft\.com[^>]*><\/script>/;
  if (!officeTag.test(html))
    throw new Error("dist/taskpane.html does not load office.js from Microsoft's CDN");
  // The pane's own scripts are loaded by the stand-in once Office and Excel are in place.
  const appScripts: string[] = [];
  const patched = html
    .replace(/<script\b[^>]*\bsrc="?([^" >]+)"?[^>]*><\/script>/g, (tag, src: string) => {
      if (src.includes("appsforoffice.microsoft.com")) return tag;
      appScripts.push(src);
      return "";
    })
    .replace(officeTag, (tag) => `${tag}<script src="/__stand-in.js"></script>`);
  if (appScripts.length === 0) throw new Error("dist/taskpane.html loads no script of its own");
  await context.route(`${server.origin}/__stand-in.js`, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: standIn }),
  );
  await context.route(new RegExp(`^${server.origin}/(taskpane\\.html)?(\\?.*)?$`), (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: patched }),
  );
  await context.addInitScript(
    ({ snapshot, opts, scripts }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__PAR_WORKBOOK__ = snapshot;
      w.__PAR_OPTIONS__ = opts;
      w.__PAR_APP_SCRIPTS__ = scripts;
    },
    {
      scripts: appScripts,
      snapshot: options.snapshot,
      opts: { displayLanguage: options.displayLanguage ?? "vi-VN", apiVersion: options.apiVersion ?? "1.18" },
    },
  );
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return {
    page,
    errors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
