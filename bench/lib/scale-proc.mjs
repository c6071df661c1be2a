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
