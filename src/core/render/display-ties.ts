/**
 * Ties as a reader sees them. Ranks are decided on the unrounded index (domain README §4), so two
 * units shown at 90,02 % may be ranked 2 and 3: for those units only, the index is shown with the
 * decimals that separate them, and Ghi chú says why ("xếp trên do chỉ số 90,024 > 90,016").
 * Units that share a rank (an exact tie) say "đồng hạng".
 */
import { type Figure, formatFigure, indexFigure, sameDisplay } from "../format-number";
import type { Lang } from "../issues";
import type { GroupRanking, RankedUnit } from "../model";
import type { Settings } from "../settings";

/** The most decimals shown to separate two indices; closer indices are told apart by the tie-break rule. */
export const MAX_TIE_DECIMALS = 6;

/** How one unit's index is shown: its decimals and the notes about ties (Vietnamese and English). */
export type TieDisplay = { decimals: number; notes: { vi: string[]; en: string[] } };

/**
 * The display of every unit of a group: `decimals` for most, more for the units whose shown index
 * equals a neighbour's of a different rank. Units without an index get the plain decimals.
 */
export function explainTies(
  group: GroupRanking,
  decimals: number,
  tieBreak: Settings["tieBreak"],
): Map<RankedUnit, TieDisplay> {
  const display = new Map<RankedUnit, TieDisplay>();
  for (const unit of group.units) display.set(unit, { decimals, notes: { vi: [], en: [] } });
  const ranked = group.units
    .map((unit) => ({ unit, figure: indexFigure(unit.result) }))
    .filter((x): x is { unit: RankedUnit; figure: Figure } => x.figure !== null);
  const perRank = new Map<number, number>();
  for (const { unit } of ranked) perRank.set(unit.rank, (perRank.get(unit.rank) ?? 0) + 1);
  for (const { unit } of ranked) {
    if ((perRank.get(unit.rank) ?? 0) > 1) {
      const d = display.get(unit) as TieDisplay;
      d.notes.vi.push("đồng hạng");
      d.notes.en.push("tied");
    }
  }
  for (let i = 0; i + 1 < ranked.length; i++) {
    const upper = ranked[i];
    const lower = ranked[i + 1];
    if (upper.unit.rank === lower.unit.rank || !sameDisplay(upper.figure, lower.figure, decimals)) continue;
    const up = display.get(upper.unit) as TieDisplay;
    const down = display.get(lower.unit) as TieDisplay;
    let separating: number | null = null;
    for (let d = decimals + 1; d <= MAX_TIE_DECIMALS; d++) {
      if (!sameDisplay(upper.figure, lower.figure, d)) {
        separating = d;
        break;
      }
    }
    if (separating === null) {
      // Equal as far as can be shown: the tie-break rule decided (settings.tieBreak).
      const rule =
        tieBreak === "points" ? ["tổng điểm cao hơn", "higher points"] : ["thứ tự tên", "name order"];
      up.notes.vi.push(`cùng chỉ số, xếp trên do ${rule[0]}`);
      up.notes.en.push(`same index, ranked above by ${rule[1]}`);
      down.notes.vi.push(`cùng chỉ số, xếp dưới do ${rule[0]}`);
      down.notes.en.push(`same index, ranked below by ${rule[1]}`);
      continue;
    }
    up.decimals = Math.max(up.decimals, separating);
    down.decimals = Math.max(down.decimals, separating);
    const shown = (figure: Figure, lang: Lang) => formatFigure(figure, separating as number, lang);
    up.notes.vi.push(`xếp trên do chỉ số ${shown(upper.figure, "vi")} > ${shown(lower.figure, "vi")}`);
    up.notes.en.push(`ranked above: index ${shown(upper.figure, "en")} > ${shown(lower.figure, "en")}`);
    down.notes.vi.push(`xếp dưới do chỉ số ${shown(lower.figure, "vi")} < ${shown(upper.figure, "vi")}`);
    down.notes.en.push(`ranked below: index ${shown(lower.figure, "en")} < ${shown(upper.figure, "en")}`);
  }
  return display;
}
