/**
 * Row heights fitted to wrapped text, so that a printed cell shows all its text: neither Excel
 * (for rows written by a program) nor every reader fits heights on opening. Widths are estimated
 * for Times New Roman from the characters' classes. The estimate errs on the wide side by a few
 * per cent (measured against LibreOffice's Liberation Serif, which has Times New Roman's metrics:
 * names come out 2–4 % wider than printed), so a row never clips its last line; it is no wider than
 * that, so a name that prints on one line is given one line (a needless second line costs a
 * 30-unit table its place on one page).
 */

/** Pixels (at 96 dpi) of a column `width` characters wide in the default 11-point font (7 px each + 5). */
export function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/** Points of a column `width` characters wide. */
export function columnPoints(width: number): number {
  return (columnPixels(width) * 72) / 96;
}

/**
 * Width of one character in ems of Times New Roman (Liberation Serif has the same metrics), by
 * its base letter: Vietnamese marks do not change a letter's width.
 */
function charEms(ch: string): number {
  const base = ch.normalize("NFD")[0].replace("đ", "d").replace("Đ", "D");
  if (base === " ") return 0.25;
  if (/[0-9]/.test(base)) return 0.5;
  if (/[.,:;'!|]/.test(base)) return 0.25;
  if (/[()[\]\-/"]/.test(base)) return 0.34;
  if (base === "…" || base === "—" || base === "%" || base === "▲" || base === "▼") return 0.85;
  if (/[ijlt]/.test(base)) return 0.28;
  if (/[fr]/.test(base)) return 0.34;
  if (base === "s") return 0.39;
  if (/[aecz]/.test(base)) return 0.45;
  if (/[mw]/.test(base)) return 0.75;
  if (/[a-z]/.test(base)) return 0.5;
  if (/[IJ]/.test(base)) return 0.36;
  if (/[MW]/.test(base)) return 0.92;
  if (/[A-Z]/.test(base)) return 0.7;
  return 0.55;
}

/** `charEms` of each character met so far, by code point (the alphabet of names is small). */
const charEmsByCode = new Map<number, number>();
/** Ems of each text measured so far: a ranking measures the same names and words many times. */
const textEmsByText = new Map<string, number>();
/** Bounds of the two memos: past them a memo starts afresh. */
const CHAR_MEMO_LIMIT = 4096;
const TEXT_MEMO_LIMIT = 20000;

/** Width of a text in ems: `charEms` summed over its characters (code points) after NFC, in order. */
function textEms(text: string): number {
  const known = textEmsByText.get(text);
  if (known !== undefined) return known;
  const nfc = text.normalize("NFC");
  let ems = 0;
  for (let i = 0; i < nfc.length;) {
    const code = nfc.codePointAt(i) as number;
    let w = charEmsByCode.get(code);
    if (w === undefined) {
      w = charEms(String.fromCodePoint(code));
      if (charEmsByCode.size >= CHAR_MEMO_LIMIT) charEmsByCode.clear();
      charEmsByCode.set(code, w);
    }
    ems += w;
    i += code > 0xffff ? 2 : 1;
  }
  if (textEmsByText.size >= TEXT_MEMO_LIMIT) textEmsByText.clear();
  textEmsByText.set(text, ems);
  return ems;
}

/** Estimated width in pixels of a text at `fontSize` points. */
export function textPixels(text: string, fontSize: number, bold = false): number {
  // 2 % to spare, 7 % more in bold.
  return textEms(text) * fontSize * (96 / 72) * 1.02 * (bold ? 1.07 : 1);
}

/** Lines a text wraps to in a cell `pixels` wide (word by word, as spreadsheets wrap; explicit line breaks kept). */
export function wrappedLines(text: string, pixels: number, fontSize: number, bold = false): number {
  // The cell's padding: about 2 pixels each side in Excel and LibreOffice, 1 more to spare.
  const usable = Math.max(pixels - 5, 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textPixels(word, fontSize, bold);
      const space = used > 0 ? textPixels(" ", fontSize, bold) : 0;
      if (used > 0 && used + space + w > usable) {
        lines += 1;
        used = 0;
      }
      if (used === 0 && w > usable) {
        // A word longer than the cell breaks across lines.
        lines += Math.ceil(w / usable) - 1;
        used = w % usable;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/**
 * Height in points of a row holding `lines` lines of `fontSize`-point text. Times New Roman's line
 * is 1.15 em (Excel's standard row for 10-point text is 12.75 points); `tight` keeps half a point
 * of padding instead of 1.25 (12 points for one 10-point line): readers set a cell's lines 1.15 em
 * apart whatever the row's height, so only the padding can go.
 */
export function rowPoints(lines: number, fontSize: number, tight = false): number {
  const height = lines * fontSize * 1.15 + (tight ? 0.5 : 1.25);
  return Math.ceil(height * 4) / 4;
}
