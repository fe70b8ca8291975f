/**
 * Writing a workbook to disk without trusting the place: the target must be a regular file or
 * absent (never a folder, a device, a FIFO or a symbolic link); the temporary file is created
 * exclusively (O_CREAT|O_EXCL, which never follows a link) under a random name in the target's
 * folder, then renamed over the target, so that nobody can have PAR Scorer write through a link
 * planted in a shared folder. Rewriting a file in place keeps its permissions and, when the process
 * may, its owner; a file with several hard links is rewritten in its own inode (after the complete
 * temporary file has proved the disk has room), so that every link sees the new content. A
 * read-only file is refused.
 */
import { randomBytes } from "node:crypto";
import { type Stats, constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { type FileProblem, FileProblemError } from "./file-problems";

/** Why a target cannot be written, or null when it can; checked before any work is done. */
export async function checkWriteTarget(target: string): Promise<FileProblem | null> {
  if (target.trim() === "") return { code: "output_bad_path", file: target };
  const existing = await lstatOrNull(target);
  if (existing === "error") return { code: "output_bad_path", file: target };
  if (existing) {
    if (!existing.isFile()) return { code: "output_not_regular", file: target, detail: kindOf(existing) };
    // Read-only for everyone (0444): refused even to an administrator, who could write it.
    if ((existing.mode & 0o222) === 0) return { code: "output_read_only", file: target };
    try {
      await fs.access(target, constants.W_OK);
    } catch {
      return { code: "output_read_only", file: target };
    }
    return null;
  }
  // The nearest folder that exists must be a folder (not "report.txt/out.xlsx").
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const stat = await lstatOrNull(dir);
    if (stat === "error") return { code: "output_bad_path", file: target };
    if (stat) {
      const real = stat.isSymbolicLink() ? await statOrNull(dir) : stat;
      if (!real || !real.isDirectory()) return { code: "output_bad_path", file: target, detail: dir };
      return null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { code: "output_bad_path", file: target };
    dir = parent;
  }
}

/** Writes `bytes` to `target` safely (see above); any failure is a FileProblemError naming the target. */
export async function writeFileSafely(target: string, bytes: Uint8Array): Promise<void> {
  const problem = await checkWriteTarget(target);
  if (problem) throw new FileProblemError(problem);
  const dir = path.dirname(path.resolve(target));
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw failed(target, error);
  }
  const before = await lstatOrNull(target);
  const existing = before && before !== "error" && before.isFile() ? before : null;
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    // A new file gets the usual permissions (0666 less the umask); a replaced one keeps its own.
    handle = await fs.open(temp, "wx", existing ? 0o600 : 0o666);
    await fs.writeFile(handle, bytes);
    await handle.sync();
    if (existing) {
      await handle.chmod(existing.mode & 0o7777);
      // Keeps the owner when the process may (an administrator rewriting someone's file).
      await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    await handle.close();
    handle = null;
    if (existing && existing.nlink > 1) {
      // Hard links: the same inode is rewritten once the complete copy exists. Should that fail
      // half-way, the complete copy takes the name (the links are split, no content is lost).
      try {
        await fs.writeFile(target, bytes, {
          flag: constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW,
        });
      } catch (error) {
        await fs.rename(temp, target);
        throw error;
      }
      await fs.rm(temp, { force: true });
    } else {
      await fs.rename(temp, target);
    }
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw failed(target, error);
  }
}

function failed(target: string, error: unknown): FileProblemError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FileProblemError({ code: "write_failed", file: target, detail: code ?? "EIO" });
}

async function lstatOrNull(file: string): Promise<Stats | null | "error"> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? null : "error";
  }
}

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** The kind of a file that is not a regular file, as a key of file-problems.ts's labels. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return "directory";
  if (stat.isSymbolicLink()) return "symlink";
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  return "other";
}
