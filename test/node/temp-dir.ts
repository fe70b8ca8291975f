/** A fresh temporary folder per test file, removed afterwards. */
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Creates a temporary folder now and registers its removal after all tests of the file. */
export function useTempDir(prefix = "par-scorer-"): () => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
