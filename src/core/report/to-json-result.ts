/**
 * The stable JSON result of the command line (`--json`, docs/cli.md): scripts depend on its
 * shape, so keys are only ever added, never renamed. Points are plain numbers, indices are
 * unrounded percentages, cells are A1 without the sheet name.
 */
import type { Analysis } from "../model";
import { type Lang, describeIssue } from "../issues";
import type { CriteriaSet, RankedUnit } from "../model";
import { type YearComparison, unitChangeOf } from "../compare/compare-years";
import { fromMicro } from "../points";

export type JsonCriteria = { sheet: string; leaves: number; maxPoints: number };
export type JsonUnit = {
  name: string;
  sheet: string;
  group: string;
  /** The file the unit's sheet came from; null for a single workbook. */
  file: string | null;
};
/** One input file of a consolidation: the units found in it, its criteria sheet used, or why it was unusable. */
export type JsonFile = {
  path: string;
  units: string[];
  criteria: boolean;
  problem: { code: string; message: string } | null;
};
/** Where the sheets of a consolidated snapshot came from, and the input files (docs/cli.md). */
export type JsonOrigins = {
  files: JsonFile[];
  /** A merged sheet's file and its name there; null for a sheet of a single workbook. */
  origin: (sheet: string) => { file: string; sheet: string } | null;
};
export type JsonIssue = {
  code: string;
  severity: "error" | "warning" | "info";
  /** The file of the sheet; null for a single workbook or a problem of the whole run. */
  file: string | null;
  /** Null only for a problem of the whole workbook. The sheet's name in its file. */
  sheet: string | null;
  cell: string | null;
  unit: string | null;
  criterion: string | null;
  message: string;
};
export type JsonField = {
  code: string;
  title: string;
  points: number;
  maxPoints: number;
  index: number | null;
  /**
   * Last year's field index and this year's − last year's (percentage points), with --previous
   * when both years have the field from scoring sheets with the same maximum; else null.
   */
  previousIndex: number | null;
  indexChange: number | null;
};
export type JsonRankedUnit = {
  name: string;
  points: number;
  maxPoints: number;
  /** Null only when nothing applies to the unit (applicable maximum 0). */
  index: number | null;
  rank: number;
  band: string | null;
  fields: JsonField[];
  /** Last year's index and rank (--previous); null when not compared or the unit is new. */
  previous: { index: number | null; rank: number | null } | null;
  /** Last year's rank − this year's (positive = moved up); null when not comparable. */
  rankChange: number | null;
  /** This year's index − last year's, in percentage points; null when not comparable. */
  indexChange: number | null;
};
export type JsonGroup = { name: string; average: number | null; units: JsonRankedUnit[] };

/**
 * How a scoring sheet was read (docs/cli.md): its orientation and shape, its header rows
 * (1-based), where its codes are (a column letter, or a row number for codes across) and where
 * its unit names are (a cell, a row or a column); source "user" when the settings decided.
 */
export type JsonSheetLayout = {
  sheet: string;
  kind: string;
  orientation: "unitsInColumns" | "unitsInRows" | null;
  shape: "unitSheet" | "matrix" | "transposed" | "fieldTotals" | null;
  headerRows: [number, number] | null;
  codes: { column?: string; row?: number } | null;
  units: { cell?: string; row?: number; column?: string } | null;
  source: "detected" | "user";
};

export type JsonResult = {
  /** Null only when no criteria sheet was found (the command line then exits with status 2). */
  criteria: JsonCriteria | null;
  /** The input files (one for a single workbook), in the order of their paths. */
  files: JsonFile[];
  units: JsonUnit[];
  issues: JsonIssue[];
  groups: JsonGroup[];
  /** Every scoring sheet, read or refused (layout_implausible), with the layout detected. */
  scoringSheets: JsonSheetLayout[];
};

/** The JSON result of an analysis, with issue messages in the given language. */
export function toJsonResult(
  analysis: Analysis,
  lang: Lang = "vi",
  origins: JsonOrigins | null = null,
): JsonResult {
  const { criteria } = analysis;
  const where = (sheet: string | null): { file: string | null; sheet: string | null } => {
    const origin = sheet === null ? null : (origins?.origin(sheet) ?? null);
    return origin ?? { file: null, sheet };
  };
  return {
    criteria: criteria
      ? { sheet: criteria.sheet, leaves: criteria.leafIds.length, maxPoints: fromMicro(criteria.maxPoints) }
      : null,
    files: origins?.files ?? [],
    units: analysis.results.map((r) => {
      const at = where(r.sheet);
      return { name: r.unit, sheet: at.sheet ?? r.sheet, group: r.group, file: at.file };
    }),
    issues: analysis.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      ...where(i.sheet),
      cell: i.cell,
      unit: i.unit,
      criterion: i.criterion,
      message: describeIssue(i, lang),
    })),
    groups: analysis.groups.map((g) => ({
      name: g.group,
      average: g.average,
      units: g.units.map((u) => toJsonRankedUnit(u, criteria, analysis.comparison)),
    })),
    scoringSheets: analysis.layout.sheetLayouts
      .filter((l) => l.kind === "scoring")
      .map((l) => ({ ...l, headerRows: l.headerRows ? [l.headerRows[0], l.headerRows[1]] : null })),
  };
}

function toJsonRankedUnit(
  ranked: RankedUnit,
  criteria: CriteriaSet | null,
  comparison: YearComparison | null | undefined,
): JsonRankedUnit {
  const r = ranked.result;
  const fieldChanges = unitChangeOf(comparison, ranked.unit)?.fields ?? [];
  const fields: JsonField[] = [];
  for (const id of criteria?.fieldIds ?? []) {
    const node = criteria!.nodes[id];
    const result = r.nodes[id];
    if (!node || !result) continue;
    fields.push({
      code: node.code,
      title: node.title,
      points: fromMicro(result.points),
      maxPoints: fromMicro(result.maxPoints),
      index: result.index,
      previousIndex: fieldChanges.find((f) => f.criterionId === id)?.previousIndex ?? null,
      indexChange: fieldChanges.find((f) => f.criterionId === id)?.change ?? null,
    });
  }
  return {
    name: ranked.unit,
    points: fromMicro(r.points),
    maxPoints: fromMicro(r.maxPoints),
    index: r.index,
    rank: ranked.rank,
    band: ranked.band,
    fields,
    ...movement(comparison, ranked.unit),
  };
}

function movement(
  comparison: YearComparison | null | undefined,
  unit: string,
): Pick<JsonRankedUnit, "previous" | "rankChange" | "indexChange"> {
  const change = unitChangeOf(comparison, unit);
  return {
    previous: change?.previous ? { index: change.previous.index, rank: change.previous.rank } : null,
    rankChange: change?.rankChange ?? null,
    indexChange: change?.indexChange ?? null,
  };
}
