/**
 * Reads a small text file given by the user (the --settings JSON): a regular file only (a folder,
 * FIFO or device such as /dev/zero each gets its own message, and a FIFO is never opened, so
 * nothing hangs), at most SETTINGS_FILE_MAX_BYTES (checked before reading, and again while
 * reading in case the file grows).
 */
import { type Stats, promises as fs } from "node:fs";
import { FileProblemError } from "./file-problems";

/** Largest settings file read: the settings of a province fit in a few kilobytes. */
export const SETTINGS_FILE_MAX_BYTES = 1024 * 1024;

export async function readSmallRegularFile(file: string, limit = SETTINGS_FILE_MAX_BYTES): Promise<string> {
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblemError({ code: code === "ENOENT" ? "file_not_found" : "file_unreadable", file });
  }
  if (!stat.isFile()) {
    const kind = stat.isDirectory()
      ? "directory"
      : stat.isFIFO()
        ? "fifo"
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? "device"
          : "other";
    throw new FileProblemError({ code: "settings_file_not_regular", file, detail: kind });
  }
  if (stat.size > limit)
    throw new FileProblemError({ code: "settings_file_too_large", file, count: stat.size, limit });
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(file, "r");
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit)
        throw new FileProblemError({ code: "settings_file_too_large", file, count: length, limit });
    }
    return buffer.subarray(0, length).toString("utf8");
  } catch (error) {
    if (error instanceof FileProblemError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblemError({
      code: "file_unreadable",
      file,
      detail: code === "EACCES" ? undefined : code,
    });
  } finally {
    await handle?.close();
  }
}
