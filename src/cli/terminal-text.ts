/**
 * Text from workbooks (file, sheet and unit names, cell texts) can hold control characters: ESC
 * and CSI (U+009B) start terminal commands, BEL rings, CR overwrites a line, U+202E reverses the
 * text shown. Everything the command line prints goes through escapeControls: such characters
 * are shown as \uXXXX, which is also a valid escape inside the JSON output (the same string once
 * parsed). Line feeds and tabs stay; the colour codes PAR Scorer itself emits stay when colour is on.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// Select Graphic Rendition (colour, bold, dim) as node:util's styleText writes it.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SGR = /(\u001B\[[0-9]{1,2}m)/u;

const escapeOne = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** The text with every control character shown as \uXXXX (colour codes kept when `keepColour`). */
export function escapeControls(text: string, keepColour = false): string {
  if (!keepColour) return text.replace(CONTROL, escapeOne);
  return text
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CONTROL, escapeOne)))
    .join("");
}
