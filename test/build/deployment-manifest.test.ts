/**
 * @jest-environment jsdom
 *
 * The deployment manifest (`ADDIN_URL=https://… npm run build`): scripts/deployment-manifest.js,
 * which webpack.config.js applies to manifest.xml on its way to dist/. Every URL of the written
 * manifest starts with the deployment address, nothing refers to localhost any more, the schema
 * check passes on it, ADDIN_ID replaces the id, and wrong values stop the build with a message.
 * (.ci/run also runs the real webpack build with ADDIN_URL and checks its dist/manifest.xml.)
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

type DeploymentManifest = {
  DEV_ORIGIN: string;
  deploymentManifest: (manifest: string, options: { url: string; id?: string }) => string;
  normalizeAddinUrl: (raw: string) => string;
};
const { DEV_ORIGIN, deploymentManifest, normalizeAddinUrl } =
  require("../../scripts/deployment-manifest") as DeploymentManifest;

const ROOT = resolve(__dirname, "../..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const ADDRESS = "https://cchc.example.gov.vn/par-scorer";

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const byName = (doc: Document, name: string): Element[] =>
  Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);

/** Every URL the manifest gives Office, by the element that carries it. */
function urlsOf(doc: Document): { element: string; url: string }[] {
  const out: { element: string; url: string }[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push({ element: el.getAttribute("id") ?? el.localName, url: v });
    }
    if (["AppDomain", "SourceLocation"].includes(el.localName) && el.textContent?.trim()) {
      out.push({ element: el.localName, url: el.textContent.trim() });
    }
  }
  return out;
}

/** `npm run validate -- <file>` on a manifest text; returns the exit status and output. */
function validate(text: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "par-manifest-"));
  try {
    writeFileSync(join(dir, "manifest.xml"), text);
    const run = spawnSync("/bin/bash", [join(ROOT, "scripts/validate-manifest.sh"), "manifest.xml"], {
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: dir },
    });
    return { status: run.status, out: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("ADDIN_URL", () => {
  const built = deploymentManifest(MANIFEST, { url: ADDRESS });
  const doc = parse(built);

  it("every URL of the manifest starts with the deployment address", () => {
    const urls = urlsOf(doc);
    // source location, ribbon button, learn-more and support pages, five icon references, app domain
    expect(urls.map((u) => u.element).sort()).toEqual(
      [
        "AppDomain",
        "GetStarted.LearnMoreUrl",
        "HighResolutionIconUrl",
        "Icon.16x16",
        "Icon.32x32",
        "Icon.80x80",
        "IconUrl",
        "SourceLocation",
        "SupportUrl",
        "Taskpane.Url",
      ].sort(),
    );
    expect(urls.filter((u) => !u.url.startsWith(ADDRESS))).toEqual([]);
    expect(byName(doc, "SourceLocation")[0].getAttribute("DefaultValue")).toBe(`${ADDRESS}/taskpane.html`);
    expect(byName(doc, "IconUrl")[0].getAttribute("DefaultValue")).toBe(`${ADDRESS}/assets/icon-32.png`);
    expect(byName(doc, "AppDomain")[0].textContent).toBe(ADDRESS);
  });

  it("nothing in it refers to localhost, not even the comment", () => {
    expect(built).not.toMatch(/localhost/i);
    expect(built).toContain(`ADDIN_URL=${ADDRESS} npm run build`);
  });

  it("keeps everything else of manifest.xml: id, version, texts, requirement set", () => {
    const strip = (text: string) =>
      text
        .replace(/<!--[\s\S]*?-->/, "")
        .split(DEV_ORIGIN)
        .join("ADDRESS");
    expect(strip(built).split(ADDRESS).join("ADDRESS")).toBe(strip(MANIFEST));
    expect(byName(doc, "Id")[0].textContent).toBe(byName(parse(MANIFEST), "Id")[0].textContent);
  });

  it("passes the schema check (npm run validate -- dist/manifest.xml)", () => {
    expect(validate(built)).toEqual({ status: 0, out: "manifest.xml validates\n" });
  });

  it("the schema check fails on a broken manifest, naming the element", () => {
    const broken = validate(built.replace("<Permissions>ReadWriteDocument<", "<Permissions>Everything<"));
    expect(broken.status).toBe(1);
    expect(broken.out).toContain("Permissions");
    expect(broken.out).toContain("manifest.xml fails to validate");
  });

  it("a trailing slash and spaces around the address are ignored", () => {
    expect(deploymentManifest(MANIFEST, { url: ` ${ADDRESS}/ ` })).toBe(built);
    expect(normalizeAddinUrl("https://addin.so-noi-vu.vn/")).toBe("https://addin.so-noi-vu.vn");
  });

  it("a server without a folder works too", () => {
    const root = parse(deploymentManifest(MANIFEST, { url: "https://addin.so-noi-vu.vn" }));
    expect(byName(root, "SourceLocation")[0].getAttribute("DefaultValue")).toBe(
      "https://addin.so-noi-vu.vn/taskpane.html",
    );
    expect(byName(root, "AppDomain")[0].textContent).toBe("https://addin.so-noi-vu.vn");
  });

  it.each([
    ["http://cchc.example.gov.vn/par-scorer", "https://"],
    ["cchc.example.gov.vn/par-scorer", "không phải là một địa chỉ web"],
    ["https://cchc.example.gov.vn/par-scorer?v=2", "không có ?, #"],
    ["https://cchc.example.gov.vn/par-scorer#top", "không có ?, #"],
    ["https://localhost:3000", "chính máy này"],
  ])("refuses %s with a message in Vietnamese and English", (url, message) => {
    expect(() => deploymentManifest(MANIFEST, { url })).toThrow(message);
    expect(() => deploymentManifest(MANIFEST, { url })).toThrow(/\nADDIN_URL /);
  });

  it("a localhost address it does not know how to replace stops the build", () => {
    const other = MANIFEST.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SupportUrl DefaultValue="http://localhost:8080/help.html"/>',
    );
    expect(() => deploymentManifest(other, { url: ADDRESS })).toThrow(
      "manifest.xml still refers to http://localhost:8080/help.html",
    );
  });
});

describe("ADDIN_ID", () => {
  it("gives the deployment its own add-in id", () => {
    const id = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    const doc = parse(deploymentManifest(MANIFEST, { url: ADDRESS, id }));
    expect(byName(doc, "Id")[0].textContent).toBe(id.toLowerCase());
  });

  it("refuses an id that is not a GUID", () => {
    expect(() => deploymentManifest(MANIFEST, { url: ADDRESS, id: "par-scorer-1" })).toThrow(
      'ADDIN_ID phải là một GUID (ví dụ 0f8fad5b-d9cb-469f-a165-70867728950e): "par-scorer-1".',
    );
  });
});

describe("webpack.config.js", () => {
  type CopyPattern = { from: string; to: string; transform?: (content: Buffer) => string };
  type Config = { plugins: { patterns?: CopyPattern[] }[] };
  type ConfigFactory = (env: object, argv: { mode: string }) => Promise<Config>;

  /** The manifest.xml copy pattern of the production build, with ADDIN_URL/ADDIN_ID as given. */
  async function manifestPattern(env: { ADDIN_URL?: string; ADDIN_ID?: string }): Promise<CopyPattern> {
    const saved = { ADDIN_URL: process.env.ADDIN_URL, ADDIN_ID: process.env.ADDIN_ID };
    for (const key of ["ADDIN_URL", "ADDIN_ID"] as const) {
      if (env[key] === undefined) delete process.env[key];
      else process.env[key] = env[key];
    }
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const factory = require("../../webpack.config.js") as ConfigFactory;
      const config = await factory({}, { mode: "production" });
      const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
      return patterns.find((p) => p.from === "manifest.xml")!;
    } finally {
      warn.mockRestore();
      for (const key of ["ADDIN_URL", "ADDIN_ID"] as const) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  }

  it("without ADDIN_URL copies manifest.xml as it is (the development manifest)", async () => {
    const pattern = await manifestPattern({});
    expect(pattern).toEqual({ from: "manifest.xml", to: "manifest.xml" });
  });

  it("with ADDIN_URL and ADDIN_ID writes the deployment manifest", async () => {
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const pattern = await manifestPattern({ ADDIN_URL: ADDRESS, ADDIN_ID: id });
    expect(pattern.transform?.(Buffer.from(MANIFEST))).toBe(
      deploymentManifest(MANIFEST, { url: ADDRESS, id }),
    );
  });

  it("a wrong ADDIN_URL, or ADDIN_ID alone, stops the build before it starts", async () => {
    await expect(manifestPattern({ ADDIN_URL: "http://cchc.example.gov.vn" })).rejects.toThrow(
      "ADDIN_URL phải bắt đầu bằng https://",
    );
    await expect(manifestPattern({ ADDIN_ID: "0f8fad5b-d9cb-469f-a165-70867728950e" })).rejects.toThrow(
      "ADDIN_ID needs ADDIN_URL",
    );
  });
});
