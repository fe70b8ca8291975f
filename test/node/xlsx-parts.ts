/** Reads the raw XML parts of a written .xlsx, to check what Excel itself will see. */
import { readFileSync } from "node:fs";
import JSZip from "jszip";

/** The XML of a part, e.g. "xl/workbook.xml". */
export async function partXml(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`no part ${part} in ${file}`);
  return entry.async("string");
}

/** The worksheet XML of the sheet with that name (through workbook.xml and its relationships). */
export async function sheetXml(file: string, sheetName: string): Promise<string> {
  const workbook = await partXml(file, "xl/workbook.xml");
  const rels = await partXml(file, "xl/_rels/workbook.xml.rels");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const sheet = new RegExp(`<sheet [^>]*name="${escapeRegExp(escaped)}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName} in ${file}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!rel) throw new Error(`no relationship ${sheet[1]}`);
  const target = rel[1].replace(/^\/?(xl\/)?/, "");
  return partXml(file, `xl/${target}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
