/**
 * The deployment manifest: manifest.xml with the development address (https://localhost:3000)
 * replaced by the address that serves dist/ in an office, and optionally its own add-in id.
 * Used by webpack.config.js when ADDIN_URL is set (`ADDIN_URL=https://… npm run build`);
 * tested in test/build/deployment-manifest.test.ts.
 */
"use strict";

/** The address every URL of manifest.xml starts with (the webpack dev server). */
const DEV_ORIGIN = "https://localhost:3000";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A configuration mistake, told in Vietnamese and English (webpack prints it and stops). */
function configError(vi, en) {
  return new Error(`${vi}\n${en}`);
}

/**
 * The deployment address without its trailing slash, after checking it is a plain https URL
 * (Office loads add-ins only over HTTPS; a query or fragment cannot be extended with file names).
 * @param {string} raw the ADDIN_URL value as typed
 * @returns {string}
 */
function normalizeAddinUrl(raw) {
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw configError(
      `ADDIN_URL không phải là một địa chỉ web: "${text}" (ví dụ https://cchc.example.gov.vn/par-scorer).`,
      `ADDIN_URL is not a web address: "${text}" (for example https://cchc.example.gov.vn/par-scorer).`,
    );
  }
  if (url.protocol !== "https:") {
    throw configError(
      `ADDIN_URL phải bắt đầu bằng https:// (Office chỉ nạp add-in qua HTTPS): "${text}".`,
      `ADDIN_URL must start with https:// (Office loads add-ins over HTTPS only): "${text}".`,
    );
  }
  if (url.search || url.hash || url.username || url.password || text.includes("?") || text.includes("#")) {
    throw configError(
      `ADDIN_URL chỉ gồm máy chủ và thư mục, không có ?, # hay tên đăng nhập: "${text}".`,
      `ADDIN_URL must be a server and a folder only, without ?, # or credentials: "${text}".`,
    );
  }
  if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
    throw configError(
      `ADDIN_URL trỏ tới chính máy này (${url.hostname}): dùng địa chỉ mà máy của đồng nghiệp truy cập được.`,
      `ADDIN_URL points at this machine (${url.hostname}): use an address your colleagues' computers reach.`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** The text with & < > " escaped for an XML attribute or element. */
function xmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * manifest.xml for a deployment: every https://localhost:3000 address (source location, icons,
 * support and learn-more URLs, app domain, command URLs) replaced by `url`, the header comment
 * saying so, and the add-in id replaced by `id` when given. Throws when the result would still
 * refer to localhost, i.e. when manifest.xml holds an address this function does not know.
 * @param {string} manifest the text of manifest.xml
 * @param {{ url: string, id?: string }} options ADDIN_URL and ADDIN_ID
 * @returns {string}
 */
function deploymentManifest(manifest, options) {
  const base = xmlEscape(normalizeAddinUrl(options.url));
  let text = manifest.replace(/<!--[\s\S]*?-->/, () =>
    [
      "<!--",
      "  PAR Scorer (Chấm điểm Chỉ số CCHC): Excel task-pane add-in, XML add-in-only manifest.",
      `  Built for a deployment by \`ADDIN_URL=${base} npm run build\`: upload this file (see README,`,
      '  "Triển khai cho cơ quan / Deploying"); the folder it came from must be served at that address.',
      "-->",
    ].join("\n"),
  );
  text = text.split(`${DEV_ORIGIN}/`).join(`${base}/`).split(DEV_ORIGIN).join(base);
  if (options.id !== undefined && options.id !== "") {
    const id = String(options.id).trim();
    if (!GUID.test(id)) {
      throw configError(
        `ADDIN_ID phải là một GUID (ví dụ 0f8fad5b-d9cb-469f-a165-70867728950e): "${id}".`,
        `ADDIN_ID must be a GUID (for example 0f8fad5b-d9cb-469f-a165-70867728950e): "${id}".`,
      );
    }
    if (!/<Id>[^<]*<\/Id>/.test(text)) throw new Error("manifest.xml has no <Id> element");
    text = text.replace(/<Id>[^<]*<\/Id>/, `<Id>${id.toLowerCase()}</Id>`);
  }
  const left = /[^"<>\s]*localhost[^"<>\s]*/i.exec(text);
  if (left) {
    throw new Error(
      `manifest.xml still refers to ${left[0]} after replacing ${DEV_ORIGIN}: ` +
        "every address in it must start with the dev server's address",
    );
  }
  return text;
}

module.exports = { DEV_ORIGIN, deploymentManifest, normalizeAddinUrl };
