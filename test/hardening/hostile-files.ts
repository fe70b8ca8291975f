/**
 * Files that are not the .xlsx they claim to be, built in memory for the command-line tests:
 * a renamed .docx, a truncated zip, an encrypted workbook and a legacy .xls (OLE compound files),
 * a zip bomb (hundreds of MB of repeated rows streamed into jszip, never held or written whole),
 * a workbook of 1,000 sheets. Also: running the command line as a child process with a time
 * limit, measuring its peak memory.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export const ROOT = path.resolve(__dirname, "../..");

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file header followed by directory entry names (UTF-16LE), as Office writes them. */
export function oleFile(streamNames: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from(OLE_SIGNATURE).copy(header);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian byte order mark
  header.writeUInt16LE(9, 0x1e); // sector shift
  const entries = streamNames.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(`${name}\0`, "utf16le").copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = 2; // stream object
    return entry;
  });
  return Buffer.concat([header, Buffer.from("Root Entry\0", "utf16le"), ...entries, Buffer.alloc(1024)]);
}

/** An encrypted workbook (MS-OFFCRYPTO): an OLE file with EncryptionInfo and EncryptedPackage streams. */
export const encryptedWorkbook = (): Buffer =>
  oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]);

/** An Excel 97-2003 workbook: an OLE file with a Workbook stream. */
export const legacyXls = (): Buffer => oleFile(["Workbook", "\u0005SummaryInformation"]);

/** A Word document package (what a renamed .docx holds). */
export async function wordDocument(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "word/document.xml",
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo CCHC</w:t></w:r></w:p></w:body></w:document>',
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A valid workbook cut short: the central directory (at the end of a zip) is gone. */
export function truncated(bytes: Buffer, keep = 0.6): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * keep));
}

const WORKBOOK_XML =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
  '<sheet name="Bộ tiêu chí" sheetId="1" r:id="rId1"/></sheets></workbook>';

/**
 * A zip bomb: a sheet of `megabytes` MB of one repeated row, streamed into jszip chunk by chunk
 * (the uncompressed XML never exists whole, in memory or on disk); about 2 MB compressed.
 */
export async function zipBomb(megabytes = 300): Promise<Buffer> {
  const row = '<row><c t="inlineStr"><is><t>Tiêu chí thành phần</t></is></c><c><v>1</v></c></row>';
  const chunk = row.repeat(Math.ceil(2 ** 20 / row.length));
  let left = Math.ceil((megabytes * 2 ** 20) / chunk.length);
  const sheet = new Readable({
    read() {
      if (left-- > 0) this.push(chunk);
      else {
        this.push("</sheetData></worksheet>");
        this.push(null);
      }
    },
  });
  sheet.push(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file("xl/workbook.xml", WORKBOOK_XML);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/**
 * The same bomb with its sizes falsified in the local and central headers (declared 5,000 bytes),
 * so that a check of the declared sizes lets it through.
 */
export function lyingZipBomb(bomb: Buffer, part = "xl/worksheets/sheet1.xml"): Buffer {
  const out = Buffer.from(bomb);
  const name = Buffer.from(part);
  for (let i = 0; i + 46 + name.length <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name)) {
      out.writeUInt32LE(5000, i + 22);
    }
    if (signature === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name)) {
      out.writeUInt32LE(5000, i + 24);
    }
  }
  return out;
}

/** A real workbook of `count` small sheets, written by ExcelJS. */
export async function manySheets(count: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++) wb.addWorksheet(`Đơn vị ${i}`).getCell("A1").value = `Sheet ${i}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ChildRun = {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the child, in MB (process.resourceUsage().maxRSS). */
  maxRssMb: number | null;
  timedOut: boolean;
};

const MAXRSS_MARK = "@@maxrss ";

/**
 * `par-scorer ARGS` as a child process from the TypeScript sources (ts-node, transpile only), killed
 * after `timeoutMs`; reports its exit status, output, time and peak memory.
 */
export function runCliChild(args: readonly string[], timeoutMs: number): Promise<ChildRun> {
  const script =
    `require(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))}).main(JSON.parse(process.env.PAR_ARGS))` +
    `.then((code) => { process.stderr.write("\\n${MAXRSS_MARK}" + process.resourceUsage().maxRSS + "\\n"); process.exitCode = code; })`;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      cwd: ROOT,
      env: {
        ...process.env,
        PAR_ARGS: JSON.stringify(args),
        TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const mark = stderr.lastIndexOf(MAXRSS_MARK);
      const maxRssMb = mark < 0 ? null : Number(stderr.slice(mark + MAXRSS_MARK.length).trim()) / 1024;
      resolve({
        status,
        signal,
        stdout,
        stderr: mark < 0 ? stderr : stderr.slice(0, mark).trimEnd(),
        ms: Date.now() - started,
        maxRssMb,
        timedOut,
      });
    });
  });
}

/** A workbook with one worksheet part's XML changed by `edit` (the rest of the package as it was). */
export async function editSheetXml(
  bytes: Buffer,
  edit: (xml: string) => string,
  part = "xl/worksheets/sheet1.xml",
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async("string");
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Merged areas added to a worksheet's XML, where Excel puts them (right after sheetData). */
export function withMerges(xml: string, refs: readonly string[]): string {
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  return xml
    .replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, "")
    .replace("</sheetData>", `</sheetData>${merges}`);
}

/**
 * A workbook whose one sheet holds `cells` numeric cells, ten per row, its XML built as text (a
 * million cells is about 20 MB of XML, 100 KB compressed).
 */
export async function workbookOfCells(cells: number): Promise<Buffer> {
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(cells / 10); r++) {
    const n = Math.min(10, cells - (r - 1) * 10);
    rows.push(`<row r="${r}">${"<c><v>1</v></c>".repeat(n)}</row>`);
  }
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file("xl/workbook.xml", WORKBOOK_XML);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A zip holding the same entry twice (JSZip cannot write one): the package's central directory
 * and local headers are duplicated for `part`, the second copy with other bytes.
 */
export async function withDuplicateEntry(bytes: Buffer, part: string, other: string): Promise<Buffer> {
  const original = await JSZip.loadAsync(bytes);
  // Rename a filler entry to `part` byte for byte: names of the same length keep every offset.
  const filler = part.replace(/[^/]+$/, (base) => "z".repeat(base.length));
  original.file(filler, other);
  const out = await original.generateAsync({ type: "nodebuffer", compression: "STORE" });
  const from = Buffer.from(filler);
  const to = Buffer.from(part);
  let at = out.indexOf(from);
  while (at >= 0) {
    to.copy(out, at);
    at = out.indexOf(from, at + to.length);
  }
  return out;
}
