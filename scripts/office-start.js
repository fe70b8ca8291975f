#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: sideloads the add-in into Excel desktop with office-addin-debugging
 * when it is installed (Windows, macOS). It is an optional dependency that does not build on
 * Linux (keytar), and there is no Excel desktop there: then this explains what to do instead,
 * in Vietnamese and English, and exits with code 1 (no stack trace).
 */
const { spawnSync } = require("child_process");
const path = require("path");

const command = process.argv[2] === "stop" ? "stop" : "start";
const root = path.resolve(__dirname, "..");

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

const cli = resolveDebugging();
if (!cli) {
  const port = process.env.npm_package_config_dev_server_port || 3000;
  console.error(
    [
      `PAR Scorer: không thể ${command === "start" ? "nạp (sideload) add-in vào" : "gỡ add-in khỏi"} Excel trên máy này:`,
      "  gói office-addin-debugging chưa được cài (không cài được trên Linux) hoặc hệ điều hành không có Excel desktop.",
      "  Thay vào đó:",
      "    1. Chạy  npm run dev-server  (máy chủ https://localhost:" + port + ").",
      "    2. Mở Excel trên web (https://excel.cloud.microsoft), mở một bảng tính,",
      "       chọn Trang đầu (Home) > Bổ trợ (Add-ins) > Thêm bổ trợ khác > Tải lên bổ trợ của tôi (Upload My Add-in),",
      "       rồi chọn tệp manifest.xml của dự án.",
      "    3. Bấm nút Chấm điểm CCHC trên thẻ Trang đầu.",
      "  Trên Windows hoặc Mac có Excel: cài  npm install office-addin-debugging  rồi chạy lại  npm start.",
      "",
      `PAR Scorer: cannot ${command === "start" ? "sideload the add-in into" : "remove the add-in from"} Excel here:`,
      "  office-addin-debugging is not installed (it cannot be built on Linux) or there is no Excel desktop on this OS.",
      "  Instead:",
      "    1. Run  npm run dev-server  (serves https://localhost:" + port + ").",
      "    2. Open Excel on the web, open a workbook, choose Home > Add-ins > More Add-ins >",
      "       Upload My Add-in, and pick this project's manifest.xml.",
      "    3. Click PAR Scorer on the Home tab.",
      "  On Windows or a Mac with Excel: npm install office-addin-debugging, then npm start again.",
    ].join("\n"),
  );
  process.exit(1);
}

// The app and its type come from package.json "config" (app_to_debug, app_type_to_debug).
const args = [cli, command, "manifest.xml"];
const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
process.exit(result.status === null ? 1 : result.status);
