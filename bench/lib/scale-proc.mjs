/**
 * CPU time of the processes under test, from /proc: workerd's own (utime + stime of every
 * workerd process wrangler started, so D1, Durable Objects and the Worker together, as they run
 * locally) and the simulator's.
 */
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICK_MS = 1000 / 100; // USER_HZ

function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    return {
      comm: stat.slice(stat.indexOf("(") + 1, close),
      ppid: Number(fields[1]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS,
    };
  } catch {
    return null; // Gone meanwhile.
  }
}

/** The workerd processes descended from `rootPid` (wrangler dev's npx). */
export function workerdPids(rootPid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (!stat) continue;
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push({ pid: Number(entry), comm: stat.comm });
  }
  const found = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      if (child.comm === "workerd") found.push(child.pid);
      walk(child.pid);
    }
  };
  walk(rootPid);
  return found;
}

export const cpuMsOfAll = (pids) => pids.reduce((sum, pid) => sum + (statOf(pid)?.cpuMs ?? 0), 0);

/** The simulator's own CPU (user + system) in ms. */
export function selfCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Per-thread scheduler figures of `pids` (/proc/<pid>/task/<tid>/schedstat: ns on a CPU, ns
 * waiting for one). The Worker, each Durable Object and local D1 run on workerd threads: one
 * thread near a whole core is saturated even while the process total is below the cores.
 */
export function threadTimes(pids) {
  const threads = new Map();
  for (const pid of pids) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const [runNs, waitNs] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
        threads.set(`${pid}/${tid}`, { runNs, waitNs });
      } catch {
        // The thread ended.
      }
    }
  }
  return threads;
}

/**
 * Between two threadTimes snapshots over `wallMs`: the busiest thread's share of a core, and the
 * threads' total run-queue wait as a share of the wall time.
 */
export function threadLoad(before, after, wallMs) {
  let busiest = 0;
  let waitNs = 0;
  for (const [id, now] of after) {
    const then = before.get(id) ?? { runNs: 0, waitNs: 0 };
    busiest = Math.max(busiest, (now.runNs - then.runNs) / 1e6 / wallMs);
    waitNs += now.waitNs - then.waitNs;
  }
  return { busiestThread: busiest, runQueueWait: waitNs / 1e6 / wallMs };
}

/** The whole machine's CPU busy share (all cores) between two readings of hostCpu(). */
export function hostCpu() {
  const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = values[3] + values[4];
  return { total: values.reduce((a, b) => a + b, 0), idle };
}

export const hostBusy = (before, after) => 1 - (after.idle - before.idle) / (after.total - before.total);
