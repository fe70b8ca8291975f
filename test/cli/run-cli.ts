/** Runs the command line in this process (fast) or as a real child process, capturing its output. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { main } from "../../src/cli/main";

export type CliRun = { code: number; stdout: string; stderr: string };

const ROOT = path.resolve(__dirname, "..", "..");

/** main(argv) with captured stdout and stderr, as if not on a terminal. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    env,
  });
  return { code, stdout, stderr };
}

/** The command line as a child process: node with ts-node (transpile only) on src/cli/main.ts. */
export function runCliProcess(argv: string[]): CliRun {
  const result = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(ROOT, "src", "cli", "main.ts"), ...argv],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } },
  );
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
