/** The command line's arguments, read with node:util parseArgs (no parsing dependency). */
import { parseArgs } from "node:util";

export type Command = "check" | "rank";

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
  if (command !== "check" && command !== "rank") {
    return {
      kind: "usageError",
      message: {
        vi: `Lệnh không rõ "${command}": dùng check hoặc rank.`,
        en: `Unknown command "${command}": use check or rank.`,
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
  if (command === "check" && (values.output !== undefined || values["in-place"])) {
    return {
      kind: "usageError",
      message: { vi: "-o và --in-place chỉ dùng với lệnh rank.", en: "-o and --in-place go with rank only." },
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
    },
  };
}

function langOf(argv: readonly string[]): "vi" | "en" | null {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return null;
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v === "en" || v === "vi" ? v : null;
}
