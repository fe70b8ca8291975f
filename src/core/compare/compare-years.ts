/**
 * How each unit moved since last year: last year's index and rank, the change in index
 * (percentage points, this year − last year) and in rank (last year's rank − this year's, so a
 * positive change is a move up), and per field the change in field index where both years have
 * the field with the same maximum. Ranks are compared only within matching groups; a group
 * that changed its name is matched by its units.
 */
import { type Issue, compareIssues, makeIssue } from "../issues";
import type { Analysis } from "../model";
import {
  type CriteriaDifference,
  comparableFieldIds,
  compareCriteria,
  criteriaDifferenceIssues,
} from "./criteria-changes";
import { type MatchKind, matchUnits } from "./match-units";
import type { PreviousSource, PreviousUnit, PreviousYear } from "./previous-year";

export type FieldChange = {
  criterionId: string;
  code: string;
  title: string;
  /** Unrounded field indices (percent); null when nothing in the field applied. */
  index: number | null;
  previousIndex: number | null;
  /** index − previousIndex, in percentage points; null when either is missing. */
  change: number | null;
};

export type PreviousResult = { unit: string; group: string; index: number | null; rank: number | null };

export type UnitChange = {
  unit: string;
  group: string;
  match: MatchKind;
  /** Last year's result; null for a new unit ("mới"). */
  previous: PreviousResult | null;
  /** Last year's names this unit continues (several when merged). */
  predecessors: string[];
  index: number | null;
  /** Rank in the group; null when the unit has no index. */
  rank: number | null;
  /**
   * Last year's rank − this year's (positive = moved up); null when new, unranked in either
   * year, or last year in a group that does not match this year's.
   */
  rankChange: number | null;
  /** This year's index − last year's, in percentage points; null when either is missing. */
  indexChange: number | null;
  /** Only fields comparable between the years (same key, same maximum), in this year's order. */
  fields: FieldChange[];
};

/** A group of this year and last year's group most of its units came from (null: all new). */
export type GroupMatch = { group: string; previousGroup: string | null };

export type YearComparison = {
  source: PreviousSource;
  previousYear: number | null;
  /** This year's units in ranking order, group by group. */
  units: UnitChange[];
  /** Last year's units matched by none of this year's. */
  vanished: PreviousResult[];
  groups: GroupMatch[];
  /** Empty unless both years come from scoring sheets. */
  criteria: CriteriaDifference[];
  /** Criteria differences and vanished units, as information issues. */
  issues: Issue[];
};

/** Compares an analysis of this year with last year's results (settings.previousNames maps renamed units). */
export function compareYears(analysis: Analysis, previous: PreviousYear): YearComparison {
  const ranked = analysis.groups.flatMap((g) => g.units.map((u) => ({ group: g.group, ranked: u })));
  const { matches, vanished } = matchUnits(
    ranked.map((r) => r.ranked.unit),
    previous.units,
    analysis.settings.previousNames,
  );
  const groups = matchGroups(
    analysis,
    matches.map((m) => m.previous),
  );
  const previousGroupOf = new Map(groups.map((g) => [g.group, g.previousGroup]));

  const current = analysis.criteria;
  const before = previous.criteria;
  const fieldIds = current && before ? comparableFieldIds(current, before) : [];
  const criteria = current && before ? compareCriteria(current, before) : [];

  const units = ranked.map(({ group, ranked: r }, i): UnitChange => {
    const match = matches[i];
    const p = match.previous;
    const index = r.result.index;
    const rank = index === null ? null : r.rank;
    const sameGroup = p !== null && previousGroupOf.get(group) === p.group;
    return {
      unit: r.unit,
      group,
      match: match.kind,
      previous: p ? resultOf(p) : null,
      predecessors: match.predecessors.map((x) => x.unit),
      index,
      rank,
      rankChange: sameGroup && rank !== null && p.rank !== null ? p.rank - rank : null,
      indexChange: p && index !== null && p.index !== null ? index - p.index : null,
      fields: p?.nodes
        ? fieldIds.map((id) => {
            const node = current?.nodes[id];
            const now = r.result.nodes[id]?.index ?? null;
            const then = p.nodes?.[id]?.index ?? null;
            return {
              criterionId: id,
              code: node?.code ?? id,
              title: node?.title ?? "",
              index: now,
              previousIndex: then,
              change: now !== null && then !== null ? now - then : null,
            };
          })
        : [],
    };
  });

  const issues: Issue[] = current && before ? criteriaDifferenceIssues(criteria, current, before) : [];
  for (const v of vanished) {
    issues.push(
      makeIssue("previous_unit_vanished", { sheet: null, unit: v.unit }, { name: v.unit, other: v.group }),
    );
  }
  return {
    source: previous.source,
    previousYear: previous.year,
    units,
    vanished: vanished.map(resultOf),
    groups,
    criteria,
    issues: issues.sort(compareIssues),
  };
}

/** The change of one unit (name as in the analysis, else folded alike); undefined when not compared. */
export function unitChangeOf(
  comparison: YearComparison | null | undefined,
  unit: string,
): UnitChange | undefined {
  return comparison?.units.find((u) => u.unit === unit);
}

/** Each group's counterpart last year: the group most of its matched units were in (first seen on a tie). */
function matchGroups(analysis: Analysis, previousOfEach: readonly (PreviousUnit | null)[]): GroupMatch[] {
  let i = 0;
  return analysis.groups.map((g) => {
    const counts = new Map<string, number>();
    const previousOfGroup = previousOfEach.slice(i, i + g.units.length);
    i += g.units.length;
    for (const p of previousOfGroup) if (p) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
    let best: string | null = null;
    let most = 0;
    for (const [name, count] of counts) {
      if (count > most) {
        best = name;
        most = count;
      }
    }
    return { group: g.group, previousGroup: best };
  });
}

function resultOf(p: PreviousUnit): PreviousResult {
  return { unit: p.unit, group: p.group, index: p.index, rank: p.rank };
}

/** The analysis with its comparison attached and the comparison's information among its issues. */
export function withComparison(analysis: Analysis, previous: PreviousYear): Analysis {
  const comparison = compareYears(analysis, previous);
  return { ...analysis, comparison, issues: [...analysis.issues, ...comparison.issues].sort(compareIssues) };
}
