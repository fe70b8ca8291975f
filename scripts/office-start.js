#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: sideloads the add-in into Excel desktop with office-addin-debugging
 * when it is installed (Windows, macOS). It is an optional dependency that does not build on
 * Linux (keytar), and there is no Excel desktop there: then `npm start` explains what to do
 * instead, in Vietnamese and English, and exits with code 1 (no stack trace).
 * `npm stop` also stops the dev server (`npm run dev-server`, in any terminal) and everything it
 * started, through the process id it records (scripts/dev-server-file.js).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { devServerFile } = require("./dev-server-file");

const command = process.argv[2] === "stop" ? "stop" : "start";
const root = path.resolve(__dirname, "..");
const port = process.env.npm_package_config_dev_server_port || 3000;

/** Whether the process is alive (and, where /proc tells, still a node/webpack process). */
function isDevServer(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return /node|webpack/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true; // no /proc (Windows, macOS): the live process is taken as the recorded one
  }
}

/** Stops the recorded dev server: SIGTERM, then SIGKILL after 10 s. Returns whether one ran. */
async function stopDevServer() {
  const file = devServerFile(port);
  let pid;
  try {
    pid = JSON.parse(fs.readFileSync(file, "utf8")).pid;
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || !isDevServer(pid)) {
    fs.rmSync(file, { force: true });
    return false;
  }
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 10000 && isDevServer(pid); waited += 200) {
    await new Promise((ok) => setTimeout(ok, 200));
  }
  if (isDevServer(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(file, { force: true });
  console.warn(
    `PAR Scorer: đã dừng máy chủ phát triển (cổng ${port}, pid ${pid}) / dev server stopped (port ${port}).`,
  );
  return true;
}

/** The office-addin-debugging command line (its package.json "bin"), or null when not installed. */
function resolveDebugging() {
  try {
    const manifest = require.resolve("office-addin-debugging/package.json", { paths: [root] });
    const { bin } = require(manifest);
    const file = typeof bin === "string" ? bin : bin && bin["office-addin-debugging"];
    return file ? path.resolve(path.dirname(manifest), file) : null;
  } catch {
    return null;
  }
}

async function main() {
  const stopped = command === "stop" ? await stopDevServer() : false;
  const cli = resolveDebugging();
  if (!cli && command === "stop") {
    if (!stopped)
      console.warn("PAR Scorer: không có máy chủ phát triển nào đang chạy / no dev server is running.");
    return 0;
  }
  if (!cli) {
    console.error(
      [
        `PAR Scorer: không thể ${command === "start" ? "nạp (sideload) add-in vào" : "gỡ add-in khỏi"} Excel trên máy này:`,
        "  gói office-addin-debugging chưa được cài (không cài được trên Linux) hoặc hệ điều hành không có Excel desktop.",
        "  Thay vào đó:",
        "    1. Chạy  npm run dev-server  (máy chủ https://localhost:" + port + ").",
        "    2. Mở Excel trên web (https://excel.cloud.microsoft), mở một bảng tính,",
        "       chọn Trang đầu (Home) > Bổ trợ (Add-ins) > More Settings > Upload My Add-in (Tải lên bổ trợ của tôi),",
        "       rồi chọn tệp manifest.xml của dự án.",
        "    3. Bấm nút Chấm điểm CCHC trên thẻ Trang đầu.",
        "  Trên Windows hoặc Mac có Excel: cài  npm install office-addin-debugging  rồi chạy lại  npm start.",
        "",
        `PAR Scorer: cannot ${command === "start" ? "sideload the add-in into" : "remove the add-in from"} Excel here:`,
        "  office-addin-debugging is not installed (it cannot be built on Linux) or there is no Excel desktop on this OS.",
        "  Instead:",
        "    1. Run  npm run dev-server  (serves https://localhost:" + port + ").",
        "    2. Open Excel on the web, open a workbook, choose Home > Add-ins > More Settings >",
        "       Upload My Add-in, and pick this project's manifest.xml.",
        "    3. Click PAR Scorer on the Home tab.",
        "  On Windows or a Mac with Excel: npm install office-addin-debugging, then npm start again.",
      ].join("\n"),
    );
    return 1;
  }

  // The app and its type come from package.json "config" (app_to_debug, app_type_to_debug).
  const args = [cli, command, "manifest.xml"];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  return result.status === null ? 1 : result.status;
}

main().then((status) => process.exit(status));
