/** The command line's arguments, read with node:util parseArgs (no parsing dependency). */
import { parseArgs } from "node:util";

export type Command = "check" | "rank" | "explain";

export type CliOptions = {
  command: Command;
  files: string[];
  json: boolean;
  settingsFile: string | null;
  criteriaFile: string | null;
  criteriaSheet: string | null;
  /** Null: the language of the settings (saved in the workbook or given), else Vietnamese. */
  lang: "vi" | "en" | null;
  output: string | null;
  inPlace: boolean;
  /** Stop at the first unusable file (exit 2) instead of listing it and going on with the others. */
  strict: boolean;
  /** (check, rank) Last year's workbook, for the movement since last year. */
  previous: string | null;
  /** (explain) The unit to explain. */
  unit: string | null;
  /** rank: write a workbook holding only the ranking sheets. */
  rankingOnly: boolean;
};

export type ParsedArgs =
  | { kind: "run"; options: CliOptions }
  | { kind: "help"; lang: "vi" | "en" | null }
  | { kind: "version" }
  | { kind: "usageError"; message: { vi: string; en: string }; lang: "vi" | "en" | null };

const OPTIONS = {
  json: { type: "boolean" },
  settings: { type: "string" },
  criteria: { type: "string" },
  "criteria-sheet": { type: "string" },
  lang: { type: "string" },
  output: { type: "string", short: "o" },
  "in-place": { type: "boolean" },
  strict: { type: "boolean" },
  previous: { type: "string" },
  unit: { type: "string" },
  "ranking-only": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Reads argv (without node and the script); never throws on bad input. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      kind: "usageError",
      message: { vi: `Tham số không hợp lệ: ${text}`, en: `Invalid arguments: ${text}` },
      lang: langOf(argv),
    };
  }
  const { values, positionals } = parsed;
  const rawLang = values.lang;
  if (rawLang !== undefined && rawLang !== "vi" && rawLang !== "en") {
    return {
      kind: "usageError",
      message: {
        vi: `--lang phải là vi hoặc en (nhận "${rawLang}").`,
        en: `--lang must be vi or en (got "${rawLang}").`,
      },
      lang: null,
    };
  }
  const lang = rawLang ?? null;
  if (values.version) return { kind: "version" };
  if (values.help || positionals.length === 0) return { kind: "help", lang };
  const [command, ...files] = positionals;
  if (command !== "check" && command !== "rank" && command !== "explain") {
    return {
      kind: "usageError",
      message: {
        vi: `Lệnh không rõ "${command}": dùng check, rank hoặc explain.`,
        en: `Unknown command "${command}": use check, rank or explain.`,
      },
      lang,
    };
  }
  if (files.length === 0) {
    return {
      kind: "usageError",
      message: { vi: "Cần ít nhất một tệp .xlsx.", en: "At least one .xlsx file is needed." },
      lang,
    };
  }
  const misplaced = explainOptionProblem(command, values);
  if (misplaced) return { kind: "usageError", message: misplaced, lang };
  if (command !== "rank" && (values.output !== undefined || values["in-place"])) {
    return {
      kind: "usageError",
      message: { vi: "-o và --in-place chỉ dùng với lệnh rank.", en: "-o and --in-place go with rank only." },
      lang,
    };
  }
  if (values.output !== undefined && values.output.trim() === "") {
    return {
      kind: "usageError",
      message: {
        vi: "-o cần tên tệp kết quả (nhận một chuỗi rỗng).",
        en: "-o needs the name of the output file (got an empty string).",
      },
      lang,
    };
  }
  if (values["ranking-only"] && (command !== "rank" || values["in-place"])) {
    return {
      kind: "usageError",
      message: {
        vi: "--ranking-only chỉ dùng với lệnh rank và không đi cùng --in-place.",
        en: "--ranking-only goes with rank only, and not with --in-place.",
      },
      lang,
    };
  }
  if (values.output !== undefined && values["in-place"]) {
    return {
      kind: "usageError",
      message: { vi: "Chọn một trong -o hoặc --in-place.", en: "Use either -o or --in-place, not both." },
      lang,
    };
  }
  return {
    kind: "run",
    options: {
      command,
      files,
      json: values.json ?? false,
      settingsFile: values.settings ?? null,
      criteriaFile: values.criteria ?? null,
      criteriaSheet: values["criteria-sheet"] ?? null,
      lang,
      output: values.output ?? null,
      inPlace: values["in-place"] ?? false,
      strict: values.strict ?? false,
      previous: values.previous ?? null,
      unit: values.unit ?? null,
      rankingOnly: values["ranking-only"] ?? false,
    },
  };
}

function langOf(argv: readonly string[]): "vi" | "en" | null {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return null;
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v === "en" || v === "vi" ? v : null;
}

/** explain needs --unit and takes no --previous; --unit goes with explain only. */
function explainOptionProblem(
  command: Command,
  values: { unit?: string; previous?: string },
): { vi: string; en: string } | null {
  if (command === "explain" && (values.unit === undefined || values.unit.trim() === ""))
    return { vi: "explain cần --unit TÊN_ĐƠN_VỊ.", en: "explain needs --unit UNIT_NAME." };
  if (command === "explain" && values.previous !== undefined)
    return { vi: "--previous dùng với check hoặc rank.", en: "--previous goes with check or rank." };
  if (command !== "explain" && values.unit !== undefined)
    return { vi: "--unit chỉ dùng với lệnh explain.", en: "--unit goes with explain only." };
  return null;
}
