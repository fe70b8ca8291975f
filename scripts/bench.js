#!/usr/bin/env node
// `npm run bench [-- --only engine,office,cli,taskpane] [-- --quick]`: benchmarks of PAR Scorer
// (scripts/bench/*.ts, loaded from the TypeScript sources through ts-node, transpile only).
// Restarts itself with --expose-gc so that memory is measured after a collection.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

if (typeof global.gc !== "function") {
  const result = spawnSync(process.execPath, ["--expose-gc", __filename, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}

process.env.TS_NODE_PROJECT = path.join(__dirname, "..", "tsconfig.json");
process.env.TS_NODE_TRANSPILE_ONLY = "true";
require("ts-node/register");
const { ALL_PARTS, runBenchmarks } = require("./bench/run-benchmarks.ts");

const args = process.argv.slice(2);
const onlyIndex = args.findIndex((a) => a === "--only" || a.startsWith("--only="));
const only =
  onlyIndex < 0
    ? ALL_PARTS
    : (args[onlyIndex].includes("=") ? args[onlyIndex].split("=")[1] : (args[onlyIndex + 1] ?? ""))
        .split(",")
        .filter((p) => ALL_PARTS.includes(p));
if (only.length === 0) {
  process.stderr.write(`--only takes a list of: ${ALL_PARTS.join(", ")}\n`);
  process.exit(2);
}
runBenchmarks(only, args.includes("--quick")).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
