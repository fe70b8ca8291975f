/**
 * Looks at a file before ExcelJS is allowed near it: is it an .xlsx package at all, is it
 * damaged, encrypted, a legacy .xls, a zip bomb, too many sheets; and, for --in-place, which of
 * its parts ExcelJS would drop when it writes the workbook back.
 */
import JSZip from "jszip";
import { inflateRawSync } from "node:zlib";
import type { FileProblem } from "./file-problems";

/** Bounds on what PAR Scorer agrees to open (documented in docs/cli.md). */
export type PackageLimits = {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes the zip's central directory declares. */
  maxUncompressedBytes: number;
  /** Worksheets listed in xl/workbook.xml. */
  maxSheets: number;
  /**
   * Cell records of all worksheets together, counted in the XML before ExcelJS loads it: every
   * <c> and <row> element, and every cell of a merged area (ExcelJS makes an object of each).
   * ExcelJS keeps about 300 bytes per record: a million stays well under 2 GB with the rest of a run.
   */
  maxCells: number;
  /** Merged areas of one worksheet (ExcelJS checks each new one against all the others: n²). */
  maxMergesPerSheet: number;
};

export const DEFAULT_LIMITS: PackageLimits = {
  maxFileBytes: 100 * 2 ** 20,
  maxUncompressedBytes: 256 * 2 ** 20,
  maxSheets: 500,
  maxCells: 1_000_000,
  maxMergesPerSheet: 5_000,
};

/** A part of the package that ExcelJS cannot write back. */
export type LossyPart = { kind: LossyKind; path: string };

export type LossyKind =
  | "chart"
  | "chartsheet"
  | "pivot"
  | "slicer"
  | "timeline"
  | "customXml"
  | "addin"
  | "macros"
  | "threadedComments"
  | "shapes"
  | "embedded"
  | "controls"
  | "externalLinks"
  | "connections"
  | "dataModel"
  | "customProperties"
  | "sparklines";

const LOSSY_LABELS: Record<LossyKind, { vi: string; en: string }> = {
  chart: { vi: "biểu đồ", en: "charts" },
  chartsheet: { vi: "sheet biểu đồ", en: "chart sheets" },
  pivot: { vi: "PivotTable", en: "pivot tables" },
  slicer: { vi: "bộ lọc slicer", en: "slicers" },
  timeline: { vi: "bộ lọc timeline", en: "timelines" },
  customXml: { vi: "dữ liệu XML tùy chỉnh", en: "custom XML" },
  addin: {
    vi: "phần của add-in (web extension, task pane)",
    en: "add-in parts (web extensions, task panes)",
  },
  macros: { vi: "macro VBA", en: "VBA macros" },
  threadedComments: { vi: "bình luận dạng hội thoại", en: "threaded comments" },
  shapes: { vi: "hình vẽ, hộp văn bản", en: "shapes and text boxes" },
  embedded: { vi: "đối tượng nhúng", en: "embedded objects" },
  controls: { vi: "điều khiển biểu mẫu / ActiveX", en: "form and ActiveX controls" },
  externalLinks: { vi: "liên kết tới tệp khác", en: "links to other workbooks" },
  connections: { vi: "kết nối dữ liệu", en: "data connections" },
  dataModel: { vi: "mô hình dữ liệu (Power Pivot)", en: "the data model (Power Pivot)" },
  customProperties: { vi: "thuộc tính tùy chỉnh của tài liệu", en: "custom document properties" },
  sparklines: { vi: "biểu đồ thu nhỏ (sparkline)", en: "sparklines" },
};

/** The distinct kinds of lossy parts, in words, joined for a message. */
export function describeLossyParts(parts: readonly LossyPart[], lang: "vi" | "en"): string {
  const kinds = [...new Set(parts.map((p) => p.kind))];
  return kinds.map((k) => LOSSY_LABELS[k][lang]).join(", ");
}

export type PackageReport = {
  /** The zip, already opened (its central directory read, nothing inflated but workbook.xml). */
  zip: JSZip;
  sheetCount: number;
  uncompressedBytes: number;
};

export type PackageCheck = { ok: true; report: PackageReport } | { ok: false; problem: FileProblem };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (text: string): Buffer => Buffer.from(text, "utf16le");

/** Checks the bytes of a file: an .xlsx package within the limits, or the reason it is not. */
export async function inspectPackage(
  file: string,
  bytes: Buffer,
  limits: PackageLimits = DEFAULT_LIMITS,
): Promise<PackageCheck> {
  const fail = (problem: Omit<FileProblem, "file">): PackageCheck => ({
    ok: false,
    problem: { file, ...problem },
  });
  if (bytes.length === 0) return fail({ code: "file_empty" });
  if (bytes.length > limits.maxFileBytes)
    return fail({ code: "file_too_large", count: bytes.length, limit: limits.maxFileBytes });
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return fail({ code: classifyOle(bytes) });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail({ code: "not_zip" });

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return fail({ code: "zip_damaged" });
  }
  const names = Object.keys(zip.files);
  // Two entries of the same name: JSZip keeps the last, Excel refuses the file. Damaged.
  if (hasDuplicateEntries(bytes)) return fail({ code: "zip_damaged" });
  if (!zip.file("xl/workbook.xml")) {
    if (names.some((n) => n.startsWith("word/"))) return fail({ code: "word_document" });
    if (names.some((n) => n.startsWith("ppt/"))) return fail({ code: "powerpoint_document" });
    if (zip.file("xl/workbook.bin")) return fail({ code: "xlsb_workbook" });
    if (zip.file("mimetype") && zip.file("content.xml")) return fail({ code: "opendocument" });
    return fail({ code: "not_workbook" });
  }

  // Declared sizes come from the central directory, before anything is inflated (zip bomb).
  let uncompressedBytes = 0;
  for (const entry of Object.values(zip.files)) uncompressedBytes += declaredSize(entry);
  if (uncompressedBytes > limits.maxUncompressedBytes)
    return fail({ code: "zip_bomb", count: uncompressedBytes, limit: limits.maxUncompressedBytes });

  // The directory's sizes can lie. Deflate expands at most 1032:1, so only a package whose
  // compressed parts could exceed the bound is inflated here, counting bytes without keeping
  // them, before ExcelJS expands anything in memory.
  if (compressedBytes(zip) * DEFLATE_MAX_RATIO > limits.maxUncompressedBytes) {
    const inflated = await measureInflated(zip, limits.maxUncompressedBytes);
    if (inflated === "damaged") return fail({ code: "zip_damaged" });
    if (inflated > limits.maxUncompressedBytes)
      return fail({ code: "zip_bomb", count: inflated, limit: limits.maxUncompressedBytes });
  }

  let workbookXml: string;
  try {
    workbookXml = await partText(zip.file("xl/workbook.xml")!);
  } catch {
    return fail({ code: "zip_damaged" });
  }
  const sheetCount = countSheets(workbookXml);
  if (sheetCount > limits.maxSheets)
    return fail({ code: "too_many_sheets", count: sheetCount, limit: limits.maxSheets });
  if (sheetCount === 0) return fail({ code: "no_sheets" });

  // The work ExcelJS would do, estimated from the sheets' XML before it loads anything.
  const work = await estimateWork(zip, limits);
  if (work === "damaged") return fail({ code: "zip_damaged" });
  if (work.mergesProblem)
    return fail({
      code: "too_many_merges",
      detail: work.mergesProblem.part,
      count: work.mergesProblem.count,
      limit: limits.maxMergesPerSheet,
    });
  if (work.cells > limits.maxCells)
    return fail({ code: "too_many_cells", count: work.cells, limit: limits.maxCells });
  // ExcelJS would read "1,5" as 1 and "0x1" as 0: a number Excel never stores is reported, not guessed.
  if (work.badNumber)
    return fail({
      code: "invalid_number",
      detail: `${work.badNumber.part.replace(/^xl\/worksheets\//, "")}!${work.badNumber.cell} = "${work.badNumber.text.slice(0, 40)}"`,
    });
  return { ok: true, report: { zip, sheetCount, uncompressedBytes } };
}

/**
 * True when two entries of the zip's central directory have the same name (JSZip would keep the
 * last; which copy Excel or another reader takes is anyone's guess). A directory that cannot be
 * walked plainly (zip64, damaged) is left to JSZip, which has already read it.
 */
function hasDuplicateEntries(bytes: Buffer): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const total = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || at === 0xffffffff) return false;
  const seen = new Set<string>();
  for (let n = 0; n < total; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return false;
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    if (seen.has(name)) return true;
    seen.add(name);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return false;
}

type WorkEstimate = {
  cells: number;
  mergesProblem: { part: string; count: number } | null;
  /** The first number cell whose stored value is not a number ("1,5", "0x1"): part, cell, text. */
  badNumber: { part: string; cell: string; text: string } | null;
};

// A number cell (no t attribute, or t="n") holding only a value, no formula.
const NUMBER_CELL = /<(?:[A-Za-z_][\w.-]*:)?c\b([^>]*)>\s*<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)<\//g;
// xsd:double as Excel writes it.
const XSD_DOUBLE = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

// A <v> whose text up to the next tag is not an xsd:double (XSD_DOUBLE) followed by "<".
const MAYBE_NOT_NUMBER = /<(?:[A-Za-z_][\w.-]*:)?v>(?!\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*<)/;

const CELL_OR_ROW = /<(?:[A-Za-z_][\w.-]*:)?(?:c|row)[\s>/]/g;
const MERGE =
  /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?"/g;

/**
 * Reads every worksheet part (already bounded in size) and counts cell records and merged areas
 * with their cells, without keeping the XML. The text is scanned in chunks; tags split between
 * two chunks are carried over whole (everything from the chunk's last "<" on goes with the next one).
 */
async function estimateWork(zip: JSZip, limits: PackageLimits): Promise<WorkEstimate | "damaged"> {
  let cells = 0;
  let badNumber: WorkEstimate["badNumber"] = null;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    let merges = 0;
    let carry = "";
    const scan = (text: string): void => {
      cells += text.match(CELL_OR_ROW)?.length ?? 0;
      // Only a value that is not a plain number can make a bad number cell: most chunks have none.
      if (!badNumber && MAYBE_NOT_NUMBER.test(text)) {
        for (const m of text.matchAll(NUMBER_CELL)) {
          const type = /\bt="([^"]*)"/.exec(m[1])?.[1];
          if ((type === undefined || type === "n") && !XSD_DOUBLE.test(m[2])) {
            badNumber = { part: name, cell: /\br="([^"]*)"/.exec(m[1])?.[1] ?? "?", text: m[2] };
            break;
          }
        }
      }
      // A merge is written <mergeCell ref=…> (perhaps with a prefix): none before the first "mergeCell".
      const firstMerge = text.indexOf("mergeCell");
      if (firstMerge < 0) return;
      for (const m of text.slice(Math.max(0, text.lastIndexOf("<", firstMerge))).matchAll(MERGE)) {
        merges++;
        const top = Number(m[2]);
        const left = lettersToNumber(m[1]);
        const bottom = m[4] === undefined ? top : Number(m[4]);
        const right = m[3] === undefined ? left : lettersToNumber(m[3]);
        cells += (Math.abs(bottom - top) + 1) * (Math.abs(right - left) + 1) - 1;
      }
    };
    const feed = (chunk: Buffer): void => {
      const text = carry + chunk.toString("latin1");
      let cut = text.lastIndexOf("<");
      // A cell cut between its <c> and its <v> goes whole with the next chunk.
      const open = text.lastIndexOf("<c");
      if (open > text.lastIndexOf("</c>") && open < cut) cut = open;
      scan(cut < 0 ? text : text.slice(0, cut));
      carry = cut < 0 ? "" : text.slice(cut);
      // A tag longer than this is not one ExcelJS would take either.
      if (carry.length > 1 << 20) carry = "";
    };
    const inflated = inflateNatively(entry);
    let outcome: "ok" | "damaged" = "ok";
    if (inflated) {
      for (let at = 0; at < inflated.length; at += SCAN_CHUNK) feed(inflated.subarray(at, at + SCAN_CHUNK));
      scan(carry);
    } else {
      outcome = await new Promise<"ok" | "damaged">((resolve) => {
        const stream = entry.nodeStream("nodebuffer");
        stream.on("data", feed);
        stream.on("end", () => {
          scan(carry);
          resolve("ok");
        });
        stream.on("error", () => resolve("damaged"));
      });
    }
    if (outcome === "damaged") return "damaged";
    if (merges > limits.maxMergesPerSheet)
      return { cells, mergesProblem: { part: name, count: merges }, badNumber };
    // Past the budget there is no need to read further.
    if (cells > limits.maxCells) break;
  }
  return { cells, mergesProblem: null, badNumber };
}

/** Characters of worksheet XML scanned at a time (bounds the strings the scan makes). */
const SCAN_CHUNK = 1 << 20;

/**
 * An entry's bytes inflated by Node's zlib, when they inflate cleanly to exactly the size the
 * zip's directory declares; otherwise null, and the caller reads the entry through JSZip's
 * counted stream as it always did (which decides between a lie about the size, a bomb and
 * damage). zlib is the same inflate as JSZip's JavaScript one (pako), many times faster; output
 * is never allowed past the declared size, so a lying entry costs at most its declared bytes here.
 */
function inflateNatively(entry: JSZip.JSZipObject): Buffer | null {
  // JSZip keeps a loaded entry's compressed bytes and method on the (undocumented) _data.
  const data = (entry as unknown as { _data?: CompressedEntry })._data;
  const content = data?.compressedContent;
  const declared = data?.uncompressedSize;
  if (!(content instanceof Uint8Array) || typeof declared !== "number" || !Number.isSafeInteger(declared))
    return null;
  if (declared < 0) return null;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  try {
    const magic = data?.compression?.magic;
    const out =
      magic === STORED
        ? bytes
        : magic === DEFLATED
          ? inflateRawSync(bytes, { maxOutputLength: declared + 1, chunkSize: 64 * 1024 })
          : null;
    return out && out.length === declared ? out : null;
  } catch {
    return null;
  }
}

type CompressedEntry = {
  compressedContent?: unknown;
  uncompressedSize?: unknown;
  compression?: { magic?: unknown };
};

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

function lettersToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An OLE compound file is either an encrypted OOXML package, a legacy .xls, or something else. */
function classifyOle(bytes: Buffer): FileProblem["code"] {
  // Directory entries are UTF-16LE names; MS-OFFCRYPTO stores EncryptionInfo + EncryptedPackage.
  if (bytes.includes(utf16("EncryptedPackage")) || bytes.includes(utf16("EncryptionInfo")))
    return "encrypted_workbook";
  if (bytes.includes(utf16("Workbook")) || bytes.includes(utf16("Book"))) return "legacy_xls";
  return "ole_not_workbook";
}

const DEFLATE_MAX_RATIO = 1032;

function compressedBytes(zip: JSZip): number {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const data = (entry as unknown as { _data?: { compressedSize?: unknown } })._data;
    total += typeof data?.compressedSize === "number" && data.compressedSize > 0 ? data.compressedSize : 0;
  }
  return total;
}

/**
 * Inflates every entry and counts its bytes, stopping as soon as the total passes `limit` (the
 * count returned is then just above it). Nothing inflated is kept. An entry that does not inflate
 * cleanly to its declared size through zlib is inflated again as JSZip's stream, counting chunks.
 */
async function measureInflated(zip: JSZip, limit: number): Promise<number | "damaged"> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const inflated = inflateNatively(entry);
    if (inflated) {
      total += inflated.length;
      if (total > limit) return total;
      continue;
    }
    const outcome = await new Promise<"ok" | "over" | "damaged">((resolve) => {
      const stream = entry.nodeStream("nodebuffer");
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          stream.removeAllListeners();
          resolve("over");
        }
      });
      stream.on("end", () => resolve("ok"));
      stream.on("error", () => resolve("damaged"));
    });
    if (outcome === "damaged") return "damaged";
    if (outcome === "over") return total;
  }
  return total;
}

function declaredSize(entry: JSZip.JSZipObject): number {
  // JSZip keeps the central directory's sizes on the (undocumented) _data of a loaded entry.
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  const size = data?.uncompressedSize;
  return typeof size === "number" && size > 0 ? size : 0;
}

/** Counts the <sheet> elements (worksheets and chart sheets) of xl/workbook.xml. */
export function countSheets(workbookXml: string): number {
  return (workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).length;
}

const LOSSY_PREFIXES: [RegExp, LossyKind][] = [
  [/^xl\/charts\/chart\d*\.xml$/, "chart"],
  [/^xl\/chartsheets\//, "chartsheet"],
  [/^xl\/pivot(Tables|Cache)\//, "pivot"],
  [/^xl\/slicer(s|Caches)\//, "slicer"],
  [/^xl\/timeline(s|Caches)\//, "timeline"],
  [/^customXml\//, "customXml"],
  [/^xl\/webextensions\//, "addin"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/(threadedComments|persons)\//, "threadedComments"],
  [/^xl\/embeddings\//, "embedded"],
  [/^xl\/(activeX|ctrlProps)\//, "controls"],
  [/^xl\/externalLinks\//, "externalLinks"],
  [/^xl\/(connections\.xml|queryTables\/)/, "connections"],
  [/^xl\/model\//, "dataModel"],
  [/^docProps\/custom\.xml$/, "customProperties"],
];

/** The parts ExcelJS would drop if it rewrote this package (empty: rewriting loses nothing known). */
export async function findLossyParts(zip: JSZip): Promise<LossyPart[]> {
  const parts: LossyPart[] = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir) continue;
    const hit = LOSSY_PREFIXES.find(([re]) => re.test(name));
    if (hit) {
      parts.push({ kind: hit[1], path: name });
      continue;
    }
    // ExcelJS keeps pictures anchored in drawings, but not shapes, text boxes or chart frames.
    if (/^xl\/drawings\/drawing\d*\.xml$/.test(name)) {
      const xml = await partText(zip.files[name]);
      if (/<(?:\w+:)?(sp|grpSp|cxnSp|graphicFrame)\b/.test(xml)) parts.push({ kind: "shapes", path: name });
    }
    if (/^xl\/worksheets\/sheet\d*\.xml$/.test(name)) {
      const xml = await partText(zip.files[name]);
      if (xml.includes("sparklineGroup")) parts.push({ kind: "sparklines", path: name });
    }
  }
  return parts;
}

/** A part's text: through zlib when it inflates cleanly, else through JSZip as before. */
async function partText(entry: JSZip.JSZipObject): Promise<string> {
  return inflateNatively(entry)?.toString("utf8") ?? entry.async("string");
}
