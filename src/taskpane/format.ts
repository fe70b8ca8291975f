/**
 * Numbers for display only (the engine keeps them exact), all through the core's one formatter
 * (src/core/format-number.ts): half-up from the exact value, Vietnamese decimal comma in
 * Vietnamese, a point in English; points arrive as micro-points.
 */
import { type Figure, formatFigure, formatPointsFigure, microFigure } from "../core/format-number";
import { type Micro, toMicro } from "../core/points";
import type { Lang } from "./i18n/messages";

/** A number with fixed decimals in the language's notation ("89,45" / "89.45"). */
export function formatNumber(value: Figure, decimals: number, lang: Lang): string {
  return formatFigure(value, decimals, lang);
}

/** An index in percent ("89,45 %"), or a dash when it cannot be computed. */
export function formatIndex(index: Figure | null, decimals: number, lang: Lang): string {
  return index === null ? "–" : `${formatFigure(index, decimals, lang)} %`;
}

/** Plain points (already converted from micro-points) without trailing zeros ("68,32"). */
export function formatPlainPoints(points: number, lang: Lang): string {
  return formatPointsFigure(microFigure(toMicro(points)), lang);
}

/** Micro-points as points, without trailing zeros beyond what was typed ("0,75", "10"). */
export function formatPoints(micro: Micro | null, lang: Lang): string {
  return micro === null ? "–" : formatPointsFigure(microFigure(micro), lang);
}
