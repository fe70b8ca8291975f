/**
 * The printed frame (settings.frame) as the rank tab edits it: one text box per part, one line
 * per line. Signature blocks are separated by an empty line; in a block of two lines or more the
 * last line is the signer's name, the lines above it the role ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").
 */
import type { Frame } from "../../../core/settings";

export type FrameDraft = {
  issuer: string;
  appendix: string;
  title: string;
  notes: string;
  placeAndDate: string;
  signatures: string;
  font: string;
};

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** The text boxes of a saved frame. */
export function frameToDraft(frame: Frame): FrameDraft {
  return {
    issuer: frame.issuer.join("\n"),
    appendix: frame.appendix.join("\n"),
    title: frame.title.join("\n"),
    notes: frame.notes.join("\n"),
    placeAndDate: frame.placeAndDate,
    signatures: frame.signatures.map((s) => [...s.role, ...(s.name ? [s.name] : [])].join("\n")).join("\n\n"),
    font: frame.font,
  };
}

/** The frame the text boxes describe; empty boxes leave their part out. */
export function draftToFrame(draft: FrameDraft): Frame {
  const blocks = draft.signatures
    .split(/\r?\n\s*\r?\n/)
    .map(lines)
    .filter((block) => block.length > 0);
  return {
    issuer: lines(draft.issuer),
    appendix: lines(draft.appendix),
    title: lines(draft.title),
    notes: lines(draft.notes),
    placeAndDate: draft.placeAndDate.trim(),
    signatures: blocks.map((block) =>
      block.length === 1
        ? { role: block, name: "" }
        : { role: block.slice(0, -1), name: block[block.length - 1] },
    ),
    font: draft.font.trim() === "" ? "Times New Roman" : draft.font.trim(),
  };
}
