/**
 * Consolidation of several files into one snapshot for the engine: the criteria file's sheets
 * keep their names (the ranking is written into that file), the other files add their scoring
 * sheets, renamed only when a name is already taken. Each sheet remembers its file.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../core/grid";

export type SheetSource = { file: string; sheet: string };

export type FileSnapshot = {
  file: string;
  snapshot: WorkbookSnapshot;
  /** Sheets left out of the merge (another file's settings, criteria or ranking sheets). */
  drop?: ReadonlySet<string>;
};

export type MergedSnapshot = {
  snapshot: WorkbookSnapshot;
  /** Merged sheet name → its file and its name there. */
  sources: Map<string, SheetSource>;
};

/** Merges the primary (criteria) file with the others; sheet names stay unique ignoring case. */
export function mergeSnapshots(primary: FileSnapshot, others: readonly FileSnapshot[]): MergedSnapshot {
  const sheets: SheetSnapshot[] = [];
  const sources = new Map<string, SheetSource>();
  const taken = new Set<string>();
  for (const input of [primary, ...others]) {
    for (const sheet of input.snapshot.sheets) {
      if (input.drop?.has(sheet.name)) continue;
      const name = uniqueName(sheet.name, taken);
      taken.add(name.toLocaleLowerCase());
      sheets.push({ ...sheet, name, origin: { file: input.file, sheet: sheet.name } });
      sources.set(name, { file: input.file, sheet: sheet.name });
    }
  }
  return { snapshot: { sheets }, sources };
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLocaleLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
