/**
 * How movement since last year is written, as reports on the results say it: ▲3 (up three
 * places), ▼1 (down one), = (same place), "mới" (a new unit); index changes with a sign and the
 * Vietnamese decimal comma (+1,25; −0,50).
 */
import { formatFigure, roundFigure } from "../format-number";
import type { UnitChange } from "./compare-years";

export const NEW_UNIT_LABEL = "mới";

/** ▲n / ▼n / = for a rank change, "mới" for a new unit, "" when not comparable. */
export function rankMovementText(change: Pick<UnitChange, "match" | "rankChange">): string {
  if (change.match === "new") return NEW_UNIT_LABEL;
  const n = change.rankChange;
  if (n === null) return "";
  if (n > 0) return `▲${n}`;
  if (n < 0) return `▼${-n}`;
  return "=";
}

/** A signed index change with `decimals` decimals ("+1,25", "−0,50", "0,00"; "+1.25" in English); "" when null. */
export function indexChangeText(change: number | null, decimals: number, lang: "vi" | "en" = "vi"): string {
  if (change === null) return "";
  const shown = formatFigure(Math.abs(change), decimals, lang);
  // A change that rounds to zero is shown without a sign.
  if (roundFigure(Math.abs(change), decimals) === 0n) return shown;
  return change > 0 ? `+${shown}` : `−${shown}`;
}
