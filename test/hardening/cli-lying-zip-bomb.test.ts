/**
 * A zip bomb whose headers understate the sheet's size (declared 5,000 bytes, really 300 MB):
 * the declared-size check alone would let it through, and ExcelJS would inflate the whole sheet in
 * memory. The package check inflates it as a stream, counting bytes, and refuses it.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { useTempDir } from "../node/temp-dir";
import { lyingZipBomb, runCliChild, zipBomb } from "./hostile-files";

jest.setTimeout(120_000);
const tempDir = useTempDir("par-lying-bomb-");

it("a zip bomb with falsified sizes is refused within 400 MB of memory", async () => {
  const file = path.join(tempDir(), "bom-gia.xlsx");
  writeFileSync(file, lyingZipBomb(await zipBomb(300)));
  const run = await runCliChild(["check", file], 60_000);
  expect({ status: run.status, timedOut: run.timedOut }).toEqual({ status: 2, timedOut: false });
  expect(run.maxRssMb!).toBeLessThan(400);
});
