/**
 * Where `rank` writes: never through a link planted in a shared folder, never over a folder, a
 * device, a FIFO or a link, never over a read-only file; `--in-place` keeps the file's mode, owner
 * and hard links. Bad output paths are exit 2 with a message, before any work.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { runCli, writeSnapshotFile } from "./adapters";

const tempDir = useTempDir("par-safe-write-");
let input: string;
let n = 0;

beforeAll(async () => {
  input = path.join(tempDir(), "tinh.xlsx");
  await writeSnapshotFile(buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 2 }).snapshot, input);
});

/** A fresh folder with a copy of the input workbook. */
function folder(): { dir: string; file: string } {
  const dir = path.join(tempDir(), `case-${n++}`);
  mkdirSync(dir);
  const file = path.join(dir, "tinh.xlsx");
  copyFileSync(input, file);
  return { dir, file };
}

const VICTIM = "nội dung của người khác\n";

function expectRefused(run: { status: number; stdout: string; stderr: string }, words: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(words);
}

describe("the temporary file", () => {
  it("is not the predictable .<out>.<pid>.tmp: a link planted under that name changes nothing", async () => {
    const { dir, file } = folder();
    const victim = path.join(dir, "khac.txt");
    writeFileSync(victim, VICTIM);
    const out = path.join(dir, "ket-qua.xlsx");
    symlinkSync(victim, path.join(dir, `.ket-qua.xlsx.${process.pid}.tmp`));
    const run = await runCli(["rank", file, "-o", out]);
    expect([0, 1]).toContain(run.status);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM);
    expect(lstatSync(out).isFile()).toBe(true);
  });
});

describe("the output must be a regular file or absent", () => {
  it("a symbolic link as -o is refused, and the file it points to is untouched", async () => {
    const { dir, file } = folder();
    const victim = path.join(dir, "khac.txt");
    writeFileSync(victim, VICTIM);
    const out = path.join(dir, "ket-qua.xlsx");
    symlinkSync(victim, out);
    expectRefused(await runCli(["rank", file, "-o", out]), /liên kết tượng trưng/);
    expect(readFileSync(victim, "utf8")).toBe(VICTIM);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it("a FIFO as -o is refused and stays a FIFO", async () => {
    const { dir, file } = folder();
    const fifo = path.join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    expectRefused(await runCli(["rank", file, "-o", fifo]), /FIFO/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a device (/dev/null) as -o is refused", async () => {
    const { file } = folder();
    expectRefused(await runCli(["rank", file, "-o", "/dev/null"]), /thiết bị/);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a folder as -o is refused", async () => {
    const { dir, file } = folder();
    expectRefused(await runCli(["rank", file, "-o", dir]), /thư mục/);
  });

  it("an empty -o is a usage error", async () => {
    const { file } = folder();
    const run = await runCli(["rank", file, "-o", ""]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/-o cần tên tệp/);
  });

  it("-o below a path part that is a file is refused (exit 2, not an internal error)", async () => {
    const { dir, file } = folder();
    writeFileSync(path.join(dir, "ghi-chu.txt"), "x");
    const out = path.join(dir, "ghi-chu.txt", "ket-qua.xlsx");
    expectRefused(await runCli(["rank", file, "-o", out]), /đường dẫn không hợp lệ/);
  });

  it("a read-only existing output is refused and kept", async () => {
    const { dir, file } = folder();
    const out = path.join(dir, "ket-qua.xlsx");
    writeFileSync(out, VICTIM);
    chmodSync(out, 0o444);
    expectRefused(await runCli(["rank", file, "-o", out]), /chỉ đọc/);
    expect(readFileSync(out, "utf8")).toBe(VICTIM);
  });

  it("a new output in a folder that does not exist yet is written (the passing case)", async () => {
    const { dir, file } = folder();
    const out = path.join(dir, "moi", "ket-qua.xlsx");
    const run = await runCli(["rank", file, "-o", out]);
    expect([0, 1]).toContain(run.status);
    expect(statSync(out).isFile()).toBe(true);
  });
});

describe("--in-place", () => {
  it("refuses a read-only (0444) file and leaves it as it was", async () => {
    const { file } = folder();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    expectRefused(await runCli(["rank", file, "--in-place"]), /chỉ đọc/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it("keeps the file's mode (0640) and, run by an administrator, its owner", async () => {
    const { file } = folder();
    chmodSync(file, 0o640);
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 4321, 4321);
    const run = await runCli(["rank", file, "--in-place"]);
    expect([0, 1]).toContain(run.status);
    const after = statSync(file);
    expect(after.mode & 0o777).toBe(0o640);
    if (root) expect([after.uid, after.gid]).toEqual([4321, 4321]);
  });

  it("keeps hard links: every name of the file sees the ranking", async () => {
    const { dir, file } = folder();
    const other = path.join(dir, "ban-sao-lien-ket.xlsx");
    linkSync(file, other);
    const inode = statSync(file).ino;
    const run = await runCli(["rank", file, "--in-place"]);
    expect([0, 1]).toContain(run.status);
    expect(statSync(file).ino).toBe(inode);
    expect(statSync(file).nlink).toBe(2);
    expect(readFileSync(other).equals(readFileSync(file))).toBe(true);
    expect(readFileSync(file).equals(readFileSync(input))).toBe(false);
    expect(existsSync(path.join(dir, ".tinh.xlsx.tmp"))).toBe(false);
  });
});
