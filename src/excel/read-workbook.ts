/**
 * Reads the whole workbook through Office.js in three syncs whatever its size: sheet names (and
 * the workbook's protection); used-range sizes (and each sheet's protection and chart names, which
 * the write that follows a read needs); then every sheet's values, split into row blocks under the
 * 5 MB payload limit of Excel on the web. Grids are padded to start at A1, as the core expects.
 */
import {
  type CellRange,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
  MAX_GRID_CELLS,
  clipMerges,
} from "../core/grid";
import { SYNC_BUDGET_BYTES, type Step, runInBatches } from "./batches";
import { ExcelAdapterError } from "./host-errors";
import { OPTIONAL_EXCEL_API, isExcelApiSupported } from "./excel-api";
import { MARKS_SHEET } from "./marks-sheet";
import { blockToA1, parseAreasAddress } from "./range-address";

/**
 * Cells of one sheet's grid above which the sheet is refused: each row of the used range runs
 * from column A to the range's right edge (rows above the range are one shared empty row), so a
 * stray value at XFD1048576 costs one row, but a used range of thousands of rows reaching far
 * right would make the task pane allocate millions of empty cells. Scoring sheets have a few thousand.
 */
export const MAX_SHEET_CELLS = MAX_GRID_CELLS;

/** The row of a grid that holds nothing (shared: never written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Estimated bytes of one cell's value in a response (measured: 13 on average for scoring sheets). */
export const BYTES_PER_CELL = 16;

/**
 * Excel's error values. Office.js gives an error cell's value as this text; a cell holding exactly
 * such a text is read as the error: Excel itself turns "#REF!" typed in a cell into the error
 * value (only a leading apostrophe keeps it text). Asking Excel for value types instead would
 * cost a round trip, or half again the payload of every read.
 */
const ERROR_TEXTS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#BUSY!",
  "#PYTHON!",
  "#TIMEOUT!",
]);

/** What a read learnt about the workbook's sheets, so that the write after it needs no check of its own. */
export type KnownWorkbook = {
  bookProtected: boolean;
  sheets: { name: string; visibility: string; protected: boolean; charts: string[] }[];
};

type SheetSize = { row: number; col: number; rows: number; cols: number };

/** A block of rows of one sheet's used range, read with one range load. */
export type ReadBlock = {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  bytes: number;
};

/** Splits each used range into row blocks of at most `budget` estimated bytes. */
export function planReadBlocks(sizes: readonly (SheetSize | null)[], budget: number): ReadBlock[] {
  const blocks: ReadBlock[] = [];
  sizes.forEach((size, sheet) => {
    if (!size) return;
    const rowsPerBlock = Math.max(1, Math.floor(budget / (size.cols * BYTES_PER_CELL)));
    for (let r = 0; r < size.rows; r += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, size.rows - r);
      blocks.push({
        sheet,
        row: size.row + r,
        col: size.col,
        rows,
        cols: size.cols,
        bytes: rows * size.cols * BYTES_PER_CELL,
      });
    }
  });
  return blocks;
}

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function tooLargeSheet(sheet: string, area: string): ExcelAdapterError {
  return new ExcelAdapterError(
    `Sheet "${sheet}" có dữ liệu trải tới ${area.split(":")[1]}, quá lớn để đọc (vùng ${area}). Có thể có giá trị nằm lạc ở cuối sheet: hãy xóa các dòng, cột thừa rồi chạy lại.`,
    `Sheet "${sheet}" has data as far as ${area.split(":")[1]}, too large to read (range ${area}). A stray value may sit far down or right: delete the extra rows and columns and run again.`,
  );
}

/** Reads every sheet (except PAR Scorer's private marks sheet) into a snapshot, and what the next write needs. */
export async function readOfficeWorkbook(
  budget = SYNC_BUDGET_BYTES,
): Promise<{ snapshot: WorkbookSnapshot; known: KnownWorkbook }> {
  return Excel.run(async (context) => {
    const collection = context.workbook.worksheets;
    collection.load("items/name,items/visibility");
    const bookProtection = context.workbook.protection.load("protected");
    await context.sync();

    const all = collection.items;
    const protections = all.map((ws) => ws.protection.load("protected"));
    const charts = all.map((ws) => ws.charts.load("items/name"));
    const worksheets = all.filter((ws) => ws.name !== MARKS_SHEET);
    const used = worksheets.map((ws) =>
      ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    );
    await context.sync();

    const sizes = used.map((range) =>
      range.isNullObject
        ? null
        : { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount },
    );
    sizes.forEach((size, i) => {
      if (size && size.rows * (size.col + size.cols) > MAX_SHEET_CELLS) {
        throw tooLargeSheet(worksheets[i].name, blockToA1(0, 0, size.row + size.rows, size.col + size.cols));
      }
    });
    const grids: CellValue[][][] = sizes.map((size) => {
      if (!size) return [];
      const grid = new Array<CellValue[]>(size.row + size.rows).fill(EMPTY_ROW);
      for (let r = size.row; r < size.row + size.rows; r++)
        grid[r] = new Array<CellValue>(size.col + size.cols).fill(null);
      return grid;
    });
    const merges: (Excel.RangeAreas | null)[] = worksheets.map(() => null);
    const readMerges = isExcelApiSupported(OPTIONAL_EXCEL_API.mergedAreas);
    const steps: Step[] = [];
    if (readMerges) {
      steps.push({
        bytes: 0,
        queue: () =>
          sizes.forEach((size, i) => {
            if (!size) return;
            const range = worksheets[i].getRange(blockToA1(size.row, size.col, size.rows, size.cols));
            merges[i] = range.getMergedAreasOrNullObject().load("address");
          }),
      });
    }
    const loaded: { block: ReadBlock; range: Excel.Range }[] = [];
    for (const block of planReadBlocks(sizes, budget)) {
      steps.push({
        bytes: block.bytes,
        queue: () => {
          const address = blockToA1(block.row, block.col, block.rows, block.cols);
          loaded.push({ block, range: worksheets[block.sheet].getRange(address).load("values") });
        },
      });
    }
    await runInBatches(context, steps, budget);
    for (const { block, range } of loaded) {
      const grid = grids[block.sheet];
      range.values.forEach((line, r) =>
        line.forEach((value, c) => {
          grid[block.row + r][block.col + c] =
            typeof value === "string" && ERROR_TEXTS.has(value) ? { error: value } : toCellValue(value);
        }),
      );
    }

    const snapshot: WorkbookSnapshot = {
      sheets: worksheets.map((ws, i) => {
        const sheet: SheetSnapshot = {
          name: ws.name,
          values: grids[i],
          visibility: VISIBILITY[ws.visibility] ?? "visible",
        };
        const areas = merges[i];
        if (readMerges) {
          const list: CellRange[] = areas && !areas.isNullObject ? parseAreasAddress(areas.address) : [];
          const size = sizes[i];
          // Merged areas reaching beyond the values say nothing about them: clipped to the used range.
          return {
            ...sheet,
            merges: size ? clipMerges(list, size.row + size.rows, size.col + size.cols) : [],
          };
        }
        return sheet;
      }),
    };
    const known: KnownWorkbook = {
      bookProtected: bookProtection.protected,
      sheets: all.map((ws, i) => ({
        name: ws.name,
        visibility: ws.visibility,
        protected: protections[i].protected,
        charts: charts[i].items.map((chart) => chart.name),
      })),
    };
    return { snapshot, known };
  });
}
