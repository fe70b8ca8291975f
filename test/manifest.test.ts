/**
 * @jest-environment jsdom
 *
 * What the manifest schema cannot check: URLs that reach files the build emits, well-formed ids
 * and versions, both languages for every localized string, icons whose pixels match their
 * declared size, the requirement set the code assumes, and the initial bundle's size budget.
 * Reads dist/ as `npm run build` leaves it (builds it when missing).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { MIN_EXCEL_API } from "../src/excel/excel-api";

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const MANIFEST_TEXT = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000/";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

beforeAll(() => {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "ignore",
      },
    );
  }
}, 300_000);

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

const all = (doc: Document, name: string): Element[] =>
  Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);

/** Every URL in DefaultValue attributes and AppDomain/SourceLocation texts. */
function manifestUrls(doc: Document): string[] {
  const urls = new Set<string>();
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^https?:/.test(v)) urls.add(v);
    }
  }
  return [...urls];
}

/** Localized strings (DisplayName, Description, bt:String) that lack an en-US Override. */
function missingEnglish(doc: Document): string[] {
  const localized = [...all(doc, "DisplayName"), ...all(doc, "Description"), ...all(doc, "String")].filter(
    (el) => el.getAttribute("DefaultValue") !== null && el.parentElement?.localName !== "GetStarted",
  );
  return localized
    .filter(
      (el) =>
        !Array.from(el.children).some(
          (c) => c.localName === "Override" && c.getAttribute("Locale") === "en-US",
        ),
    )
    .map((el) => el.getAttribute("id") ?? el.localName);
}

/** resid references that name no resource. */
function unresolvedResids(doc: Document): string[] {
  const ids = new Set(
    [...all(doc, "Image"), ...all(doc, "Url"), ...all(doc, "String")]
      .filter((el) => el.namespaceURI === BT && el.getAttribute("id"))
      .map((el) => el.getAttribute("id")!),
  );
  return Array.from(doc.getElementsByTagName("*"))
    .map((el) => el.getAttribute("resid"))
    .filter((id): id is string => id !== null && !ids.has(id));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = "89504e470d0a1a0a";
  if (
    bytes.subarray(0, 8).toString("hex") !== signature ||
    bytes.subarray(12, 16).toString("ascii") !== "IHDR"
  ) {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const distPath = (url: string): string => join(DIST, url.slice(ORIGIN.length));

const manifest = parse(MANIFEST_TEXT);

describe("npm run validate", () => {
  it("passes the manifest through the schema validator", () => {
    const run = spawnSync("/bin/bash", [join(ROOT, "scripts/validate-manifest.sh")], { encoding: "utf8" });
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({
      status: 0,
      out: expect.stringContaining("manifest.xml validates"),
    });
  });

  it("checks a manifest named on the command line, as typed, and fails on one that breaks the schema", () => {
    const ok = spawnSync("/bin/bash", [join(ROOT, "scripts/validate-manifest.sh"), "manifest.xml"], {
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: ROOT },
    });
    expect({ status: ok.status, out: ok.stdout + ok.stderr }).toEqual({
      status: 0,
      out: "manifest.xml validates\n",
    });
    const missing = spawnSync(
      "/bin/bash",
      [join(ROOT, "scripts/validate-manifest.sh"), "dist/khong-co.xml"],
      {
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: ROOT },
      },
    );
    expect({ status: missing.status, err: missing.stderr }).toEqual({
      status: 2,
      err: "validate-manifest: không có tệp / no such file: dist/khong-co.xml\n",
    });
  });

  it("fails loudly, never silently passes, when xmllint is missing", () => {
    const run = spawnSync("/bin/bash", [join(ROOT, "scripts/validate-manifest.sh")], {
      encoding: "utf8",
      env: { PATH: "/nonexistent" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("xmllint");
  });
});

describe("self-contained", () => {
  /** Files in git that name a path outside the repository (the shared folder beside it). */
  function outsideReferences(): string[] {
    // Built from parts, so that this file does not match itself.
    const pattern = ["\\.\\./", "shared|", "/wo", "rk/"].join("");
    const run = spawnSync("git", ["grep", "-n", "-E", pattern, "--", ".", ":!package-lock.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`git grep failed: ${run.stderr}`);
    return run.stdout.split("\n").filter(Boolean);
  }

  it("no script, test, config or document refers to a path outside the repository", () => {
    expect(outsideReferences()).toEqual([]);
  });

  it("a fresh clone in an empty temporary folder passes the manifest check with nothing beside it", () => {
    const parent = mkdtempSync(join(tmpdir(), "par-clone-"));
    try {
      const clone = join(parent, "par-scorer");
      const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
      execFileSync("git", ["clone", "--quiet", "--no-checkout", ROOT, clone], { stdio: "pipe" });
      execFileSync("git", ["checkout", "--quiet", head], { cwd: clone, stdio: "pipe" });
      expect(readdirSync(parent)).toEqual(["par-scorer"]);
      const run = spawnSync("/bin/bash", [join(clone, "scripts/validate-manifest.sh")], {
        cwd: clone,
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({
        status: 0,
        out: "manifest.xml validates\n",
      });
      // The schemas travel with the repository, licence and origin included.
      for (const file of ["OfficeAppManifestV1_1.xsd", "LICENSE", "README.md"]) {
        expect(existsSync(join(clone, "vendor/office-addin-manifest-schemas", file))).toBe(true);
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe("URLs", () => {
  it("every URL is on the dev server's origin and reaches a file the build emitted", () => {
    const urls = manifestUrls(manifest);
    expect(urls.sort()).toEqual([
      `${ORIGIN}assets/icon-16.png`,
      `${ORIGIN}assets/icon-32.png`,
      `${ORIGIN}assets/icon-64.png`,
      `${ORIGIN}assets/icon-80.png`,
      `${ORIGIN}taskpane.html`,
    ]);
    for (const url of urls) {
      expect(url.startsWith(ORIGIN) || url === ORIGIN.slice(0, -1)).toBe(true);
      if (url.startsWith(ORIGIN))
        expect({ url, exists: existsSync(distPath(url)) }).toEqual({ url, exists: true });
    }
  });

  it("the task pane URL is the page HtmlWebpackPlugin wrote, and the ribbon button opens it", () => {
    const source = all(manifest, "SourceLocation")[0].getAttribute("DefaultValue");
    expect(source).toBe(`${ORIGIN}taskpane.html`);
    expect(
      all(manifest, "Url")
        .find((u) => u.getAttribute("id") === "Taskpane.Url")
        ?.getAttribute("DefaultValue"),
    ).toBe(source);
    expect(readFileSync(join(DIST, "taskpane.html"), "utf8")).toContain("<div id=container>");
  });

  it("a URL to a file the build does not emit is caught", () => {
    const broken = parse(MANIFEST_TEXT.replace("assets/icon-80.png", "assets/icon-90.png"));
    const missing = manifestUrls(broken).filter((u) => u.startsWith(ORIGIN) && !existsSync(distPath(u)));
    expect(missing).toEqual([`${ORIGIN}assets/icon-90.png`]);
  });

  it("dist/ carries the manifest unchanged", () => {
    expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toBe(MANIFEST_TEXT);
  });
});

describe("ids, versions, requirements", () => {
  it("the Id is a GUID and the Version has four numbers", () => {
    expect(all(manifest, "Id")[0].textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(all(manifest, "Version")[0].textContent).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
  });

  it("every resid names a resource, and resource ids are unique", () => {
    expect(unresolvedResids(manifest)).toEqual([]);
    const ids = Array.from(manifest.getElementsByTagName("*"))
      .filter((el) => el.namespaceURI === BT && el.getAttribute("id"))
      .map((el) => el.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      unresolvedResids(parse(MANIFEST_TEXT.replace('resid="Group.Label"', 'resid="Group.Nhan"'))),
    ).toEqual(["Group.Nhan"]);
  });

  it("asks for the ExcelApi version the adapter is written against", () => {
    const set = all(manifest, "Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe(MIN_EXCEL_API);
  });

  it("opens from a button on the Home tab", () => {
    expect(all(manifest, "OfficeTab")[0].getAttribute("id")).toBe("TabHome");
    expect(all(manifest, "Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });
});

describe("languages", () => {
  it("is Vietnamese by default", () => {
    expect(all(manifest, "DefaultLocale")[0].textContent).toBe("vi-VN");
    expect(all(manifest, "DisplayName")[0].getAttribute("DefaultValue")).toBe("Chấm điểm Chỉ số CCHC");
  });

  it("every localized string has an English override", () => {
    expect(missingEnglish(manifest)).toEqual([]);
  });

  it("a string without its English override is caught", () => {
    const without = MANIFEST_TEXT.replace('<bt:Override Locale="en-US" Value="PAR Index"/>', "");
    expect(missingEnglish(parse(without))).toEqual(["Group.Label"]);
  });
});

describe("icons", () => {
  const declared: [string, number][] = [
    ...all(manifest, "Image")
      .filter((img) => img.getAttribute("id"))
      .map((img): [string, number] => [
        img.getAttribute("DefaultValue")!,
        Number(/(\d+)x\d+$/.exec(img.getAttribute("id")!)![1]),
      ]),
    [all(manifest, "IconUrl")[0].getAttribute("DefaultValue")!, 32],
    [all(manifest, "HighResolutionIconUrl")[0].getAttribute("DefaultValue")!, 64],
  ];

  it.each(declared)("%s is a square PNG of %i pixels", (url, size) => {
    expect(pngSize(readFileSync(distPath(url)))).toEqual({ width: size, height: size });
  });

  it("all five sizes (16, 32, 64, 80, 128) are shipped", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(readFileSync(join(ROOT, "assets", `icon-${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it("a file that is not a PNG is refused", () => {
    expect(() => pngSize(Buffer.from("<svg/>"))).toThrow("not a PNG file");
  });
});

describe("bundle", () => {
  it("the scripts taskpane.html loads at start weigh less than 350 KB gzip", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const local = [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)"?/g)]
      .map((m) => m[1])
      .filter((src) => !/^https?:/.test(src));
    expect(local.length).toBeGreaterThan(0);
    const gzip = local.reduce((sum, src) => sum + gzipSync(readFileSync(join(DIST, src))).length, 0);
    expect(gzip).toBeLessThan(350 * 1024);
  });

  it("loads Office.js from Microsoft's CDN, not from the bundle", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
