/**
 * A1 text for the ranges the adapters pass to Office.js, and parsing of the addresses it returns
 * ("'Sở Tư pháp'!A1:C2,'Sở Tư pháp'!E5:F5").
 */
import { type CellRange, fromA1, toA1 } from "../core/grid";

/** A zero-based inclusive range to A1 text: "B2:D9", or "B2" for one cell. */
export function rangeToA1(range: CellRange): string {
  const first = toA1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? first
    : `${first}:${toA1(range.bottom, range.right)}`;
}

/** A block of rows and columns to A1 text. */
export function blockToA1(row: number, col: number, rowCount: number, colCount: number): string {
  return rangeToA1({ top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 });
}

/** A1 text of one reference ("B2:D9", "$B$2") to a range; whole rows or columns are refused. */
export function parseA1Range(reference: string): CellRange {
  const [a, b = a] = reference.split(":");
  const start = fromA1(a);
  const end = fromA1(b);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * The areas of an address as Office.js writes it: comma-separated references, each with a sheet
 * prefix that may be quoted (a quoted name may itself hold commas, '!' or doubled quotes).
 */
export function parseAreasAddress(address: string): CellRange[] {
  const areas: CellRange[] = [];
  let i = 0;
  while (i < address.length) {
    if (address[i] === "'") {
      // A quoted sheet name ends at a quote that is not doubled.
      let j = i + 1;
      while (j < address.length && !(address[j] === "'" && address[j + 1] !== "'"))
        j += address[j] === "'" ? 2 : 1;
      i = j + 1;
    }
    let end = address.indexOf(",", i);
    if (end < 0) end = address.length;
    const part = address.slice(i, end);
    areas.push(parseA1Range(part.slice(part.lastIndexOf("!") + 1)));
    i = end + 1;
  }
  return areas;
}
