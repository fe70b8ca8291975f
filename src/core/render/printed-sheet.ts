/**
 * A table laid out as a printed appendix (domain README §5b, Nghị định 30/2020/NĐ-CP): the frame
 * from settings.frame around it — issuing body, appendix lines, title, notes, place and date,
 * signature blocks — each part only when set; A4 landscape, the decree's margins, one page wide,
 * the header row repeated on every page, the print area on the table and its frame, page numbers
 * in the footer. Every row holding wrapped text gets a height fitted to it.
 */
import type { CellRange, CellValue } from "../grid";
import type { CellStyle, SheetPatch, SheetPlan } from "../model";
import type { Frame } from "../settings";
import { columnPixels, rowPoints, wrappedLines } from "./fit-text";
import { AVERAGE_STYLE, BODY_STYLE, HEADER_STYLE, SUBTITLE_STYLE, TEXT_FORMAT, TITLE_STYLE } from "./layout";

/** A4 landscape with the decree's margins (mm): top and bottom 20, left 30, right 15. */
export const PAGE_MARGINS = { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 } as const;
/** Printable width of A4 landscape within those margins, in pixels at 96 dpi (252 mm). */
export const PRINTABLE_PIXELS = Math.floor(((297 - PAGE_MARGINS.left - PAGE_MARGINS.right) / 25.4) * 96);
/**
 * Printable height of A4 landscape within those margins, in points (170 mm), less 1.5 points for
 * the readers' rounding of row heights (LibreOffice keeps them in hundredths of a millimetre:
 * 40 rows of 12 points print on a page, 480.7 points).
 */
export const PRINTABLE_POINTS = ((210 - PAGE_MARGINS.top - PAGE_MARGINS.bottom) / 25.4) * 72 - 1.5;
/** Page numbers in the footer: "Trang 1/2". */
export const PAGE_FOOTER = "Trang &P/&N";
/** Body and header text of the table, in points (at least 10 at 100 %). */
export const TABLE_FONT_SIZE = 10;
const FRAME_FONT_SIZE = 12;
const BLANK_ROW_HEIGHT = 6;
/** Room for the signature and stamp between the role and the name. */
const SIGNATURE_SPACE_ROWS = 3;

export type TableColumn = { header: string; width: number; align: "left" | "center" | "right" };

export type PrintedSheetInput = {
  name: string;
  purpose: SheetPlan["purpose"];
  group: string | null;
  replaces: boolean;
  frame: Frame;
  /** PAR Scorer's own title, used when frame.title is empty. */
  defaultTitle: string;
  subtitle: string;
  columns: TableColumn[];
  /** Body rows then `totalRows` summary rows (bình quân, tổng số), with a number format per cell. */
  rows: CellValue[][];
  formats: string[][];
  totalRows: number;
  /** Lines under the table before the frame's notes (the (*) mark's explanation). */
  footnotes: string[];
  /** Keep the table on the first page (a group of up to 30 units): see "The page" below. */
  onePage: boolean;
};

/** The planned sheet without bands and chart, and where its table landed. */
export type PrintedSheet = {
  plan: Omit<SheetPlan, "bands" | "chart">;
  headerRow: number;
  firstDataRow: number;
};

/** Lays out a printed sheet; the caller adds bands and the chart (outside the print area). */
export function planPrintedSheet(input: PrintedSheetInput): PrintedSheet {
  const { frame, columns } = input;
  const font = frame.font;
  const lastColumn = columns.length - 1;
  const pixels = columns.map((c) => columnPixels(c.width));
  const spanPixels = (left: number, right: number): number =>
    pixels.slice(left, right + 1).reduce((s, p) => s + p, 0);
  const fullWidth = spanPixels(0, lastColumn);
  const blankLine = (): CellValue[] => columns.map(() => null);

  const patches: SheetPatch[] = [];
  const merges: CellRange[] = [];
  /** Rows of text: how many lines of what size (their heights follow from the page, below). */
  const lineCounts = new Map<number, { lines: number; size: number }>();
  /** Rows of a fixed height (the blank rows). */
  const fixedHeights = new Map<number, number>();
  const styles: { range: CellRange; style: CellStyle }[] = [];
  let row = 0;

  /**
   * One row of texts, each merged over its columns left..right (null: nothing there), the row's
   * height fitted to the text that wraps to the most lines.
   */
  const place = (spans: { text: string | null; left: number; right: number }[], style: CellStyle): void => {
    const size = style.fontSize ?? TABLE_FONT_SIZE;
    let lines = 1;
    for (const { text, left, right } of spans) {
      const values = blankLine().slice(left, right + 1);
      values[0] = text;
      patches.push({
        row,
        col: left,
        values: [values],
        numberFormat: TEXT_FORMAT,
        style: { ...style, fontName: font },
      });
      if (right > left) merges.push({ top: row, left, bottom: row, right });
      if (text)
        lines = Math.max(lines, wrappedLines(text, spanPixels(left, right), size, style.bold ?? false));
    }
    lineCounts.set(row, { lines, size });
    row += 1;
  };
  /** One line of text over columns left..right. */
  const line = (text: string, style: CellStyle, left = 0, right = lastColumn): void =>
    place([{ text, left, right }], style);
  const blank = (): void => {
    fixedHeights.set(row, BLANK_ROW_HEIGHT);
    row += 1;
  };

  // ── Above the table ──
  // The issuing body at the top left and "Phụ lục …" centred on the same rows (the decree's
  // places for them): one row less above the table, which a group of 30 units needs.
  const issuer = nonEmpty(frame.issuer).map((t) => t.toLocaleUpperCase("vi"));
  const appendixAbove = nonEmpty(frame.appendix).filter((t) => !t.startsWith("("));
  const appendixBelow = nonEmpty(frame.appendix).filter((t) => t.startsWith("("));
  const issuerRight = spanEnd(pixels, 0, fullWidth * 0.4, 1);
  const issuerStyle: CellStyle = { bold: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true };
  const middle = middleSpan(pixels, issuerRight + 1);
  const besideIssuer = issuer.length > 0 && middle !== null ? appendixAbove.splice(0, issuer.length) : [];
  for (let i = 0; i < issuer.length; i++) {
    place(
      [
        { text: issuer[i], left: 0, right: issuerRight },
        ...(middle && besideIssuer[i] ? [{ text: besideIssuer[i], ...middle }] : []),
      ],
      issuerStyle,
    );
  }
  for (const text of appendixAbove)
    line(text, { bold: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true });
  const titles = nonEmpty(frame.title).length > 0 ? nonEmpty(frame.title) : [input.defaultTitle];
  for (const text of titles) line(text, { ...TITLE_STYLE, wrap: true });
  for (const text of appendixBelow)
    line(text, { italic: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true });
  line(input.subtitle, { ...SUBTITLE_STYLE, wrap: true });
  blank();

  // ── The table ──
  const headerRow = row;
  const headerStyle = { ...HEADER_STYLE, fontSize: TABLE_FONT_SIZE, fontName: font };
  patches.push({
    row,
    col: 0,
    values: [columns.map((c) => c.header)],
    numberFormat: TEXT_FORMAT,
    style: headerStyle,
  });
  lineCounts.set(row, {
    lines: mostLines(
      columns.map((c) => c.header),
      pixels,
      true,
    ),
    size: TABLE_FONT_SIZE,
  });
  row += 1;
  const firstDataRow = row;
  const bodyCount = input.rows.length - input.totalRows;
  const body = input.rows.slice(0, bodyCount);
  if (body.length > 0) {
    patches.push({
      row,
      col: 0,
      values: body,
      numberFormat: input.formats.slice(0, bodyCount),
      style: { ...BODY_STYLE, fontSize: TABLE_FONT_SIZE, wrap: true, fontName: font },
    });
  }
  if (input.totalRows > 0) {
    patches.push({
      row: row + bodyCount,
      col: 0,
      values: input.rows.slice(bodyCount),
      numberFormat: input.formats.slice(bodyCount),
      style: { ...AVERAGE_STYLE, fontSize: TABLE_FONT_SIZE, vAlign: "middle", wrap: true, fontName: font },
    });
  }
  input.rows.forEach((values, i) => {
    lineCounts.set(row + i, {
      lines: mostLines(values.map(textOf), pixels, i >= bodyCount),
      size: TABLE_FONT_SIZE,
    });
  });
  const lastTableRow = row + input.rows.length - 1;
  if (input.rows.length > 0) {
    // Text columns left, numbers right, ranks and bands centred: one style per run of equal columns.
    let start = 0;
    for (let c = 1; c <= columns.length; c++) {
      if (c < columns.length && columns[c].align === columns[start].align) continue;
      styles.push({
        range: { top: row, left: start, bottom: lastTableRow, right: c - 1 },
        style: { hAlign: columns[start].align },
      });
      start = c;
    }
  }
  row = lastTableRow + 1;

  // ── Under the table ──
  const underTable = row;
  const notes = [...input.footnotes, ...nonEmpty(frame.notes)];
  if (notes.length > 0) blank();
  for (const text of notes)
    line(text, { italic: false, fontSize: TABLE_FONT_SIZE, hAlign: "left", vAlign: "top", wrap: true });
  const signatures = frame.signatures.filter((s) => nonEmpty(s.role).length > 0 || s.name.trim() !== "");
  const placeAndDate = frame.placeAndDate.trim();
  const closing = row;
  if (placeAndDate !== "" || signatures.length > 0) {
    blank();
    const blocks = signatureSpans(pixels, fullWidth, Math.max(signatures.length, 1));
    const last = blocks[blocks.length - 1];
    if (placeAndDate !== "") {
      line(
        placeAndDate,
        { italic: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true },
        last.left,
        last.right,
      );
    }
    if (signatures.length > 0) {
      const roleLines = Math.max(...signatures.map((s) => nonEmpty(s.role).length));
      const signatureStyle: CellStyle = {
        bold: true,
        fontSize: FRAME_FONT_SIZE,
        hAlign: "center",
        wrap: true,
      };
      const blockRow = (texts: (string | null)[]): void =>
        place(
          texts.map((text, i) => ({ text, ...blocks[i] })),
          signatureStyle,
        );
      for (let i = 0; i < roleLines; i++)
        blockRow(signatures.map((s) => nonEmpty(s.role)[i]?.toLocaleUpperCase("vi") ?? null));
      for (let i = 0; i < SIGNATURE_SPACE_ROWS; i++) {
        lineCounts.set(row, { lines: 1, size: FRAME_FONT_SIZE });
        row += 1;
      }
      blockRow(signatures.map((s) => (s.name.trim() === "" ? null : s.name.trim())));
    }
  }
  const lastRow = row - 1;

  // ── The page ──
  // A group of up to 30 units keeps its table on the first page, under the frame's top, at 100 %
  // (never a smaller font): when that page would overflow at the usual line spacing, the rows
  // are set tight (12 points a 10-point line; also when that keeps the signature on the table's
  // page); the notes and the signature block then follow on the table's page if they fit, else
  // from the top of the next page (a manual break before them, so that a signature is never split
  // from its role). The header row is repeated only when the table itself runs over pages: a page
  // holding only the signature would otherwise start with an orphan header.
  const heightOf = (r: number, tight: boolean): number => {
    const fixed = fixedHeights.get(r);
    if (fixed !== undefined) return fixed;
    const count = lineCounts.get(r);
    return count ? rowPoints(count.lines, count.size, tight) : rowPoints(1, TABLE_FONT_SIZE);
  };
  const sum = (from: number, to: number, tight: boolean): number => {
    let total = 0;
    for (let r = from; r <= to; r++) total += heightOf(r, tight);
    return total;
  };
  // Tight too when that brings the whole page, signature included, onto one sheet of paper.
  const tight =
    input.onePage &&
    (sum(0, lastTableRow, false) > PRINTABLE_POINTS ||
      (sum(0, lastRow, false) > PRINTABLE_POINTS && sum(0, lastRow, true) <= PRINTABLE_POINTS));
  // Set tight, the gap between the frame and the table closes to a point.
  const heights = Array.from({ length: lastRow + 1 }, (_, r) =>
    tight && r === headerRow - 1 ? 1 : heightOf(r, tight),
  );
  const through = (r: number): number => heights.slice(0, r + 1).reduce((s, h) => s + h, 0);
  const tableOnOnePage = input.onePage && through(lastTableRow) <= PRINTABLE_POINTS;
  const rowBreaks: number[] = [];
  if (tableOnOnePage && through(lastRow) > PRINTABLE_POINTS) {
    // The notes stay with the table when they fit; the closing block moves whole.
    const breakAt = through(closing - 1) <= PRINTABLE_POINTS && closing <= lastRow ? closing : underTable;
    if (breakAt <= lastRow) rowBreaks.push(breakAt);
  }

  const plan: PrintedSheet["plan"] = {
    name: input.name,
    purpose: input.purpose,
    group: input.group,
    replaces: input.replaces,
    patches,
    merges,
    columnWidths: columns.map((c) => c.width),
    freezeRows: firstDataRow,
    rowHeights: heights.map((height, r) => ({ row: r, height })),
    styles,
    print: {
      landscape: true,
      // One page wide: the column widths are chosen to fit A4 landscape at 100 %, so the fit
      // never shrinks; no fit in height (a ≤ 30-unit table fits by its layout, not by scaling).
      fitToWidth: true,
      titleRows: tableOnOnePage ? null : { first: headerRow, last: headerRow },
      ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
      paper: "A4",
      margins: { ...PAGE_MARGINS },
      area: { top: 0, left: 0, bottom: lastRow, right: lastColumn },
      footer: PAGE_FOOTER,
      centerHorizontally: true,
    },
  };
  return { plan, headerRow, firstDataRow };
}

/** Lines of the cell of a table row that wraps to the most. */
function mostLines(texts: (string | null)[], pixels: readonly number[], bold: boolean): number {
  let lines = 1;
  texts.forEach((text, c) => {
    if (text) lines = Math.max(lines, wrappedLines(text, pixels[c], TABLE_FONT_SIZE, bold));
  });
  return lines;
}

function textOf(value: CellValue): string | null {
  return typeof value === "string" ? value : null;
}

function nonEmpty(lines: readonly string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l !== "");
}

/** The last column (at least `minColumns` − 1 from `left`) whose right edge stays within `pixels`. */
function spanEnd(widths: readonly number[], left: number, pixels: number, minColumns: number): number {
  let used = 0;
  let right = left;
  for (let c = left; c < widths.length; c++) {
    used += widths[c];
    if (used > pixels && c - left + 1 > minColumns) break;
    right = c;
  }
  return right;
}

/**
 * Columns from `left` on whose span is centred on the table (within a column's width), for a line
 * beside the issuing body; null when no column lies right of the body.
 */
function middleSpan(widths: readonly number[], left: number): { left: number; right: number } | null {
  if (left >= widths.length) return null;
  const start = widths.slice(0, left).reduce((s, w) => s + w, 0);
  const total = widths.reduce((s, w) => s + w, 0);
  // The mirror of the body's right edge about the table's centre.
  const end = total - start;
  let edge = start;
  let right = left;
  for (let c = left; c < widths.length; c++) {
    if (edge + widths[c] / 2 > end) break;
    right = c;
    edge += widths[c];
  }
  return { left, right };
}

/**
 * Column spans of `count` signature blocks side by side; the last (the signer) at the right, as
 * the decree places it: the right 45 % of the width, the others share the rest.
 */
function signatureSpans(
  widths: readonly number[],
  total: number,
  count: number,
): { left: number; right: number }[] {
  const starts = [0];
  const lastStart = total * 0.55;
  for (let i = 1; i < count - 1; i++) starts.push((lastStart * i) / (count - 1));
  if (count > 1) starts.push(lastStart);
  else starts[0] = lastStart;
  const columnAt = (x: number): number => {
    let edge = 0;
    for (let c = 0; c < widths.length; c++) {
      if (edge + widths[c] / 2 >= x) return c;
      edge += widths[c];
    }
    return widths.length - 1;
  };
  const lefts = starts.map(columnAt);
  return lefts.map((left, i) => ({
    left,
    right: i + 1 < lefts.length ? Math.max(left, lefts[i + 1] - 1) : widths.length - 1,
  }));
}
