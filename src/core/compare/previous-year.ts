/**
 * Last year's results, whatever form they come in: a workbook with scoring sheets (analysed by
 * the engine itself), the ranking sheets PAR Scorer wrote into it, or a plain published ranking
 * table (STT · Đơn vị · Chỉ số · Xếp hạng). Only scoring sheets carry field results and a
 * criteria set; the tables give each unit's index and rank.
 */
import { analyzeWorkbook } from "../analyze";
import type { WorkbookSnapshot } from "../grid";
import type { Analysis, CriteriaSet, NodeResult } from "../model";
import { readRankingTables } from "./read-ranking-table";

/** Where last year's results were read from. */
export type PreviousSource = "scoring" | "rankingSheets" | "table";

export type PreviousUnit = {
  unit: string;
  /** Last year's ranking group (khối): the units list, a section row, or the table's sheet. */
  group: string;
  /** Unrounded percent; null when last year gave none. */
  index: number | null;
  /** Rank within `group`; null when the unit was not ranked. */
  rank: number | null;
  /** Field and criterion results by criterion id: only when read from scoring sheets. */
  nodes: Record<string, NodeResult> | null;
  /** Where the unit was read (sheet and the cell of its name or its sheet's first cell). */
  sheet: string;
  cell: string | null;
};

export type PreviousYear = {
  source: PreviousSource;
  year: number | null;
  /** Last year's criteria set: only when read from scoring sheets. */
  criteria: CriteriaSet | null;
  units: PreviousUnit[];
};

/** Last year's results from an analysis of its scoring sheets. */
export function previousYearFromAnalysis(analysis: Analysis): PreviousYear {
  const units: PreviousUnit[] = [];
  for (const group of analysis.groups) {
    for (const ranked of group.units) {
      const r = ranked.result;
      const scores = analysis.units.find((u) => u.unit === r.unit && u.sheet === r.sheet);
      units.push({
        unit: r.unit,
        group: group.group,
        index: r.index,
        rank: r.index === null ? null : ranked.rank,
        nodes: r.nodes,
        sheet: r.sheet,
        cell: scores?.nameCell ?? null,
      });
    }
  }
  return { source: "scoring", year: analysis.year, criteria: analysis.criteria, units };
}

/**
 * Reads last year's workbook: its scoring sheets when the engine finds a criteria set (on a
 * sheet that is not a ranking table) and at least one unit with an index, else its ranking
 * tables (PAR Scorer's or a published one). Null when it holds neither.
 */
export function readPreviousYear(snapshot: WorkbookSnapshot): PreviousYear | null {
  const analysis = analyzeWorkbook(snapshot);
  const tables = readRankingTables(snapshot, analysis.generatedSheets);
  // A ranking table copied without PAR Scorer's settings sheet can look like a criteria sheet
  // (STT, titles, numbers): its units' indices are then not scores, so the table wins.
  const criteriaIsTable = analysis.criteria !== null && tables.sheets.includes(analysis.criteria.sheet);
  if (analysis.criteria && !criteriaIsTable && analysis.results.some((r) => r.index !== null)) {
    return previousYearFromAnalysis(analysis);
  }
  if (tables.units.length === 0) return null;
  return {
    source: tables.writtenByParScorer ? "rankingSheets" : "table",
    year: analysis.year,
    criteria: null,
    units: tables.units,
  };
}
