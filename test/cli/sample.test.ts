import * as path from "node:path";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { openXlsxWorkbook } from "../../src/node/xlsx-workbook";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { runCli } from "./run-cli";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
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
      const fixtureSheets = province.snapshot.sheets.map((s) => ({ name: s.name, values: s.values }));
      if (
        JSON.stringify(sheets.map((s) => ({ name: s.name, values: s.values }))) !==
        JSON.stringify(fixtureSheets)
      ) {
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
