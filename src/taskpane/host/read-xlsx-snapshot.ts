/**
 * Reads the cell values of an .xlsx file (base64) into a WorkbookSnapshot, in the browser, so
 * that the engine can tell which of a unit's sheets are scoring sheets before they are imported.
 * Values only: shared and inline strings, numbers, booleans, error values, cached formula results.
 */
import JSZip from "jszip";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/grid";
import { fromA1 } from "../../core/grid";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The sheets of an .xlsx given as base64, values anchored at A1. */
export async function readXlsxSnapshot(base64: string): Promise<WorkbookSnapshot> {
  const zip = await JSZip.loadAsync(base64, { base64: true });
  const workbook = await readXml(zip, "xl/workbook.xml");
  if (!workbook) throw new Error("not an .xlsx workbook (xl/workbook.xml missing)");
  const rels = await readXml(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const rel of Array.from(rels?.getElementsByTagName("Relationship") ?? [])) {
    const target = rel.getAttribute("Target") ?? "";
    targets.set(rel.getAttribute("Id") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const shared = await readSharedStrings(zip);
  const sheets: SheetSnapshot[] = [];
  for (const sheet of Array.from(workbook.getElementsByTagNameNS(MAIN_NS, "sheet"))) {
    const name = sheet.getAttribute("name") ?? "";
    const path = targets.get(sheet.getAttributeNS(REL_NS, "id") ?? sheet.getAttribute("r:id") ?? "");
    const xml = path ? await readXml(zip, path) : null;
    const state = sheet.getAttribute("state");
    sheets.push({
      name,
      values: xml ? readCells(xml, shared) : [],
      visibility: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
    });
  }
  return { sheets };
}

async function readXml(zip: JSZip, path: string): Promise<Document | null> {
  const file = zip.file(path);
  if (!file) return null;
  return new DOMParser().parseFromString(await file.async("string"), "application/xml");
}

async function readSharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await readXml(zip, "xl/sharedStrings.xml");
  if (!xml) return [];
  return Array.from(xml.getElementsByTagNameNS(MAIN_NS, "si")).map(textOf);
}

/** The text of a string item: its <t> runs joined (phonetic runs left out). */
function textOf(item: Element): string {
  return Array.from(item.getElementsByTagNameNS(MAIN_NS, "t"))
    .filter((t) => t.parentElement?.localName !== "rPh")
    .map((t) => t.textContent ?? "")
    .join("");
}

function readCells(xml: Document, shared: readonly string[]): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const c of Array.from(xml.getElementsByTagNameNS(MAIN_NS, "c"))) {
    const ref = c.getAttribute("r");
    if (!ref) continue;
    const { row, col } = fromA1(ref);
    const value = cellValue(c, shared);
    if (value === null) continue;
    const line = (grid[row] ??= []);
    line[col] = value;
  }
  return Array.from(grid, (line) => Array.from(line ?? [], (v) => (v === undefined ? null : v)));
}

function cellValue(c: Element, shared: readonly string[]): CellValue {
  const type = c.getAttribute("t");
  if (type === "inlineStr") {
    const is = c.getElementsByTagNameNS(MAIN_NS, "is")[0];
    return is ? textOf(is) : null;
  }
  const v = c.getElementsByTagNameNS(MAIN_NS, "v")[0]?.textContent ?? null;
  if (v === null) return null;
  switch (type) {
    case "s":
      return shared[Number(v)] ?? null;
    case "str":
      return v;
    case "b":
      return v === "1";
    case "e":
      return { error: v };
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}
