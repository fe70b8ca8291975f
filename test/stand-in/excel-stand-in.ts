/**
 * An in-memory stand-in for the subset of the Excel JavaScript API (Office.js) that src/excel
 * uses, for jest (node) and for a browser bundle (no Node imports: only src/core/grid).
 *
 * It is deliberately strict, like Office.js: every property read needs load() and a sync()
 * first (else a PropertyNotLoaded error), queued operations run in order at sync(), errors
 * surface at sync() as OfficeExtension-like errors with a `code`, calls on null objects throw.
 *
 * API
 * - `createStandInWorkbook(snapshot)` → StandInWorkbook: plain data (sheets of cells + formats).
 * - `dumpWorkbook(workbook)` → WorkbookSnapshot: values anchored at A1, visibility, merges.
 * - `sheetOf(workbook, name)`, `cellOf(workbook, sheet, "B3")`: inspect one sheet or cell.
 * - `installExcelStandIn(globalThis, workbook, options?)` → StandInHost: defines `Excel`
 *   (run + enums), `OfficeExtension.Error`, and `Office` (onReady resolving at once with
 *   host "Excel", context.requirements.isSetSupported("ExcelApi", v) answering up to
 *   `options.apiVersion` (default "1.18"), context.displayLanguage = `options.displayLanguage`
 *   (default "vi-VN")); patches an existing `Office` (office.js loaded in a page) in place.
 *   StandInHost: `stats` (runs, syncs with request/response bytes), `syncCount()`,
 *   `resetStats()`, `failNextSync(code, message)`, `cellEditMode` (true: a run without
 *   delayForCellEdit fails with InvalidOperationInCellEditMode), `payloadLimitBytes`
 *   (default 5 MB, as Excel on the web), `uninstall()`.
 * - A sheet with `protected: true` refuses writes with AccessDenied; a workbook with
 *   `structureProtected: true` refuses adding, deleting, renaming and hiding sheets.
 * - insertWorksheetsFromBase64 decodes with `options.decodeWorkbook`, by default base64 of a
 *   WorkbookSnapshot's JSON (see `encodeSnapshotBase64`).
 *
 * Excel's coercion of typed text is modelled: in a cell that is not formatted as text ("@"),
 * "=…", "+x", "-x" and "@x" become formulas, "1.1" or "-5" become numbers, "TRUE" a boolean,
 * and a leading apostrophe keeps text. null in an assigned values array leaves the cell as is.
 */
import {
  type CellRange,
  type CellValue,
  type WorkbookSnapshot,
  columnLetters,
  isCellError,
} from "../../src/core/grid";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;

export type StandInFont = { bold?: boolean; italic?: boolean; color?: string; size?: number; name?: string };

export type StandInCell = {
  /** null = empty. Errors as { error: "#REF!" }. */
  value: CellValue;
  /** The formula when the cell holds one ("=A1+1"). */
  formula?: string;
  numberFormat?: string;
  /** Fill colour #RRGGBB; absent = no fill. */
  fill?: string;
  font?: StandInFont;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  /** Border line styles by edge (EdgeTop, InsideVertical…). */
  borders?: Record<string, string>;
};

export type StandInChart = {
  name: string;
  type: string;
  title: string | null;
  sourceAddress: string;
  seriesBy: string;
  xValuesAddress: string | null;
  valuesAddress: string | null;
  position: { start: string; end: string | null } | null;
  legendVisible: boolean;
};

export type StandInConditionalFormat = {
  address: string;
  type: string;
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
};

export type OfficeVisibility = "Visible" | "Hidden" | "VeryHidden";

export type StandInSheet = {
  name: string;
  visibility: OfficeVisibility;
  /** Cells by "row,col" (zero-based). */
  cells: Map<string, StandInCell>;
  merges: CellRange[];
  /** Column widths in points by zero-based column. */
  columnWidths: Map<number, number>;
  frozenRows: number;
  pageLayout: {
    orientation: "Portrait" | "Landscape";
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
    printTitleRows: string | null;
    paperSize?: string;
    /** Margins in points, by name ("topMargin", "footerMargin"…). */
    margins?: Record<string, number>;
    centerHorizontally?: boolean;
    /** Manual page breaks, by the cell added ("A40": above row 40). */
    rowBreaks?: string[];
    printArea?: string;
    centerFooter?: string;
  };
  /** Row heights in points by zero-based row (rows set by the add-in). */
  rowHeights?: Map<number, number>;
  charts: StandInChart[];
  conditionalFormats: StandInConditionalFormat[];
  protected: boolean;
};

export type StandInWorkbook = {
  sheets: StandInSheet[];
  /** Review > Protect Workbook: sheets cannot be added, deleted, renamed or hidden. */
  structureProtected?: boolean;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
};

export type SyncRecord = { requestBytes: number; responseBytes: number; operations: number };

export type StandInStats = {
  runs: number;
  syncs: SyncRecord[];
  delayedForCellEdit: number;
  calculationSuspensions: number;
};

export type StandInOptions = {
  apiVersion?: string;
  displayLanguage?: string;
  decodeWorkbook?: (base64: string) => WorkbookSnapshot;
};

export type StandInHost = {
  workbook: StandInWorkbook;
  stats: StandInStats;
  cellEditMode: boolean;
  payloadLimitBytes: number;
  syncCount(): number;
  resetStats(): void;
  failNextSync(code: string, message?: string): void;
  uninstall(): void;
};

// ── Plain data helpers ──────────────────────────────────────────────────────────────────────

const key = (row: number, col: number): string => `${row},${col}`;

function parseKey(k: string): { row: number; col: number } {
  const [r, c] = k.split(",");
  return { row: Number(r), col: Number(c) };
}

/** An empty sheet as Excel adds it. */
export function createStandInSheet(name: string): StandInSheet {
  return {
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    frozenRows: 0,
    pageLayout: { orientation: "Portrait", zoom: null, printTitleRows: null },
    charts: [],
    conditionalFormats: [],
    protected: false,
  };
}

const toOfficeVisibility = (v: string | undefined): OfficeVisibility =>
  v === "hidden" ? "Hidden" : v === "veryHidden" ? "VeryHidden" : "Visible";

/** A stand-in workbook holding a snapshot's values (as typed values, not coerced), merges and visibility. */
export function createStandInWorkbook(snapshot: WorkbookSnapshot): StandInWorkbook {
  const sheets = snapshot.sheets.map((s) => {
    const sheet = createStandInSheet(s.name);
    sheet.visibility = toOfficeVisibility(s.visibility);
    s.values.forEach((line, row) =>
      line.forEach((value, col) => {
        if (value !== null && value !== "") sheet.cells.set(key(row, col), { value });
      }),
    );
    sheet.merges = (s.merges ?? []).map((m) => ({ ...m }));
    return sheet;
  });
  const active = sheets.find((s) => s.visibility === "Visible");
  return { sheets, activeSheet: active?.name ?? null, selection: null };
}

/** The sheet of that name (exact), or undefined. */
export function sheetOf(workbook: StandInWorkbook, name: string): StandInSheet | undefined {
  return workbook.sheets.find((s) => s.name === name);
}

/** The cell at an A1 address of a sheet, or undefined when it was never written. */
export function cellOf(workbook: StandInWorkbook, sheet: string, a1: string): StandInCell | undefined {
  const s = sheetOf(workbook, sheet);
  if (!s) throw new Error(`stand-in: no sheet "${sheet}"`);
  const box = parseAddress(a1);
  return s.cells.get(key(box.r0, box.c0));
}

const hasValue = (cell: StandInCell | undefined): boolean =>
  !!cell && cell.value !== null && cell.value !== "";

/** Zero-based bounding box of the cells holding a value (or, with formats, any written cell). */
function usedBox(sheet: StandInSheet, valuesOnly: boolean): Box | null {
  let box: Box | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && !hasValue(cell)) continue;
    const { row, col } = parseKey(k);
    box = box
      ? {
          r0: Math.min(box.r0, row),
          c0: Math.min(box.c0, col),
          r1: Math.max(box.r1, row),
          c1: Math.max(box.c1, col),
        }
      : { r0: row, c0: col, r1: row, c1: col };
  }
  return box;
}

/** The workbook as a snapshot: each sheet's values from A1 to the last used cell. */
export function dumpWorkbook(workbook: StandInWorkbook): WorkbookSnapshot {
  return {
    sheets: workbook.sheets.map((sheet) => {
      const box = usedBox(sheet, true);
      const values: CellValue[][] = [];
      if (box) {
        for (let r = 0; r <= box.r1; r++) {
          const line: CellValue[] = [];
          for (let c = 0; c <= box.c1; c++) {
            const cell = sheet.cells.get(key(r, c));
            line.push(hasValue(cell) ? cell!.value : null);
          }
          values.push(line);
        }
      }
      const visibility =
        sheet.visibility === "Hidden"
          ? "hidden"
          : sheet.visibility === "VeryHidden"
            ? "veryHidden"
            : "visible";
      return { name: sheet.name, values, visibility, merges: sheet.merges.map((m) => ({ ...m })) } as const;
    }),
  };
}

/** Base64 of a snapshot's JSON, what the default insertWorksheetsFromBase64 decoder reads. */
export function encodeSnapshotBase64(snapshot: WorkbookSnapshot): string {
  const bytes = new TextEncoder().encode(JSON.stringify(snapshot));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function decodeSnapshotBase64(base64: string): WorkbookSnapshot {
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as WorkbookSnapshot;
}

// ── Addresses ───────────────────────────────────────────────────────────────────────────────

type Box = { r0: number; c0: number; r1: number; c1: number };

const boxRows = (b: Box): number => b.r1 - b.r0 + 1;
const boxCols = (b: Box): number => b.c1 - b.c0 + 1;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "B2:D9", "A:C", "3:5", with or without $ and a sheet prefix, to a zero-based box. */
function parseAddress(address: string): Box {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) throw invalidArgument(`bad address "${address}"`);
  const ends = parts.map((p) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnNumber(m[1]), kind: "cell" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { row: -1, col: columnNumber(m[1]), kind: "col" as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: -1, kind: "row" as const };
    throw invalidArgument(`bad address "${address}"`);
  });
  const a = ends[0];
  const b = ends[ends.length - 1];
  if (a.kind !== b.kind) throw invalidArgument(`bad address "${address}"`);
  if (a.kind === "col") return { r0: 0, c0: a.col, r1: MAX_ROWS - 1, c1: b.col };
  if (a.kind === "row") return { r0: a.row, c0: 0, r1: b.row, c1: MAX_COLS - 1 };
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

/** A sheet name as Excel writes it in an address: quoted unless plain letters, digits, _ and . */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxA1(b: Box): string {
  const first = `${columnLetters(b.c0)}${b.r0 + 1}`;
  if (b.r0 === b.r1 && b.c0 === b.c1) return first;
  return `${first}:${columnLetters(b.c1)}${b.r1 + 1}`;
}

const fullAddress = (sheet: StandInSheet, b: Box): string => `${quoteSheetName(sheet.name)}!${boxA1(b)}`;

const intersects = (a: Box, b: Box): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const mergeBox = (m: CellRange): Box => ({ r0: m.top, c0: m.left, r1: m.bottom, c1: m.right });

// ── Errors ──────────────────────────────────────────────────────────────────────────────────

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a `code` and debugInfo. */
export class StandInError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const invalidArgument = (message: string): StandInError => new StandInError("InvalidArgument", message);

// ── Host state, context and queued operations ────────────────────────────────────────────────

type HostState = {
  workbook: StandInWorkbook;
  stats: StandInStats;
  cellEditMode: boolean;
  payloadLimitBytes: number;
  pendingFailure: { code: string; message: string } | null;
  options: StandInOptions;
};

type Operation = {
  requestBytes: number;
  /** Runs the operation against the workbook; returns the payload sent back, if any. */
  run(): unknown;
  /** Receives the payload once the whole sync succeeded. */
  deliver?(payload: unknown): void;
};

const jsonBytes = (value: unknown): number =>
  value === undefined ? 0 : new TextEncoder().encode(JSON.stringify(value)).length;

class StandInContext {
  readonly workbook: WorkbookHandle;
  readonly application: ApplicationHandle;
  private queue: Operation[] = [];
  constructor(
    readonly host: HostState,
    readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new WorkbookHandle(this);
    this.application = this.workbook.application;
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const host = this.host;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, operations: ops.length };
    host.stats.syncs.push(record);
    await Promise.resolve();
    if (host.pendingFailure) {
      const { code, message } = host.pendingFailure;
      host.pendingFailure = null;
      throw new StandInError(code, message);
    }
    if (host.cellEditMode) {
      if (!this.delayForCellEdit) {
        throw new StandInError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      }
    }
    record.requestBytes = ops.reduce((sum, op) => sum + op.requestBytes, 0);
    if (record.requestBytes > host.payloadLimitBytes) {
      throw new StandInError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    }
    const payloads = ops.map((op) => op.run());
    record.responseBytes = payloads.reduce<number>((sum, p) => sum + jsonBytes(p), 0);
    if (record.responseBytes > host.payloadLimitBytes) {
      throw new StandInError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
    ops.forEach((op, i) => op.deliver?.(payloads[i]));
  }
}

function normalizeProps(props: string | string[] | { select?: string } | undefined): string[] {
  const list =
    typeof props === "string"
      ? props.split(",")
      : Array.isArray(props)
        ? props.flatMap((p) => p.split(","))
        : typeof props?.select === "string"
          ? props.select.split(",")
          : [];
  const names = list.map((p) => p.trim()).filter((p) => p !== "");
  if (names.length === 0)
    throw new Error("stand-in: load() needs property names (an empty load loads everything)");
  return names;
}

/** Base of every proxy: properties readable only after load() and sync(). */
abstract class Handle {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: StandInContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new StandInError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a write (a property set or a method call). */
  protected write(request: unknown, run: () => void): void {
    this.ctx.enqueue({ requestBytes: jsonBytes(request) + 16, run: () => void run() });
  }

  /** Reads one property at sync time. */
  protected abstract readProp(name: string): unknown;

  /** Hook run at sync time before reading properties (null objects answer isNullObject). */
  protected isNull(): boolean {
    return false;
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = normalizeProps(props);
    this.ctx.enqueue({
      requestBytes: jsonBytes(names) + 16,
      run: () => {
        if (this.isNull()) return { isNullObject: true };
        const out: Record<string, unknown> = { isNullObject: false };
        for (const n of names) out[n] = this.readProp(n);
        return out;
      },
      deliver: (payload) => {
        for (const [k, v] of Object.entries(payload as Record<string, unknown>)) this.loaded.set(k, v);
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
}

/** A value computed at sync time (OfficeExtension.ClientResult). */
class ClientResult<T> {
  private done = false;
  private result: T | undefined;
  constructor(ctx: StandInContext, compute: () => T) {
    ctx.enqueue({
      requestBytes: 32,
      run: () => compute(),
      deliver: (payload) => {
        this.result = payload as T;
        this.done = true;
      },
    });
  }
  get value(): T {
    if (!this.done)
      throw new StandInError("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
    return this.result as T;
  }
}

function memo<T>(find: () => T | null): () => T | null {
  let cached: T | null = null;
  return () => cached ?? (cached = find());
}

function validateSheetName(workbook: StandInWorkbook, name: string, except?: StandInSheet): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw invalidArgument(`The sheet name "${name}" is not valid.`);
  }
  const clash = workbook.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new StandInError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
}

function assertWritable(sheet: StandInSheet): void {
  if (sheet.protected) {
    throw new StandInError("AccessDenied", `The sheet "${sheet.name}" is protected.`);
  }
}

/** worksheet.protection / workbook.protection: only `protected` is modelled. */
class ProtectionHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly isProtected: () => boolean,
  ) {
    super(ctx);
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.isProtected();
    throw invalidArgument(`stand-in: protection.${name} is not modelled`);
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

function assertStructureEditable(workbook: StandInWorkbook): void {
  if (workbook.structureProtected) {
    throw new StandInError("AccessDenied", "The workbook structure is protected.");
  }
}

// ── Workbook, application, worksheets ───────────────────────────────────────────────────────

class ApplicationHandle extends Handle {
  protected readProp(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    throw invalidArgument(`stand-in: application.${name} is not modelled`);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.write({ op: "suspendApiCalculationUntilNextSync" }, () => {
      this.ctx.host.stats.calculationSuspensions++;
    });
  }
}

class WorkbookHandle extends Handle {
  readonly worksheets: WorksheetCollectionHandle;
  readonly application: ApplicationHandle;
  constructor(ctx: StandInContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionHandle(ctx);
    this.application = new ApplicationHandle(ctx);
  }
  get protection(): ProtectionHandle {
    const workbook = this.ctx.host.workbook;
    return new ProtectionHandle(this.ctx, () => workbook.structureProtected === true);
  }

  protected readProp(name: string): unknown {
    if (name === "name") return "Workbook.xlsx";
    throw invalidArgument(`stand-in: workbook.${name} is not modelled`);
  }

  /**
   * ExcelApi 1.13: inserts the sheets of another workbook where positionType and relativeTo say
   * (default: at the end); returns their ids, as Excel does.
   */
  insertWorksheetsFromBase64(
    base64: string,
    options?: {
      sheetNamesToInsert?: string[];
      positionType?: "None" | "Before" | "After" | "Beginning" | "End";
      relativeTo?: string | WorksheetHandle;
    },
  ): ClientResult<string[]> {
    const host = this.ctx.host;
    return new ClientResult(this.ctx, () => {
      let snapshot: WorkbookSnapshot;
      try {
        snapshot = (host.options.decodeWorkbook ?? decodeSnapshotBase64)(base64);
      } catch {
        throw invalidArgument("The file is not a valid workbook.");
      }
      assertStructureEditable(host.workbook);
      const wanted = options?.sheetNamesToInsert;
      const incoming = createStandInWorkbook(snapshot).sheets.filter(
        (s) => !wanted || wanted.includes(s.name),
      );
      const sheets = host.workbook.sheets;
      const position = options?.positionType ?? "End";
      let at = sheets.length;
      if (position === "Beginning") at = 0;
      if (position === "Before" || position === "After") {
        const relative = options?.relativeTo;
        const anchor =
          typeof relative === "string" ? findSheetByKey(host.workbook, relative) : relative?.target();
        if (!anchor) throw invalidArgument("relativeTo names no sheet of the workbook.");
        at = sheets.indexOf(anchor) + (position === "After" ? 1 : 0);
      }
      const ids: string[] = [];
      for (const sheet of incoming) {
        let name = sheet.name;
        for (let n = 2; sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) {
          name = `${sheet.name.slice(0, 26)} (${n})`;
        }
        sheet.name = name;
        sheets.splice(at++, 0, sheet);
        ids.push(sheetId(sheet));
      }
      return ids;
    });
  }
}

class WorksheetCollectionHandle extends Handle {
  private itemHandles: WorksheetHandle[] | null = null;

  protected readProp(name: string): unknown {
    throw invalidArgument(`stand-in: worksheets.${name} is not modelled (load "items/…")`);
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = normalizeProps(props).map((p) => {
      if (!p.startsWith("items/"))
        throw new Error(`stand-in: worksheets.load supports "items/<prop>", not "${p}"`);
      return p.slice("items/".length);
    });
    const workbook = this.ctx.host.workbook;
    this.ctx.enqueue({
      requestBytes: jsonBytes(names) + 16,
      run: () =>
        workbook.sheets.map((s) => Object.fromEntries(names.map((n) => [n, readSheetProp(workbook, s, n)]))),
      deliver: (payload) => {
        const rows = payload as Record<string, unknown>[];
        const sheets = [...workbook.sheets];
        this.itemHandles = rows.map((row, i) => {
          const sheet = sheets[i];
          const handle = new WorksheetHandle(this.ctx, () => sheet, false);
          handle.preload(row);
          return handle;
        });
      },
    });
    return this;
  }

  get items(): WorksheetHandle[] {
    if (!this.itemHandles)
      throw new StandInError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemHandles;
  }

  getItem(name: string): WorksheetHandle {
    const workbook = this.ctx.host.workbook;
    return new WorksheetHandle(
      this.ctx,
      memo(() => {
        const s = findSheetByKey(workbook, name);
        if (!s)
          throw new StandInError("ItemNotFound", `The requested resource doesn't exist: sheet "${name}".`);
        return s;
      }),
      false,
    );
  }

  getItemOrNullObject(name: string): WorksheetHandle {
    const workbook = this.ctx.host.workbook;
    return new WorksheetHandle(
      this.ctx,
      memo(() => findSheetByKey(workbook, name) ?? null),
      true,
    );
  }

  getActiveWorksheet(): WorksheetHandle {
    const workbook = this.ctx.host.workbook;
    return new WorksheetHandle(
      this.ctx,
      memo(() => sheetOf(workbook, workbook.activeSheet ?? "") ?? null),
      false,
    );
  }

  add(name?: string): WorksheetHandle {
    const workbook = this.ctx.host.workbook;
    let created: StandInSheet | null = null;
    this.write({ op: "add", name }, () => {
      let sheetName = name;
      for (let n = 1; !sheetName; n++) {
        const candidate = `Sheet${n}`;
        if (!workbook.sheets.some((s) => s.name.toLowerCase() === candidate.toLowerCase()))
          sheetName = candidate;
      }
      assertStructureEditable(workbook);
      validateSheetName(workbook, sheetName);
      created = createStandInSheet(sheetName);
      workbook.sheets.push(created);
    });
    return new WorksheetHandle(this.ctx, () => created, false);
  }

  getCount(): ClientResult<number> {
    const workbook = this.ctx.host.workbook;
    return new ClientResult(this.ctx, () => workbook.sheets.length);
  }
}

/** Each sheet's id, stable across renames as in Excel ("{00000000-0001-0000-0000-000000000003}"). */
const sheetIds = new WeakMap<StandInSheet, string>();
let nextSheetId = 1;
function sheetId(sheet: StandInSheet): string {
  let id = sheetIds.get(sheet);
  if (!id) {
    id = `{00000000-0001-0000-0000-${String(nextSheetId++).padStart(12, "0")}}`;
    sheetIds.set(sheet, id);
  }
  return id;
}

/** A sheet by name (ignoring case) or by id, as worksheets.getItem takes either. */
function findSheetByKey(workbook: StandInWorkbook, key: string): StandInSheet | undefined {
  return workbook.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase() || sheetId(x) === key);
}

function readSheetProp(workbook: StandInWorkbook, sheet: StandInSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "visibility":
      return sheet.visibility;
    case "position":
      return workbook.sheets.indexOf(sheet);
    case "id":
      return sheetId(sheet);
    default:
      throw invalidArgument(`stand-in: worksheet.${name} is not modelled`);
  }
}

class WorksheetHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly locate: () => StandInSheet | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }

  /** Loaded values delivered by a collection load. */
  preload(values: Record<string, unknown>): void {
    this.loaded.set("isNullObject", false);
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected override isNull(): boolean {
    return this.nullable && this.locate() === null;
  }

  /** The sheet at sync time; a null object cannot be used. */
  target(): StandInSheet {
    const sheet = this.locate();
    if (!sheet) {
      throw new StandInError(
        this.nullable ? "InvalidOperation" : "ItemNotFound",
        "The requested worksheet does not exist (calls on a null object are not allowed).",
      );
    }
    return sheet;
  }

  protected readProp(name: string): unknown {
    return readSheetProp(this.ctx.host.workbook, this.target(), name);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write({ name: value }, () => {
      const sheet = this.target();
      assertStructureEditable(this.ctx.host.workbook);
      validateSheetName(this.ctx.host.workbook, value, sheet);
      const workbook = this.ctx.host.workbook;
      if (workbook.activeSheet === sheet.name) workbook.activeSheet = value;
      sheet.name = value;
    });
  }

  get visibility(): OfficeVisibility {
    return this.read("visibility");
  }
  set visibility(value: OfficeVisibility) {
    this.write({ visibility: value }, () => {
      const sheet = this.target();
      const workbook = this.ctx.host.workbook;
      if (!["Visible", "Hidden", "VeryHidden"].includes(value))
        throw invalidArgument(`bad visibility ${value}`);
      if (value !== sheet.visibility) assertStructureEditable(workbook);
      if (value !== "Visible") {
        const visible = workbook.sheets.filter((s) => s.visibility === "Visible" && s !== sheet);
        if (visible.length === 0)
          throw new StandInError("InvalidOperation", "A workbook must keep one visible sheet.");
        if (workbook.activeSheet === sheet.name) workbook.activeSheet = visible[0].name;
      }
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.read("position");
  }

  private range(find: () => Box | null, nullable = false): RangeHandle {
    return new RangeHandle(
      this.ctx,
      memo(() => {
        const box = find();
        return box ? { sheet: this.target(), box } : null;
      }),
      nullable,
    );
  }

  getRange(address?: string): RangeHandle {
    const box = address ? parseAddress(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
    return this.range(() => box);
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeHandle {
    if (rowCount < 1 || columnCount < 1) throw invalidArgument("rowCount and columnCount must be positive");
    return this.range(() => ({
      r0: startRow,
      c0: startColumn,
      r1: startRow + rowCount - 1,
      c1: startColumn + columnCount - 1,
    }));
  }

  getCell(row: number, column: number): RangeHandle {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeHandle {
    return this.range(() => usedBox(this.target(), valuesOnly), true);
  }

  getUsedRange(valuesOnly = false): RangeHandle {
    return this.range(() => usedBox(this.target(), valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    return {
      freezeRows: (count = 1) =>
        this.write({ freezeRows: count }, () => {
          this.target().frozenRows = count;
        }),
      unfreeze: () =>
        this.write({ unfreeze: true }, () => {
          this.target().frozenRows = 0;
        }),
    };
  }

  get protection(): ProtectionHandle {
    return new ProtectionHandle(this.ctx, () => this.target().protected);
  }

  get pageLayout(): PageLayoutHandle {
    return new PageLayoutHandle(this.ctx, () => this.target());
  }

  get charts(): ChartCollectionHandle {
    return new ChartCollectionHandle(this.ctx, () => this.target());
  }

  get horizontalPageBreaks(): { add: (cell: string) => void; removePageBreaks: () => void } {
    return {
      removePageBreaks: () =>
        this.write({ removePageBreaks: true }, () => {
          // A sheet whose breaks were removed is the same as one that never had any.
          delete this.target().pageLayout.rowBreaks;
        }),
      add: (cell: string) =>
        this.write({ addPageBreak: cell }, () => {
          if (!/^[A-Z]+\d+$/.test(cell)) throw invalidArgument(`bad page break "${cell}"`);
          const layout = this.target().pageLayout;
          layout.rowBreaks = [...(layout.rowBreaks ?? []), cell];
        }),
    };
  }

  activate(): void {
    this.write({ activate: true }, () => {
      const sheet = this.target();
      if (sheet.visibility !== "Visible") {
        throw new StandInError("InvalidOperation", `The hidden sheet "${sheet.name}" cannot be activated.`);
      }
      this.ctx.host.workbook.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.write({ delete: true }, () => {
      const sheet = this.target();
      const workbook = this.ctx.host.workbook;
      assertStructureEditable(workbook);
      assertWritable(sheet);
      const visibleRest = workbook.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (visibleRest.length === 0)
        throw new StandInError("InvalidOperation", "A workbook must keep one visible sheet.");
      workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      if (workbook.activeSheet === sheet.name) workbook.activeSheet = visibleRest[0].name;
      if (workbook.selection?.sheet === sheet.name) workbook.selection = null;
    });
  }
}

class PageLayoutHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly sheet: () => StandInSheet,
  ) {
    super(ctx);
  }
  protected readProp(name: string): unknown {
    const layout = this.sheet().pageLayout;
    if (name === "orientation") return layout.orientation;
    if (name === "zoom") return layout.zoom;
    throw invalidArgument(`stand-in: pageLayout.${name} is not modelled`);
  }
  set orientation(value: "Portrait" | "Landscape") {
    this.write({ orientation: value }, () => {
      this.sheet().pageLayout.orientation = value;
    });
  }
  get orientation(): "Portrait" | "Landscape" {
    return this.read("orientation");
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write({ zoom: value }, () => {
      this.sheet().pageLayout.zoom = { ...value };
    });
  }
  set paperSize(value: string) {
    this.write({ paperSize: value }, () => {
      this.sheet().pageLayout.paperSize = value;
    });
  }
  private setMargin(name: string, value: number): void {
    this.write({ [name]: value }, () => {
      if (!(value >= 0)) throw invalidArgument(`bad ${name} ${value}`);
      const layout = this.sheet().pageLayout;
      layout.margins = { ...layout.margins, [name]: value };
    });
  }
  set topMargin(value: number) {
    this.setMargin("topMargin", value);
  }
  set bottomMargin(value: number) {
    this.setMargin("bottomMargin", value);
  }
  set leftMargin(value: number) {
    this.setMargin("leftMargin", value);
  }
  set rightMargin(value: number) {
    this.setMargin("rightMargin", value);
  }
  set headerMargin(value: number) {
    this.setMargin("headerMargin", value);
  }
  set footerMargin(value: number) {
    this.setMargin("footerMargin", value);
  }
  set centerHorizontally(value: boolean) {
    this.write({ centerHorizontally: value }, () => {
      this.sheet().pageLayout.centerHorizontally = value;
    });
  }
  setPrintArea(range: string): void {
    this.write({ setPrintArea: range }, () => {
      if (!/^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(range))
        throw invalidArgument(`bad print area "${range}"`);
      this.sheet().pageLayout.printArea = range;
    });
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const handle = this;
    return {
      defaultForAllPages: {
        set centerFooter(value: string) {
          handle.write({ centerFooter: value }, () => {
            handle.sheet().pageLayout.centerFooter = value;
          });
        },
        get centerFooter(): string {
          throw new StandInError("PropertyNotLoaded", "stand-in: footer reads are not modelled");
        },
      },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.write({ setPrintTitleRows: rows }, () => {
      const sheet = this.sheet();
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw invalidArgument(`bad print title rows "${rows}"`);
      sheet.pageLayout.printTitleRows = rows;
    });
  }
}

// ── Ranges ──────────────────────────────────────────────────────────────────────────────────

type RangeTarget = { sheet: StandInSheet; box: Box };

const NUMBER_TYPED = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What Excel stores when a value is entered into a cell of the given number format. */
function enterValue(cell: StandInCell, value: unknown): void {
  delete cell.formula;
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (typeof value !== "string") throw invalidArgument(`stand-in: cannot enter ${JSON.stringify(value)}`);
  if (value === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = value;
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    return;
  }
  const trimmed = value.trim();
  if (NUMBER_TYPED.test(trimmed)) {
    cell.value = Number(trimmed);
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  if (/^[=+\-@]/.test(value)) {
    cell.formula = value.startsWith("=") ? value : `=${value}`;
    cell.value = { error: "#NAME?" };
    return;
  }
  cell.value = value;
}

function officeValue(cell: StandInCell | undefined): string | number | boolean {
  if (!cell || cell.value === null) return "";
  return isCellError(cell.value) ? cell.value.error : cell.value;
}

function officeValueType(cell: StandInCell | undefined): string {
  if (!cell || cell.value === null || cell.value === "") return "Empty";
  if (isCellError(cell.value)) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

const CELL_GUARD = 2_000_000;

class RangeHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly locate: () => RangeTarget | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }

  protected override isNull(): boolean {
    return this.nullable && this.locate() === null;
  }

  target(): RangeTarget {
    const t = this.locate();
    if (!t) {
      throw new StandInError(
        this.nullable ? "InvalidOperation" : "ItemNotFound",
        "The range does not exist (calls on a null object are not allowed).",
      );
    }
    return t;
  }

  /** Every cell position of the range (bounded: whole columns are refused for per-cell work). */
  private positions(box: Box): { row: number; col: number }[] {
    if (boxRows(box) * boxCols(box) > CELL_GUARD) {
      throw new StandInError(
        "ResponsePayloadSizeLimitExceeded",
        "stand-in: the range is too large for a cell-by-cell operation.",
      );
    }
    const out: { row: number; col: number }[] = [];
    for (let row = box.r0; row <= box.r1; row++)
      for (let col = box.c0; col <= box.c1; col++) out.push({ row, col });
    return out;
  }

  private grid<T>(map: (cell: StandInCell | undefined) => T): T[][] {
    const { sheet, box } = this.target();
    if (boxRows(box) * boxCols(box) > CELL_GUARD) {
      throw new StandInError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
    }
    const out: T[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const line: T[] = [];
      for (let c = box.c0; c <= box.c1; c++) line.push(map(sheet.cells.get(key(r, c))));
      out.push(line);
    }
    return out;
  }

  protected readProp(name: string): unknown {
    const { sheet, box } = this.target();
    switch (name) {
      case "address":
      case "addressLocal":
        return fullAddress(sheet, box);
      case "rowIndex":
        return box.r0;
      case "columnIndex":
        return box.c0;
      case "rowCount":
        return boxRows(box);
      case "columnCount":
        return boxCols(box);
      case "cellCount":
        return boxRows(box) * boxCols(box);
      case "values":
        return this.grid(officeValue);
      case "valueTypes":
        return this.grid(officeValueType);
      case "text":
        return this.grid((cell) => String(officeValue(cell)));
      case "formulas":
        return this.grid((cell) => cell?.formula ?? officeValue(cell));
      case "numberFormat":
        return this.grid((cell) => cell?.numberFormat ?? "General");
      default:
        throw invalidArgument(`stand-in: range.${name} is not modelled`);
    }
  }

  /** Applies a scalar or a 2-D array of the range's shape to each cell. */
  private assign(prop: string, value: unknown, apply: (cell: StandInCell, v: unknown) => void): void {
    this.write({ [prop]: value }, () => {
      const { sheet, box } = this.target();
      assertWritable(sheet);
      const is2d = Array.isArray(value);
      if (is2d) {
        const rows = value as unknown[][];
        if (
          rows.length !== boxRows(box) ||
          rows.some((line) => !Array.isArray(line) || line.length !== boxCols(box))
        ) {
          throw invalidArgument(
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${boxA1(box)}).`,
          );
        }
      }
      for (const { row, col } of this.positions(box)) {
        const v = is2d ? (value as unknown[][])[row - box.r0][col - box.c0] : value;
        if (v === null || v === undefined) continue;
        const k = key(row, col);
        const cell = sheet.cells.get(k) ?? { value: null };
        apply(cell, v);
        sheet.cells.set(k, cell);
      }
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(value: unknown[][]) {
    this.assign("values", value, enterValue);
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(value: unknown[][]) {
    this.assign("formulas", value, enterValue);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(value: unknown) {
    this.assign("numberFormat", value, (cell, v) => {
      cell.numberFormat = String(v);
    });
  }

  get format(): RangeFormatHandle {
    return new RangeFormatHandle(this.ctx, () => this.target());
  }

  get conditionalFormats(): ConditionalFormatCollectionHandle {
    return new ConditionalFormatCollectionHandle(this.ctx, () => this.target());
  }

  merge(across = false): void {
    this.write({ merge: across }, () => {
      const { sheet, box } = this.target();
      assertWritable(sheet);
      const areas: Box[] = across
        ? Array.from({ length: boxRows(box) }, (_, i) => ({ ...box, r0: box.r0 + i, r1: box.r0 + i }))
        : [box];
      sheet.merges = sheet.merges.filter((m) => !intersects(mergeBox(m), box));
      for (const area of areas) {
        if (boxRows(area) * boxCols(area) === 1) continue;
        // Excel keeps only the top-left value of a merged area.
        for (const { row, col } of this.positions(area)) {
          if (row === area.r0 && col === area.c0) continue;
          const cell = sheet.cells.get(key(row, col));
          if (cell) {
            cell.value = null;
            delete cell.formula;
          }
        }
        sheet.merges.push({ top: area.r0, left: area.c0, bottom: area.r1, right: area.c1 });
      }
    });
  }

  unmerge(): void {
    this.write({ unmerge: true }, () => {
      const { sheet, box } = this.target();
      assertWritable(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersects(mergeBox(m), box));
    });
  }

  /** Excel.ClearApplyTo: "All" (default), "Contents", "Formats". */
  clear(applyTo: string = "All"): void {
    this.write({ clear: applyTo }, () => {
      const { sheet, box } = this.target();
      assertWritable(sheet);
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      for (const [k, cell] of [...sheet.cells]) {
        const { row, col } = parseKey(k);
        if (row < box.r0 || row > box.r1 || col < box.c0 || col > box.c1) continue;
        if (contents) {
          cell.value = null;
          delete cell.formula;
        }
        if (formats) {
          for (const f of ["numberFormat", "fill", "font", "hAlign", "vAlign", "wrap", "borders"] as const)
            delete cell[f];
        }
        if (cell.value === null && Object.keys(cell).length === 1) sheet.cells.delete(k);
      }
      if (formats) {
        sheet.merges = sheet.merges.filter((m) => !intersects(mergeBox(m), box));
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !intersects(parseAddress(cf.address), box),
        );
      }
    });
  }

  select(): void {
    this.write({ select: true }, () => {
      const { sheet, box } = this.target();
      const workbook = this.ctx.host.workbook;
      if (workbook.activeSheet !== sheet.name) {
        throw new StandInError("InvalidSelection", "The range is not on the active sheet.");
      }
      workbook.selection = { sheet: sheet.name, address: boxA1(box) };
    });
  }

  /** ExcelApi 1.13: the merged areas inside the range, or a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreasHandle {
    return new RangeAreasHandle(this.ctx, () => {
      const { sheet, box } = this.target();
      const areas = sheet.merges.map(mergeBox).filter((m) => intersects(m, box));
      return areas.length ? { sheet, areas } : null;
    });
  }

  getCell(row: number, column: number): RangeHandle {
    return new RangeHandle(
      this.ctx,
      memo(() => {
        const { sheet, box } = this.target();
        return {
          sheet,
          box: { r0: box.r0 + row, c0: box.c0 + column, r1: box.r0 + row, c1: box.c0 + column },
        };
      }),
      false,
    );
  }
}

class RangeAreasHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly locate: () => { sheet: StandInSheet; areas: Box[] } | null,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return this.locate() === null;
  }
  protected readProp(name: string): unknown {
    const found = this.locate();
    if (!found) throw new StandInError("InvalidOperation", "calls on a null object are not allowed");
    if (name === "address") return found.areas.map((a) => fullAddress(found.sheet, a)).join(",");
    if (name === "areaCount") return found.areas.length;
    throw invalidArgument(`stand-in: rangeAreas.${name} is not modelled`);
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

// ── Formats ─────────────────────────────────────────────────────────────────────────────────

/** The common value of a property over the range's cells, or null when they differ. */
function common<T>(target: RangeTarget, pick: (cell: StandInCell | undefined) => T): T | null {
  const { sheet, box } = target;
  if (boxRows(box) * boxCols(box) > CELL_GUARD) return null;
  let first: T | undefined;
  for (let r = box.r0; r <= box.r1; r++) {
    for (let c = box.c0; c <= box.c1; c++) {
      const v = pick(sheet.cells.get(key(r, c)));
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

abstract class FormatPart extends Handle {
  constructor(
    ctx: StandInContext,
    protected readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  /** Queues a per-cell change of the whole range. */
  protected each(request: unknown, apply: (cell: StandInCell) => void): void {
    this.write(request, () => {
      const t = this.range();
      assertWritable(t.sheet);
      const { sheet, box } = t;
      if (boxRows(box) * boxCols(box) > CELL_GUARD)
        throw invalidArgument("stand-in: range too large to format");
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          const k = key(r, c);
          const cell = sheet.cells.get(k) ?? { value: null };
          apply(cell);
          sheet.cells.set(k, cell);
        }
      }
    });
  }
}

class RangeFillHandle extends FormatPart {
  protected readProp(name: string): unknown {
    if (name === "color") return common(this.range(), (cell) => cell?.fill ?? "#FFFFFF");
    if (name === "pattern") return common(this.range(), (cell) => (cell?.fill ? "Solid" : "None"));
    throw invalidArgument(`stand-in: fill.${name} is not modelled`);
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.each({ fillColor: value }, (cell) => {
      cell.fill = value.toUpperCase();
    });
  }
  get pattern(): string {
    return this.read("pattern");
  }
  clear(): void {
    this.each({ fillClear: true }, (cell) => {
      delete cell.fill;
    });
  }
}

class RangeFontHandle extends FormatPart {
  protected readProp(name: string): unknown {
    const t = this.range();
    if (name === "bold") return common(t, (cell) => cell?.font?.bold ?? false);
    if (name === "italic") return common(t, (cell) => cell?.font?.italic ?? false);
    if (name === "color") return common(t, (cell) => cell?.font?.color ?? "#000000");
    if (name === "size") return common(t, (cell) => cell?.font?.size ?? 11);
    if (name === "name") return common(t, (cell) => cell?.font?.name ?? "Calibri");
    throw invalidArgument(`stand-in: font.${name} is not modelled`);
  }
  private setFont(prop: keyof StandInFont, value: unknown): void {
    this.each({ [`font.${prop}`]: value }, (cell) => {
      cell.font = { ...cell.font, [prop]: value };
    });
  }
  set bold(v: boolean) {
    this.setFont("bold", v);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set italic(v: boolean) {
    this.setFont("italic", v);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set color(v: string) {
    this.setFont("color", v.toUpperCase());
  }
  get color(): string {
    return this.read("color");
  }
  set size(v: number) {
    this.setFont("size", v);
  }
  set name(v: string) {
    this.setFont("name", v);
  }
  get name(): string {
    return this.read("name");
  }
  get size(): number {
    return this.read("size");
  }
}

class RangeBordersHandle extends FormatPart {
  protected readProp(name: string): unknown {
    throw invalidArgument(`stand-in: borders.${name} is not modelled`);
  }
  getItem(index: string): { style: string } {
    const borders = this;
    return {
      set style(value: string) {
        borders.each({ border: index, style: value }, (cell) => {
          cell.borders = { ...cell.borders, [index]: value };
        });
      },
      get style(): string {
        throw new StandInError("PropertyNotLoaded", "stand-in: border style reads are not modelled");
      },
    };
  }
}

class RangeFormatHandle extends FormatPart {
  get fill(): RangeFillHandle {
    return new RangeFillHandle(this.ctx, this.range);
  }
  get font(): RangeFontHandle {
    return new RangeFontHandle(this.ctx, this.range);
  }
  get borders(): RangeBordersHandle {
    return new RangeBordersHandle(this.ctx, this.range);
  }
  protected readProp(name: string): unknown {
    const t = this.range();
    if (name === "horizontalAlignment") return common(t, (cell) => cell?.hAlign ?? "General");
    if (name === "verticalAlignment") return common(t, (cell) => cell?.vAlign ?? "Bottom");
    if (name === "wrapText") return common(t, (cell) => cell?.wrap ?? false);
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (let c = t.box.c0; c <= Math.min(t.box.c1, t.box.c0 + 1000); c++) {
        widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      }
      return widths.size === 1 ? [...widths][0] : null;
    }
    throw invalidArgument(`stand-in: format.${name} is not modelled`);
  }
  set horizontalAlignment(v: string) {
    this.each({ hAlign: v }, (cell) => {
      cell.hAlign = v;
    });
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set verticalAlignment(v: string) {
    this.each({ vAlign: v }, (cell) => {
      cell.vAlign = v;
    });
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set wrapText(v: boolean) {
    this.each({ wrap: v }, (cell) => {
      cell.wrap = v;
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set columnWidth(v: number) {
    this.write({ columnWidth: v }, () => {
      const { sheet, box } = this.range();
      assertWritable(sheet);
      for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, v);
    });
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set rowHeight(v: number) {
    this.write({ rowHeight: v }, () => {
      const { sheet, box } = this.range();
      assertWritable(sheet);
      if (!(v >= 0 && v <= 409)) throw invalidArgument(`bad row height ${v}`);
      sheet.rowHeights ??= new Map();
      for (let r = box.r0; r <= Math.min(box.r1, box.r0 + 100_000); r++) sheet.rowHeights.set(r, v);
    });
  }
}

// ── Conditional formats and charts ──────────────────────────────────────────────────────────

class ConditionalFormatCollectionHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx);
  }
  protected readProp(name: string): unknown {
    throw invalidArgument(`stand-in: conditionalFormats.${name} is not modelled`);
  }
  /** Excel.ConditionalFormatType: "CellValue", "ContainsText". */
  add(type: string): ConditionalFormatHandle {
    let created: StandInConditionalFormat | null = null;
    this.write({ addConditionalFormat: type }, () => {
      const { sheet, box } = this.range();
      assertWritable(sheet);
      created = { address: boxA1(box), type, rule: null, fill: null, fontColor: null };
      sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormatHandle(this.ctx, () => {
      if (!created) throw new StandInError("ItemNotFound", "conditional format not created");
      return created;
    });
  }
  clearAll(): void {
    this.write({ clearAll: true }, () => {
      const { sheet, box } = this.range();
      assertWritable(sheet);
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (cf) => !intersects(parseAddress(cf.address), box),
      );
    });
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, () => {
      const { sheet, box } = this.range();
      return sheet.conditionalFormats.filter((cf) => intersects(parseAddress(cf.address), box)).length;
    });
  }
}

type RuleFormat = {
  rule: Record<string, unknown>;
  format: { fill: { color: string }; font: { color: string } };
};

class ConditionalFormatHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly cf: () => StandInConditionalFormat,
  ) {
    super(ctx);
  }
  protected readProp(name: string): unknown {
    if (name === "type") return this.cf().type;
    throw invalidArgument(`stand-in: conditionalFormat.${name} is not modelled`);
  }
  private ruleFormat(): RuleFormat {
    const write = (request: unknown, run: (cf: StandInConditionalFormat) => void): void =>
      this.write(request, () => run(this.cf()));
    return {
      set rule(value: Record<string, unknown>) {
        write({ rule: value }, (cf) => {
          cf.rule = { ...value };
        });
      },
      get rule(): Record<string, unknown> {
        throw new StandInError("PropertyNotLoaded", "stand-in: rule reads are not modelled");
      },
      format: {
        fill: {
          set color(value: string) {
            write({ fill: value }, (cf) => {
              cf.fill = value.toUpperCase();
            });
          },
          get color(): string {
            throw new StandInError("PropertyNotLoaded", "stand-in: format reads are not modelled");
          },
        },
        font: {
          set color(value: string) {
            write({ fontColor: value }, (cf) => {
              cf.fontColor = value.toUpperCase();
            });
          },
          get color(): string {
            throw new StandInError("PropertyNotLoaded", "stand-in: format reads are not modelled");
          },
        },
      },
    };
  }
  get cellValue(): RuleFormat {
    return this.ruleFormat();
  }
  get textComparison(): RuleFormat {
    return this.ruleFormat();
  }
}

class ChartCollectionHandle extends Handle {
  private itemHandles: ChartHandle[] | null = null;
  constructor(
    ctx: StandInContext,
    private readonly sheet: () => StandInSheet,
  ) {
    super(ctx);
  }
  protected readProp(name: string): unknown {
    throw invalidArgument(`stand-in: charts.${name} is not modelled`);
  }
  override load(props?: string | string[] | { select?: string }): this {
    const names = normalizeProps(props);
    if (names.some((n) => n !== "items/name"))
      throw new Error('stand-in: charts.load supports "items/name" only');
    this.ctx.enqueue({
      requestBytes: 32,
      run: () => this.sheet().charts.map((c) => ({ name: c.name })),
      deliver: (payload) => {
        const sheetCharts = [...this.sheet().charts];
        this.itemHandles = (payload as { name: string }[]).map((row, i) => {
          const handle = new ChartHandle(this.ctx, this.sheet, () => sheetCharts[i]);
          handle.preload(row);
          return handle;
        });
      },
    });
    return this;
  }
  get items(): ChartHandle[] {
    if (!this.itemHandles)
      throw new StandInError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemHandles;
  }
  /** The chart of that name (Excel's names are case-insensitive); ItemNotFound at sync when none. */
  getItem(name: string): ChartHandle {
    return new ChartHandle(
      this.ctx,
      this.sheet,
      () => this.sheet().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
  /** Excel.ChartType ("BarClustered"…), a source range, Excel.ChartSeriesBy ("Auto", "Columns", "Rows"). */
  add(type: string, sourceData: RangeHandle, seriesBy = "Auto"): ChartHandle {
    let created: StandInChart | null = null;
    this.write({ addChart: type, seriesBy }, () => {
      const sheet = this.sheet();
      assertWritable(sheet);
      const source = sourceData.target();
      created = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: null,
        sourceAddress: fullAddress(source.sheet, source.box),
        seriesBy,
        xValuesAddress: null,
        valuesAddress: null,
        position: null,
        legendVisible: true,
      };
      sheet.charts.push(created);
    });
    return new ChartHandle(this.ctx, this.sheet, () => created);
  }
}

class ChartHandle extends Handle {
  constructor(
    ctx: StandInContext,
    private readonly sheet: () => StandInSheet,
    private readonly locate: () => StandInChart | null,
  ) {
    super(ctx);
  }
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }
  private chart(): StandInChart {
    const c = this.locate();
    if (!c) throw new StandInError("ItemNotFound", "The chart does not exist.");
    return c;
  }
  protected readProp(name: string): unknown {
    if (name === "name") return this.chart().name;
    throw invalidArgument(`stand-in: chart.${name} is not modelled`);
  }
  private change(request: unknown, run: (c: StandInChart) => void): void {
    this.write(request, () => {
      assertWritable(this.sheet());
      run(this.chart());
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.change({ name: v }, (c) => {
      c.name = v;
    });
  }
  get title(): { text: string } {
    const change = this.change.bind(this);
    return {
      set text(v: string) {
        change({ title: v }, (c) => {
          c.title = v;
        });
      },
      get text(): string {
        throw new StandInError("PropertyNotLoaded", "stand-in: title reads are not modelled");
      },
    };
  }
  get legend(): { visible: boolean } {
    const change = this.change.bind(this);
    return {
      set visible(v: boolean) {
        change({ legend: v }, (c) => {
          c.legendVisible = v;
        });
      },
      get visible(): boolean {
        throw new StandInError("PropertyNotLoaded", "stand-in: legend reads are not modelled");
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.change({ setPosition: [start, end] }, (c) => {
      c.position = { start, end: end ?? null };
    });
  }
  get series(): {
    getItemAt(i: number): { setXAxisValues(r: RangeHandle): void; setValues(r: RangeHandle): void };
  } {
    const change = this.change.bind(this);
    return {
      getItemAt: (i: number) => ({
        setXAxisValues: (r: RangeHandle) =>
          change({ series: i, xValues: true }, (c) => {
            const t = r.target();
            c.xValuesAddress = fullAddress(t.sheet, t.box);
          }),
        setValues: (r: RangeHandle) =>
          change({ series: i, values: true }, (c) => {
            const t = r.target();
            c.valuesAddress = fullAddress(t.sheet, t.box);
          }),
      }),
    };
  }
  delete(): void {
    this.write({ deleteChart: true }, () => {
      const sheet = this.sheet();
      assertWritable(sheet);
      const c = this.chart();
      sheet.charts = sheet.charts.filter((x) => x !== c);
    });
  }
}

// ── Installation ────────────────────────────────────────────────────────────────────────────

const ENUMS = {
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ConditionalFormatType: { cellValue: "CellValue", containsText: "ContainsText" },
  ConditionalCellValueOperator: { equalTo: "EqualTo", between: "Between", greaterThan: "GreaterThan" },
  ConditionalTextOperator: { contains: "Contains", beginsWith: "BeginsWith" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  ClearApplyTo: { all: "All", contents: "Contents", formats: "Formats" },
  HorizontalAlignment: { left: "Left", center: "Center", right: "Right", general: "General" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  BorderIndex: {
    edgeTop: "EdgeTop",
    edgeBottom: "EdgeBottom",
    edgeLeft: "EdgeLeft",
    edgeRight: "EdgeRight",
    insideVertical: "InsideVertical",
    insideHorizontal: "InsideHorizontal",
  },
  BorderLineStyle: { continuous: "Continuous", none: "None" },
  WorksheetPositionType: { end: "End", beginning: "Beginning" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    itemNotFound: "ItemNotFound",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    apiNotFound: "ApiNotFound",
  },
};

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Installs the stand-in as the Excel host on a global object (globalThis in jest or a page). */
export function installExcelStandIn(
  globalObj: object,
  workbook: StandInWorkbook,
  options: StandInOptions = {},
): StandInHost {
  const g = globalObj as Record<string, unknown>;
  const previous = { Excel: g.Excel, OfficeExtension: g.OfficeExtension, Office: g.Office };
  const state: HostState = {
    workbook,
    stats: { runs: 0, syncs: [], delayedForCellEdit: 0, calculationSuspensions: 0 },
    cellEditMode: false,
    payloadLimitBytes: 5 * 1024 * 1024,
    pendingFailure: null,
    options,
  };
  const apiVersion = options.apiVersion ?? "1.18";

  async function run<T>(
    first: { delayForCellEdit?: boolean } | ((ctx: StandInContext) => Promise<T>),
    second?: (ctx: StandInContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === "function" ? first : second;
    const runOptions = typeof first === "function" ? {} : first;
    if (!batch) throw new Error("stand-in: Excel.run needs a batch function");
    state.stats.runs++;
    const ctx = new StandInContext(state, runOptions.delayForCellEdit === true);
    if (state.cellEditMode && ctx.delayForCellEdit) state.stats.delayedForCellEdit++;
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }

  g.Excel = { run, RequestContext: StandInContext, ...ENUMS };
  g.OfficeExtension = { Error: StandInError, ClientResult };
  const isSetSupported = (name: string, minVersion = "1.1"): boolean =>
    name === "ExcelApi" && compareVersions(minVersion, apiVersion) <= 0;
  const context = {
    requirements: { isSetSupported },
    displayLanguage: options.displayLanguage ?? "vi-VN",
    host: "Excel",
    platform: "OfficeOnline",
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: `stand-in ${apiVersion}` },
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const onReady = (callback?: (i: typeof info) => void): Promise<typeof info> => {
    callback?.(info);
    return Promise.resolve(info);
  };
  const office = (previous.Office as Record<string, unknown> | undefined) ?? {};
  const officePrevious = { onReady: office.onReady, context: office.context };
  for (const [prop, value] of Object.entries({ onReady, context })) {
    Object.defineProperty(office, prop, { value, configurable: true, writable: true, enumerable: true });
  }
  office.HostType ??= { Excel: "Excel" };
  office.PlatformType ??= { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" };
  g.Office = office;

  const host: StandInHost = {
    workbook,
    get stats() {
      return state.stats;
    },
    get cellEditMode() {
      return state.cellEditMode;
    },
    set cellEditMode(v: boolean) {
      state.cellEditMode = v;
    },
    get payloadLimitBytes() {
      return state.payloadLimitBytes;
    },
    set payloadLimitBytes(v: number) {
      state.payloadLimitBytes = v;
    },
    syncCount: () => state.stats.syncs.length,
    resetStats: () => {
      state.stats = { runs: 0, syncs: [], delayedForCellEdit: 0, calculationSuspensions: 0 };
    },
    failNextSync: (code: string, message = `stand-in failure ${code}`) => {
      state.pendingFailure = { code, message };
    },
    uninstall: () => {
      g.Excel = previous.Excel;
      g.OfficeExtension = previous.OfficeExtension;
      if (previous.Office) {
        Object.defineProperty(office, "onReady", {
          value: officePrevious.onReady,
          configurable: true,
          writable: true,
        });
        Object.defineProperty(office, "context", {
          value: officePrevious.context,
          configurable: true,
          writable: true,
        });
        g.Office = previous.Office;
      } else {
        delete g.Office;
      }
      if (previous.Excel === undefined) delete g.Excel;
      if (previous.OfficeExtension === undefined) delete g.OfficeExtension;
    },
  };
  return host;
}
