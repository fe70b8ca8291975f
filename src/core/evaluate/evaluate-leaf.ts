/**
 * Judges and credits one leaf criterion for one unit: which score counts, whether it is valid,
 * and what the unit earns. Every problem becomes an Issue; a leaf with an error earns 0 points.
 */
import { BoundedMemo } from "../bounded-memo";
import { isBlank } from "../grid";
import { type Issue, type IssueCode, type IssueData, makeIssue } from "../issues";
import type {
  CriteriaNode,
  LeafResult,
  PointsSource,
  ScoreRow,
  ScoringLayout,
  SourceCell,
  SurveyTally,
} from "../model";
import type { Micro } from "../points";
import type { Settings } from "../settings";
import { judgeScore } from "./judge-score";
import { readScoreCell, type ScoreReading } from "./read-score-cell";
import { computeTallyPoints } from "./survey-points";

export type LeafContext = {
  unit: string;
  sheet: string;
  layout: ScoringLayout;
  settings: Settings;
  tally: SurveyTally | null;
};

export type LeafOutcome = {
  leaf: LeafResult;
  issues: Issue[];
  /** A survey leaf that received survey points (used to detect "no survey was run"). */
  surveyGiven: boolean;
};

type Candidate = {
  source: Exclude<PointsSource, "notApplicable" | "none">;
  cell: SourceCell | null;
  reading: ScoreReading;
};

/**
 * What decided a leaf: a number (its source, points and cell), a not-applicable mark (its cell),
 * an error (the first invalid cell) or nothing (blank). One object, refilled for each leaf.
 */
type Choice = {
  kind: "number" | "notApplicable" | "error" | "blank";
  source: Candidate["source"];
  micro: Micro;
  cell: string;
};

/** Evaluates a leaf of the criteria set for a unit whose sheet has `row` for it (undefined: the row is missing). */
export function evaluateLeaf(node: CriteriaNode, row: ScoreRow | undefined, ctx: LeafContext): LeafOutcome {
  const issues: Issue[] = [];
  const leaf = evaluateLeafInto(node, row, ctx, issues);
  return { leaf, issues, surveyGiven: leaf.source === "survey" };
}

/**
 * evaluateLeaf for the units of a workbook: the leaf's issues are appended to `issues` (a
 * unit's list), and a survey leaf that received survey points is the one whose source is "survey".
 * No array, closure or outcome object is made per leaf: a workbook has 150,000 of them.
 */
export function evaluateLeafInto(
  node: CriteriaNode,
  row: ScoreRow | undefined,
  ctx: LeafContext,
  issues: Issue[],
): LeafResult {
  const from = issues.length;
  const leaf = judgeLeaf(node, row, ctx, issues);
  // Any error about the leaf marks it, even when another cell supplied its points.
  for (let i = from; i < issues.length; i++) {
    if (issues[i].severity === "error") {
      leaf.hasError = true;
      break;
    }
  }
  return leaf;
}

/** Adds an issue about the leaf: it names the unit, the sheet and the criterion. */
function report(
  issues: Issue[],
  ctx: LeafContext,
  node: CriteriaNode,
  code: IssueCode,
  cell: string | null,
  data: IssueData = {},
  sheet = ctx.sheet,
): void {
  issues.push(makeIssue(code, { sheet, cell, unit: ctx.unit, criterion: node.code }, data));
}

/** The candidates of the leaf being judged, reused from leaf to leaf (at most three per leaf). */
const candidates: Candidate[] = [
  { source: "self", cell: null, reading: { kind: "blank" } },
  { source: "self", cell: null, reading: { kind: "blank" } },
  { source: "self", cell: null, reading: { kind: "blank" } },
];

function setCandidate(
  i: number,
  source: Candidate["source"],
  cell: SourceCell | null,
  reading: ScoreReading,
): void {
  const c = candidates[i];
  c.source = source;
  c.cell = cell;
  c.reading = reading;
}

function judgeLeaf(
  node: CriteriaNode,
  row: ScoreRow | undefined,
  ctx: LeafContext,
  issues: Issue[],
): LeafResult {
  const maxPoints = node.maxPoints;
  // Each score cell is read once; the reading serves the leaf's figures and the choice below.
  const selfReading = readCell(row?.selfScore);
  const appraisedReading = readCell(row?.appraisedScore);
  const leaf: LeafResult = {
    criterionId: node.id,
    points: 0,
    maxPoints: maxPoints ?? 0,
    applicable: true,
    source: "none",
    selfScore: selfReading.kind === "number" ? selfReading.micro : null,
    appraisedScore: appraisedReading.kind === "number" ? appraisedReading.micro : null,
    cell: null,
    hasError: false,
  };
  // A leaf without a maximum is reported by the parse stage (criteria_leaf_without_max); nothing to judge against.
  if (maxPoints === null) return leaf;
  if (!row) {
    // The parse stage reports the missing row (missing_criterion); the leaf earns nothing.
    leaf.hasError = true;
    if (node.role === "survey") finishSurveyWithoutCells(node, leaf, issues, ctx, null);
    return leaf;
  }

  if (node.role === "survey") {
    // QĐ 876/QĐ-BNV: survey criteria are filled in by Sở Nội vụ, never self-scored.
    const self = row.selfScore;
    if (ctx.layout === "unitSheet" && self && !isBlank(self.value)) {
      if (selfReading.kind !== "notApplicable") report(issues, ctx, node, "survey_self_scored", self.cell);
    }
    setCandidate(0, "survey", row.surveyPoints, readCell(row.surveyPoints));
    setCandidate(1, "survey", row.appraisedScore, appraisedReading);
    // A matrix is compiled by Sở Nội vụ: its single score cell of a survey row is the survey result.
    const count = ctx.layout === "matrix" ? 3 : 2;
    if (count === 3) setCandidate(2, "survey", row.selfScore, selfReading);
    const choice = chooseScore(node, maxPoints, count, issues, ctx);
    if (choice.kind === "blank") {
      const where = row.surveyPoints?.cell ?? row.appraisedScore?.cell ?? row.codeCell;
      finishSurveyWithoutCells(node, leaf, issues, ctx, where);
      return leaf;
    }
    applyChoice(leaf, choice, node, ctx.settings);
    return leaf;
  }

  let count = 1;
  if (ctx.settings.scoreSource === "appraised") {
    setCandidate(0, "appraised", row.appraisedScore, appraisedReading);
    setCandidate(1, "self", row.selfScore, selfReading);
    count = 2;
  } else setCandidate(0, "self", row.selfScore, selfReading);
  const choice = chooseScore(node, maxPoints, count, issues, ctx);
  if (choice.kind === "blank") {
    // An empty bonus or deduction item simply earns or loses nothing; an ordinary leaf must be scored.
    // A sheet without any score column is reported once by the parse stage (scoring_column_missing).
    if (node.role === "normal" && !row.selfScore && !row.appraisedScore) {
      leaf.hasError = true;
    } else if (node.role === "normal") {
      report(
        issues,
        ctx,
        node,
        "score_blank",
        row.selfScore?.cell ?? row.appraisedScore?.cell ?? row.codeCell,
      );
      leaf.hasError = true;
    }
    return leaf;
  }
  applyChoice(leaf, choice, node, ctx.settings);
  if (
    choice.kind === "number" &&
    choice.micro > 0 &&
    node.role === "normal" &&
    ctx.settings.requireEvidence &&
    ctx.layout === "unitSheet" &&
    (row.evidence || row.explanation) &&
    isBlankCell(row.evidence) &&
    isBlankCell(row.explanation)
  ) {
    // Công văn 383/BNV-CCHC: every score cites evidence, or explains why there is none.
    report(issues, ctx, node, "evidence_missing", row.evidence?.cell ?? row.explanation?.cell ?? choice.cell);
  }
  return leaf;
}

/**
 * The first of the `count` candidates that holds a valid number or a not-applicable mark decides;
 * every non-blank candidate that is invalid is reported, whether or not a later one is used.
 */
function chooseScore(
  node: CriteriaNode,
  maxPoints: Micro,
  count: number,
  issues: Issue[],
  ctx: LeafContext,
): Choice {
  const choice = picked;
  let decided = false;
  let firstError: string | null = null;
  for (let i = 0; i < count; i++) {
    const candidate = candidates[i];
    if (!candidate.cell) continue;
    const reading = candidate.reading;
    const cell = candidate.cell.cell;
    if (reading.kind === "blank") continue;
    if (reading.kind === "invalid") {
      report(issues, ctx, node, reading.code, cell, {
        input: reading.input,
        ...(reading.kept !== undefined && { actual: reading.kept }),
      });
      firstError ??= cell;
      continue;
    }
    if (reading.kind === "notApplicable") {
      if (!decided) {
        choice.kind = "notApplicable";
        choice.cell = cell;
        decided = true;
      }
      continue;
    }
    const role = node.role === "survey" ? "normal" : node.role;
    const problem = judgeScore(reading.micro, reading.points, role, maxPoints, node.levels);
    if (problem) {
      report(issues, ctx, node, problem.code, cell, problem.data);
      firstError ??= cell;
      continue;
    }
    if (!decided) {
      choice.kind = "number";
      choice.source = candidate.source;
      choice.micro = reading.micro;
      choice.cell = cell;
      decided = true;
    }
  }
  if (!decided) {
    if (firstError !== null) {
      choice.kind = "error";
      choice.cell = firstError;
    } else choice.kind = "blank";
  }
  return choice;
}

/** The choice of the leaf being judged: read at once by its caller, before the next leaf is judged. */
const picked: Choice = { kind: "blank", source: "self", micro: 0, cell: "" };

function applyChoice(leaf: LeafResult, choice: Choice, node: CriteriaNode, settings: Settings): void {
  leaf.cell = choice.cell;
  if (choice.kind === "error") {
    leaf.hasError = true;
    return;
  }
  if (choice.kind === "number") {
    leaf.points = choice.micro;
    leaf.source = choice.source;
    return;
  }
  leaf.source = "notApplicable";
  leaf.applicable = false;
  if (node.role === "bonus" || node.role === "deduction") return;
  // Not applicable: excluded from the unit's maximum (default) or credited with full points.
  if (settings.notApplicable === "fullPoints") leaf.points = leaf.maxPoints;
  else leaf.maxPoints = 0;
}

/** A survey leaf with no survey cell filled in: points from the answer tally, else survey_missing. */
function finishSurveyWithoutCells(
  node: CriteriaNode,
  leaf: LeafResult,
  issues: Issue[],
  ctx: LeafContext,
  where: string | null,
): void {
  const tally = ctx.tally;
  if (tally && node.maxPoints !== null) {
    const outcome = computeTallyPoints(tally, node.maxPoints, ctx.settings.surveyOptionWeights);
    if (outcome.kind === "points") {
      leaf.points = outcome.micro;
      leaf.source = "survey";
      leaf.cell = tally.cell;
      return;
    }
    if (outcome.kind === "invalid") {
      report(
        issues,
        ctx,
        node,
        "survey_tally_invalid",
        tally.cell,
        { input: outcome.input, name: outcome.option },
        tally.sheet,
      );
      leaf.hasError = true;
      leaf.cell = tally.cell;
      return;
    }
  }
  // A unit's own check (scoreSource "self") runs before any survey: its survey leaves simply wait.
  if (where !== null && ctx.settings.scoreSource !== "self")
    report(issues, ctx, node, "survey_missing", where);
}

const BLANK: ScoreReading = { kind: "blank" };

/**
 * Readings of typed texts, memoised: a workbook of 1,000 units repeats the same few hundred texts
 * ("0,5", "KAD") tens of thousands of times, and reading a text (tidying, folding, two patterns)
 * costs far more than a lookup. Bounded like the text memos; readScoreCell is pure, so a reading
 * can be shared.
 */
const READINGS_LIMIT = 50_000;
const textReadings = new BoundedMemo<string, ScoreReading>(READINGS_LIMIT);

/**
 * Readings of numbers, memoised alike: scores repeat a few values (0, 0,25, 0,5, 1…) over every
 * unit. Minus zero is read afresh (a Map does not tell it from zero).
 */
const numberReadings = new BoundedMemo<number, ScoreReading>(READINGS_LIMIT);

/** What a score cell holds (an absent cell is blank). */
function readCell(cell: SourceCell | null | undefined): ScoreReading {
  if (!cell) return BLANK;
  const value = cell.value;
  if (value === null) return BLANK;
  if (typeof value === "number") {
    if (Object.is(value, -0)) return readScoreCell(value);
    return rememberedReading(numberReadings, value);
  }
  if (typeof value !== "string") return readScoreCell(value);
  return rememberedReading(textReadings, value);
}

/** The reading of a value, from `memo` when read before. */
function rememberedReading<K extends number | string>(
  memo: BoundedMemo<K, ScoreReading>,
  value: K,
): ScoreReading {
  let reading = memo.get(value);
  if (reading === undefined) {
    reading = readScoreCell(value);
    memo.set(value, reading);
  }
  return reading;
}

function isBlankCell(cell: SourceCell | null): boolean {
  return !cell || isBlank(cell.value);
}
