/**
 * The ranking group (khối) of a unit: the units list says it, else the settings, else its name.
 * Since 1 July 2025 there is no cấp huyện; the inferred names are only a fallback, never required.
 */
import type { UnitListEntry } from "../model";
import type { Settings } from "../settings";
import { BoundedMemo } from "../bounded-memo";
import { foldText } from "../text";

export const GROUP_DEPARTMENTS = "Sở, ban, ngành";
export const GROUP_DISTRICTS = "Cấp huyện";
export const GROUP_COMMUNES = "Cấp xã";
export const GROUP_OTHER = "Khác";

/** Folded name prefixes, longest first where one contains another ("thi xa" before "xa"). */
const PREFIXES: readonly (readonly [string, string])[] = [
  ["thi xa ", GROUP_DISTRICTS],
  ["thi tran ", GROUP_COMMUNES],
  ["thanh pho ", GROUP_DISTRICTS],
  ["tp. ", GROUP_DISTRICTS],
  ["tp ", GROUP_DISTRICTS],
  ["huyen ", GROUP_DISTRICTS],
  ["quan ", GROUP_DISTRICTS],
  ["xa ", GROUP_COMMUNES],
  ["phuong ", GROUP_COMMUNES],
  ["dac khu ", GROUP_COMMUNES],
  ["so ", GROUP_DEPARTMENTS],
  ["ban ", GROUP_DEPARTMENTS],
  ["thanh tra ", GROUP_DEPARTMENTS],
  ["van phong ", GROUP_DEPARTMENTS],
  ["dai ", GROUP_DEPARTMENTS],
  ["truong ", GROUP_DEPARTMENTS],
  ["bo chi huy ", GROUP_DEPARTMENTS],
  ["cong an ", GROUP_DEPARTMENTS],
  ["kho bac ", GROUP_DEPARTMENTS],
];

/** Leading words that name the body rather than the place ("UBND huyện X" is the district X). */
const BODY_PREFIXES = ["uy ban nhan dan ", "ubnd "];

/** The group a unit's name suggests: Sở/Ban/… → "Sở, ban, ngành", Huyện/Quận/… → "Cấp huyện", Xã/Phường/… → "Cấp xã", else "Khác". */
export function inferGroupFromName(unit: string): string {
  let name = `${foldText(unit)} `;
  for (const body of BODY_PREFIXES) if (name.startsWith(body)) name = name.slice(body.length);
  for (const [prefix, group] of PREFIXES) if (name.startsWith(prefix)) return group;
  return GROUP_OTHER;
}

/**
 * The key that identifies a unit across sheets and the units list: its folded name without the
 * dashes or bullets typed before it ("- Sở Tài chính", "Cơ quan: -Sở Tài chính").
 */
export function unitKey(name: string): string {
  const known = unitKeys.get(name);
  if (known !== undefined) return known;
  const key = foldText(name).replace(/^[\s\-–+*•.:]+/, "");
  // Each unit's name is keyed several times per analysis (its scores, its group, its place in the
  // list), after the parse has filled the text memo with other texts: a bounded memo of its own.
  unitKeys.set(name, key);
  return key;
}

const UNIT_KEYS_LIMIT = 20_000;
const unitKeys = new BoundedMemo<string, string>(UNIT_KEYS_LIMIT);

/** Each units list indexed by key once (its first entry per key), so a lookup is not a scan of the list. */
const listIndexes = new WeakMap<
  readonly UnitListEntry[],
  { length: number; byKey: Map<string, UnitListEntry> }
>();

/** The first entry of the units list whose key is `key`, or null. */
function listEntry(unitList: readonly UnitListEntry[], key: string): UnitListEntry | null {
  let index = listIndexes.get(unitList);
  if (!index || index.length !== unitList.length) {
    const byKey = new Map<string, UnitListEntry>();
    for (const e of unitList) {
      const k = unitKey(e.unit);
      if (!byKey.has(k)) byKey.set(k, e);
    }
    index = { length: unitList.length, byKey };
    listIndexes.set(unitList, index);
  }
  return index.byKey.get(key) ?? null;
}

/** Where a unit's group came from ("sheet": a section row above the unit on its scoring sheet). */
export type GroupSource = "list" | "settings" | "sheet" | "inferred";

/**
 * The group of a unit: its units-list entry (names folded), else settings.unitGroups, else the
 * section row above it on its scoring sheet ("A. CÁC SỞ, BAN, NGÀNH"), else inferred from the name.
 */
export function findGroup(
  unit: string,
  unitList: readonly UnitListEntry[],
  settings: Settings,
  sectionGroup?: string,
): { group: string; source: GroupSource; entry: UnitListEntry | null } {
  const key = unitKey(unit);
  const entry = listEntry(unitList, key);
  if (entry && entry.group.trim() !== "") return { group: entry.group.trim(), source: "list", entry };
  for (const [name, group] of Object.entries(settings.unitGroups)) {
    if (unitKey(name) === key && group.trim() !== "")
      return { group: group.trim(), source: "settings", entry };
  }
  if (sectionGroup && sectionGroup.trim() !== "")
    return { group: sectionGroup.trim(), source: "sheet", entry };
  return { group: inferGroupFromName(unit), source: "inferred", entry };
}
