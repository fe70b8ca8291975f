/**
 * Text typed with the old Vietnamese fonts (.VnTime = TCVN3/ABC, VNI-Times = VNI) and read as
 * Unicode shows Latin-1 symbols inside words: "Së T­ ph¸p" (Sở Tư pháp in TCVN3), "Sôû Tö phaùp"
 * (in VNI). Unicode Vietnamese almost always holds letters beyond Latin-1 (ơ, ư, ă, đ, ạ…), so a
 * text made only of Latin-1 characters with such symbols between letters is flagged.
 */

/** Characters TCVN3 puts where Vietnamese letters belong (§ = Đ, ¬ = ơ, ­ = ư, ¸ = á, µ = à…). */
const TCVN3 = "§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇËÎÏÐÑÖ×ØÛÜÞßåæçëîïðñö÷øûüþÿ";
/** Characters typical of VNI text read as Unicode (ñ = đ, ö = ư, û/ø/ï marks after vowels). */
const VNI = "ÑñÖöÛûØøÏïÕõÄä";
/** Capitals TCVN3 uses for lower-case toned vowels ("vÒ" = về): suspicious after a lower-case letter. */
const TCVN3_CAPITALS = "ÒÓÔÕÖÌÍÎÏÐÈÉÊË";

export type LegacyEncoding = "TCVN3" | "VNI";

/** The legacy encoding a text seems to be in, or null for ordinary (Unicode) text. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (text.length < 2) return null;
  const known = seen.get(text);
  if (known !== undefined) return known;
  const found = detectUncached(text);
  // Every sheet's titles and headers are asked, and they repeat from sheet to sheet.
  if (seen.size >= MEMO_LIMIT) seen.clear();
  seen.set(text, found);
  return found;
}

const MEMO_LIMIT = 50_000;
const seen = new Map<string, LegacyEncoding | null>();

function detectUncached(text: string): LegacyEncoding | null {
  for (const ch of text) if (ch.codePointAt(0)! > 0xff) return null;
  let tcvn = 0;
  let vni = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = chars[i - 1] ?? " ";
    const next = chars[i + 1] ?? " ";
    const inWord = /[A-Za-z]/.test(prev) || /[A-Za-z]/.test(next);
    if (!inWord) continue;
    if (VNI.includes(ch) && /[A-Za-zôơâêăÔÂÊ]/.test(prev)) vni++;
    else if (TCVN3.includes(ch)) tcvn++;
    else if (TCVN3_CAPITALS.includes(ch) && /[a-z]/.test(prev)) tcvn++;
  }
  if (tcvn === 0 && vni === 0) return null;
  return vni > tcvn ? "VNI" : "TCVN3";
}
