/**
 * The reading half of the engine, in three steps:
 * 1. detect what each sheet holds (detect-layout.ts; the settings win over detection);
 * 2. read the criteria set (criteria-sheet.ts);
 * 3. read each scoring sheet with the reader of its shape (read-unit-sheet.ts,
 *    read-matrix-sheet.ts), then the units list and the survey tallies.
 * Every sheet ends up described in `layout.sheetLayouts`. Nothing here judges a score value.
 */
import { type SheetSnapshot, columnIndex, columnLetters, fromA1, toA1 } from "../grid";
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
import {
  type Implausible,
  checkAgainstList,
  checkCoverage,
  checkTwoOrientations,
  checkUnitNames,
  implausibleIssue,
} from "./check-plausibility";
import { type SheetKind, detectSheetKinds, layoutSettingFor } from "./detect-layout";
import { type CodeRow, codeRowAt, findCodeColumn, findCodeRow, levelOf } from "./find-code-row";
import { unitKey } from "../evaluate/infer-group";
import {
  type Header,
  type HeaderHint,
  type IsListedUnit,
  findHeader,
  unitLikeScoreColumns,
} from "./header-band";
import { readMatrixSheet } from "./read-matrix-sheet";
import { readTransposedSheet } from "./read-transposed-sheet";
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
  const correctionOf = (s: SheetSnapshot) => layoutSettingFor(settings, s.name);
  /** Names of the units list, once read: a header cell naming one is a unit, never a role. */
  let isListed: IsListedUnit | undefined;
  /** The last header found: its band is tried first on the next sheet (only the search's speed depends on it). */
  let hint: HeaderHint | null = null;
  /** A header found again knowing the units list tries first where it was found before. */
  const foundBefore = new Map<SheetSnapshot, HeaderHint>();
  const headerOf = (s: SheetSnapshot): Header | null => {
    if (!headers.has(s)) {
      // Header rows the user gave (1-based) are taken as they are.
      const rows = correctionOf(s)?.headerRows;
      const found = findHeader(
        s,
        rows ? { top: rows[0] - 1, bottom: rows[1] - 1 } : undefined,
        isListed,
        foundBefore.get(s) ?? hint,
      );
      if (found) hint = { top: found.top, bottom: found.bottom };
      headers.set(s, found);
    }
    return headers.get(s) ?? null;
  };
  /** Column letters for a sheet: the settings' letters, and the code column the user gave for it. */
  const columnsFor = (s: SheetSnapshot, base: ColumnMap): ColumnMap => {
    const codeColumn = correctionOf(s)?.codeColumn;
    return codeColumn ? { ...base, code: columnIndex(codeColumn) } : base;
  };
  const firstIssues: Issue[] = [];
  let detected = detectSheetKinds(sheets, settings, generatedSheets, headerOf, firstIssues);
  // A matrix unit whose name holds a role's words ("Cơ quan Cảnh sát điều tra Công an tỉnh",
  // "Hội đồng Thẩm định giá tỉnh") was read as a score column: with a units list, the headers
  // holding a listed name are found again knowing the names, and the kinds decided again.
  const firstList = sheets.find((s) => detected.kinds.get(s) === "unitsList");
  const firstListHeader = firstList ? headerOf(firstList) : null;
  const listedKeys = new Set(
    firstList && firstListHeader
      ? parseUnitsList(firstList, firstListHeader).map((e) => unitKey(e.unit))
      : [],
  );
  if (listedKeys.size > 0) {
    const listed: IsListedUnit = (text) => listedKeys.has(unitKey(text));
    isListed = listed;
    let again = false;
    for (const [s, header] of headers) {
      if (s === firstList || !header?.columns.some((c) => c.labels.some(listed))) continue;
      headers.delete(s);
      foundBefore.set(s, { top: header.top, bottom: header.bottom });
      again = true;
    }
    if (again) detected = detectSheetKinds(sheets, settings, generatedSheets, headerOf, issues);
    else issues.push(...firstIssues);
  } else issues.push(...firstIssues);
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
    const result = parseCriteriaSheet(criteriaSheet, header, columnsFor(criteriaSheet, criteriaColumns));
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
    // One unit's own workbook (its sheet is the set) or a matrix (one set of maxima for every unit)
    // carries the set; with several unit sheets, taking the first one's maxima for all would be a
    // guess: the user names the criteria sheet instead (--criteria-sheet, settings.sheets.criteria).
    const guess =
      source !== undefined && ofKind("unitSheet").length > 1 && ofKind("unitSheet").includes(source);
    if (source && !guess) {
      const result = parseCriteriaSheet(source, headerOf(source), scoringColumns);
      criteria = result.criteria;
      issues.push(...result.issues);
      layout.criteriaSheet = source.name;
    } else {
      issues.push(makeIssue("no_criteria_sheet", { sheet: null }));
    }
  }
  for (const s of ofKind("criteria").slice(1)) layout.ignoredSheets.push(s.name);

  // 3a. Where each candidate scoring sheet has its codes: down a column, or along a row (units in rows).
  const across = new Map<SheetSnapshot, CodeRow>();
  const refused = new Map<SheetSnapshot, Implausible>();
  for (const s of sheets) {
    const kind = kinds.get(s);
    if (kind === undefined || kind === "criteria" || kind === "survey") continue;
    const correction = correctionOf(s);
    if (s.visibility === "veryHidden" && !correction) continue;
    const chosenKind = userSet(s) && !correction?.orientation && correction?.kind !== "scoring";
    if (chosenKind && kind !== "unitSheet" && kind !== "matrix") continue;
    // Units in columns by the user's word: settings.sheetLayouts, or settings.sheets listing it.
    const forcedColumns = correction?.orientation === "unitsInColumns" || chosenKind;
    const rows = correction?.headerRows;
    // A unit's own sheet is searched down to just under its header only (1,000 sheets: no rescan).
    const unitHeader = kind === "unitSheet" ? headerOf(s) : null;
    const band = rows
      ? { first: rows[0] - 1, last: rows[1] - 1 }
      : unitHeader
        ? { first: 0, last: unitHeader.bottom + 1 }
        : null;
    const codeRow = correction?.codeRow
      ? codeRowAt(s, correction.codeRow - 1, criteria)
      : findCodeRow(s, criteria, band);
    if (!codeRow) {
      if (correction?.orientation === "unitsInRows") {
        kinds.set(s, "transposed");
        refused.set(s, { reason: "leaves_missing", cell: "A1", count: 0, of: criteria?.leafIds.length });
      }
      continue;
    }
    const forced = correction?.orientation === "unitsInRows" || correction?.codeRow !== undefined;
    const header = headerOf(s);
    if (!forced && (kind === "unitSheet" || kind === "matrix") && header) {
      // Codes down the code column that name as much of the set keep the sheet as it was read.
      const down = findCodeColumn(s, header, criteria);
      if (down.level !== null && down.matched >= codeRow.matched) continue;
    }
    if (forcedColumns) {
      // Read with units in columns by the user's word, but its codes run along a row.
      refused.set(s, { reason: "codes_across", cell: toA1(codeRow.row, codeRow.codes[0].at) });
      continue;
    }
    kinds.set(s, "transposed");
    across.set(s, codeRow);
  }

  // 3b. The units list (read before the scores: a sheet with more units than it holds is suspect).
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

  // 3c. Scores, one reader per shape; a sheet that fails a plausibility rule is not scored.
  // Every copy of a unit is read; which one counts is decided after (src/core/consolidate).
  const found: UnitScores[] = [];
  const addUnit = (u: UnitScores): void => {
    found.push(u);
  };
  for (const s of sheets) {
    const kind = kinds.get(s);
    if (kind !== "unitSheet" && kind !== "matrix" && kind !== "transposed") continue;
    const record: DetectedSheetLayout = {
      ...plainRecord(s.name, "scoring", userSet(s) || correctionOf(s) !== null),
      orientation: kind === "matrix" ? "unitsInColumns" : kind === "transposed" ? "unitsInRows" : null,
      shape: kind,
    };
    records.set(s.name, record);
    const read = readScoringSheet(s, kind, record);
    const problem = refused.get(s) ?? read.problem;
    if (problem) {
      // One error says why; nothing else read on the sheet counts.
      issues.push(implausibleIssue(s.name, problem));
      layout.ignoredSheets.push(s.name);
      continue;
    }
    issues.push(...read.issues);
    if (kind === "unitSheet") layout.unitSheets.push(s.name);
    else layout.matrixSheets.push(s.name);
    if (read.units.some((u) => u.scoredAt === "fields")) record.shape = "fieldTotals";
    read.units.forEach(addUnit);
  }

  const { units, setAside, issues: copyIssues } = decideUnitCopies(found, sheets, settings.sources);
  issues.push(...copyIssues);

  /** Reads one scoring sheet with the reader of its shape, then checks that what it read is plausible. */
  function readScoringSheet(
    s: SheetSnapshot,
    kind: "unitSheet" | "matrix" | "transposed",
    record: DetectedSheetLayout,
  ): { units: UnitScores[]; issues: Issue[]; problem: Implausible | null } {
    if (kind === "transposed") {
      const codeRow = across.get(s);
      if (!codeRow) return { units: [], issues: [], problem: null };
      const read = readTransposedSheet(s, codeRow, criteria);
      const { frame } = read;
      record.headerRows = [frame.headerTop + 1, frame.headerBottom + 1];
      record.codes = { row: frame.codeRow + 1 };
      record.units = frame.nameCol === null ? null : { column: letters(frame.nameCol) };
      const codeCell = toA1(codeRow.row, codeRow.codes[0].at);
      const coverage = criteria
        ? levelOf(
            codeRow.codes.map((c) => c.criterionId),
            criteria,
          )
        : null;
      const problem =
        (frame.nameCol === null ? { reason: "no_unit_column" as const, cell: codeCell } : null) ??
        checkUnitNames(read.units) ??
        checkCoverage(coverage, codeCell) ??
        checkAgainstList(read.units, unitList) ??
        checkTwoOrientations(s, read.units, {
          rows: [frame.headerTop, frame.headerBottom],
          cols: [0, Number.MAX_SAFE_INTEGER],
        });
      if (!problem) checkLegacy(s, textCells(s, null, frame.nameCol ?? undefined), read.issues);
      return { ...read, problem };
    }
    const header = headerOf(s);
    record.headerRows = headerRows(header);
    if (!header) {
      return {
        units: [],
        issues: [makeIssue("scoring_column_missing", { sheet: s.name }, { name: "STT" })],
        problem: null,
      };
    }
    const columns = columnsFor(s, scoringColumns);
    const codeCol = columns.code ?? columns.title ?? header.roles.code ?? header.roles.title;
    record.codes = codeCol === undefined ? null : { column: letters(codeCol) };
    const codeCell = toA1(header.top, codeCol ?? 0);
    // A unit's name read as a score column (no units list names it): said, never silently dropped.
    const unitLike = unitLikeScoreColumns(header).map((c) =>
      makeIssue("header_names_unit", { sheet: s.name, cell: toA1(header.top, c.col) }, { name: c.label }),
    );
    if (kind === "unitSheet") {
      const read = readUnitSheet(s, header, criteria, columns);
      record.units = read.unit.nameCell ? { cell: read.unit.nameCell } : null;
      const problem = checkCoverage(read.coverage, codeCell);
      const nameCells = read.unit.nameCell ? [fromA1(read.unit.nameCell)] : [];
      if (!problem) checkLegacy(s, [...nameCells, ...textCells(s, header, header.roles.title)], read.issues);
      return { units: [read.unit], issues: [...unitLike, ...read.issues], problem };
    }
    const read = readMatrixSheet(s, header, criteria, columns);
    const nameRow = header.units[0]?.row;
    record.units = nameRow === undefined ? null : { row: nameRow + 1 };
    const firstUnitCol = Math.min(...header.units.map((u) => u.col));
    const problem =
      checkUnitNames(read.units) ??
      checkCoverage(read.coverage, codeCell) ??
      checkAgainstList(read.units, unitList) ??
      checkTwoOrientations(s, read.units, {
        rows: [header.dataStart, s.values.length - 1],
        cols: [0, firstUnitCol - 1],
      });
    if (!problem) checkLegacy(s, textCells(s, header, header.roles.title), read.issues);
    return { units: read.units, issues: [...unitLike, ...read.issues], problem };
  }

  // Survey tallies.
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
