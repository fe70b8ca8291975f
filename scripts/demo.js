#!/usr/bin/env node
// npm run demo: checks and ranks the bundled sample with the command line, printing the report and
// the ranking table, and writes out/so-noi-vu-2025.xep-hang.xlsx. Builds the CLI first if needed.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const cli = path.join(root, "bin", "par-scorer.js");
const sample = path.join("samples", "so-noi-vu-2025.xlsx");
const output = path.join("out", "so-noi-vu-2025.xep-hang.xlsx");

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", shell: false });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!fs.existsSync(path.join(root, "dist", "node", "cli", "main.js"))) {
  console.warn("Đang biên dịch dòng lệnh (npm run build:cli)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  if (run(npm, ["run", "--silent", "build:cli"]) !== 0) process.exit(3);
}

console.warn(`\n$ par-scorer check ${sample}\n`);
const checked = run(process.execPath, [cli, "check", sample]);
console.warn(`\n$ par-scorer rank ${sample} -o ${output}\n`);
const ranked = run(process.execPath, [cli, "rank", sample, "-o", output]);
// The sample carries known mistakes on purpose: exit status 1 (errors found) is the expected outcome.
process.exitCode = checked <= 1 && ranked <= 1 ? 0 : Math.max(checked, ranked);
