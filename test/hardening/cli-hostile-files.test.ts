/**
 * The command line on files that are not what they claim: each run, as a child process, ends with
 * exit status 2 and one line naming the file (or a normal result), within a time limit and a
 * memory limit — never a crash (exit 3, a signal) or a hang.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { writeSnapshotFile } from "./adapters";
import {
  type ChildRun,
  encryptedWorkbook,
  legacyXls,
  manySheets,
  runCliChild,
  truncated,
  wordDocument,
  zipBomb,
} from "./hostile-files";

jest.setTimeout(120_000);

const tempDir = useTempDir("par-hostile-files-");

/** Wall time a refusal may take, ts-node start-up (2–4 s on 2 cores) included. */
const TIME_LIMIT_MS = 30_000;
/** Peak memory a refusal may take; Node and ExcelJS alone need about 150 MB. */
const MEMORY_LIMIT_MB = 400;

/** Runs `par-scorer check FILE` on the bytes given and checks that it ended well and in bounds. */
async function checkFile(name: string, bytes: Buffer): Promise<ChildRun> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  const run = await runCliChild(["check", file], TIME_LIMIT_MS * 2);
  expect({ timedOut: run.timedOut, signal: run.signal }).toEqual({ timedOut: false, signal: null });
  expect(run.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(run.maxRssMb).not.toBeNull();
  expect(run.maxRssMb!).toBeLessThan(MEMORY_LIMIT_MB);
  return run;
}

/** The one-line refusal, exit status 2, naming the file. */
function expectRefusal(run: ChildRun, name: string, words: RegExp): void {
  expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(words);
}

let goodWorkbook: Buffer;

beforeAll(async () => {
  const file = path.join(tempDir(), "tinh.xlsx");
  await writeSnapshotFile(buildProvinceWorkbook({ units: 3, layout: "matrix" }).snapshot, file);
  goodWorkbook = readFileSync(file);
});

describe("the command line refuses files that are not usable workbooks", () => {
  it("a real workbook, as a control, gives a normal result (exit 0 or 1) in bounds", async () => {
    const run = await checkFile("that-so.xlsx", goodWorkbook);
    expect([0, 1]).toContain(run.status);
    expect(run.stdout).not.toBe("");
  });

  it("a Word document renamed .xlsx", async () => {
    expectRefusal(await checkFile("bao-cao.xlsx", await wordDocument()), "bao-cao.xlsx", /Word/);
  });

  it("a truncated workbook", async () => {
    expectRefusal(await checkFile("cat-cut.xlsx", truncated(goodWorkbook)), "cat-cut.xlsx", /hỏng|cắt cụt/);
  });

  it("a workbook cut just before its end", async () => {
    const bytes = goodWorkbook.subarray(0, goodWorkbook.length - 10);
    expectRefusal(await checkFile("thieu-duoi.xlsx", bytes), "thieu-duoi.xlsx", /hỏng|cắt cụt/);
  });

  it("an encrypted (password-protected) workbook", async () => {
    expectRefusal(await checkFile("mat-khau.xlsx", encryptedWorkbook()), "mat-khau.xlsx", /mật khẩu/);
  });

  it("a legacy .xls workbook renamed .xlsx", async () => {
    expectRefusal(await checkFile("cu.xlsx", legacyXls()), "cu.xlsx", /97-2003/);
  });

  it("a zip bomb: 2 MB that would expand to 300 MB", async () => {
    const bomb = await zipBomb(300);
    expect(bomb.length).toBeLessThan(5 * 2 ** 20);
    expectRefusal(await checkFile("bom.xlsx", bomb), "bom.xlsx", /giải nén/);
  });

  it("a workbook of 1,000 sheets", async () => {
    expectRefusal(
      await checkFile("nghin-sheet.xlsx", await manySheets(1000)),
      "nghin-sheet.xlsx",
      /1000 sheet/,
    );
  });

  it("an empty file and random bytes", async () => {
    expectRefusal(await checkFile("rong.xlsx", Buffer.alloc(0)), "rong.xlsx", /rỗng/);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expectRefusal(await checkFile("nhieu.xlsx", noise), "nhieu.xlsx", /không phải/);
  });
});
