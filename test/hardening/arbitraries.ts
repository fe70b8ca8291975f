/**
 * fast-check arbitraries for hostile workbooks: every kind of cell value people and old files
 * produce (numbers huge and tiny, text with a decimal comma, "NaN", "1e309", NFD and NFC
 * Vietnamese, TCVN3 and VNI text, error values, blanks, whitespace), mixed into a realistic
 * provincial workbook (buildProvinceWorkbook) by mutations (cells, merges, hidden sheets, missing
 * or duplicated headers, codes out of order, empty sheets), or fully random workbooks.
 *
 * `toAdapterShape` turns any generated snapshot into one an adapter could really read (valid
 * unique sheet names, rectangular grids, merges that do not overlap), so the same workbooks can
 * be written to an .xlsx file and to the Excel stand-in.
 */
import fc from "fast-check";
import type {
  CellRange,
  CellValue,
  SheetSnapshot,
  SheetVisibility,
  WorkbookSnapshot,
} from "../../src/core/grid";
import { SETTINGS_SHEET } from "../../src/core/saved-settings";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";

/** Excel's error values, as Office.js and ExcelJS report them. */
export const ERROR_VALUES = ["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"];

/** Text that looks like a number, a formula or a keyword, where a parser could slip. */
export const TRICKY_TEXTS = [
  "NaN",
  "1e309",
  "-1e309",
  "Infinity",
  "0,75",
  " 1,5 ",
  "1.234,5",
  "1,234.5",
  "0x10",
  "1/2",
  "50%",
  "−1",
  "١٢",
  "Không áp dụng",
  "KAD",
  "N/A",
  "Tổng cộng",
  "Tổng điểm",
  "=SUM(A1:A3)",
  "+1",
  "-1",
  "@x",
  "=1+1",
  "#REF!",
  "#N/A",
  "'0,5",
  "",
  " ",
  "\t",
  "\u00a0",
  "\n",
];

/** Header and code words, so that random sheets reach the deeper parse paths. */
export const HEADER_WORDS = [
  "STT",
  "TT",
  "Mã",
  "Nội dung",
  "Lĩnh vực, tiêu chí, tiêu chí thành phần",
  "Điểm tối đa",
  "Thang điểm",
  "Điểm tự đánh giá",
  "Tự chấm",
  "Điểm thẩm định",
  "Tài liệu kiểm chứng",
  "Giải trình",
  "Tên đơn vị",
  "Khối",
  "Loại",
  "Mức điểm",
  "ĐTXHH",
  "Đơn vị: Sở Tư pháp",
  "I",
  "II",
  "1",
  "1.1",
  "1.1.1",
  "2.3",
  "(1)",
  "- hướng dẫn",
];

/** Vietnamese text in NFC and NFD, and the same words as TCVN3 (.VnTime) and VNI bytes read as Unicode. */
export const VIETNAMESE_TEXTS = [
  "Điểm tự đánh giá",
  "Điểm tự đánh giá".normalize("NFD"),
  "Sở Tư pháp",
  "Sở Tư pháp".normalize("NFD"),
  "Điểm thẩm định".normalize("NFD"),
  "§iÓm tù ®¸nh gi¸",
  "Së T­ ph¸p",
  "Ñieåm töï ñaùnh giaù",
  "Sôû Tö phaùp",
  "Khối sở, ban, ngành",
];

const errorValue: fc.Arbitrary<CellValue> = fc.constantFrom(...ERROR_VALUES).map((error) => ({ error }));

/** The largest doubles, which no criterion or score can sensibly hold. */
export const hugeNumberArb: fc.Arbitrary<CellValue> = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e303,
);

/** Finite numbers of every size, up to the largest double, never -0 (no host can store it). */
const numberValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom(0.25, 0.5, 0.75, 1.5, 2.5, 99.55, 100.0001),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  hugeNumberArb,
  fc.constantFrom(1e250, 5e-324, 1e-300, 2 ** 53 + 2, -(2 ** 53), 1e21, 0.1 + 0.2),
  // Dates arrive as Excel serial numbers (1 Jan 2024 = 45292).
  fc.integer({ min: 1, max: 2958465 }),
);

const textValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...TRICKY_TEXTS),
  fc.constantFrom(...VIETNAMESE_TEXTS),
  fc.constantFrom(...HEADER_WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ minLength: 300, maxLength: 400, unit: "grapheme-ascii" }),
);

/** Any one cell's value, blank included. */
export const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: numberValue },
  { weight: 5, arbitrary: textValue },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue },
);

/** A sheet name as a person may type it (possibly invalid; toAdapterShape repairs it). */
const sheetNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "Bộ tiêu chí",
    "Tiêu chí",
    "Sheet1",
    "Danh sách đơn vị",
    "Xếp hạng",
    "Tổng hợp xếp hạng",
    "Xếp hạng - Khối sở, ban, ngành",
    "Sở Tư pháp",
    "Sở Tư pháp".normalize("NFD"),
    "=cmd",
    "'quoted'",
    "a:b/c",
  ),
  fc.string({ minLength: 0, maxLength: 40 }),
);

/** A grid of hostile cells. */
export function gridArb(maxRows = 25, maxCols = 10): fc.Arbitrary<CellValue[][]> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cellValueArb, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
}

const mergeArb: fc.Arbitrary<CellRange> = fc
  .tuple(fc.nat(30), fc.nat(10), fc.nat(3), fc.nat(3))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

const visibilityArb: fc.Arbitrary<SheetVisibility> = fc.constantFrom(
  "visible",
  "visible",
  "hidden",
  "veryHidden",
);

/** A fully random sheet. */
export const randomSheetArb: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: sheetNameArb,
  values: gridArb(),
  visibility: visibilityArb,
  merges: fc.array(mergeArb, { maxLength: 3 }),
});

/** A fully random workbook of 0 to 5 sheets. */
export const randomWorkbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(randomSheetArb, { minLength: 0, maxLength: 5 })
  .map((sheets) => withUniqueNames({ sheets }));

// ── Mutations of a realistic workbook ─────────────────────────────────────────────────────

/** One change to a realistic workbook; sheet, row and column are taken modulo the real sizes. */
export type Mutation =
  | { kind: "setCell"; sheet: number; row: number; col: number; value: CellValue }
  | { kind: "merge"; sheet: number; range: CellRange }
  | { kind: "visibility"; sheet: number; visibility: SheetVisibility }
  | { kind: "clearRow"; sheet: number; row: number }
  | { kind: "duplicateRow"; sheet: number; row: number }
  | { kind: "deleteRow"; sheet: number; row: number }
  | { kind: "swapRows"; sheet: number; row: number; other: number }
  | { kind: "emptySheet"; sheet: number }
  | { kind: "addSheet"; sheet: SheetSnapshot }
  | { kind: "renameSheet"; sheet: number; name: string };

const at = fc.nat(10_000);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant("setCell" as const),
      sheet: at,
      row: at,
      col: at,
      value: cellValueArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("merge" as const), sheet: at, range: mergeArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("visibility" as const), sheet: at, visibility: visibilityArb }),
  },
  // Header rows are in the first ten rows of every fixture sheet: aim there half the time.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("clearRow" as const), sheet: at, row: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicateRow" as const), sheet: at, row: at }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("duplicateRow" as const), sheet: at, row: fc.nat(9) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), sheet: at, row: at }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("swapRows" as const), sheet: at, row: at, other: at }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("emptySheet" as const), sheet: at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addSheet" as const), sheet: randomSheetArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("renameSheet" as const), sheet: at, name: sheetNameArb }),
  },
);

/** Applies mutations to a copy of a snapshot (the input is not changed). */
export function applyMutations(snapshot: WorkbookSnapshot, mutations: readonly Mutation[]): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = snapshot.sheets.map((s) => ({
    ...s,
    values: s.values.map((line) => [...line]),
    merges: [...(s.merges ?? [])],
  }));
  for (const m of mutations) {
    if (m.kind === "addSheet") {
      sheets.push(m.sheet);
      continue;
    }
    if (sheets.length === 0) continue;
    const i = m.sheet % sheets.length;
    const s = sheets[i];
    const rows = s.values as CellValue[][];
    const pickRow = (r: number): number => r % Math.max(rows.length, 1);
    switch (m.kind) {
      case "setCell": {
        if (rows.length === 0) rows.push([null]);
        const line = rows[pickRow(m.row)];
        line[m.col % Math.max(line.length, 1)] = m.value;
        break;
      }
      case "merge":
        (s.merges as CellRange[]).push(m.range);
        break;
      case "visibility":
        sheets[i] = { ...s, visibility: m.visibility };
        break;
      case "clearRow":
        if (rows.length) rows[pickRow(m.row)] = rows[pickRow(m.row)].map(() => null);
        break;
      case "duplicateRow":
        if (rows.length) rows.splice(pickRow(m.row), 0, [...rows[pickRow(m.row)]]);
        break;
      case "deleteRow":
        if (rows.length) rows.splice(pickRow(m.row), 1);
        break;
      case "swapRows":
        if (rows.length) {
          const a = pickRow(m.row);
          const b = pickRow(m.other);
          [rows[a], rows[b]] = [rows[b], rows[a]];
        }
        break;
      case "emptySheet":
        sheets[i] = { ...s, values: [], merges: [] };
        break;
      case "renameSheet":
        sheets[i] = { ...s, name: m.name };
        break;
    }
  }
  return { sheets };
}

/** A realistic provincial workbook (3 or 4 units, either layout) with 1 to 25 hostile mutations. */
export function mutatedProvinceArb(maxMutations = 25): fc.Arbitrary<WorkbookSnapshot> {
  return fc
    .record({
      units: fc.integer({ min: 3, max: 4 }),
      layout: fc.constantFrom("unitSheets" as const, "matrix" as const),
      mistakes: fc.boolean(),
      seed: fc.integer({ min: 1, max: 10_000 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: maxMutations }),
    })
    .map(({ mutations, ...opts }) =>
      withUniqueNames(applyMutations(buildProvinceWorkbook(opts).snapshot, mutations)),
    );
}

/** Hostile workbooks: mostly mutated realistic ones, some fully random. */
export const hostileWorkbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.oneof(
  { weight: 3, arbitrary: mutatedProvinceArb() },
  { weight: 1, arbitrary: randomWorkbookArb },
);

// ── What an adapter can really hold ─────────────────────────────────────────────────────────

const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/g;

/** A valid, unique Excel sheet name close to the one asked for. */
function repairSheetName(name: string, taken: Set<string>, index: number): string {
  let base = name
    .replace(FORBIDDEN_IN_NAME, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31);
  // The settings sheet and Excel's reserved name belong to the program, not to a person.
  const lower = base.toLocaleLowerCase();
  if (!base || lower === SETTINGS_SHEET.toLocaleLowerCase() || lower === "history")
    base = `Sheet${index + 1}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLocaleLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLocaleLowerCase());
  return candidate;
}

/**
 * The snapshot with sheet names made unique as Excel requires (case-insensitively), keeping
 * everything else as hostile as it is; a later sheet of a taken name gets " (2)", " (3)"…
 */
export function withUniqueNames(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const taken = new Set<string>();
  const sheets = snapshot.sheets.map((s) => {
    let name = s.name;
    for (let n = 2; taken.has(name.toLocaleLowerCase()); n++) name = `${s.name.slice(0, 25)} (${n})`;
    taken.add(name.toLocaleLowerCase());
    return name === s.name ? s : { ...s, name };
  });
  return { sheets };
}

/** Whether two ranges share a cell. */
function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The snapshot as an adapter could read it: at least one sheet, valid unique names, rectangular
 * grids, single-cell merges dropped and overlapping ones removed (Excel refuses them), at least one
 * visible sheet (Excel refuses a workbook without one).
 */
export function toAdapterShape(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const taken = new Set<string>();
  const source = snapshot.sheets.length ? snapshot.sheets : [{ name: "Sheet1", values: [] }];
  const sheets: SheetSnapshot[] = source.map((s, i) => {
    const width = Math.max(0, ...s.values.map((line) => line.length));
    const values = s.values.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? null));
    const merges: CellRange[] = [];
    for (const m of s.merges ?? []) {
      if (m.bottom === m.top && m.right === m.left) continue;
      if (merges.some((k) => overlaps(k, m))) continue;
      merges.push(m);
    }
    return { name: repairSheetName(s.name, taken, i), values, visibility: s.visibility ?? "visible", merges };
  });
  if (!sheets.some((s) => s.visibility === "visible")) sheets[0] = { ...sheets[0], visibility: "visible" };
  return { sheets };
}
