/**
 * `par-scorer check|rank FILE…`: the command line over .xlsx files. Exit status 0 when no
 * errors (warnings allowed), 1 when the scores have errors (rank still writes), 2 when an input
 * cannot be used (one line on stderr, nothing written), 3 on an internal error (a bug).
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { styleText } from "node:util";
import { escapeControls } from "./terminal-text";
import type { Analysis } from "../core/model";
import { type Issue, compareIssues, describeIssue } from "../core/issues";
import { foldText } from "../core/text";
import { type JsonOrigins, toJsonResult } from "../core/report/to-json-result";
import type { SettingsInput } from "../core/settings";
import { type FileProblem, FileProblemError, describeFileProblem } from "../node/file-problems";
import { type CliLang, TEXTS, USAGE } from "./cli-texts";
import { findCriteriaVersionIssues } from "./criteria-version";
import { type Paint, formatCheckReport, formatIssueCounts, plain } from "./format-check-report";
import { formatRankingTable } from "./format-ranking-table";
import type { FileReport, FoundUnit, Inputs } from "./load-inputs";
import { type CliOptions, parseCliArgs } from "./parse-cli-args";
import { formatMovement, toJsonComparison } from "./format-movement";

/** Where the command line writes, and what it knows of its terminal. */
export type CliIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour allowed unless NO_COLOR is set). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
};

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;
export const EXIT_INTERNAL = 3;

/** The I/O of the running process. */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** Runs the command line with the given arguments; resolves to the exit status. */
export async function main(argv: readonly string[], rawIO: CliIO = processIO()): Promise<number> {
  // Names from files never reach the terminal raw (terminal-text.ts).
  const colour = rawIO.isTTY && rawIO.env.NO_COLOR === undefined;
  const io: CliIO = {
    ...rawIO,
    stdout: (text) => rawIO.stdout(escapeControls(text, colour)),
    stderr: (text) => rawIO.stderr(escapeControls(text, colour)),
  };
  const args = parseCliArgs(argv);
  if (args.kind === "version") {
    io.stdout(`${readVersion()}\n`);
    return EXIT_OK;
  }
  if (args.kind === "help") {
    io.stdout(`${USAGE[args.lang ?? "vi"]}\n`);
    return EXIT_OK;
  }
  if (args.kind === "usageError") {
    const lang = args.lang ?? "vi";
    io.stderr(
      `${args.message[lang]}\n${lang === "vi" ? "Xem: par-scorer --help" : "See: par-scorer --help"}\n`,
    );
    return EXIT_UNUSABLE;
  }
  const { options } = args;
  const early: CliLang = options.lang ?? "vi";
  try {
    return await run(options, io);
  } catch (error) {
    if (error instanceof FileProblemError) {
      io.stderr(`${describeFileProblem(error.problem, early)}\n`);
      return EXIT_UNUSABLE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`${TEXTS[early].internal(detail)}\n`);
    return EXIT_INTERNAL;
  }
}

async function run(options: CliOptions, io: CliIO): Promise<number> {
  // ExcelJS, jszip and the engine load here, when a command needs them: --version and --help start fast.
  const [
    { loadInputs, foundUnits },
    { checkWorkbook, rankWorkbook },
    { describeLossyParts },
    { checkWriteTarget },
  ] = await Promise.all([
    import("./load-inputs"),
    import("../app/score-workbook"),
    import("../node/inspect-package"),
    import("../node/safe-write"),
  ]);
  const settings = options.settingsFile ? await readSettingsFile(options.settingsFile) : null;
  const settingsLang = settings?.lang === "en" || settings?.lang === "vi" ? settings.lang : null;
  const several = options.files.length > 1 || options.criteriaFile !== null;
  const openLang: CliLang = options.lang ?? settingsLang ?? "vi";
  const inputs = await loadInputs({
    files: options.files,
    criteriaFile: options.criteriaFile,
    criteriaSheet: options.criteriaSheet,
    settings,
    strict: options.strict,
    onOpen: several
      ? (i, n, file) => io.stderr(`${TEXTS[openLang].progress(i, n, path.basename(file))}\n`)
      : undefined,
  });

  const previous = options.previous
    ? await (await import("./load-previous")).loadPreviousYear(options.previous)
    : null;
  const target =
    options.command === "rank"
      ? await prepareTarget(options, inputs, describeLossyParts, checkWriteTarget)
      : null;
  const runOptions = { settings: inputs.overrides, previous };
  const ranked = options.command === "rank" ? await rankWorkbook(inputs.port, runOptions) : null;
  const analysis = ranked ? ranked.analysis : await checkWorkbook(inputs.port, runOptions);
  const lang: CliLang = options.lang ?? analysis.settings.lang;
  if (!analysis.criteria) throw new FileProblemError(noCriteriaProblem(analysis, inputs, lang));
  // Every scoring sheet refused as implausible: no ranking of garbage (exit 2, nothing written).
  const refusal = analysis.results.length
    ? undefined
    : analysis.issues.find((i) => i.code === "layout_implausible");
  if (refusal) {
    const detail = describeIssue(refusal, lang);
    throw new FileProblemError({ code: "unreadable_workbook", file: inputs.primary.file, detail });
  }
  if (options.command === "explain") {
    const { explainForCli, formatExplanation, toJsonExplanation } = await import("./explain-command");
    const summary = explainForCli(analysis, options.unit ?? "", inputs.primary.file);
    if (options.json) io.stdout(`${JSON.stringify(toJsonExplanation(summary), null, 2)}\n`);
    else
      io.stdout(
        `${formatExplanation(summary, analysis.settings.decimals, lang, colours(io, false)).join("\n")}\n`,
      );
    return EXIT_OK;
  }

  const issues = [...analysis.issues, ...findCriteriaVersionIssues(analysis.issues, inputs.sources)].sort(
    compareIssues,
  );
  const result: Analysis = { ...analysis, issues };
  const files = fileReports(inputs, result, foundUnits);
  const unusable = files.filter((f) => f.problem !== null).length;
  if (target) {
    if (options.rankingOnly && ranked) {
      const { saveRankingOnly } = await import("../node/ranking-only");
      await saveRankingOnly(ranked.plan, target);
    } else await inputs.primary.save(target);
  }

  const paint = colours(io, options.json);
  const say = options.json ? io.stderr : io.stdout;
  if (inputs.criteriaChosen) io.stderr(`${TEXTS[lang].chosenCriteria(path.basename(inputs.primary.file))}\n`);
  // The consolidation report comes first: every file accounted for before any score.
  if (inputs.sources) say(`${formatFilesReport(files, lang, paint).join("\n")}\n\n`);
  if (options.json) {
    const sources = inputs.sources;
    const origins: JsonOrigins = {
      files: files.map((f) => ({
        path: f.path,
        units: f.units.map((u) => u.name),
        criteria: f.criteria?.used ?? false,
        problem: f.problem ? { code: f.problem.code, message: describeProblem(f.problem, lang) } : null,
      })),
      origin: (sheet) => sources?.get(sheet) ?? null,
    };
    // With --previous, what last year was and what it matched (null without): docs/cli.md.
    const comparison = toJsonComparison(result.comparison, options.previous);
    io.stdout(`${JSON.stringify({ ...toJsonResult(result, lang, origins), comparison }, null, 2)}\n`);
  } else {
    const counts = { units: result.results.length, leaves: result.criteria?.leafIds.length ?? 0 };
    if (options.command === "check") {
      io.stdout(`${formatCheckReport(issues, counts, lang, paint, inputs.sources).join("\n")}\n`);
    } else {
      // rank shows the tables; the issues themselves are check's report.
      const table = formatRankingTable(
        result.groups,
        result.settings.decimals,
        lang,
        paint,
        result.settings.tieBreak,
      );
      io.stdout(`${table.join("\n")}\n`);
      if (result.comparison)
        io.stdout(`${formatMovement(result.comparison, result.settings.decimals, lang, paint).join("\n")}\n`);
      io.stdout(`${formatIssueCounts(issues, counts, lang, paint)}\n`);
      if (issues.length) io.stdout(`${TEXTS[lang].seeCheck}\n`);
    }
  }
  if (target) {
    if (!options.inPlace && !options.rankingOnly) {
      const lossy = await inputs.primary.lossyParts();
      if (lossy.length)
        io.stderr(`${TEXTS[lang].lossyCopy(path.basename(target), describeLossyParts(lossy, lang))}\n`);
    }
    // A sheet name over Excel's 31 characters was read, but is written under a short name.
    const renamed = options.rankingOnly ? [] : inputs.primary.renamedSheets;
    if (renamed.length) io.stderr(`${TEXTS[lang].sheetsRenamed(path.basename(target), renamed)}\n`);
    say(`${TEXTS[lang].written(target)}\n`);
  }
  return issues.some((i: Issue) => i.severity === "error") || unusable > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The input files as reported: a single workbook's units and criteria sheet come from its analysis. */
function fileReports(
  inputs: Inputs,
  analysis: Analysis,
  foundUnits: typeof import("./load-inputs").foundUnits,
): FileReport[] {
  const sources = inputs.sources;
  if (sources) {
    // Each copy of a unit says what became of it (draft, identical copy, not chosen, undecided).
    const fate = new Map<string, FoundUnit["fate"]>();
    for (const i of analysis.issues) {
      if (!i.sheet || !i.unit || !COPY_FATES.includes(i.code as NonNullable<FoundUnit["fate"]>)) continue;
      const origin = sources.get(i.sheet);
      fate.set(`${origin?.file}\u0000${origin?.sheet}\u0000${foldText(i.unit)}`, i.code as FoundUnit["fate"]);
    }
    return inputs.files.map((f) => ({
      ...f,
      units: f.units.map((u) => ({
        ...u,
        fate: fate.get(`${f.path}\u0000${u.sheet}\u0000${foldText(u.name)}`),
      })),
    }));
  }
  return inputs.files.map((f) => ({
    ...f,
    units: foundUnits(analysis),
    criteria: analysis.layout.criteriaSheet ? { sheet: analysis.layout.criteriaSheet, used: true } : null,
  }));
}

const COPY_FATES: readonly NonNullable<FoundUnit["fate"]>[] = [
  "unit_duplicate",
  "unit_draft_ignored",
  "unit_identical_copy",
  "unit_copy_not_chosen",
];

function describeProblem(problem: NonNullable<FileReport["problem"]>, lang: CliLang): string {
  return problem.code === "no_scoring_sheet"
    ? TEXTS[lang].nothingFound(path.basename(problem.file))
    : describeFileProblem(problem, lang);
}

/** The consolidation report: one line per file (units and their sheets, criteria sheet, or why unusable), then totals. */
export function formatFilesReport(
  files: readonly FileReport[],
  lang: CliLang,
  paint: Paint = plain,
): string[] {
  const t = TEXTS[lang];
  const lines = [paint("bold", t.filesTitle)];
  const units = new Set<string>();
  for (const f of files) {
    const name = path.basename(f.path);
    if (f.problem) {
      lines.push(`  ${name} — ${paint("red", t.fileUnusable(describeProblem(f.problem, lang)))}`);
      continue;
    }
    for (const u of f.units) units.add(foldText(u.name));
    const parts: string[] = [];
    if (f.criteria?.used) parts.push(t.criteriaUsed(f.criteria.sheet));
    if (f.units.length || !f.criteria?.used)
      parts.push(
        t.fileUnits(f.units.map((u) => t.unitOnSheet(u.name, u.sheet, u.fate ? t.fate[u.fate] : null))),
      );
    if (f.criteria && !f.criteria.used) parts.push(t.criteriaIgnored(f.criteria.sheet));
    lines.push(`  ${name} — ${parts.join("; ")}`);
  }
  const unusable = files.filter((f) => f.problem).length;
  lines.push(paint(unusable ? "red" : "bold", t.filesTotal(files.length, units.size, unusable)));
  return lines;
}

/** Where rank writes; refuses (exit 2) an output that is an input, or an --in-place that would lose parts. */
async function prepareTarget(
  options: CliOptions,
  inputs: Inputs,
  describeLossyParts: typeof import("../node/inspect-package").describeLossyParts,
  checkWriteTarget: typeof import("../node/safe-write").checkWriteTarget,
): Promise<string> {
  const lang: CliLang = options.lang ?? "vi";
  const primary = inputs.primary.file;
  if (options.inPlace) {
    const lossy = await inputs.primary.lossyParts();
    if (lossy.length) {
      throw new FileProblemError({
        code: "in_place_lossy",
        file: primary,
        detail: describeLossyParts(lossy, lang),
      });
    }
    // A read-only file, or one the user may not write, is refused before any work.
    const problem = await checkWriteTarget(primary);
    if (problem) throw new FileProblemError(problem);
    return primary;
  }
  const target = options.output ?? defaultOutput(primary);
  const resolved = path.resolve(target);
  const input = inputs.workbooks.find((w) => path.resolve(w.file) === resolved);
  if (input) throw new FileProblemError({ code: "output_is_input", file: input.file });
  // A folder, device, FIFO or link as the output, or a path below a file: refused before any work.
  const problem = await checkWriteTarget(target);
  if (problem) throw new FileProblemError(problem);
  return target;
}

/** `so-noi-vu.xlsx` → `so-noi-vu.xep-hang.xlsx`, beside the input. */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  const stem =
    ext.toLowerCase() === ".xlsx" || ext.toLowerCase() === ".xlsm" ? input.slice(0, -ext.length) : input;
  return `${stem}.xep-hang.xlsx`;
}

function noCriteriaProblem(analysis: Analysis, inputs: Inputs, lang: CliLang): FileProblem {
  // A more precise reason from the engine (a named sheet missing, no header row) beats the generic one.
  const reason = analysis.issues.find(
    (i) =>
      i.severity === "error" &&
      (i.code === "sheet_not_found" ||
        i.code === "criteria_header_not_found" ||
        i.code === "criteria_column_missing" ||
        i.code === "criteria_code_beyond_limit"),
  );
  const file = inputs.primary.file;
  if (reason) return { code: "unreadable_workbook", file, detail: describeIssue(reason, lang) };
  return { code: "no_criteria_sheet", file };
}

async function readSettingsFile(file: string): Promise<SettingsInput> {
  const { readSmallRegularFile } = await import("../node/read-small-file");
  const text = await readSmallRegularFile(file);
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    if (typeof data !== "object" || data === null || Array.isArray(data))
      throw new Error("JSON không phải đối tượng");
    return data as SettingsInput;
  } catch (error) {
    throw new FileProblemError({
      code: "settings_file_invalid",
      file,
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

function colours(io: CliIO, json: boolean): Paint {
  if (json || !io.isTTY || io.env.NO_COLOR !== undefined) return plain;
  // We decide about the terminal ourselves (io.isTTY, NO_COLOR), so styleText must not re-check it.
  return (style, text) => styleText(style, text, { validateStream: false });
}

function readVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "par-scorer") return pkg.version ?? "0.0.0";
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
