/**
 * The domain model shared by every stage of the engine.
 *
 * Glossary: field = lĩnh vực, criterion = tiêu chí, subCriterion = tiêu chí thành phần,
 * unit = đơn vị (a sở, a xã…), group = khối (ranking group), maxPoints = điểm tối đa,
 * selfScore = điểm tự đánh giá, appraisedScore = điểm thẩm định, survey = điều tra xã hội học,
 * evidence = tài liệu kiểm chứng, explanation = giải trình, band = xếp loại.
 *
 * Rows and columns are zero-based indices into a grid; cells in issues are A1 text.
 */
import type { CellRange, CellValue } from "./grid";
import type { Issue } from "./issues";
import type { Micro } from "./points";
import type { Settings } from "./settings";
import type { YearComparison } from "./compare/compare-years";

/** What a column of a criteria or scoring sheet holds. */
export type ColumnRole =
  | "code" // STT / TT / Mã
  | "title" // Lĩnh vực, tiêu chí… / Nội dung
  | "maxPoints" // Điểm tối đa / Thang điểm / Điểm chuẩn
  | "method" // Phương pháp đánh giá
  | "levels" // Mức điểm: allowed score levels ("0; 0,5; 1" or "bước 0,25")
  | "weight" // Trọng số
  | "kind" // Loại / Nguồn: marks survey, bonus, deduction rows
  | "selfScore" // Điểm tự đánh giá / Tự chấm
  | "appraisedScore" // Điểm thẩm định
  | "surveyPoints" // Điểm điều tra XHH
  | "evidence" // Tài liệu kiểm chứng / TLKC
  | "explanation" // Giải trình
  | "comment" // Ghi chú / Ý kiến hội đồng thẩm định
  | "unitName" // Tên đơn vị (units list)
  | "group"; // Khối / Nhóm (units list)

/** Zero-based column index per role found on a sheet. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

export type NodeKind = "field" | "criterion" | "subCriterion";

/**
 * How a node's points count: ordinary, survey (filled in by Sở Nội vụ, never self-scored),
 * bonus (điểm cộng/thưởng, outside the 100, capped at its maximum) or deduction (điểm trừ/phạt,
 * scored as a non-positive number down to −maximum).
 */
export type ScoringRole = "normal" | "survey" | "bonus" | "deduction";

/** Allowed score levels of a leaf, in micro-points: a list ("0; 0,5; 1") or a step ("0,25"). */
export type AllowedLevels = { kind: "values"; values: Micro[] } | { kind: "step"; step: Micro };

export type CriteriaNode = {
  /**
   * Unique key of the node within the set: the code as typed, normalised ("I", "II", "1",
   * "1.1", "1.1.2"). When the set restarts its numbering in each field, the key is qualified
   * by the field ("II/1") so that it stays unique; scoring sheets are keyed the same way.
   */
  id: string;
  /** The code as shown to people ("I", "1.1"). */
  code: string;
  title: string;
  kind: NodeKind;
  depth: 1 | 2 | 3;
  parentId: string | null;
  childIds: string[];
  /** Null only when the sheet gave none (reported as an issue). */
  maxPoints: Micro | null;
  role: ScoringRole;
  /** Weight (Trọng số) of a field, when the sheet carries one. */
  weight: number | null;
  levels: AllowedLevels | null;
  /** Row of the criteria sheet (zero-based). */
  row: number;
};

export type CriteriaSet = {
  sheet: string;
  headerRow: number;
  columns: ColumnMap;
  nodes: Record<string, CriteriaNode>;
  /** Node ids in sheet order. */
  order: string[];
  fieldIds: string[];
  leafIds: string[];
  /** Sum of the maxima of the ordinary and survey fields (bonus and deduction excluded). */
  maxPoints: Micro;
  /** The "Tổng cộng" row, when present. */
  totalRow: { row: number; maxPoints: Micro | null } | null;
};

/** A cell read from a scoring sheet: its raw value and where it is. */
export type SourceCell = { value: CellValue; cell: string };

/** One criterion row of a unit's scoring (a row of a unit sheet, or a row × unit column of a matrix). */
export type ScoreRow = {
  /** The criteria node this row matched, or null when its code is not in the set. */
  criterionId: string | null;
  /** The code as typed on the scoring sheet. */
  code: string;
  /** Row on the scoring sheet (zero-based). */
  row: number;
  /** The code cell, A1. */
  codeCell: string;
  maxPoints: SourceCell | null;
  selfScore: SourceCell | null;
  appraisedScore: SourceCell | null;
  surveyPoints: SourceCell | null;
  evidence: SourceCell | null;
  explanation: SourceCell | null;
  comment: SourceCell | null;
};

/**
 * "unitSheet": the unit's own sheet (it self-scores, cites evidence); "matrix": a sheet of several
 * units compiled by Sở Nội vụ, whichever way round (a criteria × units matrix, a transposed
 * sheet, field totals: see WorkbookLayout.sheetLayouts for the shape).
 */
export type ScoringLayout = "unitSheet" | "matrix";

/** Everything read for one unit. */
export type UnitScores = {
  unit: string;
  sheet: string;
  layout: ScoringLayout;
  /** Where the unit's name was read ("Đơn vị: …" cell or matrix header), null when taken from the sheet name. */
  nameCell: string | null;
  rows: ScoreRow[];
  /**
   * "fields" when the sheet holds only each field's points (a field-totals summary): the rows
   * then carry field ids, and results stop at the fields. Absent: the rows are leaves.
   */
  scoredAt?: "fields";
  /** The group named by a section row above the unit on its sheet ("A. CÁC SỞ, BAN, NGÀNH"), if any. */
  sectionGroup?: string;
};

/** One entry of a units list sheet (STT · Tên đơn vị · Khối). */
export type UnitListEntry = { unit: string; group: string; sheet: string; cell: string };

/** What a sheet is for, as detected or as the user set it (settings.sheetLayouts). */
export type SheetPurpose = "criteria" | "scoring" | "unitsList" | "survey" | "generated" | "ignore";

/** Where the units of a scoring sheet run: across the columns (a matrix) or down the rows (transposed). */
export type SheetOrientation = "unitsInColumns" | "unitsInRows";

/**
 * The shape of a scoring sheet:
 * - unitSheet: one unit; criteria codes down a column, the unit's score columns beside them;
 * - matrix: criteria codes down a column, one column group per unit (units in columns);
 * - transposed: criteria codes along a header row, one row per unit (units in rows);
 * - fieldTotals: only each unit's points per field (lĩnh vực), in either orientation.
 */
export type ScoringShape = "unitSheet" | "matrix" | "transposed" | "fieldTotals";

/**
 * How one sheet was read: shown in the Tổng quan tab and in `check --json`. Rows are 1-based
 * and columns are letters, as people see them in Excel.
 */
export type DetectedSheetLayout = {
  sheet: string;
  kind: SheetPurpose;
  /** Scoring sheets holding several units; null for a unit's own sheet and for other kinds. */
  orientation: SheetOrientation | null;
  /** Scoring sheets only. */
  shape: ScoringShape | null;
  /** First and last header rows (1-based), null when no header was found. */
  headerRows: [number, number] | null;
  /** The column holding the criterion codes (criteria down the rows), or the row holding them (codes across). */
  codes: { column?: string; row?: number } | null;
  /**
   * Where the unit names are: a cell ("Đơn vị: …" on a unit's sheet), a row (a matrix's header),
   * or a column (a transposed sheet, a units list); null when the unit is named by its sheet.
   */
  units: { cell?: string; row?: number; column?: string } | null;
  /** "user" when settings.sheetLayouts (or settings.sheets) decided the kind or the orientation. */
  source: "detected" | "user";
};

/** How the workbook's sheets were understood. */
export type WorkbookLayout = {
  criteriaSheet: string | null;
  unitSheets: string[];
  /** Sheets holding several units: matrices, transposed sheets and field totals (see sheetLayouts for the shape). */
  matrixSheets: string[];
  unitsListSheet: string | null;
  surveySheet: string | null;
  /** Sheets PAR Scorer wrote earlier (ranking, summary). */
  generatedSheets: string[];
  /** Sheets that are none of the above. */
  ignoredSheets: string[];
  /** Every sheet of the workbook, in workbook order, with how it was read. */
  sheetLayouts: DetectedSheetLayout[];
};

/** Survey answer tallies for one unit and one survey criterion (options A, B, C, D…). */
export type SurveyTally = {
  unit: string;
  criterionId: string;
  counts: Record<string, number>;
  sheet: string;
  cell: string;
};

/** The result of reading a workbook, before any score is judged. */
export type ParsedWorkbook = {
  layout: WorkbookLayout;
  criteria: CriteriaSet | null;
  units: UnitScores[];
  unitList: UnitListEntry[];
  surveyTallies: SurveyTally[];
  /** Copies of a unit's scores left out: a draft, an identical copy, or copies not chosen yet (src/core/consolidate). */
  setAside?: UnitScores[];
};

export type PointsSource = "appraised" | "self" | "survey" | "notApplicable" | "none";

export type LeafResult = {
  criterionId: string;
  /** Points credited to the unit (0 when not scored). */
  points: Micro;
  /** Maximum counted for this unit: 0 when not applicable and excluded. */
  maxPoints: Micro;
  applicable: boolean;
  source: PointsSource;
  selfScore: Micro | null;
  appraisedScore: Micro | null;
  /** The cell the points came from (A1 on the unit's sheet), null when none. */
  cell: string | null;
  /** True when an error issue concerns this leaf. */
  hasError: boolean;
};

export type NodeResult = {
  criterionId: string;
  points: Micro;
  maxPoints: Micro;
  /** points / maxPoints × 100, unrounded; null when nothing applies. */
  index: number | null;
};

export type UnitResult = {
  unit: string;
  sheet: string;
  group: string;
  /** Points of the ordinary and survey leaves, bonus and deduction included, after the caps. */
  points: Micro;
  /** Applicable maximum (bonus and deduction excluded). */
  maxPoints: Micro;
  /** The index in percent, unrounded; weighted when the set carries weights. Null when nothing applies. */
  index: number | null;
  bonus: Micro;
  deduction: Micro;
  /** Per field and criterion (not leaves). */
  nodes: Record<string, NodeResult>;
  leaves: Record<string, LeafResult>;
  errorCount: number;
  warningCount: number;
};

export type RankedUnit = {
  unit: string;
  rank: number;
  band: string | null;
  result: UnitResult;
};

export type GroupRanking = {
  group: string;
  /** Unweighted mean of the unit indices (bình quân), unrounded. */
  average: number | null;
  units: RankedUnit[];
};

/** Visual formatting of a patch; colours as #RRGGBB. */
export type CellStyle = {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  /** Font family ("Times New Roman"); unset: the workbook's default. */
  fontName?: string;
};

/**
 * A block of cells to write: values (row-major, rectangular), an optional number format per
 * cell (or one for the whole block), and a style for the whole block. Strings are always
 * written as text, even when they begin with = + - @.
 */
export type SheetPatch = {
  row: number;
  col: number;
  values: CellValue[][];
  numberFormat?: string | string[][];
  style?: CellStyle;
};

/** Conditional fill of the cells in a range whose text equals a band label. */
export type BandFormat = { range: CellRange; label: string; fill: string; fontColor: string };

export type ChartPlan = {
  title: string;
  /** Unit names and their index, as ranges on the same sheet. */
  categories: CellRange;
  values: CellRange;
  /** Where the chart goes. */
  anchor: CellRange;
};

export type SheetPlan = {
  name: string;
  /** Why the sheet exists: a group's ranking, the summary of all groups. */
  purpose: "ranking" | "summary";
  /** The group of a ranking sheet. */
  group: string | null;
  /** True when a sheet of that name, written earlier by PAR Scorer, is cleared and rewritten. */
  replaces: boolean;
  patches: SheetPatch[];
  merges: CellRange[];
  /** Widths in characters, by column from A. */
  columnWidths: number[];
  freezeRows: number;
  /** Heights in points of rows that need more than one line (wrapped headers). */
  rowHeights?: { row: number; height: number }[];
  print: {
    landscape: boolean;
    fitToWidth: boolean;
    titleRows: { first: number; last: number } | null;
    /** Pages tall when fitting (1: the whole print area on one page); unset: as many as needed. */
    fitToHeight?: number;
    /** Rows (zero-based) that start a new page: manual page breaks above them. */
    rowBreaks?: number[];
    /** Paper size (Nghị định 30/2020/NĐ-CP: A4); unset: the printer's default. */
    paper?: "A4";
    /** Margins in millimetres; unset: the application's defaults. */
    margins?: PageMargins;
    /** The range printed: the table and its frame (a chart lies outside it). */
    area?: CellRange;
    /** Centre footer in Excel's header/footer codes ("Trang &P/&N"). */
    footer?: string;
    centerHorizontally?: boolean;
  };
  /** Styles laid over cells after the patches are written (per-column alignment, frame lines). */
  styles?: { range: CellRange; style: CellStyle }[];
  bands: BandFormat[];
  chart: ChartPlan | null;
};

/** Page margins in millimetres, header and footer distances included. */
export type PageMargins = {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
};

/** Everything an adapter must write; nothing else may change in the workbook. */
export type WritePlan = {
  sheets: SheetPlan[];
  /** Earlier PAR Scorer sheets that this run no longer produces. */
  deleteSheets: string[];
  /**
   * Settings to save in the workbook (JSON), with the signed list of the sheets PAR Scorer now
   * owns; null when a person's sheet has the storage sheet's name (nothing is saved then).
   */
  settingsJson: string | null;
};

/** A region of a sheet referred to by the write plan or a highlight. */
export type SheetRange = { sheet: string; range: CellRange };

/** Everything one run of the engine found: the input to rendering, reports and explanations. */
export type Analysis = {
  settings: Settings;
  layout: WorkbookLayout;
  criteria: CriteriaSet | null;
  units: UnitScores[];
  unitList: UnitListEntry[];
  results: UnitResult[];
  groups: GroupRanking[];
  /** All issues, ordered by sheet and cell. */
  issues: Issue[];
  /** Sheets PAR Scorer wrote earlier and can prove its own (sheet-ownership.ts). */
  generatedSheets: string[];
  /** Year shown in the ranking titles: settings.year, else the "năm 20xx" of the sheets' titles. */
  year: number | null;
  /** How each unit moved since last year, when a previous year was given (compare/compare-years.ts). */
  comparison?: YearComparison | null;
};
