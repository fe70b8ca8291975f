/**
 * First step of reading a workbook: what each sheet holds. Sheets named in the settings are
 * taken as named; the header of every other sheet decides (see classifySheet). Each sheet's
 * header is found once and shared with the readers, so detection costs one pass over the
 * first rows of each sheet, never a rescan per cell.
 */
import { type SheetSnapshot, cellAt } from "../grid";
import { type Issue, makeIssue } from "../issues";
import { isStorageSheet } from "../saved-settings";
import type { Settings } from "../settings";
import { foldText } from "../text";
import type { Header } from "./header-band";
import { isSurveyTallyHeader } from "./survey-tally";

/** What a sheet holds; "transposed" (units in rows) is decided once the criteria set is known (find-code-row.ts). */
export type SheetKind = "criteria" | "unitSheet" | "matrix" | "transposed" | "unitsList" | "survey" | "none";

/** A sheet name that announces the criteria set ("Bộ tiêu chí", "Bộ chỉ số", "Tiêu chí 2024"). */
export function namesCriteria(name: string): boolean {
  return /tieu chi|bo chi so|huong dan cham/.test(foldText(name));
}

function hasScoreValues(sheet: SheetSnapshot, header: Header): boolean {
  const cols = [header.roles.selfScore, header.roles.appraisedScore].filter(
    (c): c is number => c !== undefined,
  );
  for (let r = header.dataStart; r < sheet.values.length; r++) {
    for (const c of cols) if (typeof cellAt(sheet.values, r, c) === "number") return true;
  }
  return false;
}

/** What a sheet holds, judged from its header. */
export function classifySheet(
  sheet: SheetSnapshot,
  header: Header | null,
  optionKeys: readonly string[],
): SheetKind {
  if (!header) return "none";
  const { roles } = header;
  const coded = roles.code !== undefined || roles.title !== undefined;
  if (isSurveyTallyHeader(header, optionKeys)) return "survey";
  if (header.units.length >= 2 && coded) return "matrix";
  // A table of units with a score but no criteria (a ranking pasted in) is a list, not scores.
  if (roles.unitName !== undefined && roles.title === undefined && roles.maxPoints === undefined)
    return "unitsList";
  const scored =
    roles.selfScore !== undefined || roles.appraisedScore !== undefined || roles.surveyPoints !== undefined;
  const guessedOnly =
    roles.maxPoints === undefined &&
    roles.appraisedScore === undefined &&
    roles.surveyPoints === undefined &&
    roles.evidence === undefined &&
    roles.explanation === undefined &&
    header.columns.some((c) => c.col === roles.selfScore && c.confidence === 1);
  // "STT | Nội dung | Điểm | Phương pháp đánh giá": a criteria sheet whose maximum says "Điểm".
  if (guessedOnly && coded) return "criteria";
  if (scored && coded) {
    // A blank template named like the criteria set is the criteria set.
    if (roles.maxPoints !== undefined && namesCriteria(sheet.name) && !hasScoreValues(sheet, header))
      return "criteria";
    return "unitSheet";
  }
  if (roles.maxPoints !== undefined && coded) return "criteria";
  if (roles.unitName !== undefined) return "unitsList";
  return "none";
}

/** Finds a sheet by name: exactly, else ignoring case, accents and spacing when that is unambiguous. */
export function findSheet(sheets: readonly SheetSnapshot[], name: string): SheetSnapshot | null {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const folded = sheets.filter((s) => foldText(s.name) === foldText(name));
  return folded.length === 1 ? folded[0] : null;
}

/** The user's correction of one sheet's layout (settings.sheetLayouts). */
export type SheetLayoutSetting = Settings["sheetLayouts"][string];

/** The correction the settings give for a sheet: by its exact name, else by its folded name when unambiguous. */
export function layoutSettingFor(settings: Settings, name: string): SheetLayoutSetting | null {
  const entries = settings.sheetLayouts;
  if (Object.prototype.hasOwnProperty.call(entries, name)) return entries[name];
  const folded = Object.keys(entries).filter((k) => foldText(k) === foldText(name));
  return folded.length === 1 ? entries[folded[0]] : null;
}

/** The kind of every sheet, and the sheets PAR Scorer wrote or the user set aside. */
export type DetectedKinds = {
  kinds: Map<SheetSnapshot, SheetKind>;
  /** Sheets whose kind or layout the user set (settings.sheets, settings.sheetLayouts). */
  chosenByUser: Set<SheetSnapshot>;
  generatedSheets: string[];
  ignoredSheets: string[];
};

/** Decides what every sheet holds: the settings first, then each sheet's header. */
export function detectSheetKinds(
  sheets: readonly SheetSnapshot[],
  settings: Settings,
  generatedSheets: readonly string[],
  headerOf: (sheet: SheetSnapshot) => Header | null,
  issues: Issue[],
): DetectedKinds {
  const optionKeys = Object.keys(settings.surveyOptionWeights);
  const named = (name: string): SheetSnapshot | null => {
    const found = findSheet(sheets, name);
    if (!found) issues.push(makeIssue("sheet_not_found", { sheet: null }, { name }));
    return found;
  };
  const chosen = settings.sheets;
  const corrections = new Map<SheetSnapshot, SheetLayoutSetting>();
  for (const s of sheets) {
    const c = layoutSettingFor(settings, s.name);
    if (c) corrections.set(s, c);
  }
  for (const name of Object.keys(settings.sheetLayouts)) {
    if (!findSheet(sheets, name)) issues.push(makeIssue("sheet_not_found", { sheet: null }, { name }));
  }
  const correctedAs = (kind: string) => sheets.find((s) => corrections.get(s)?.kind === kind) ?? null;
  const ignored = new Set(chosen.ignore.map(named).filter((s): s is SheetSnapshot => s !== null));
  for (const [s, c] of corrections) if (c.kind === "ignore") ignored.add(s);
  const explicitCriteria = correctedAs("criteria") ?? (chosen.criteria ? named(chosen.criteria) : null);
  const explicitUnits = chosen.unitSheets?.map(named).filter((s): s is SheetSnapshot => s !== null) ?? null;
  const explicitMatrices =
    chosen.matrixSheets?.map(named).filter((s): s is SheetSnapshot => s !== null) ?? null;
  const explicitList = correctedAs("unitsList") ?? (chosen.unitsList ? named(chosen.unitsList) : null);
  const generated = new Set(generatedSheets);

  const out: DetectedKinds = {
    kinds: new Map(),
    chosenByUser: new Set(),
    generatedSheets: [],
    ignoredSheets: [],
  };
  for (const s of sheets) {
    if (generated.has(s.name) || isStorageSheet(s.name)) {
      out.generatedSheets.push(s.name);
      continue;
    }
    if (ignored.has(s)) {
      out.ignoredSheets.push(s.name);
      out.chosenByUser.add(s);
      continue;
    }
    const correction = corrections.get(s);
    // A sheet the user calls a scoring sheet, or gives an orientation, is one.
    const scoring = correction?.kind === "scoring" || (!correction?.kind && correction?.orientation);
    let kind: SheetKind;
    if (s === explicitCriteria) kind = "criteria";
    else if (explicitUnits?.includes(s)) kind = "unitSheet";
    else if (explicitMatrices?.includes(s)) kind = "matrix";
    else if (s === explicitList) kind = "unitsList";
    else if (scoring) {
      const detected = classifySheet(s, headerOf(s), optionKeys);
      if (detected === "unitSheet" || detected === "matrix") kind = detected;
      else kind = (headerOf(s)?.units.length ?? 0) >= 2 ? "matrix" : "unitSheet";
    } else if (s.visibility === "veryHidden") {
      out.kinds.set(s, "none");
      continue;
    } else {
      kind = classifySheet(s, headerOf(s), optionKeys);
      // Kinds the user listed explicitly are not detected elsewhere.
      if ((kind === "unitSheet" && explicitUnits) || (kind === "matrix" && explicitMatrices)) kind = "none";
      if (kind === "criteria" && explicitCriteria) kind = "none";
      if (kind === "unitsList" && explicitList) kind = "none";
      if (kind === "none" && !explicitCriteria && namesCriteria(s.name)) kind = "criteria";
      out.kinds.set(s, kind);
      if (correction) out.chosenByUser.add(s);
      continue;
    }
    out.kinds.set(s, kind);
    out.chosenByUser.add(s);
  }
  return out;
}
