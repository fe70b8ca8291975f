/**
 * Sheet names longer than Excel's 31 characters, which files written by other tools can hold.
 * ExcelJS refuses such a package (it cuts the name its own way, prints an English warning, then
 * fails on its own copy), so before it loads, each over-long name in xl/workbook.xml (and in the
 * defined names that point at it) is replaced by a short one within Excel's limit: its first
 * characters and "~1" ("~2"… if taken). The real name stays in the snapshot and in every message;
 * formulas naming the sheet are pointed at the short name, as Excel does when a sheet is renamed;
 * when the workbook is written back, the sheet carries the short name and the command line says so.
 */
import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import { cutToLength } from "../core/render/sheet-names";

/** Excel's limit on a sheet name, in UTF-16 units. */
export const EXCEL_SHEET_NAME_LIMIT = 31;

/** A sheet whose name is over Excel's limit: its real name and the name ExcelJS holds it under. */
export type SheetRename = { name: string; written: string };

const SHEET_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?sheet)\b([^>]*?)\bname="([^"]*)"/g;
const DEFINED_NAME = /(<(?:[A-Za-z_][\w.-]*:)?definedName\b[^>]*>)([^<]*)(<)/g;

/**
 * The package with every over-long sheet name replaced, and the renames; the bytes are returned
 * unchanged (and the zip untouched) when no name is over the limit, the usual case.
 */
export async function shortenLongSheetNames(
  bytes: Buffer,
  zip: JSZip,
): Promise<{ bytes: Buffer; renames: SheetRename[] }> {
  const entry = zip.file("xl/workbook.xml");
  if (!entry) return { bytes, renames: [] };
  const xml = await entry.async("string");
  const names = [...xml.matchAll(SHEET_ELEMENT)].map((m) => decodeXml(m[3]));
  if (names.every((name) => name.length <= EXCEL_SHEET_NAME_LIMIT)) return { bytes, renames: [] };

  const taken = new Set(names.filter((n) => n.length <= EXCEL_SHEET_NAME_LIMIT).map(caseKey));
  const renames: SheetRename[] = [];
  for (const name of names) {
    if (name.length <= EXCEL_SHEET_NAME_LIMIT) continue;
    const written = shortName(name, taken);
    taken.add(caseKey(written));
    renames.push({ name, written });
  }
  const byName = new Map(renames.map((r) => [r.name, r.written]));
  let patched = xml.replace(SHEET_ELEMENT, (whole, tag: string, before: string, raw: string) => {
    const written = byName.get(decodeXml(raw));
    return written === undefined ? whole : `<${tag}${before}name="${encodeXml(written)}"`;
  });
  // Print areas, print titles, named ranges: 'Real name'!$A$1 becomes 'Short name'!$A$1.
  patched = patched.replace(DEFINED_NAME, (_, open: string, text: string, close: string) => {
    let formula = decodeXml(text);
    for (const r of renames)
      formula = formula.split(`'${quoteName(r.name)}'!`).join(`'${quoteName(r.written)}'!`);
    return `${open}${encodeXml(formula)}${close}`;
  });
  zip.file("xl/workbook.xml", patched);
  const out = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
  // The inspection's zip must keep describing the file as it is on disk.
  zip.file("xl/workbook.xml", xml);
  return { bytes: out, renames };
}

/**
 * Points the formulas that name a renamed sheet ('Real name'!A1) at its short name, so that a
 * workbook written back computes as before. Runs only when a sheet was renamed.
 */
export function retargetFormulas(workbook: ExcelJS.Workbook, renames: readonly SheetRename[]): void {
  if (renames.length === 0) return;
  const retarget = (formula: string): string => {
    let out = formula;
    for (const r of renames) {
      const short = `'${quoteName(r.written)}'!`;
      out = out.split(`'${quoteName(r.name)}'!`).join(short);
      // A name of letters and digits only may be written without quotes.
      if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(r.name))
        out = out.replace(
          new RegExp(`(^|[^\\p{L}\\p{N}_.'])${r.name.replace(/\./g, "\\.")}!`, "gu"),
          `$1${short}`,
        );
    }
    return out;
  };
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value as { formula?: unknown } | null;
        if (value && typeof value === "object" && typeof value.formula === "string") {
          const formula = retarget(value.formula);
          if (formula !== value.formula)
            cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), formula };
        }
      });
    });
  }
}

/** A name within Excel's limit, unique without regard to case: the real name's start and "~n". */
function shortName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = `~${n}`;
    const start = cutToLength(name, EXCEL_SHEET_NAME_LIMIT - suffix.length).replace(/[\s']+$/, "");
    const candidate = `${start}${suffix}`;
    if (!taken.has(caseKey(candidate))) return candidate;
  }
}

const caseKey = (name: string): string => name.normalize("NFC").toLocaleLowerCase();
const quoteName = (name: string): string => name.replace(/'/g, "''");

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex, dec, named) => {
    const code = hex ? parseInt(hex as string, 16) : dec ? parseInt(dec as string, 10) : null;
    if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as string] ?? whole;
  });
}

function encodeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
