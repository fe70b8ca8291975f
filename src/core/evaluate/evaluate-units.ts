/**
 * The compute stage: judges every score of every unit, credits the leaves, sums them up the
 * criteria tree and finds each unit's group. Workbook problems become issues; nothing throws.
 */
import { type Issue, makeIssue } from "../issues";
import type {
  CriteriaSet,
  LeafResult,
  ParsedWorkbook,
  ScoreRow,
  SurveyTally,
  UnitResult,
  UnitScores,
} from "../model";
import type { Settings } from "../settings";
import { foldText } from "../text";
import { rowsOf } from "../unit-rows";
import { recordWithKeys } from "./keyed-record";
import { type LeafContext, evaluateLeafInto } from "./evaluate-leaf";
import { findGroup, unitKey } from "./infer-group";
import { sumUnitTotals } from "./sum-unit-totals";

/** Evaluates every unit of a parsed workbook: per-unit results (units-list order, then sheet order) and the value-level issues. */
export function evaluateUnits(
  parsed: ParsedWorkbook,
  settings: Settings,
): { results: UnitResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const results: UnitResult[] = [];
  const seen = new Set<string>();
  const criteria = parsed.criteria;
  const tallies = indexTallies(parsed.surveyTallies);
  const groupSpelling = new Map<string, string>();

  for (const scores of parsed.units) {
    const key = unitKey(scores.unit);
    // The parse stage decides between a unit's copies (src/core/consolidate); one copy arrives here.
    if (seen.has(key)) continue;
    seen.add(key);
    const unitIssues: Issue[] = [];
    const found = findGroup(scores.unit, parsed.unitList, settings, scores.sectionGroup);
    // "Khối Sở" and "khối sở" typed in two rows of the list are one group, spelt as first seen.
    const groupKey = foldText(found.group);
    const group = groupSpelling.get(groupKey) ?? found.group;
    groupSpelling.set(groupKey, group);
    if (parsed.unitList.length > 0 && found.entry === null) {
      unitIssues.push(
        makeIssue(
          "unit_not_in_list",
          // A unit named by its sheet has no name cell: point at the sheet's first cell.
          { sheet: scores.sheet, cell: scores.nameCell ?? "A1", unit: scores.unit },
          { name: scores.unit, other: group },
        ),
      );
    }
    const result = criteria
      ? evaluateUnit(criteria, scores, group, settings, tallies, issues)
      : emptyResult(scores, group);
    result.errorCount += unitIssues.filter((i) => i.severity === "error").length;
    result.warningCount += unitIssues.filter((i) => i.severity === "warning").length;
    results.push(result);
    issues.push(...unitIssues);
  }

  // A unit whose copies wait for the user's choice (unit_duplicate) has scores, just not ranked yet.
  for (const u of parsed.setAside ?? []) seen.add(unitKey(u.unit));
  for (const entry of parsed.unitList) {
    if (seen.has(unitKey(entry.unit))) continue;
    issues.push(
      makeIssue(
        "unit_without_scores",
        { sheet: entry.sheet, cell: entry.cell, unit: entry.unit },
        { name: entry.unit },
      ),
    );
  }
  return { results: orderByUnitList(results, parsed), issues };
}

/** Units of the units list first, in its order (so groups rank in the list's order), then the others in sheet order. */
function orderByUnitList(results: UnitResult[], parsed: ParsedWorkbook): UnitResult[] {
  const position = new Map<string, number>();
  parsed.unitList.forEach((entry, i) => {
    const key = unitKey(entry.unit);
    if (!position.has(key)) position.set(key, i);
  });
  // Each unit's place is found once, not at every comparison of the sort.
  return results
    .map((result, i) => ({ result, i, rank: position.get(unitKey(result.unit)) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.result);
}

function evaluateUnit(
  criteria: CriteriaSet,
  scores: UnitScores,
  group: string,
  settings: Settings,
  tallies: ReadonlyMap<string, ReadonlyMap<string, SurveyTally>>,
  issues: Issue[],
): UnitResult {
  // A field-totals summary scores each field as a whole: the fields stand in for the leaves.
  const atFields = scores.scoredAt === "fields";
  const scoredIds = atFields ? criteria.fieldIds : criteria.leafIds;
  // The unit's row of each scored criterion, by the criterion's place in scoredIds.
  const { slots, first, keys } = slotsOf(criteria, scoredIds);
  const rows: (ScoreRow | undefined)[] = new Array<ScoreRow | undefined>(scoredIds.length);
  for (const row of rowsOf(scores)) {
    if (row.criterionId === null) continue;
    const slot = slots.get(row.criterionId);
    // The first row of a code counts; a second one is reported by the parse stage (duplicate_code_in_sheet).
    if (slot !== undefined && rows[slot] === undefined) rows[slot] = row;
  }
  // Every leaf of the set that exists gets a result, in this order (keyed-record.ts).
  const leaves = recordWithKeys<LeafResult>(keys);
  const leafIssues: Issue[] = [];
  let surveyLeaves = 0;
  let surveyGiven = 0;
  let silentErrors = 0;
  // One context for the unit; only the leaf's answer tally changes from leaf to leaf.
  const unitTallies = tallies.get(unitKey(scores.unit));
  const ctx: LeafContext = {
    unit: scores.unit,
    sheet: scores.sheet,
    layout: scores.layout,
    settings,
    tally: null,
  };
  for (let k = 0; k < scoredIds.length; k++) {
    const id = scoredIds[k];
    const node = criteria.nodes[id];
    if (!node) continue;
    ctx.tally = unitTallies?.get(id) ?? null;
    const from = leafIssues.length;
    const leaf = evaluateLeafInto(node, rows[first[k]], ctx, leafIssues);
    leaves[id] = leaf;
    let ownError = false;
    for (let i = from; i < leafIssues.length; i++) if (leafIssues[i].severity === "error") ownError = true;
    // A leaf in error without an issue of its own (missing row, no score column) was reported by
    // the parse stage; it still counts as one error of the unit.
    if (leaf.hasError && !ownError) silentErrors += 1;
    if (node.role === "survey") surveyLeaves += 1;
    // A survey leaf credited with survey points (from a cell or its answer tally).
    if (leaf.source === "survey") surveyGiven += 1;
  }

  let kept = leafIssues;
  if (settings.rescaleWithoutSurvey && surveyLeaves > 0 && surveyGiven === 0) {
    // No survey was run for this unit: survey leaves leave its maximum, so the rest makes the 100.
    for (const id of scoredIds) {
      const leaf = leaves[id];
      if (leaf && criteria.nodes[id]?.role === "survey") {
        leaf.maxPoints = 0;
        leaf.points = 0;
        leaf.applicable = false;
      }
    }
    kept = leafIssues.filter((i) => i.code !== "survey_missing");
  }
  issues.push(...kept);

  const totals = sumUnitTotals(criteria, leaves, settings, atFields);
  const leafErrors = kept.filter((i) => i.severity === "error").length;
  return {
    unit: scores.unit,
    sheet: scores.sheet,
    group,
    points: totals.points,
    maxPoints: totals.maxPoints,
    index: totals.index,
    bonus: totals.bonus,
    deduction: totals.deduction,
    nodes: totals.nodes,
    leaves,
    errorCount: leafErrors + silentErrors,
    warningCount: kept.filter((i) => i.severity === "warning").length,
  };
}

function emptyResult(scores: UnitScores, group: string): UnitResult {
  return {
    unit: scores.unit,
    sheet: scores.sheet,
    group,
    points: 0,
    maxPoints: 0,
    index: null,
    bonus: 0,
    deduction: 0,
    nodes: {},
    leaves: {},
    errorCount: 0,
    warningCount: 0,
  };
}

/**
 * The place of each id in a list of scored ids (its first place, should one repeat), and the ids
 * the set holds, each once, in the list's order (the keys of a unit's `leaves`): worked out once
 * per list of a criteria set rather than once per unit.
 */
type Slots = { length: number; slots: Map<string, number>; first: number[]; keys: string[] };
const slotIndexes = new WeakMap<readonly string[], Slots>();

function slotsOf(criteria: CriteriaSet, ids: readonly string[]): Slots {
  const known = slotIndexes.get(ids);
  if (known && known.length === ids.length) return known;
  const slots = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!slots.has(id)) slots.set(id, i);
  });
  const first = ids.map((id) => slots.get(id) as number);
  const keys = [...slots.keys()].filter((id) => criteria.nodes[id] !== undefined);
  const made = { length: ids.length, slots, first, keys };
  slotIndexes.set(ids, made);
  return made;
}

/** Answer tallies by unit key, then by criterion (the first tally of each pair counts). */
function indexTallies(tallies: readonly SurveyTally[]): Map<string, Map<string, SurveyTally>> {
  const map = new Map<string, Map<string, SurveyTally>>();
  for (const tally of tallies) {
    const key = unitKey(tally.unit);
    let ofUnit = map.get(key);
    if (!ofUnit) map.set(key, (ofUnit = new Map()));
    if (!ofUnit.has(tally.criterionId)) ofUnit.set(tally.criterionId, tally);
  }
  return map;
}
