/** Node health for the usage push: CPU, memory, network totals, core state, versions. */
import { readFileSync } from "node:fs";
import { cpus, freemem, totalmem } from "node:os";
import type { CoreCapabilities, Health } from "../../../workers/agent/protocol/messages.ts";

interface CpuSample {
  idle: number;
  total: number;
}

function sampleCpu(): CpuSample {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}

/** MemAvailable counts reclaimable cache as free, which is what "used" should exclude. */
function memory(): { used: number; total: number } {
  try {
    const info = readFileSync("/proc/meminfo", "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(info)?.[1] ?? NaN) * 1024;
    const total = kb("MemTotal");
    const available = kb("MemAvailable");
    if (Number.isFinite(total) && Number.isFinite(available)) return { used: total - available, total };
  } catch {
    // Not Linux: fall through to os.
  }
  return { used: totalmem() - freemem(), total: totalmem() };
}

/** Bytes received/sent on all interfaces but loopback, since boot. */
function networkTotals(procNetDev = "/proc/net/dev"): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  try {
    for (const line of readFileSync(procNetDev, "utf8").split("\n").slice(2)) {
      const [name, rest] = line.split(":");
      if (!name || rest === undefined || name.trim() === "lo") continue;
      const fields = rest.trim().split(/\s+/).map(Number);
      rx += fields[0] ?? 0;
      tx += fields[8] ?? 0;
    }
  } catch {
    // No procfs: report zeros rather than fail the push.
  }
  return { rx, tx };
}

export interface HealthInputs {
  coreRunning: boolean;
  coreVersion: string;
  agentVersion: string;
  appliedConfigVersion: number;
  capabilities: CoreCapabilities;
}

export class HealthSampler {
  private last = sampleCpu();
  private readonly startedAt = Date.now();

  sample(inputs: HealthInputs): Health {
    const now = sampleCpu();
    const total = now.total - this.last.total;
    const busy = total - (now.idle - this.last.idle);
    this.last = now;
    const mem = memory();
    const net = networkTotals();
    return {
      cpuPercent: total > 0 ? Math.round((busy / total) * 1000) / 10 : 0,
      memUsedBytes: Math.max(0, Math.round(mem.used)),
      memTotalBytes: Math.round(mem.total),
      netRxBytes: net.rx,
      netTxBytes: net.tx,
      coreRunning: inputs.coreRunning,
      coreVersion: inputs.coreVersion.slice(0, 64),
      agentVersion: inputs.agentVersion.slice(0, 64),
      uptimeSec: Math.floor((Date.now() - this.startedAt) / 1000),
      appliedConfigVersion: inputs.appliedConfigVersion,
      capabilities: inputs.capabilities,
    };
  }
}
