/**
 * How the command line turns its ExcelJS workbook into the bytes of an .xlsx file, faster than
 * `workbook.xlsx.writeBuffer()` alone and with exactly the same parts:
 *
 * - Cells without any style share one empty style object while ExcelJS writes. ExcelJS finds a
 *   cell's style id by identity first (a WeakMap of style objects) and otherwise serialises the
 *   style to XML to look it up: with a fresh empty object on every unstyled cell, that was one
 *   XML rendering per cell and per row, about a third of the save. The cells get their own objects
 *   back when the workbook is to change again.
 * - ExcelJS stores the parts uncompressed (JSZip's deflate is JavaScript), and each part is then
 *   deflated by Node's zlib into the same package: same parts, same names, order, dates and
 *   checksums, only the compression method and compressed sizes differ.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";

/** zlib's own default: the size Excel and ExcelJS give a package. */
const DEFLATE_LEVEL = 6;

/** A packed workbook, and the undo of the shared styles (call it before the workbook is changed again). */
export type Packed = { bytes: Buffer; restoreStyles: () => void };

/**
 * The workbook as .xlsx bytes. Its unstyled cells still share EMPTY_STYLE afterwards, frozen
 * (a change to one would throw, never reach the others), until `restoreStyles` is called: the
 * command line saves last and never needs to.
 */
export async function packWorkbook(workbook: ExcelJS.Workbook): Promise<Packed> {
  const restoreStyles = shareEmptyStyles(workbook);
  let stored: Buffer;
  try {
    stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  } catch (error) {
    restoreStyles();
    throw error;
  }
  // A package this code does not recognise (it always should) is deflated by JSZip instead.
  const bytes = deflateStoredZip(stored, DEFLATE_LEVEL) ?? (await deflateWithJsZip(stored));
  return { bytes, restoreStyles };
}

/** The one empty style unstyled cells share during a save (frozen: nothing may write into it). */
const EMPTY_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Gives every row and cell that has no style at all the shared EMPTY_STYLE; returns the undo
 * (each gets a fresh empty style of its own again). Cells whose value is a date (or a formula
 * with a date result, or a merged cell of such a one) keep theirs: ExcelJS gives an unstyled
 * date a date format, chosen by the cell's type, which a shared style id would not follow. Every
 * other cell, and a row, writes the same style for an empty style (numFmtId 0), so the style
 * ids written are unchanged.
 */
export function shareEmptyStyles(workbook: ExcelJS.Workbook): () => void {
  const changed: Styled[] = [];
  for (const ws of workbook.worksheets) {
    for (const row of rowsOf(ws)) {
      if (!row) continue;
      const rowStyle = row.style;
      if (rowStyle && rowStyle !== EMPTY_STYLE && isEmptyObject(rowStyle)) {
        row.style = EMPTY_STYLE;
        changed.push(row);
      }
      for (const cell of cellsOf(row)) {
        if (!cell) continue;
        const style = cell.style;
        if (!style || style === EMPTY_STYLE || !isEmptyObject(style)) continue;
        const type = cell.type;
        if (
          type === DATE_TYPE ||
          ((type === FORMULA_TYPE || type === MERGE_TYPE) && cell.effectiveType === DATE_TYPE)
        )
          continue;
        cell.style = EMPTY_STYLE;
        changed.push(cell);
      }
    }
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const owner of changed) if (owner.style === EMPTY_STYLE) owner.style = {};
  };
}

type Styled = { style: Partial<ExcelJS.Style> | undefined };
type StyledRow = ExcelJS.Row & Styled;

/**
 * The rows of a worksheet and the cells of a row as ExcelJS holds them (its `_rows` and `_cells`
 * arrays, with holes): read directly, they cost a third of what eachRow/eachCell do in a fresh
 * process. Without them (another ExcelJS), the public iterators give the rows and cells holding a value.
 */
function rowsOf(ws: ExcelJS.Worksheet): readonly (StyledRow | undefined)[] {
  const rows = (ws as unknown as { _rows?: unknown })._rows;
  if (Array.isArray(rows)) return rows as (StyledRow | undefined)[];
  const found: StyledRow[] = [];
  ws.eachRow((row) => found.push(row as StyledRow));
  return found;
}

function cellsOf(row: ExcelJS.Row): readonly (ExcelJS.Cell | undefined)[] {
  const cells = (row as unknown as { _cells?: unknown })._cells;
  if (Array.isArray(cells)) return cells as (ExcelJS.Cell | undefined)[];
  const found: ExcelJS.Cell[] = [];
  row.eachCell((cell) => found.push(cell));
  return found;
}

const DATE_TYPE = ExcelJS.ValueType.Date;
const FORMULA_TYPE = ExcelJS.ValueType.Formula;
const MERGE_TYPE = ExcelJS.ValueType.Merge;

function isEmptyObject(value: object): boolean {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const FLAG_DATA_DESCRIPTOR = 0x0008;

/**
 * A zip whose entries are all stored (as JSZip writes them) with every entry deflated by zlib at
 * `level`; null when the zip is not one plain stored zip (zip64, data descriptors, compressed
 * entries, a comment or anything the directory does not account for).
 */
export function deflateStoredZip(stored: Buffer, level: number): Buffer | null {
  try {
    return repack(stored, level);
  } catch {
    return null; // a read past the end: not a zip this code made sense of
  }
}

function repack(stored: Buffer, level: number): Buffer | null {
  const eocd = stored.length - 22;
  if (eocd < 0 || stored.readUInt32LE(eocd) !== END_OF_DIRECTORY) return null;
  const count = stored.readUInt16LE(eocd + 10);
  const directorySize = stored.readUInt32LE(eocd + 12);
  const directoryStart = stored.readUInt32LE(eocd + 16);
  if (stored.readUInt16LE(eocd + 8) !== count || stored.readUInt16LE(eocd + 20) !== 0) return null;
  if (directoryStart + directorySize !== eocd) return null;

  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  let at = directoryStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || stored.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = stored.readUInt16LE(at + 8);
    const size = stored.readUInt32LE(at + 20);
    const recordLength =
      46 + stored.readUInt16LE(at + 28) + stored.readUInt16LE(at + 30) + stored.readUInt16LE(at + 32);
    const local = stored.readUInt32LE(at + 42);
    if (at + recordLength > eocd) return null;
    if (flags & FLAG_DATA_DESCRIPTOR || stored.readUInt16LE(at + 10) !== METHOD_STORED) return null;
    if (stored.readUInt32LE(at + 24) !== size || size === 0xffffffff) return null;
    if (local + 30 > directoryStart || stored.readUInt32LE(local) !== LOCAL_HEADER) return null;
    const headerLength = 30 + stored.readUInt16LE(local + 26) + stored.readUInt16LE(local + 28);
    const dataStart = local + headerLength;
    if (dataStart + size > directoryStart || stored.readUInt32LE(local + 18) !== size) return null;

    // Folders and empty parts stay stored, as JSZip keeps them.
    const content = stored.subarray(dataStart, dataStart + size);
    const data = size === 0 ? content : deflateRawSync(content, { level });
    const header = Buffer.from(stored.subarray(local, dataStart));
    const record = Buffer.from(stored.subarray(at, at + recordLength));
    if (size > 0) {
      header.writeUInt16LE(METHOD_DEFLATED, 8);
      header.writeUInt32LE(data.length, 18);
      record.writeUInt16LE(METHOD_DEFLATED, 10);
      record.writeUInt32LE(data.length, 20);
    }
    record.writeUInt32LE(offset, 42);
    parts.push(header, data);
    directory.push(record);
    offset += header.length + data.length;
    at += recordLength;
  }
  if (at !== eocd) return null;
  const end = Buffer.from(stored.subarray(eocd));
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

async function deflateWithJsZip(stored: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(stored);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: DEFLATE_LEVEL },
  });
}
