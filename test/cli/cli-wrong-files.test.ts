import { readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { useTempDir } from "../node/temp-dir";
import { runCli, runCliProcess } from "./run-cli";
import { smallWorkbook, writeXlsx } from "./workbooks";

const tempDir = useTempDir();

/** Runs rank on a file and checks: exit 2, stdout empty, one line on stderr, nothing new in the folder. */
async function refused(name: string, bytes: Buffer | string): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const before = readdirSync(dir).sort();
  const run = await runCli(["rank", file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(readdirSync(dir).sort()).toEqual(before);
  return lines[0];
}

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("unusable files: exit 2, their own message, nothing written", () => {
  it("a Word document renamed .xlsx", async () => {
    const docx = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    expect(await refused("bao-cao.xlsx", docx)).toBe(
      "Tệp bao-cao.xlsx là tài liệu Word (.docx) bị đổi tên, không phải bảng tính Excel.",
    );
  });

  it("a truncated file", async () => {
    const whole = await xlsxBytes((wb) => {
      wb.addWorksheet("Bộ tiêu chí").getCell("A1").value = "STT";
    });
    expect(await refused("cut.xlsx", whole.subarray(0, whole.length - 200))).toBe(
      "Tệp cut.xlsx bị hỏng hoặc không đầy đủ (gói zip bị cắt cụt). Hãy xin lại tệp gốc.",
    );
  });

  it("a password-protected workbook (an OLE file holding EncryptedPackage)", async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1016),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    expect(await refused("mat-khau.xlsx", ole)).toContain("mat-khau.xlsx được bảo vệ bằng mật khẩu (mã hóa)");
  });

  it("an empty workbook (one sheet, no data)", async () => {
    const empty = await xlsxBytes((wb) => {
      wb.addWorksheet("Sheet1");
    });
    expect(await refused("trong.xlsx", empty)).toBe("Tệp trong.xlsx không có dữ liệu (mọi sheet đều trống).");
  });

  it("a plain text file", async () => {
    expect(await refused("ghi-chu.xlsx", "Danh sách đơn vị\nSở Tư pháp\n")).toBe(
      "Tệp ghi-chu.xlsx không phải bảng tính Excel .xlsx (nội dung không phải gói Office Open XML).",
    );
  });

  it("a zero-byte file", async () => {
    expect(await refused("rong.xlsx", Buffer.alloc(0))).toBe(
      "Tệp rong.xlsx rỗng (0 byte), không phải bảng tính Excel.",
    );
  });

  it("a workbook with data but no criteria sheet", async () => {
    const noCriteria = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("Ghi chú");
      ws.getCell("A1").value = "Danh sách việc cần làm";
      ws.getCell("A2").value = "Gửi báo cáo trước 15/01";
    });
    expect(await refused("khong-tieu-chi.xlsx", noCriteria)).toContain(
      "Không tìm thấy sheet bộ tiêu chí trong khong-tieu-chi.xlsx",
    );
  });

  it("a workbook with 1,000 sheets, refused before ExcelJS expands it", async () => {
    const sheets = Array.from(
      { length: 1000 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    );
    const many = await zipOf({
      "xl/workbook.xml": `<workbook><sheets>${sheets.join("")}</sheets></workbook>`,
    });
    expect(await refused("nghin-sheet.xlsx", many)).toBe(
      "Tệp nghin-sheet.xlsx có 1000 sheet, vượt giới hạn 500 sheet.",
    );
  });

  it("a zip bomb: a small file declaring a huge uncompressed sheet", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("Bộ tiêu chí").getCell("A1").value = "STT";
    });
    const forged = Buffer.from(bytes);
    for (
      let i = forged.indexOf("PK\u0001\u0002", 0, "latin1");
      i >= 0;
      i = forged.indexOf("PK\u0001\u0002", i + 4, "latin1")
    ) {
      forged.writeUInt32LE(0x7fffffff, i + 24);
    }
    expect(await refused("bom.xlsx", forged)).toMatch(
      /^Tệp bom\.xlsx khi giải nén sẽ chiếm ít nhất \d+ MB, vượt giới hạn an toàn 256 MB/,
    );
  });

  it("a file that does not exist, named with the folder as typed", async () => {
    const missing = path.join(tempDir(), "khong-co.xlsx");
    const run = await runCli(["check", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`Không tìm thấy tệp ${missing}.`);
    const relative = await runCli(["check", "so-lieu-2025/khong-co.xlsx", "--lang", "en"]);
    expect(relative.code).toBe(2);
    expect(relative.stderr.trim()).toBe("File so-lieu-2025/khong-co.xlsx not found.");
  });

  it("says it in English with --lang en", async () => {
    const file = path.join(tempDir(), "text-en.xlsx");
    writeFileSync(file, "hello");
    const run = await runCli(["check", file, "--lang", "en"]);
    expect(run.stderr.trim()).toBe(
      "text-en.xlsx is not an Excel .xlsx workbook (not an Office Open XML package).",
    );
  });

  it("with --strict refuses the whole run, writing nothing, when one of several files is unusable", async () => {
    const dir = tempDir();
    const good = await writeXlsx(dir, "tot.xlsx", smallWorkbook());
    const bad = path.join(dir, "xau.xlsx");
    writeFileSync(bad, "not a workbook");
    const before = readdirSync(dir).sort();
    const run = await runCli(["rank", good, bad, "--strict"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Tệp xau.xlsx không phải bảng tính Excel .xlsx");
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("exits 2 from a real child process too, with the message on stderr", () => {
    const file = path.join(tempDir(), "tien-trinh.xlsx");
    writeFileSync(file, "STT,Đơn vị\n");
    const run = runCliProcess(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(
      "Tệp tien-trinh.xlsx không phải bảng tính Excel .xlsx (nội dung không phải gói Office Open XML).",
    );
  });
});
