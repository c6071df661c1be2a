/**
 * workerd's own CPU time, read from /proc (Linux): what a request costs the runtime, apart from
 * the load generator and wrangler around it. A figure per request is the CPU a run of requests
 * used divided by the requests; less a hello-world Worker's, it is what the Worker's code costs.
 */
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux for x86 and arm). */
const TICKS_PER_SEC = 100;

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm may hold spaces and parentheses: the fields after it start after the last ')'.
    const comm = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { comm, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // Gone between listing and reading.
  }
}

/** The workerd processes wrangler dev (process `rootPid`) started, however deep below it. */
export function workerdPids(rootPid) {
  const processes = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => ({ pid: Number(pid), ...stat(pid) }))
    .filter((p) => p.comm !== undefined);
  const below = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes)
      if (below.has(p.ppid) && !below.has(p.pid)) {
        below.add(p.pid);
        grew = true;
      }
  }
  const pids = processes.filter((p) => below.has(p.pid) && p.comm === "workerd").map((p) => p.pid);
  if (pids.length === 0) throw new Error(`no workerd below process ${rootPid}`);
  return pids;
}

const cpuMs = (pids) => (pids.reduce((sum, pid) => sum + (stat(pid)?.cpuTicks ?? 0), 0) * 1000) / TICKS_PER_SEC;

/**
 * workerd CPU milliseconds per request over `seconds` of load (after a warm-up), with the
 * requests per second. The responses must all be 2xx: an error page would be cheap and flatter.
 */
export async function cpuPerRequest({ pids, url, method = "GET", headers = {}, body, seconds = 10, connections = 4 }) {
  const options = { url, method, headers, body, connections, pipelining: 1 };
  await autocannon({ ...options, duration: 2 });
  const before = cpuMs(pids);
  const result = await autocannon({ ...options, duration: seconds });
  const used = cpuMs(pids) - before;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx responses and ${result.errors} errors during the run`);
  return { cpuMsPerRequest: used / result.requests.total, requests: result.requests.total };
}
