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

/** A section row naming a group: a Roman number, or text that starts with Khối / Nhóm. */
function sectionGroup(code: string, name: string): string | null {
  const t = foldText(name);
  if (romanValue(code.replace(/[.)]$/, "")) !== null) return name;
  if (/^(khoi|nhom)\b/.test(t) && code === "") return name;
  return null;
}

/** Reads the units and their groups; rows without a name are skipped. */
export function parseUnitsList(sheet: SheetSnapshot, header: Header): UnitListEntry[] {
  const { unitName, group, code } = header.roles;
  if (unitName === undefined) return [];
  const entries: UnitListEntry[] = [];
  let section = "";
  for (let row = header.dataStart; row < sheet.values.length; row++) {
    const name = cellText(cellAt(sheet.values, row, unitName));
    const codeText = code === undefined ? "" : cellText(cellAt(sheet.values, row, code));
    if (name === "" || isTotalLabel(name)) continue;
    if (group === undefined) {
      const heading = sectionGroup(codeText, name.replace(/^[IVXL]+[.)]\s*/, ""));
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
