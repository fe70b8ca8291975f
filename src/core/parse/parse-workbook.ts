/**
 * The reading half of the engine, in three steps:
 * 1. detect what each sheet holds (detect-layout.ts; the settings win over detection);
 * 2. read the criteria set (criteria-sheet.ts);
 * 3. read each scoring sheet with the reader of its shape (read-unit-sheet.ts,
 *    read-matrix-sheet.ts), then the units list and the survey tallies.
 * Every sheet ends up described in `layout.sheetLayouts`. Nothing here judges a score value.
 */
import { type SheetSnapshot, columnIndex, columnLetters, fromA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type {
  ColumnMap,
  CriteriaSet,
  DetectedSheetLayout,
  ParsedWorkbook,
  SurveyTally,
  UnitListEntry,
  UnitScores,
  WorkbookLayout,
} from "../model";
import type { Settings } from "../settings";
import { checkLegacy, textCells } from "./check-legacy-text";
import { decideUnitCopies } from "../consolidate/decide-unit-copies";
import { parseCriteriaSheet } from "./criteria-sheet";
import { type SheetKind, detectSheetKinds } from "./detect-layout";
import { type Header, findHeader } from "./header-band";
import { readMatrixSheet } from "./read-matrix-sheet";
import { readUnitSheet } from "./read-unit-sheet";
import { parseSurveyTally } from "./survey-tally";
import { parseUnitsList } from "./units-list";

export { type SheetKind, classifySheet } from "./detect-layout";

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

/** A column index as letters, or undefined. */
function letters(col: number | undefined): string | undefined {
  return col === undefined ? undefined : columnLetters(col);
}

/** The record of a sheet that is not read (generated, ignored, or unrecognised). */
function plainRecord(sheet: string, kind: DetectedSheetLayout["kind"], user: boolean): DetectedSheetLayout {
  return {
    sheet,
    kind,
    orientation: null,
    shape: null,
    headerRows: null,
    codes: null,
    units: null,
    source: user ? "user" : "detected",
  };
}

/** The header rows of a header, 1-based. */
function headerRows(header: Header | null): [number, number] | null {
  return header ? [header.top + 1, header.bottom + 1] : null;
}

/** Reads a workbook snapshot: layout, criteria set, unit scores, units list, survey tallies. */
export function parseWorkbook(
  snapshot: { sheets: readonly SheetSnapshot[] },
  settings: Settings,
  generatedSheets: string[],
): { parsed: ParsedWorkbook; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheets = snapshot.sheets;
  const optionKeys = Object.keys(settings.surveyOptionWeights);
  const criteriaColumns = columnsFromLetters(settings.columns.criteria);
  const scoringColumns = columnsFromLetters(settings.columns.scoring);

  // 1. What each sheet holds. Each header is found once and shared by every step below.
  const headers = new Map<SheetSnapshot, Header | null>();
  const headerOf = (s: SheetSnapshot): Header | null => {
    if (!headers.has(s)) headers.set(s, findHeader(s));
    return headers.get(s) ?? null;
  };
  const detected = detectSheetKinds(sheets, settings, generatedSheets, headerOf, issues);
  const { kinds } = detected;
  const layout: WorkbookLayout = {
    criteriaSheet: null,
    unitSheets: [],
    matrixSheets: [],
    unitsListSheet: null,
    surveySheet: null,
    generatedSheets: detected.generatedSheets,
    ignoredSheets: detected.ignoredSheets,
    sheetLayouts: [],
  };
  const records = new Map<string, DetectedSheetLayout>();
  const userSet = (s: SheetSnapshot) => detected.chosenByUser.has(s);
  const ofKind = (kind: SheetKind) => sheets.filter((s) => kinds.get(s) === kind);

  // 2. The criteria set: the criteria sheet, else (no such sheet) the first scoring sheet with maxima.
  let criteria: CriteriaSet | null = null;
  const criteriaSheet = ofKind("criteria")[0] ?? null;
  if (criteriaSheet) {
    const header = headerOf(criteriaSheet);
    const result = parseCriteriaSheet(criteriaSheet, header, criteriaColumns);
    criteria = result.criteria;
    issues.push(...result.issues);
    layout.criteriaSheet = criteriaSheet.name;
    checkLegacy(criteriaSheet, textCells(criteriaSheet, header, criteria?.columns.title), issues);
    const codeCol = criteria ? (criteria.columns.code ?? criteria.columns.title) : undefined;
    records.set(criteriaSheet.name, {
      ...plainRecord(criteriaSheet.name, "criteria", userSet(criteriaSheet)),
      headerRows: headerRows(header),
      codes: codeCol === undefined ? null : { column: letters(codeCol) },
    });
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

  // 3. Scores, one reader per shape.
  // Every copy of a unit is read; which one counts is decided after (src/core/consolidate).
  const found: UnitScores[] = [];
  const addUnit = (u: UnitScores): void => {
    found.push(u);
  };
  for (const s of sheets) {
    const kind = kinds.get(s);
    if (kind !== "unitSheet" && kind !== "matrix") continue;
    const header = headerOf(s);
    const record: DetectedSheetLayout = {
      ...plainRecord(s.name, "scoring", userSet(s)),
      orientation: kind === "matrix" ? "unitsInColumns" : null,
      shape: kind,
      headerRows: headerRows(header),
    };
    records.set(s.name, record);
    if (!header) {
      issues.push(makeIssue("scoring_column_missing", { sheet: s.name }, { name: "STT" }));
      continue;
    }
    const codeCol = scoringColumns.code ?? scoringColumns.title ?? header.roles.code ?? header.roles.title;
    record.codes = codeCol === undefined ? null : { column: letters(codeCol) };
    if (kind === "unitSheet") {
      const result = readUnitSheet(s, header, criteria, scoringColumns);
      issues.push(...result.issues);
      layout.unitSheets.push(s.name);
      addUnit(result.unit);
      record.units = result.unit.nameCell ? { cell: result.unit.nameCell } : null;
      const nameCells = result.unit.nameCell ? [fromA1(result.unit.nameCell)] : [];
      checkLegacy(s, [...nameCells, ...textCells(s, header, header.roles.title)], issues);
    } else {
      const result = readMatrixSheet(s, header, criteria, scoringColumns);
      issues.push(...result.issues);
      layout.matrixSheets.push(s.name);
      result.units.forEach(addUnit);
      const nameRow = header.units[0]?.row;
      record.units = nameRow === undefined ? null : { row: nameRow + 1 };
      checkLegacy(s, textCells(s, header, header.roles.title), issues);
    }
  }

  const { units, setAside, issues: copyIssues } = decideUnitCopies(found, sheets, settings.sources);
  issues.push(...copyIssues);

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
    records.set(listSheet.name, {
      ...plainRecord(listSheet.name, "unitsList", userSet(listSheet)),
      headerRows: headerRows(header),
      units: header?.roles.unitName === undefined ? null : { column: letters(header.roles.unitName) },
    });
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
    records.set(surveySheet.name, {
      ...plainRecord(surveySheet.name, "survey", userSet(surveySheet)),
      headerRows: headerRows(header),
    });
  }
  for (const s of ofKind("survey").slice(1)) layout.ignoredSheets.push(s.name);
  for (const s of ofKind("none")) layout.ignoredSheets.push(s.name);

  const generated = new Set(layout.generatedSheets);
  layout.sheetLayouts = sheets.map(
    (s) =>
      records.get(s.name) ?? plainRecord(s.name, generated.has(s.name) ? "generated" : "ignore", userSet(s)),
  );
  return { parsed: { layout, criteria, units, unitList, surveyTallies, setAside }, issues };
}
