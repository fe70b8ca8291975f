/**
 * The one settings object of PAR Scorer, shared by the task pane and the command line, saved
 * inside the workbook. Every field has a documented default (README, "Cài đặt / Settings").
 */
import { z } from "zod";
import type { ColumnRole } from "./model";

const band = z.object({
  /** Label shown in the Xếp loại column ("A", "Tốt", "Xuất sắc"). */
  label: z.string().min(1),
  /** Lowest index (percent, inclusive) of the band. */
  min: z.number(),
});

export type Band = z.infer<typeof band>;

/** National bands: A ≥ 90, B 80–<90, C 70–<80, D < 70. */
export const DEFAULT_BANDS: Band[] = [
  { label: "A", min: 90 },
  { label: "B", min: 80 },
  { label: "C", min: 70 },
  { label: "D", min: 0 },
];

const lines = z.array(z.string()).default([]);

/** A signature block: role line(s) in bold upper case ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), then the name. */
const signature = z.object({ role: lines, name: z.string().default("") });

/**
 * The frame of the printed appendix (Nghị định 30/2020/NĐ-CP layout): issuing body lines at the
 * top left, appendix lines (a line starting with "(" is printed in italics under the title, the
 * others above it), the title (empty: PAR Scorer's own), notes under the table, place and date,
 * signature blocks, and the font of the whole sheet.
 */
const frameSchema = z.object({
  issuer: lines,
  appendix: lines,
  title: lines,
  notes: lines,
  placeAndDate: z.string().default(""),
  signatures: z.array(signature).default([]),
  font: z.string().min(1).default("Times New Roman"),
});

export type Frame = z.infer<typeof frameSchema>;

/** No frame: today's title and table, in Times New Roman. */
const emptyFrame = (): Frame => ({
  issuer: [],
  appendix: [],
  title: [],
  notes: [],
  placeAndDate: "",
  signatures: [],
  font: "Times New Roman",
});

const columnLetters = z.string().regex(/^[A-Za-z]{1,3}$/, "cột phải là chữ cái, ví dụ C hoặc AB");

const columnRoles = [
  "code",
  "title",
  "maxPoints",
  "method",
  "levels",
  "weight",
  "kind",
  "selfScore",
  "appraisedScore",
  "surveyPoints",
  "evidence",
  "explanation",
  "comment",
  "unitName",
  "group",
] as const satisfies readonly ColumnRole[];

const columnMapping = z.partialRecord(z.enum(columnRoles), columnLetters);

const settingsFields = z.object({
  /** Format version of the saved settings. */
  version: z.literal(1).default(1),
  /** Interface and message language. */
  lang: z.enum(["vi", "en"]).default("vi"),
  /** Year shown in the ranking titles; null: not shown. */
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  /**
   * Which score counts for a leaf: "appraised" = the appraised score when present, else the
   * self-score (the ranking); "self" = the self-score only (an agency's check before it submits).
   */
  scoreSource: z.enum(["appraised", "self"]).default("appraised"),
  /** A leaf marked not applicable: removed from the unit's maximum, or credited with full points. */
  notApplicable: z.enum(["exclude", "fullPoints"]).default("exclude"),
  /** Lowest and highest total index allowed once bonus and deduction are added (null: no bound). */
  totalFloor: z.number().nullable().default(0),
  totalCeiling: z.number().nullable().default(100),
  /**
   * When a unit has no survey points at all (no survey was run), rescale: survey leaves leave
   * its maximum, so the appraised part alone makes the 100.
   */
  rescaleWithoutSurvey: z.boolean().default(false),
  /** Survey answer options and the share of the maximum each earns (A = 100 %, B = 60 %…). */
  surveyOptionWeights: z
    .record(z.string().min(1), z.number().min(0).max(1))
    .default({ A: 1, B: 0.6, C: 0.2, D: 0 }),
  /** Bands by group name; groups not listed use defaultBands. Highest band first; an index below every band gets the last one. */
  defaultBands: z.array(band).min(1).default(DEFAULT_BANDS),
  bandsByGroup: z.record(z.string(), z.array(band).min(1)).default({}),
  /**
   * Exact ties: "shared" ranks 1, 2, 2, 4; "points" breaks them by the higher points, then
   * shares; "name" breaks them by name (Vietnamese alphabetical order).
   */
  tieBreak: z.enum(["shared", "points", "name"]).default("shared"),
  /** Decimals shown for points and index (2, as published; some provinces publish 3). */
  decimals: z.number().int().min(0).max(4).default(2),
  /** Also require evidence or an explanation for every scored ordinary leaf. */
  requireEvidence: z.boolean().default(true),
  /** Sheets the user named explicitly; detection fills in the rest. */
  sheets: z
    .object({
      criteria: z.string().nullable().default(null),
      unitSheets: z.array(z.string()).nullable().default(null),
      matrixSheets: z.array(z.string()).nullable().default(null),
      unitsList: z.string().nullable().default(null),
      ignore: z.array(z.string()).default([]),
    })
    .default({ criteria: null, unitSheets: null, matrixSheets: null, unitsList: null, ignore: [] }),
  /**
   * Corrections of detection per sheet name: what the sheet is, where its units run, its header
   * rows (1-based, first and last) and where its criterion codes are (a column of letters for
   * criteria down the rows, a row number for codes across). Each given field wins over detection.
   */
  sheetLayouts: z
    .record(
      z.string(),
      z.object({
        kind: z.enum(["criteria", "scoring", "unitsList", "ignore"]).optional(),
        orientation: z.enum(["unitsInColumns", "unitsInRows"]).optional(),
        headerRows: z
          .tuple([z.number().int().min(1).max(1000), z.number().int().min(1).max(1000)])
          .refine(([first, last]) => first <= last, "hàng đầu phải không lớn hơn hàng cuối")
          .optional(),
        codeColumn: columnLetters.optional(),
        codeRow: z.number().int().min(1).max(1000).optional(),
      }),
    )
    .default({}),
  /** Explicit column letters by role; they override header detection. */
  columns: z
    .object({
      criteria: columnMapping.default({}),
      scoring: columnMapping.default({}),
    })
    .default({ criteria: {}, scoring: {} }),
  /** Group of a unit by name, when no units list sheet says it. */
  unitGroups: z.record(z.string(), z.string()).default({}),
  /**
   * Last year's names of renamed or merged units, for the comparison with last year:
   * { "new name": ["old name", …] }; a merged unit lists its predecessors, the main one first.
   */
  previousNames: z.record(z.string(), z.array(z.string())).default({}),
  /**
   * Which copy to use when a unit has several different scoring sheets (a re-sent file, a draft
   * kept beside the final): unit name → a file name or a sheet name. Until chosen, such a unit
   * is reported (unit_duplicate) and left out of the ranking.
   */
  sources: z.record(z.string(), z.string().min(1)).default({}),
  /** The printed appendix's frame around the ranking table (domain README §5b); every part optional. */
  frame: frameSchema.default(emptyFrame),
});

/** The settings, with the rules between fields: contradictory settings are refused with a message. */
export const settingsSchema = settingsFields.superRefine((value, ctx) => {
  if (value.totalFloor !== null && value.totalCeiling !== null && value.totalFloor > value.totalCeiling)
    ctx.addIssue({
      code: "custom",
      path: ["totalFloor"],
      message: `totalFloor ${value.totalFloor} > totalCeiling ${value.totalCeiling}`,
    });
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** The defaults, as a fresh object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export type SettingsProblem = { path: string; message: string };

/**
 * Reads settings from untrusted JSON-like data; never throws. Problems name the setting's path.
 */
export function parseSettings(
  input: unknown,
  lang: "vi" | "en" = "vi",
): { settings: Settings; problems: SettingsProblem[] } {
  const locale = lang === "vi" ? z.locales.vi() : z.locales.en();
  const result = settingsSchema.safeParse(input ?? {}, { error: locale.localeError });
  if (result.success) return { settings: result.data, problems: [] };
  return {
    settings: defaultSettings(),
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}

/** The bands of a group. */
export function bandsFor(settings: Settings, group: string): Band[] {
  return settings.bandsByGroup[group] ?? settings.defaultBands;
}
