/** LibreOffice headless as an independent reader of the workbooks PAR Scorer writes. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Fails (never skips) when soffice is missing: CI installs it. */
export function requireSoffice(): void {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "LibreOffice (soffice) is needed to read the written workbooks independently: " +
        "apt-get install libreoffice-calc-nogui (CI installs it).",
    );
  }
}

/**
 * Converts a workbook with a fresh LibreOffice profile; returns the output folder's files.
 * `filter` is soffice's --convert-to argument.
 */
export function convertWithSoffice(file: string, filter: string, outDir: string): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "par-scorer-lo-"));
  try {
    const result = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        file,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr}`);
    return readdirSync(outDir).map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Every sheet of a workbook as CSV rows, read by LibreOffice: raw values (not as shown), UTF-8.
 * Keyed by sheet name.
 */
export function readSheetsWithLibreOffice(file: string): Map<string, string[][]> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "par-scorer-csv-"));
  try {
    // Filter options: comma, double quote, UTF-8, from line 1, …, raw values, -1 = every sheet.
    const files = convertWithSoffice(
      file,
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      outDir,
    );
    const stem = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const csv of files) {
      const name = path.basename(csv, ".csv").slice(stem.length + 1);
      sheets.set(name, parseCsv(readFileSync(csv, "utf8")));
    }
    return sheets;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
