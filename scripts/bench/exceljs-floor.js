// The command-line benchmark's floor (cli-bench.ts): what ExcelJS alone needs to load the input
// files and save each again, in a fresh node process as `par-scorer` runs.
// Usage: node exceljs-floor.js OUT_DIR FILE…
"use strict";
const { promises: fs } = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");

async function main() {
  const [outDir, ...files] = process.argv.slice(2);
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await fs.readFile(file));
    await workbook.xlsx.writeFile(path.join(outDir, path.basename(file)));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(3);
});
