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
  /** Print the table and its frame on one page (a group of up to 30 units). */
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
  const rowHeights = new Map<number, number>();
  const styles: { range: CellRange; style: CellStyle }[] = [];
  let row = 0;

  /** One line of text merged over columns left..right, its row fitted to the wrapped text. */
  const line = (text: string, style: CellStyle, left = 0, right = lastColumn): void => {
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
    const size = style.fontSize ?? TABLE_FONT_SIZE;
    const lines = wrappedLines(text, spanPixels(left, right), size, style.bold ?? false);
    setHeight(row, rowPoints(lines, size));
    row += 1;
  };
  const setHeight = (r: number, height: number): void => {
    rowHeights.set(r, Math.max(rowHeights.get(r) ?? 0, height));
  };
  const blank = (): void => {
    setHeight(row, BLANK_ROW_HEIGHT);
    row += 1;
  };

  // ── Above the table ──
  const issuerRight = spanEnd(pixels, 0, fullWidth * 0.4, 1);
  for (const text of nonEmpty(frame.issuer)) {
    line(
      text.toLocaleUpperCase("vi"),
      { bold: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true },
      0,
      issuerRight,
    );
  }
  const appendixAbove = nonEmpty(frame.appendix).filter((t) => !t.startsWith("("));
  const appendixBelow = nonEmpty(frame.appendix).filter((t) => t.startsWith("("));
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
  setHeight(
    row,
    fittedHeight(
      columns.map((c) => c.header),
      pixels,
      true,
    ),
  );
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
    setHeight(row + i, fittedHeight(values.map(textOf), pixels, i >= bodyCount));
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
  const notes = [...input.footnotes, ...nonEmpty(frame.notes)];
  if (notes.length > 0) blank();
  for (const text of notes)
    line(text, { italic: false, fontSize: TABLE_FONT_SIZE, hAlign: "left", vAlign: "top", wrap: true });
  const signatures = frame.signatures.filter((s) => nonEmpty(s.role).length > 0 || s.name.trim() !== "");
  const place = frame.placeAndDate.trim();
  if (place !== "" || signatures.length > 0) {
    blank();
    const blocks = signatureSpans(pixels, fullWidth, Math.max(signatures.length, 1));
    const last = blocks[blocks.length - 1];
    if (place !== "") {
      line(
        place,
        { italic: true, fontSize: FRAME_FONT_SIZE, hAlign: "center", wrap: true },
        last.left,
        last.right,
      );
    }
    if (signatures.length > 0) {
      const roleLines = Math.max(...signatures.map((s) => nonEmpty(s.role).length));
      const blockRow = (texts: (string | null)[], style: CellStyle): void => {
        let lines = 1;
        texts.forEach((text, i) => {
          const { left, right } = blocks[i];
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
            lines = Math.max(lines, wrappedLines(text, spanPixels(left, right), FRAME_FONT_SIZE, true));
        });
        setHeight(row, rowPoints(lines, FRAME_FONT_SIZE));
        row += 1;
      };
      const signatureStyle: CellStyle = {
        bold: true,
        fontSize: FRAME_FONT_SIZE,
        hAlign: "center",
        wrap: true,
      };
      for (let i = 0; i < roleLines; i++) {
        blockRow(
          signatures.map((s) => nonEmpty(s.role)[i]?.toLocaleUpperCase("vi") ?? null),
          signatureStyle,
        );
      }
      for (let i = 0; i < SIGNATURE_SPACE_ROWS; i++) {
        setHeight(row, rowPoints(1, FRAME_FONT_SIZE));
        row += 1;
      }
      blockRow(
        signatures.map((s) => (s.name.trim() === "" ? null : s.name.trim())),
        signatureStyle,
      );
    }
  }
  const lastRow = row - 1;

  const plan: PrintedSheet["plan"] = {
    name: input.name,
    purpose: input.purpose,
    group: input.group,
    replaces: input.replaces,
    patches,
    merges,
    columnWidths: columns.map((c) => c.width),
    freezeRows: firstDataRow,
    rowHeights: [...rowHeights].map(([r, height]) => ({ row: r, height })).sort((a, b) => a.row - b.row),
    styles,
    print: {
      landscape: true,
      fitToWidth: true,
      ...(input.onePage ? { fitToHeight: 1 } : {}),
      titleRows: { first: headerRow, last: headerRow },
      paper: "A4",
      margins: { ...PAGE_MARGINS },
      area: { top: 0, left: 0, bottom: lastRow, right: lastColumn },
      footer: PAGE_FOOTER,
      centerHorizontally: true,
    },
  };
  return { plan, headerRow, firstDataRow };
}

/** Height of a table row: the most lines any of its cells wraps to. */
function fittedHeight(texts: (string | null)[], pixels: readonly number[], bold: boolean): number {
  let lines = 1;
  texts.forEach((text, c) => {
    if (text) lines = Math.max(lines, wrappedLines(text, pixels[c], TABLE_FONT_SIZE, bold));
  });
  return rowPoints(lines, TABLE_FONT_SIZE);
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
