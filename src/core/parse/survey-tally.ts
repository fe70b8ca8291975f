/**
 * Survey answer tallies, for workbooks that carry the sociological survey's answer counts rather
 * than its points. Layout: a header row with a unit column (Đơn vị / Tên đơn vị), a criterion
 * code column (Mã tiêu chí / STT / Tiêu chí) and one column per answer option headed by the
 * option's key as in the settings (A, B, C, D…; "Phương án A" also reads as A); then one row per
 * unit and survey criterion with the number of answers for each option:
 *
 *   Đơn vị       | Mã tiêu chí | A  | B  | C | D
 *   Sở Tư pháp   | 8.1.1       | 120| 40 | 8 | 2
 */
import { type SheetSnapshot, cellAt, isBlank, toA1 } from "../grid";
import { type Issue, makeIssue } from "../issues";
import type { CriteriaSet, SurveyTally } from "../model";
import { cellText, foldText, parseNumber } from "../text";
import { parseCode } from "./criterion-code";
import type { Header } from "./header-band";
import { MAX_ANSWER_COUNT } from "./limits";

/** Option columns of a header: the option key (as in the settings) by column. */
export function findOptionColumns(header: Header, optionKeys: readonly string[]): Map<number, string> {
  const keys = new Map(optionKeys.map((k) => [foldText(k), k]));
  const out = new Map<number, string>();
  for (const c of header.columns) {
    const t = foldText(c.labels[c.labels.length - 1] ?? "").replace(
      /^(phuong an|dap an|muc|lua chon)\s+/,
      "",
    );
    const key = keys.get(t);
    if (key !== undefined) out.set(c.col, key);
  }
  return out;
}

/** True when a header looks like a tally sheet: a unit column and at least two option columns. */
export function isSurveyTallyHeader(header: Header, optionKeys: readonly string[]): boolean {
  return header.roles.unitName !== undefined && findOptionColumns(header, optionKeys).size >= 2;
}

/** Reads the tallies; counts must be whole numbers of 0 or more (blank counts 0). */
export function parseSurveyTally(
  sheet: SheetSnapshot,
  header: Header,
  criteria: CriteriaSet | null,
  optionKeys: readonly string[],
): { tallies: SurveyTally[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const tallies: SurveyTally[] = [];
  const unitCol = header.roles.unitName;
  const codeCol = header.roles.code ?? header.roles.title;
  if (unitCol === undefined || codeCol === undefined) return { tallies, issues };
  const options = findOptionColumns(header, optionKeys);
  for (let row = header.dataStart; row < sheet.values.length; row++) {
    const unit = cellText(cellAt(sheet.values, row, unitCol));
    const code = parseCode(cellAt(sheet.values, row, codeCol));
    if (unit === "" || !code) continue;
    const codeCell = toA1(row, codeCol);
    const matches = criteria
      ? criteria.order.filter((id) => id === code.text || criteria.nodes[id].code === code.text)
      : [];
    if (criteria && matches.length !== 1) {
      issues.push(
        makeIssue("unknown_code", { sheet: sheet.name, cell: codeCell, unit }, { input: code.text }),
      );
      continue;
    }
    const counts: Record<string, number> = {};
    for (const [col, key] of options) {
      const v = cellAt(sheet.values, row, col);
      if (isBlank(v)) {
        counts[key] = 0;
        continue;
      }
      const n = parseNumber(v);
      if (n === null || n < 0 || !Number.isInteger(n) || n > MAX_ANSWER_COUNT) {
        issues.push(
          makeIssue(
            "survey_tally_invalid",
            { sheet: sheet.name, cell: toA1(row, col), unit, criterion: code.text },
            { input: cellText(v) },
          ),
        );
        continue;
      }
      counts[key] = n;
    }
    tallies.push({ unit, criterionId: matches[0] ?? code.text, counts, sheet: sheet.name, cell: codeCell });
  }
  return { tallies, issues };
}
