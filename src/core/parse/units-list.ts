/**
 * The units list sheet (STT · Tên đơn vị · Khối). Without a Khối column the groups may be
 * section rows ("I. Khối sở, ban, ngành", "Khối xã, phường") above their units.
 */
import { type SheetSnapshot, cellAt, toA1 } from "../grid";
import type { UnitListEntry } from "../model";
import { cellText, foldText } from "../text";
import { isTotalLabel } from "./criteria-sheet";
import { romanValue } from "./criterion-code";
import type { Header } from "./header-band";

/**
 * A section row naming a group: a letter or Roman number as its STT ("A | CÁC SỞ, BAN, NGÀNH",
 * "I | Khối sở"), or, without an STT, text that starts with Khối / Nhóm / "Các …" / "UBND các …".
 */
function sectionGroup(code: string, name: string): string | null {
  const t = foldText(name);
  const mark = code.replace(/[.)]$/, "");
  if (romanValue(mark) !== null || /^[A-Z]$/.test(mark)) return name;
  if (/^(khoi|nhom|cac|ubnd cac|uy ban nhan dan cac)\b/.test(t) && code === "") return name;
  return null;
}

/** Reads the units and their groups; rows without a name are skipped. */
export function parseUnitsList(sheet: SheetSnapshot, header: Header): UnitListEntry[] {
  const { unitName, group, code } = header.roles;
  if (unitName === undefined) return [];
  const entries: UnitListEntry[] = [];
  let section = "";
  for (let row = header.dataStart; row < sheet.values.length; row++) {
    let name = cellText(cellAt(sheet.values, row, unitName));
    let codeText = code === undefined ? "" : cellText(cellAt(sheet.values, row, code));
    // A section heading merged across the row keeps its text in the first (STT) cell.
    if (name === "" && group === undefined && /^([A-Z]|[IVXL]+)[.)]\s+\S/.test(codeText)) {
      name = codeText;
      codeText = "";
    }
    if (name === "" || isTotalLabel(name)) continue;
    if (group === undefined) {
      // "A. CÁC SỞ, BAN, NGÀNH" typed (or merged) in one cell: the letter is the section's mark.
      const marked = /^([A-Z]|[IVXL]+)[.)]\s+(\S.*)$/.exec(name);
      const heading = marked ? sectionGroup(codeText || marked[1], marked[2]) : sectionGroup(codeText, name);
      if (heading !== null) {
        section = heading;
        continue;
      }
    }
    const typed = group === undefined ? "" : cellText(cellAt(sheet.values, row, group));
    entries.push({ unit: name, group: typed || section, sheet: sheet.name, cell: toA1(row, unitName) });
  }
  return entries;
}
