/**
 * The reading half of the engine: which sheet is what, then the criteria set, the units' scores,
 * the units list and any survey tallies. Sheets named in the settings are taken as named;
 * detection fills in the rest. Nothing here judges a score value.
 */
import { type SheetSnapshot, cellAt, columnIndex, fromA1, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type {
  ColumnMap,
  CriteriaSet,
  ParsedWorkbook,
  SurveyTally,
  UnitListEntry,
  UnitScores,
  WorkbookLayout,
} from "../model";
import { isStorageSheet } from "../saved-settings";
import type { Settings } from "../settings";
import { cellText, foldText } from "../text";
import { parseCriteriaSheet } from "./criteria-sheet";
import { type Header, findHeader } from "./header-band";
import { detectLegacyEncoding } from "./legacy-encoding";
import { parseMatrixSheet, parseUnitSheet } from "./scoring-sheet";
import { isSurveyTallyHeader, parseSurveyTally } from "./survey-tally";
import { parseUnitsList } from "./units-list";

export type SheetKind = "criteria" | "unitSheet" | "matrix" | "unitsList" | "survey" | "none";

/** A sheet name that announces the criteria set ("Bộ tiêu chí", "Bộ chỉ số", "Tiêu chí 2024"). */
function namesCriteria(name: string): boolean {
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

/** Column letters from the settings to zero-based indices (invalid letters are left out). */
function columnsFromLetters(letters: Partial<Record<string, string>>): ColumnMap {
  const out: ColumnMap = {};
  for (const [role, value] of Object.entries(letters)) {
    if (!value) continue;
    try {
      out[role as keyof ColumnMap] = columnIndex(value);
    } catch {
      // The settings schema already rejects bad letters; nothing to map.
    }
  }
  return out;
}

/** Finds a sheet by name: exactly, else ignoring case, accents and spacing when that is unambiguous. */
function findSheet(sheets: readonly SheetSnapshot[], name: string): SheetSnapshot | null {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const folded = sheets.filter((s) => foldText(s.name) === foldText(name));
  return folded.length === 1 ? folded[0] : null;
}

/** Reports the first legacy-encoded text among the given cells (once per sheet). */
function checkLegacy(
  sheet: SheetSnapshot,
  cells: Iterable<{ row: number; col: number }>,
  issues: Issue[],
): void {
  for (const { row, col } of cells) {
    const text = cellText(cellAt(sheet.values, row, col));
    const encoding = detectLegacyEncoding(text);
    if (encoding) {
      issues.push(
        makeIssue(
          "legacy_encoding",
          { sheet: sheet.name, cell: toA1(row, col) },
          { name: encoding === "TCVN3" ? "TCVN3 (.VnTime)" : "VNI", input: text },
        ),
      );
      return;
    }
  }
}

/** Cells worth checking for legacy encoding: the titles above and in the header, and a column's cells. */
function* textCells(
  sheet: SheetSnapshot,
  header: Header | null,
  col: number | undefined,
): Generator<{ row: number; col: number }> {
  const top = header ? header.dataStart : Math.min(sheet.values.length, 20);
  for (let row = 0; row < top; row++) {
    const line = sheet.values[row] ?? [];
    for (let c = 0; c < line.length; c++) yield { row, col: c };
  }
  if (col === undefined) return;
  for (let row = top; row < sheet.values.length; row++) yield { row, col };
}

/** Reads a workbook snapshot: layout, criteria set, unit scores, units list, survey tallies. */
export function parseWorkbook(
  snapshot: { sheets: readonly SheetSnapshot[] },
  settings: Settings,
  generatedSheets: string[],
): { parsed: ParsedWorkbook; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheets = snapshot.sheets;
  const layout: WorkbookLayout = {
    criteriaSheet: null,
    unitSheets: [],
    matrixSheets: [],
    unitsListSheet: null,
    surveySheet: null,
    generatedSheets: [],
    ignoredSheets: [],
  };
  const optionKeys = Object.keys(settings.surveyOptionWeights);
  const criteriaColumns = columnsFromLetters(settings.columns.criteria);
  const scoringColumns = columnsFromLetters(settings.columns.scoring);

  // Sheets named in the settings.
  const named = (name: string): SheetSnapshot | null => {
    const found = findSheet(sheets, name);
    if (!found) issues.push(makeIssue("sheet_not_found", { sheet: null }, { name }));
    return found;
  };
  const chosen = settings.sheets;
  const ignored = new Set(chosen.ignore.map(named).filter((s): s is SheetSnapshot => s !== null));
  const explicitCriteria = chosen.criteria ? named(chosen.criteria) : null;
  const explicitUnits = chosen.unitSheets?.map(named).filter((s): s is SheetSnapshot => s !== null) ?? null;
  const explicitMatrices =
    chosen.matrixSheets?.map(named).filter((s): s is SheetSnapshot => s !== null) ?? null;
  const explicitList = chosen.unitsList ? named(chosen.unitsList) : null;
  const generated = new Set(generatedSheets);

  const headers = new Map<SheetSnapshot, Header | null>();
  const headerOf = (s: SheetSnapshot): Header | null => {
    if (!headers.has(s)) headers.set(s, findHeader(s));
    return headers.get(s) ?? null;
  };
  const kinds = new Map<SheetSnapshot, SheetKind>();
  for (const s of sheets) {
    if (generated.has(s.name) || isStorageSheet(s.name)) {
      layout.generatedSheets.push(s.name);
      continue;
    }
    if (ignored.has(s)) {
      layout.ignoredSheets.push(s.name);
      continue;
    }
    let kind: SheetKind;
    if (s === explicitCriteria) kind = "criteria";
    else if (explicitUnits?.includes(s)) kind = "unitSheet";
    else if (explicitMatrices?.includes(s)) kind = "matrix";
    else if (s === explicitList) kind = "unitsList";
    else if (s.visibility === "veryHidden") kind = "none";
    else {
      kind = classifySheet(s, headerOf(s), optionKeys);
      // Kinds the user listed explicitly are not detected elsewhere.
      if ((kind === "unitSheet" && explicitUnits) || (kind === "matrix" && explicitMatrices)) kind = "none";
      if (kind === "criteria" && explicitCriteria) kind = "none";
      if (kind === "unitsList" && explicitList) kind = "none";
      if (kind === "none" && !explicitCriteria && namesCriteria(s.name)) kind = "criteria";
    }
    kinds.set(s, kind);
  }
  const ofKind = (kind: SheetKind) => sheets.filter((s) => kinds.get(s) === kind);

  // The criteria set: the criteria sheet, else (no such sheet) the first scoring sheet with maxima.
  let criteria: CriteriaSet | null = null;
  const criteriaSheet = ofKind("criteria")[0] ?? null;
  if (criteriaSheet) {
    const result = parseCriteriaSheet(criteriaSheet, headerOf(criteriaSheet), criteriaColumns);
    criteria = result.criteria;
    issues.push(...result.issues);
    layout.criteriaSheet = criteriaSheet.name;
    checkLegacy(
      criteriaSheet,
      textCells(criteriaSheet, headerOf(criteriaSheet), criteria?.columns.title),
      issues,
    );
  } else {
    const source = [...ofKind("unitSheet"), ...ofKind("matrix")].find(
      (s) => headerOf(s)?.roles.maxPoints !== undefined || scoringColumns.maxPoints !== undefined,
    );
    if (source) {
      const result = parseCriteriaSheet(source, headerOf(source), scoringColumns);
      criteria = result.criteria;
      issues.push(...result.issues);
      layout.criteriaSheet = source.name;
    } else {
      issues.push(makeIssue("no_criteria_sheet", { sheet: null }));
    }
  }
  for (const s of ofKind("criteria").slice(1)) layout.ignoredSheets.push(s.name);

  // Scores.
  const units: UnitScores[] = [];
  const seen = new Map<string, UnitScores>();
  const addUnit = (u: UnitScores): void => {
    const key = foldText(u.unit);
    const first = seen.get(key);
    if (first) {
      issues.push(
        makeIssue(
          "unit_duplicate",
          { sheet: u.sheet, cell: u.nameCell, unit: u.unit },
          { name: u.unit, other: first.sheet },
        ),
      );
      return;
    }
    seen.set(key, u);
    units.push(u);
  };
  for (const s of sheets) {
    const kind = kinds.get(s);
    if (kind !== "unitSheet" && kind !== "matrix") continue;
    const header = headerOf(s);
    if (!header) {
      issues.push(makeIssue("scoring_column_missing", { sheet: s.name }, { name: "STT" }));
      continue;
    }
    if (kind === "unitSheet") {
      const result = parseUnitSheet(s, header, criteria, scoringColumns);
      issues.push(...result.issues);
      layout.unitSheets.push(s.name);
      addUnit(result.unit);
      const nameCells = result.unit.nameCell ? [fromA1(result.unit.nameCell)] : [];
      checkLegacy(s, [...nameCells, ...textCells(s, header, header.roles.title)], issues);
    } else {
      const result = parseMatrixSheet(s, header, criteria, scoringColumns);
      issues.push(...result.issues);
      layout.matrixSheets.push(s.name);
      result.units.forEach(addUnit);
      checkLegacy(s, textCells(s, header, header.roles.title), issues);
    }
  }

  // Units list and survey tallies.
  let unitList: UnitListEntry[] = [];
  const listSheet = ofKind("unitsList")[0] ?? null;
  if (listSheet) {
    const header = headerOf(listSheet);
    if (header) {
      unitList = parseUnitsList(listSheet, header);
      checkLegacy(listSheet, textCells(listSheet, header, header.roles.unitName), issues);
    }
    layout.unitsListSheet = listSheet.name;
  }
  for (const s of ofKind("unitsList").slice(1)) layout.ignoredSheets.push(s.name);
  let surveyTallies: SurveyTally[] = [];
  const surveySheet = ofKind("survey")[0] ?? null;
  if (surveySheet) {
    const header = headerOf(surveySheet);
    if (header) {
      const result = parseSurveyTally(surveySheet, header, criteria, optionKeys);
      surveyTallies = result.tallies;
      issues.push(...result.issues);
    }
    layout.surveySheet = surveySheet.name;
  }
  for (const s of ofKind("survey").slice(1)) layout.ignoredSheets.push(s.name);
  for (const s of ofKind("none")) layout.ignoredSheets.push(s.name);

  return { parsed: { layout, criteria, units, unitList, surveyTallies }, issues };
}
