/**
 * Shared bench plumbing: start a Worker with wrangler dev on loopback, drive it with autocannon
 * for a bounded time, and stop everything afterwards. Only 127.0.0.1 is ever a target.
 */
import { spawn } from "node:child_process";
import autocannon from "autocannon";

export const ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  DO_NOT_TRACK: "1",
};

export async function startWorker({ cwd, port, args = [], label }) {
  const child = spawn(
    "npx",
    ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", ...args],
    {
      cwd,
      env: ENV,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (!/Ready on/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${label} did not start:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    /** wrangler's process (group leader): workerd runs below it (bench/lib/scale-proc.mjs, bench/lib/cpu.mjs). */
    pid: child.pid,
    /** Ends wrangler and workerd below it; resolves once wrangler has exited (its port is free). */
    stop: () => {
      const exited = new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", resolve);
      });
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      return exited;
    },
  };
}

/** Requests per second over `seconds`, after a warm-up of a few seconds. */
export async function measure({ url, method = "GET", headers = {}, body, seconds = 10, connections = 32 }) {
  const options = { url, method, headers, body, connections, pipelining: 1 };
  await autocannon({ ...options, duration: 3 });
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors during the run`);
  }
  return {
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
  };
}

/** The median time of `rounds` sequential GETs of `url`: one request's latency, unloaded. */
export async function medianGetMs(url, rounds = 30) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await (await fetch(url)).text();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}
