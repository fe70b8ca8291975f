/**
 * Numbers for display only (the engine keeps them exact): Vietnamese decimal comma in
 * Vietnamese, a dot in English; points arrive as micro-points.
 */
import { fromMicro, type Micro } from "../core/points";
import { formatDecimalVi } from "../core/text";
import type { Lang } from "./i18n/messages";

/** A number with fixed decimals in the language's notation ("89,45" / "89.45"). */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return lang === "vi" ? formatDecimalVi(value, decimals) : value.toFixed(decimals);
}

/** An index in percent ("89,45 %"), or a dash when it cannot be computed. */
export function formatIndex(index: number | null, decimals: number, lang: Lang): string {
  return index === null ? "–" : `${formatNumber(index, decimals, lang)} %`;
}

/** Plain points (already converted from micro-points) without trailing zeros ("68,32"). */
export function formatPlainPoints(points: number, lang: Lang): string {
  const text = String(Math.round(points * 1e6) / 1e6);
  return lang === "vi" ? text.replace(".", ",") : text;
}

/** Micro-points as points, without trailing zeros beyond what was typed ("0,75", "10"). */
export function formatPoints(micro: Micro | null, lang: Lang): string {
  if (micro === null) return "–";
  const text = String(fromMicro(micro));
  return lang === "vi" ? text.replace(".", ",") : text;
}
