#!/usr/bin/env node
// The `par-scorer` command: the compiled command line (npm run build:cli, run by `prepare` on npm ci).
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "par-scorer chưa được biên dịch: chạy `npm run build:cli` (hoặc `npm ci`).\n" +
      "par-scorer is not built: run `npm run build:cli` (or `npm ci`).\n",
  );
  process.exitCode = 3;
} else {
  // A reader that stops early (`par-scorer rank … | head`) is not an error.
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  require(entry)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
