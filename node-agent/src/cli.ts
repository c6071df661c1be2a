/**
 * vortex-agent enroll <panel-url> <token> [--state-dir DIR] [--panel-key KEY] [--force]
 * vortex-agent run [--state-dir DIR] [--core xray|v2ray] [--core-bin PATH] [--api-port N]
 *                  [--listen ADDR] [--tls-cert FILE --tls-key FILE] [--tick-sec N] [--log-level L]
 * vortex-agent status [--state-dir DIR]
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Agent, AGENT_VERSION } from "./agent/agent.ts";
import { canReexec, reexecAgent } from "./agent/reexec.ts";
import { launch } from "./agent/update.ts";
import { CORE_KINDS, CORE_PROFILES, type CoreKind } from "./core/profile.ts";
import { enroll } from "./enroll/enroll.ts";
import { createLogger, type Logger, type LogLevel } from "./log/logger.ts";
import { DEFAULT_STATE_DIR, StateDir } from "./state/state-dir.ts";

const USAGE = `usage:
  vortex-agent enroll <panel-url> <enrollment-token> [--state-dir DIR] [--panel-key KEY] [--force]
  vortex-agent run [--state-dir DIR] [--core xray|v2ray] [--core-bin PATH] [--api-port N]
                   [--listen ADDR] [--tls-cert FILE --tls-key FILE] [--tick-sec N] [--log-level debug|info|warn|error]
  vortex-agent status [--state-dir DIR]
  vortex-agent version`;

class UsageError extends Error {}

/**
 * V8 flags and glibc malloc settings `run` gives itself (measured with bench/agent.mjs; figures
 * in README "Resource use"). A 1 MB semi-space keeps the young generation from growing to tens
 * of MB under per-tick garbage (each reading decodes every user's counters). --lite-mode drops
 * the optimizing compiler and its code and feedback memory, and sizes the heap for memory rather
 * than speed: the agent's work is I/O-bound, so it trades a few ms of CPU per tick for ~40 MB
 * with 10,000 users. One malloc arena and fixed trim/mmap thresholds stop native memory (HTTP/2
 * sessions, compiler zones) from piling up in per-thread arenas that glibc never hands back.
 */
const RUN_NODE_FLAGS = ["--max-semi-space-size=1", "--lite-mode"];
const RUN_MALLOC_ENV: Record<string, string> = {
  MALLOC_ARENA_MAX: "1",
  MALLOC_TRIM_THRESHOLD_: "131072",
  MALLOC_MMAP_THRESHOLD_: "131072",
};
/** Set in the re-executed process (and by operators who tune it themselves) so it happens once. */
const TUNED_ENV = "VORTEX_AGENT_TUNED";

/**
 * Replaces this process (same pid, so systemd and `status` see no change) with one started with
 * RUN_NODE_FLAGS and RUN_MALLOC_ENV; both only take effect at process start. Returns when that
 * is not possible (Node < 22.15 has no process.execve) or already done.
 */
function reexecTuned(): void {
  const script = process.argv[1];
  if (process.env[TUNED_ENV] === "1" || !canReexec() || !script) return;
  reexecAgent({
    script,
    args: process.argv.slice(2),
    nodeFlags: RUN_NODE_FLAGS,
    env: { ...RUN_MALLOC_ENV, [TUNED_ENV]: "1" },
  });
}

/**
 * The reload's second half: this process becomes the agent installed now (same pid, same
 * arguments), which adopts the running core. Where Node cannot re-exec, the agent exits instead
 * and systemd (Restart=always, KillMode=process) starts it again, with the same result.
 */
function reexecForReload(logger: Logger): void {
  const script = process.argv[1];
  if (!script || !canReexec()) {
    logger.warn("agent.reload_by_exit", {
      reason: `Node ${process.version} cannot re-exec; exiting for systemd to restart it`,
    });
    return;
  }
  reexecAgent({ script, args: process.argv.slice(2) });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "state-dir": { type: "string", default: DEFAULT_STATE_DIR },
      core: { type: "string", default: "xray" },
      "core-bin": { type: "string" },
      "panel-key": { type: "string" },
      "api-port": { type: "string", default: "10085" },
      listen: { type: "string", default: "0.0.0.0" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "tick-sec": { type: "string", default: "5" },
      "log-level": { type: "string", default: "info" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function intOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer in ${min}..${max}`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const logLevel = values["log-level"] as LogLevel;
  if (!["debug", "info", "warn", "error"].includes(logLevel))
    throw new UsageError("--log-level must be debug, info, warn or error");
  const logger = createLogger({ level: logLevel });
  const state = new StateDir(values["state-dir"]);

  switch (command) {
    case "version":
      process.stdout.write(`${AGENT_VERSION}\n`);
      return 0;
    case "enroll": {
      const [panelUrl, token] = rest;
      if (!panelUrl || !token) throw new UsageError("enroll needs <panel-url> <enrollment-token>");
      const expectedPanelPublicKey = values["panel-key"];
      const identity = await enroll({
        panelUrl,
        token,
        state,
        agentVersion: AGENT_VERSION,
        logger,
        force: values.force,
        ...(expectedPanelPublicKey ? { expectedPanelPublicKey } : {}),
      });
      process.stdout.write(
        JSON.stringify({ enrolled: true, nodeId: identity.nodeId, panelUrl: identity.panelUrl, stateDir: state.root }) +
          "\n",
      );
      return 0;
    }
    case "run": {
      reexecTuned();
      // Before anything else: a release that proved healthy takes over from the installed bundle.
      const trial = launch({ state, self: process.argv[1] ?? "", args: process.argv.slice(2), log: logger });
      const core = values.core as CoreKind;
      if (!CORE_KINDS.includes(core)) throw new UsageError("--core must be xray or v2ray");
      const coreBin = values["core-bin"] ?? CORE_PROFILES[core].defaultBin;
      if (coreBin.includes("/") && !existsSync(coreBin))
        throw new UsageError(`core binary ${coreBin} not found (--core-bin)`);
      const cert = values["tls-cert"];
      const key = values["tls-key"];
      if (Boolean(cert) !== Boolean(key)) throw new UsageError("--tls-cert and --tls-key go together");
      const agent = await Agent.start({
        state,
        core,
        coreBin,
        apiPort: intOption("api-port", values["api-port"], 1, 65535),
        listen: values.listen,
        tls: cert && key ? { certificateFile: cert, keyFile: key } : null,
        // The design promises usage at least every 5 s.
        tickMs: intOption("tick-sec", values["tick-sec"], 1, 5) * 1000,
        longPollSec: 25,
        logger,
        trial,
      });
      logger.info("agent.running", { version: AGENT_VERSION, core, coreBin, stateDir: state.root });
      // SIGTERM/SIGINT stop the agent and its core; SIGHUP (systemctl reload) replaces only the
      // agent: the core keeps serving and the new process adopts it (README "Restarts").
      const reload = await new Promise<boolean>((resolve) => {
        let handling: string | null = null;
        const shutdown = (signal: string, keepCore: boolean) => {
          // The first signal decides: a stop half done cannot turn into a reload, nor back.
          if (handling) return logger.warn("agent.signal_ignored", { signal, reason: `already handling ${handling}` });
          handling = signal;
          logger.info(keepCore ? "agent.reloading" : "agent.stopping", {
            reason: `received ${signal}`,
            core: keepCore ? "keeps running; the new agent process adopts it" : "stops",
          });
          agent.stop({ keepCore }).then(
            () => resolve(keepCore),
            (err) => {
              logger.error("agent.stop_failed", { reason: (err as Error).message });
              resolve(keepCore);
            },
          );
        };
        process.on("SIGTERM", () => shutdown("SIGTERM", false));
        process.on("SIGINT", () => shutdown("SIGINT", false));
        process.on("SIGHUP", () => shutdown("SIGHUP", true));
      });
      if (reload) reexecForReload(logger);
      return 0;
    }
    case "status": {
      const identity = state.readIdentity();
      const lastGood = state.readLastGood();
      // Written by the running agent every tick; stale if the agent is not alive.
      const running = state.readJson(state.statusPath, z.record(z.string(), z.unknown()));
      const out = {
        enrolled: identity !== null,
        nodeId: identity?.nodeId ?? null,
        panelUrl: identity?.panelUrl ?? null,
        lastGoodConfigVersion: lastGood?.version ?? null,
        lastGoodAppliedAtSec: lastGood?.appliedAtSec ?? null,
        agent: running,
        agentAlive: typeof running?.pid === "number" ? isAlive(running.pid) : false,
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return identity ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const usage = err instanceof UsageError;
    process.stderr.write(
      `${JSON.stringify({
        t: new Date().toISOString(),
        level: "error",
        event: usage ? "cli.usage" : "cli.failed",
        reason: (err as Error).message,
      })}\n`,
    );
    if (usage) process.stderr.write(`${USAGE}\n`);
    process.exit(usage ? 2 : 1);
  },
);
