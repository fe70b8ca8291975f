/**
 * Bands as one line of text people can edit in a narrow pane: "A ≥ 90; B ≥ 80; C ≥ 70; D ≥ 0".
 * Only the notation lives here; which band a unit gets is the engine's (settings.bandsFor).
 */
import type { Band } from "../../../core/settings";
import { parseNumber } from "../../../core/text";
import type { Lang } from "../../i18n/messages";

const ENTRY = /^(.+?)\s*(?:≥|>=|=|:)\s*(\S+)$/;

/** Bands as text, highest first, with the language's decimal sign. */
export function formatBandsText(bands: readonly Band[], lang: Lang): string {
  return bands
    .map((b) => `${b.label} ≥ ${lang === "vi" ? String(b.min).replace(".", ",") : String(b.min)}`)
    .join("; ");
}

/** Reads bands typed as "label ≥ min" separated by ";" (decimal comma allowed); null when unreadable. */
export function parseBandsText(text: string): Band[] | null {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const bands: Band[] = [];
  for (const part of parts) {
    const m = ENTRY.exec(part);
    if (!m) return null;
    const min = parseNumber(m[2]);
    if (min === null) return null;
    bands.push({ label: m[1].trim(), min });
  }
  return bands.sort((a, b) => b.min - a.min);
}
