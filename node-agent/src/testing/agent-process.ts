/** Running the bundled agent as its own process, as the e2e tests and benches do. */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { Readable } from "node:stream";

/** Where scripts/build.mjs writes the bundle: build it (`npm run build:web`) before using this. */
export const AGENT_BUNDLE = resolve(import.meta.dirname, "../../dist/vortex-agent.mjs");

/** Bundles the agent from this tree, so that the process under test runs the code beside it. */
export function buildAgent(): void {
  execFileSync(process.execPath, [resolve(import.meta.dirname, "../../scripts/build.mjs")], { stdio: "ignore" });
}

/** The node arguments of `vortex-agent run` on loopback with Debian's v2ray as the core. */
export function agentRunArgs(options: {
  stateDir: string;
  apiPort: number;
  /** Seconds between usage ticks; the agent's own default when left out. */
  tickSec?: number;
  extra?: string[];
  bundle?: string;
}): string[] {
  const { stateDir, apiPort, tickSec, extra = [], bundle = AGENT_BUNDLE } = options;
  return [
    bundle,
    "run",
    "--state-dir",
    stateDir,
    "--core",
    "v2ray",
    "--core-bin",
    "v2ray",
    "--api-port",
    String(apiPort),
    "--listen",
    "127.0.0.1",
    ...(tickSec === undefined ? [] : ["--tick-sec", String(tickSec)]),
    ...extra,
  ];
}

/** Appends each JSON log line the agent writes to `stream` to `logs` (a line that is not JSON as `{ raw }`). */
export function collectJsonLogs(stream: Readable, logs: Array<Record<string, any>>): void {
  let partial = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ raw: line });
      }
    }
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns something truthy, and returns that; throws naming `what` when it never does. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  attempts = 400,
  intervalMs = 100,
): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`gave up waiting for: ${what}`);
}
