/**
 * What the engine cannot hold is reported, never cut down without a word: a score typed with more
 * decimals than the 6 kept ("1,5000001" would become 1,5), and a criteria set numbered beyond the
 * largest code the engine reads (200: a set of 250 criteria would be ranked on its first 200).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import type { JsonResult } from "../../src/core/report/to-json-result";
import {
  type FixtureNode,
  type LeafScore,
  buildCriteriaSheet,
  buildUnitSheet,
  GROUP_DEPARTMENTS,
} from "../fixtures/province-workbook";
import { useTempDir } from "../node/temp-dir";
import { runCli, writeSnapshotFile } from "./adapters";

const tempDir = useTempDir("par-limits-");

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

/** Fields I, II, … of `perField` criteria each, numbered 1, 2, … across the set, 1 point each. */
function criteriaSet(fields: number, perField: number): FixtureNode[] {
  let code = 0;
  return ROMAN.slice(0, fields).map((roman, f) => ({
    code: roman,
    title: `LĨNH VỰC ${roman}`,
    max: perField,
    children: Array.from({ length: perField }, () => {
      code++;
      return { code: String(code), title: `Tiêu chí ${code} của lĩnh vực ${f + 1}`, max: 1 };
    }),
  }));
}

function leavesOf(fields: FixtureNode[]): string[] {
  return fields.flatMap((f) => (f.children ?? []).map((c) => c.code));
}

/** A workbook of three units, every leaf scored `score` (a number or what a person typed). */
function workbook(fields: FixtureNode[], typedScore: (code: string) => number = () => 1): WorkbookSnapshot {
  const units = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính"];
  const sheets: SheetSnapshot[] = [buildCriteriaSheet({ fields })];
  units.forEach((name, i) => {
    const scores: Record<string, LeafScore> = {};
    for (const code of leavesOf(fields)) {
      const self = typedScore(code);
      scores[code] = {
        self,
        appraised: self,
        survey: null,
        notApplicable: false,
        evidence: "Báo cáo số 12/BC",
        explanation: null,
      };
    }
    const unit = { name, group: GROUP_DEPARTMENTS };
    sheets.push(buildUnitSheet(unit, scores, { fields, sheetName: `0${i + 1} ${name}`, textNumbers: 0 }));
  });
  return { sheets };
}

/** Replaces, on every unit sheet, the cells holding `from` in the self and appraised columns by `to`. */
function retype(snapshot: WorkbookSnapshot, code: string, to: CellValue): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s, i) =>
      i === 0
        ? s
        : {
            ...s,
            values: s.values.map((line) =>
              line[0] === code ? line.map((v, c) => (c >= 3 && typeof v === "number" ? to : v)) : line,
            ),
          },
    ),
  };
}

async function check(snapshot: WorkbookSnapshot, name: string, command = "check") {
  const input = path.join(tempDir(), `${name}.xlsx`);
  const output = path.join(tempDir(), `${name}.xep-hang.xlsx`);
  await writeSnapshotFile(snapshot, input);
  const args = command === "rank" ? ["rank", input, "-o", output, "--json"] : ["check", input, "--json"];
  return { ...(await runCli(args)), output };
}

describe("a score typed with more decimals than the engine keeps", () => {
  const fields = criteriaSet(2, 5);

  it('"1,5000001" typed as text is an error at its cell naming what would be kept, not rounded to 1,5', async () => {
    const typed = retype(
      workbook(fields, () => 1),
      "3",
      "1,5000001",
    );
    // The maximum of criterion 3 is 1: make it 2 so that 1,5 would be a valid score.
    const [criteria, ...units] = typed.sheets;
    const values = criteria.values.map((line) => (line[0] === "3" ? [line[0], line[1], 2] : line));
    const run = await check({ sheets: [{ ...criteria, values }, ...units] }, "decimals");
    const result = JSON.parse(run.stdout) as JsonResult;
    const issues = result.issues.filter((i) => i.code === "score_too_many_decimals");
    // Self and appraised cells of criterion 3 on each of the three unit sheets.
    expect(issues).toHaveLength(6);
    expect(
      issues.every((i) => i.severity === "error" && i.criterion === "3" && /^[A-Z]+\d+$/.test(i.cell!)),
    ).toBe(true);
    expect(issues[0].message).toMatch(/"1,5000001" có hơn 6 chữ số thập phân.*thành 1,5\)/);
    expect(run.status).toBe(1);
    // Not counted: each unit earns 9 of 11 points, not 10,5.
    for (const u of result.groups.flatMap((g) => g.units)) expect(u.points).toBe(9);
  });

  it("the English text names the value and what is kept", async () => {
    const input = path.join(tempDir(), "decimals-en.xlsx");
    await writeSnapshotFile(retype(workbook(fields), "3", "0,12345678"), input);
    const run = await runCli(["check", input, "--json", "--lang", "en"]);
    const issue = (JSON.parse(run.stdout) as JsonResult).issues.find(
      (i) => i.code === "score_too_many_decimals",
    );
    expect(issue?.message).toBe(
      'Score "0,12345678" has more than 6 decimals; PAR Scorer keeps 6 (it would become 0.123457), so the score is not counted. Enter at most 6 decimals.',
    );
  });

  it.each([["0,5"], ["0,500000"], ["0,5000000"], ["0,123456"], [" 0,25 "]])(
    "%j has at most 6 significant decimals and is read as typed (the passing case)",
    async (text) => {
      const run = await check(retype(workbook(fields), "3", text), "six-decimals");
      const result = JSON.parse(run.stdout) as JsonResult;
      expect(result.issues.map((i) => i.code)).not.toContain("score_too_many_decimals");
      expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    },
  );

  it("a number cell with more decimals (=2/3 as Excel stores it) is read at 6 decimals, as documented", async () => {
    // A number cell is what Excel holds, formula results included (=2/3, survey shares): it is
    // rounded at the 6th decimal as the engine rounds its own computed points (docs/computation.md).
    const snapshot = retype(workbook(fields), "3", 0.6666666666666666);
    const run = await check(snapshot, "number-decimals");
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.issues.map((i) => i.code)).not.toContain("score_too_many_decimals");
    for (const u of result.groups.flatMap((g) => g.units)) expect(u.points).toBe(9.666667);
  });
});

describe("a criteria set beyond the engine's limit of 200 per code number", () => {
  it("250 criteria numbered across the set: exit 2 naming the first code beyond and the limit, nothing written", async () => {
    const run = await check(workbook(criteriaSet(5, 50)), "250", "rank");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Sheet "Bộ tiêu chí", ô A\d+: mã tiêu chí "201" có số lớn hơn 200/);
    expect(existsSync(run.output)).toBe(false);
  });

  it("a code such as 1.250 is beyond it too; English names it", async () => {
    const fields: FixtureNode[] = [
      {
        code: "I",
        title: "LĨNH VỰC I",
        max: 2,
        children: [
          { code: "1.1", title: "Tiêu chí 1.1", max: 1 },
          { code: "1.250", title: "Tiêu chí 1.250", max: 1 },
        ],
      },
    ];
    const input = path.join(tempDir(), "1-250.xlsx");
    await writeSnapshotFile(workbook(fields), input);
    const run = await runCli(["check", input, "--lang", "en"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/criterion code "1\.250" has a number above 200/);
  });

  it("200 criteria, the limit itself, are all read and ranked (the passing case)", async () => {
    const run = await check(workbook(criteriaSet(4, 50)), "200", "rank");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.issues.filter((i) => i.severity !== "info")).toEqual([]);
    for (const u of result.groups.flatMap((g) => g.units)) {
      expect(u.points).toBe(200);
      expect(u.maxPoints).toBe(200);
    }
    expect(existsSync(run.output)).toBe(true);
  });
});
