import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describeFileProblem } from "../../src/node/file-problems";
import {
  DEFAULT_LIMITS,
  countSheets,
  describeLossyParts,
  findLossyParts,
  inspectPackage,
} from "../../src/node/inspect-package";

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const WORKBOOK_XML = (sheets: number): string =>
  `<workbook><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Bộ tiêu chí").getCell("A1").value = "STT";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An OLE compound file: the signature, then directory names in UTF-16LE. */
function oleFile(...streams: string[]): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([
    header,
    Buffer.alloc(504),
    ...streams.map((s) => Buffer.from(s, "utf16le")),
    Buffer.alloc(512),
  ]);
}

async function problemOf(bytes: Buffer, file = "don-vi.xlsx") {
  const check = await inspectPackage(file, bytes);
  if (check.ok) throw new Error("expected a problem");
  return check.problem;
}

describe("checking a file before ExcelJS opens it", () => {
  it("accepts a real .xlsx and counts its sheets", async () => {
    const check = await inspectPackage("ok.xlsx", await realXlsx());
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.report.sheetCount).toBe(1);
  });

  it("refuses an empty file", async () => {
    expect((await problemOf(Buffer.alloc(0))).code).toBe("file_empty");
  });

  it("refuses a plain text file renamed .xlsx", async () => {
    const problem = await problemOf(Buffer.from("STT;Tên đơn vị;Điểm\n1;Sở Tư pháp;90\n", "utf8"));
    expect(problem.code).toBe("not_zip");
    expect(describeFileProblem(problem)).toBe(
      "Tệp don-vi.xlsx không phải bảng tính Excel .xlsx (nội dung không phải gói Office Open XML).",
    );
  });

  it("recognises a Word document renamed .xlsx", async () => {
    const docx = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    const problem = await problemOf(docx, "bao-cao.xlsx");
    expect(problem.code).toBe("word_document");
    expect(describeFileProblem(problem)).toContain("bao-cao.xlsx là tài liệu Word (.docx) bị đổi tên");
    expect(describeFileProblem(problem, "en")).toBe(
      "bao-cao.xlsx is a Word document (.docx) renamed, not an Excel workbook.",
    );
  });

  it("recognises a truncated .xlsx", async () => {
    const whole = await realXlsx();
    expect((await problemOf(whole.subarray(0, Math.floor(whole.length / 2)))).code).toBe("zip_damaged");
  });

  it("tells an encrypted workbook from a legacy .xls, both OLE compound files", async () => {
    const encrypted = await problemOf(oleFile("EncryptionInfo", "EncryptedPackage"));
    const legacy = await problemOf(oleFile("Workbook", "SummaryInformation"));
    const other = await problemOf(oleFile("WordDocument"));
    expect([encrypted.code, legacy.code, other.code]).toEqual([
      "encrypted_workbook",
      "legacy_xls",
      "ole_not_workbook",
    ]);
    expect(describeFileProblem(encrypted)).toContain("được bảo vệ bằng mật khẩu");
    expect(describeFileProblem(legacy)).toContain("Excel 97-2003 (.xls)");
  });

  it("refuses a zip whose declared uncompressed size is above the bound (zip bomb)", async () => {
    const bytes = await realXlsx();
    // Forge the central directory: every entry now declares 200 MiB uncompressed.
    const forged = Buffer.from(bytes);
    for (
      let i = forged.indexOf("PK\u0001\u0002", 0, "latin1");
      i >= 0;
      i = forged.indexOf("PK\u0001\u0002", i + 4, "latin1")
    ) {
      forged.writeUInt32LE(200 * 2 ** 20, i + 24);
    }
    const problem = await problemOf(forged);
    expect(problem.code).toBe("zip_bomb");
    expect(problem.limit).toBe(DEFAULT_LIMITS.maxUncompressedBytes);
    expect(problem.count).toBeGreaterThan(DEFAULT_LIMITS.maxUncompressedBytes);
  });

  it("accepts a workbook just within the declared-size bound", async () => {
    const bytes = await realXlsx();
    const check = await inspectPackage("ok.xlsx", bytes, {
      ...DEFAULT_LIMITS,
      maxUncompressedBytes: 1_000_000,
    });
    expect(check.ok).toBe(true);
  });

  it("refuses a workbook with more sheets than the bound", async () => {
    const many = await zipOf({ "xl/workbook.xml": WORKBOOK_XML(DEFAULT_LIMITS.maxSheets + 1) });
    const problem = await problemOf(many);
    expect(problem).toMatchObject({ code: "too_many_sheets", count: DEFAULT_LIMITS.maxSheets + 1 });
  });

  it("refuses a workbook without any sheet", async () => {
    expect((await problemOf(await zipOf({ "xl/workbook.xml": WORKBOOK_XML(0) }))).code).toBe("no_sheets");
  });

  it("counts <sheet> elements but not the <sheets> container", () => {
    expect(countSheets(WORKBOOK_XML(3))).toBe(3);
    expect(countSheets('<x:sheets><x:sheet name="A"/></x:sheets>')).toBe(1);
  });
});

describe("finding the parts ExcelJS would lose on --in-place", () => {
  it("finds nothing in a workbook ExcelJS wrote itself", async () => {
    const zip = await JSZip.loadAsync(await realXlsx());
    expect(await findLossyParts(zip)).toEqual([]);
  });

  it("finds charts, pivot tables, custom XML, add-in parts and macros", async () => {
    const zip = await JSZip.loadAsync(
      await zipOf({
        "xl/workbook.xml": WORKBOOK_XML(1),
        "xl/charts/chart1.xml": "<c:chartSpace/>",
        "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
        "customXml/item1.xml": "<root/>",
        "xl/webextensions/taskpanes.xml": "<wetp:taskpanes/>",
        "xl/vbaProject.bin": "x",
      }),
    );
    const parts = await findLossyParts(zip);
    expect(parts.map((p) => p.kind).sort()).toEqual(["addin", "chart", "customXml", "macros", "pivot"]);
    expect(describeLossyParts(parts, "vi")).toContain("biểu đồ");
  });

  it("finds shapes in a drawing but accepts a drawing of pictures only", async () => {
    const shapes = await JSZip.loadAsync(
      await zipOf({
        "xl/drawings/drawing1.xml": "<xdr:wsDr><xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor></xdr:wsDr>",
      }),
    );
    const pictures = await JSZip.loadAsync(
      await zipOf({
        "xl/drawings/drawing1.xml": "<xdr:wsDr><xdr:twoCellAnchor><xdr:pic/></xdr:twoCellAnchor></xdr:wsDr>",
      }),
    );
    expect((await findLossyParts(shapes)).map((p) => p.kind)).toEqual(["shapes"]);
    expect(await findLossyParts(pictures)).toEqual([]);
  });
});
