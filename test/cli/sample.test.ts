import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { runCli } from "./run-cli";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
/** A row without its trailing empty cells. */
function trimRow(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined || row[end - 1] === "")) end--;
  return row.slice(0, end);
}

const REBUILD =
  "samples/ are stale: run `npx ts-node --transpile-only scripts/make-sample.ts` and commit them.";

describe("the bundled samples", () => {
  it.each([
    ["so-noi-vu-2025.xlsx", "unitSheets"],
    ["tong-hop-ma-tran-2025.xlsx", "matrix"],
  ] as const)(
    "%s holds the fixture's values (seed 2025) and its known mistakes at their cells",
    async (file, layout) => {
      const province = buildProvinceWorkbook({ layout, units: 24, mistakes: true, seed: 2025 });
      const sample = path.join(SAMPLES, file);
      const { sheets } = await (await openXlsxWorkbook(sample)).read();
      // A read keeps each row only as far as its last value (bounded reading): compare the values.
      const valuesOf = (list: readonly { name: string; values: readonly (readonly unknown[])[] }[]) =>
        JSON.stringify(list.map((s) => ({ name: s.name, values: s.values.map(trimRow) })));
      if (valuesOf(sheets) !== valuesOf(province.snapshot.sheets)) {
        throw new Error(REBUILD);
      }
      const run = await runCli(["check", sample, "--json"]);
      expect(run.code).toBe(1);
      const result = JSON.parse(run.stdout) as JsonResult;
      expect(result.units).toHaveLength(24);
      expect(new Set(result.units.map((u) => u.group))).toEqual(new Set(province.units.map((u) => u.group)));
      for (const m of province.mistakes) {
        expect(result.issues).toContainEqual(
          expect.objectContaining({ code: m.code, sheet: m.sheet, cell: m.cell }),
        );
      }
    },
  );
});
