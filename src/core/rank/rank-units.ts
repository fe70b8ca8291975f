/**
 * Ranking (xếp hạng) and classification (xếp loại) of each group (khối) separately, on the
 * full-precision index: Thanh Hóa 2024 ranks two units both shown as 90,02 % second and third.
 */
import type { GroupRanking, RankedUnit, UnitResult } from "../model";
import { compareRatios } from "../points";
import { type Band, bandsFor, type Settings } from "../settings";
import { foldText } from "../text";

/**
 * Ranks every group: highest index first, exact ties share a rank (1, 2, 2, 4) unless
 * settings.tieBreak breaks them; units without an index come last with rank = ranked count + 1
 * and no band. Groups appear in the order their units first appear in `results`.
 */
export function rankUnits(results: readonly UnitResult[], settings: Settings): GroupRanking[] {
  const groups = new Map<string, UnitResult[]>();
  for (const result of results) {
    const members = groups.get(result.group);
    if (members) members.push(result);
    else groups.set(result.group, [result]);
  }
  return [...groups].map(([group, members]) => rankGroup(group, members, settings));
}

function rankGroup(group: string, members: readonly UnitResult[], settings: Settings): GroupRanking {
  const ranked = members.filter((r) => r.index !== null);
  const unranked = members.filter((r) => r.index === null).sort(compareNames);
  const decides = (a: UnitResult, b: UnitResult): number => {
    const byIndex = compareIndex(b, a);
    if (byIndex !== 0) return byIndex;
    if (settings.tieBreak === "points" && a.points !== b.points) return b.points - a.points;
    if (settings.tieBreak === "name") return compareNames(a, b);
    return 0;
  };
  // Display order inside a shared rank is by name, so that the sheet order of the workbook never matters.
  const ordered = [...ranked].sort((a, b) => decides(a, b) || compareNames(a, b));
  const bands = bandsOfGroup(settings, group);
  const units: RankedUnit[] = [];
  ordered.forEach((result, position) => {
    const previous = units[position - 1];
    const shares = previous !== undefined && decides(previous.result, result) === 0;
    const rank = shares ? previous.rank : position + 1;
    units.push({ unit: result.unit, rank, band: bandOf(result.index as number, bands), result });
  });
  for (const result of unranked)
    units.push({ unit: result.unit, rank: ranked.length + 1, band: null, result });
  return { group, average: averageIndex(ranked), units };
}

/**
 * Compares two units' indices exactly. When both indices are the plain ratio points / maximum,
 * the ratios are compared as integers (no rounding at all); otherwise (weighted or bounded
 * indices) the unrounded doubles are compared.
 */
export function compareIndex(a: UnitResult, b: UnitResult): number {
  const ia = a.index as number;
  const ib = b.index as number;
  if (isPlainRatio(a) && isPlainRatio(b)) return compareRatios(a.points, a.maxPoints, b.points, b.maxPoints);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

function isPlainRatio(r: UnitResult): boolean {
  return r.maxPoints > 0 && r.index === (r.points * 100) / r.maxPoints;
}

/** The bands of a group: settings.bandsByGroup by exact name, else by folded name, else the defaults. */
export function bandsOfGroup(settings: Settings, group: string): Band[] {
  if (settings.bandsByGroup[group]) return bandsFor(settings, group);
  const key = foldText(group);
  const match = Object.keys(settings.bandsByGroup).find((name) => foldText(name) === key);
  return match === undefined ? bandsFor(settings, group) : bandsFor(settings, match);
}

/** The band of an index: the first band whose minimum it reaches, else the last band. */
export function bandOf(index: number, bands: readonly Band[]): string | null {
  if (bands.length === 0) return null;
  const band = bands.find((b) => b.min <= index) ?? bands[bands.length - 1];
  return band.label;
}

/** Group average (bình quân): the unweighted mean of the indices of the units that have one. */
export function averageIndex(results: readonly UnitResult[]): number | null {
  const indices = results.map((r) => r.index).filter((i): i is number => i !== null);
  if (indices.length === 0) return null;
  // Sorted terms: the float sum does not depend on the order of the sheets.
  indices.sort((a, b) => a - b);
  let sum = 0;
  for (const i of indices) sum += i;
  return sum / indices.length;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

function compareNames(a: UnitResult, b: UnitResult): number {
  return collator.compare(a.unit, b.unit) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}
