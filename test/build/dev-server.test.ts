/**
 * The dev server (`npm run dev-server`, i.e. `webpack serve`) on a free port: it listens on this
 * computer only, explains its certificate in one line (no "sudo: not found"), records its process
 * id, and `npm stop` (scripts/office-start.js stop) ends it; it also ends when the npm process that
 * started it is killed, so nothing keeps serving the port unseen.
 */
import { type ChildProcess, spawn, spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { type AddressInfo, connect, createServer } from "net";
import { networkInterfaces } from "os";
import { join, resolve } from "path";

const { devServerFile } = require("../../scripts/dev-server-file") as {
  devServerFile: (port: number) => string;
};

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, "../..");
const WEBPACK = join(ROOT, "node_modules/webpack/bin/webpack.js");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host, port });
    socket.setTimeout(3000);
    socket.once("connect", () => (socket.destroy(), ok(true)));
    socket.once("error", () => ok(false));
    socket.once("timeout", () => (socket.destroy(), ok(false)));
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until `check` holds (the server starts and stops asynchronously), up to `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return check();
}

type Started = { parent: ChildProcess; pid: number; output: () => string };

/**
 * Starts `webpack serve` the way npm does: under a parent process (here a small node script
 * standing for npm) with the port in npm_package_config_dev_server_port.
 */
async function startDevServer(port: number): Promise<Started> {
  const launcher = `require("child_process").spawn(process.execPath, ${JSON.stringify([
    WEBPACK,
    "serve",
    "--mode",
    "development",
  ])}, { stdio: "inherit" }); setInterval(() => undefined, 1000);`;
  const parent = spawn(process.execPath, ["-e", launcher], {
    cwd: ROOT,
    env: { ...process.env, npm_package_config_dev_server_port: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  parent.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  parent.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const file = devServerFile(port);
  const recorded = await until(() => existsSync(file) && accepts("127.0.0.1", port), 180_000);
  if (!recorded) {
    parent.kill("SIGKILL");
    throw new Error(`dev server did not start on port ${port}:\n${output}`);
  }
  const { pid } = JSON.parse(readFileSync(file, "utf8")) as { pid: number };
  return { parent, pid, output: () => output };
}

/** An IPv4 address of this computer other than loopback, if it has one. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
}

describe("npm run dev-server", () => {
  let started: Started | undefined;
  let port = 0;

  afterEach(() => {
    if (started && alive(started.pid)) process.kill(started.pid, "SIGKILL");
    started?.parent.kill("SIGKILL");
    started = undefined;
  });

  it("listens on localhost only, says which certificate in one line, and `npm stop` ends it", async () => {
    port = await freePort();
    started = await startDevServer(port);
    expect(await accepts("127.0.0.1", port)).toBe(true);
    const lan = lanAddress();
    if (lan) expect(await accepts(lan, port)).toBe(false);
    const certificateLines = started
      .output()
      .split("\n")
      .filter((l) => l.includes("HTTPS"));
    expect(certificateLines).toHaveLength(1);
    expect(certificateLines[0]).toContain("[PAR Scorer] HTTPS:");
    expect(started.output()).not.toMatch(/sudo|not found/);

    const stop = spawnSync(process.execPath, [join(ROOT, "scripts/office-start.js"), "stop"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, npm_package_config_dev_server_port: String(port) },
    });
    expect({ status: stop.status, err: stop.stderr }).toEqual({
      status: 0,
      err: expect.stringContaining(`dev server stopped (port ${port})`),
    });
    const { pid } = started;
    expect(await until(() => !alive(pid), 10_000)).toBe(true); // the exited process reaped by its parent
    expect(await until(async () => !(await accepts("127.0.0.1", port)), 10_000)).toBe(true);
    expect(existsSync(devServerFile(port))).toBe(false);

    // Nothing left to stop: says so, and succeeds.
    const again = spawnSync(process.execPath, [join(ROOT, "scripts/office-start.js"), "stop"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, npm_package_config_dev_server_port: String(port) },
    });
    expect({ status: again.status, err: again.stderr.trim() }).toEqual({
      status: 0,
      err: "PAR Scorer: không có máy chủ phát triển nào đang chạy / no dev server is running.",
    });
  });

  it("stops by itself when the process that started it (npm) is killed", async () => {
    port = await freePort();
    started = await startDevServer(port);
    const { pid } = started;
    started.parent.kill("SIGKILL");
    expect(await until(() => !alive(pid), 30_000)).toBe(true);
    expect(await accepts("127.0.0.1", port)).toBe(false);
    expect(existsSync(devServerFile(port))).toBe(false);
  });
});
