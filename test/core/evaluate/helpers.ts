/**
 * Small literal builders for compute tests: a criteria set from a nested outline, a unit's
 * scoring rows from a table of cells, a parsed workbook around them. Cells follow a fixed
 * unit-sheet layout: code A, maximum C, self-score D, appraised E, survey F, evidence G,
 * explanation H; criteria start on row 5.
 */
import type { CellValue } from "../../../src/core/grid";
import type {
  AllowedLevels,
  CriteriaNode,
  CriteriaSet,
  ParsedWorkbook,
  ScoreRow,
  ScoringLayout,
  ScoringRole,
  SurveyTally,
  UnitListEntry,
  UnitScores,
} from "../../../src/core/model";
import { toMicro } from "../../../src/core/points";
import { type Settings, type SettingsInput, settingsSchema } from "../../../src/core/settings";

export type Outline = {
  id: string;
  max: number | null;
  title?: string;
  role?: ScoringRole;
  weight?: number;
  levels?: AllowedLevels;
  children?: Outline[];
};

/** A criteria set from an outline of fields → criteria → sub-criteria; roles are inherited. */
export function criteriaSet(fields: Outline[], sheet = "Bộ tiêu chí"): CriteriaSet {
  const nodes: Record<string, CriteriaNode> = {};
  const order: string[] = [];
  const leafIds: string[] = [];
  let row = 4;
  const kinds = ["field", "criterion", "subCriterion"] as const;
  const add = (o: Outline, depth: 1 | 2 | 3, parentId: string | null, inherited: ScoringRole): void => {
    const role = o.role ?? inherited;
    nodes[o.id] = {
      id: o.id,
      code: o.id.includes("/") ? o.id.split("/")[1] : o.id,
      title: o.title ?? `Tiêu chí ${o.id}`,
      kind: kinds[depth - 1],
      depth,
      parentId,
      childIds: (o.children ?? []).map((c) => c.id),
      maxPoints: o.max === null ? null : toMicro(o.max),
      role,
      weight: o.weight ?? null,
      levels: o.levels ?? null,
      row: row++,
    };
    order.push(o.id);
    if (!o.children || o.children.length === 0) leafIds.push(o.id);
    for (const c of o.children ?? []) add(c, (depth + 1) as 2 | 3, o.id, role);
  };
  for (const f of fields) add(f, 1, null, "normal");
  const scored = fields.filter((f) => (f.role ?? "normal") === "normal" || f.role === "survey");
  return {
    sheet,
    headerRow: 2,
    columns: { code: 0, title: 1, maxPoints: 2 },
    nodes,
    order,
    fieldIds: fields.map((f) => f.id),
    leafIds,
    maxPoints: scored.reduce((s, f) => s + toMicro(f.max ?? 0), 0),
    totalRow: null,
  };
}

export type RowCells = {
  self?: CellValue;
  appraised?: CellValue;
  survey?: CellValue;
  evidence?: CellValue;
  explanation?: CellValue;
};

export type SheetColumns = {
  self: boolean;
  appraised: boolean;
  survey: boolean;
  evidence: boolean;
  explanation: boolean;
};

const DEFAULT_COLUMNS: SheetColumns = {
  self: true,
  appraised: true,
  survey: true,
  evidence: true,
  explanation: true,
};

/**
 * A unit's scoring: one row per entry, in order, starting on sheet row 5. Columns that the
 * sheet has give a SourceCell (value null when not given); absent columns give null.
 * Evidence defaults to "Có" so that tests of other rules are not distracted by evidence_missing.
 */
export function unitScores(
  unit: string,
  rows: Record<string, RowCells>,
  opts: {
    sheet?: string;
    layout?: ScoringLayout;
    columns?: Partial<SheetColumns>;
    nameCell?: string | null;
  } = {},
): UnitScores {
  const cols = { ...DEFAULT_COLUMNS, ...opts.columns };
  const scoreRows: ScoreRow[] = Object.entries(rows).map(([id, cells], i) => {
    const r = i + 5;
    const at = (present: boolean, letter: string, value: CellValue | undefined) =>
      present ? { value: value ?? null, cell: `${letter}${r}` } : null;
    return {
      criterionId: id,
      code: id,
      row: r - 1,
      codeCell: `A${r}`,
      maxPoints: null,
      selfScore: at(cols.self, "D", cells.self),
      appraisedScore: at(cols.appraised, "E", cells.appraised),
      surveyPoints: at(cols.survey, "F", cells.survey),
      evidence: at(cols.evidence, "G", "evidence" in cells ? cells.evidence : "Có"),
      explanation: at(cols.explanation, "H", cells.explanation),
      comment: null,
    };
  });
  return {
    unit,
    sheet: opts.sheet ?? unit.slice(0, 31),
    layout: opts.layout ?? "unitSheet",
    nameCell: opts.nameCell === undefined ? "B2" : opts.nameCell,
    rows: scoreRows,
  };
}

/** A parsed workbook around a criteria set and units. */
export function parsedWorkbook(
  criteria: CriteriaSet | null,
  units: UnitScores[],
  extra: { unitList?: UnitListEntry[]; surveyTallies?: SurveyTally[] } = {},
): ParsedWorkbook {
  return {
    layout: {
      criteriaSheet: criteria?.sheet ?? null,
      unitSheets: units.filter((u) => u.layout === "unitSheet").map((u) => u.sheet),
      matrixSheets: [...new Set(units.filter((u) => u.layout === "matrix").map((u) => u.sheet))],
      unitsListSheet: extra.unitList?.[0]?.sheet ?? null,
      surveySheet: extra.surveyTallies?.[0]?.sheet ?? null,
      generatedSheets: [],
      ignoredSheets: [],
      sheetLayouts: [],
    },
    criteria,
    units,
    unitList: extra.unitList ?? [],
    surveyTallies: extra.surveyTallies ?? [],
  };
}

/** Settings from partial input over the defaults. */
export function settingsWith(input: SettingsInput = {}): Settings {
  return settingsSchema.parse(input);
}

/** A units list (STT · Tên đơn vị · Khối) on sheet "Danh sách", names in column B from row 3. */
export function unitList(entries: [unit: string, group: string][]): UnitListEntry[] {
  return entries.map(([unit, group], i) => ({ unit, group, sheet: "Danh sách", cell: `B${i + 3}` }));
}
