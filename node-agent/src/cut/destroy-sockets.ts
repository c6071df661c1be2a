/**
 * Closes live TCP connections from outside the core with `ss -K` (the kernel's SOCK_DESTROY).
 * Removing a user through HandlerService only stops new connections; the open ones keep
 * flowing until destroyed here. Restarting the core would close them too, but it would close
 * everyone's, so it is never used for this.
 *
 * Requirements on the host: a kernel built with CONFIG_INET_DIAG_DESTROY=y (stock Debian,
 * Ubuntu and RHEL kernels have it) and root or CAP_NET_ADMIN for the agent (the systemd unit
 * grants the capability). Without them `ss -K` destroys nothing; the agent logs that and the
 * user's open connections end only when the client closes them.
 */
import { execFile } from "node:child_process";
import { endpointKey, type Endpoint } from "./access-log.ts";

export interface DestroyResult {
  /** Sockets the kernel reported destroyed. */
  destroyed: number;
  /** How many of them each client endpoint had (`endpointKey`), to tell whose they were. */
  destroyedByEndpoint: Map<string, number>;
  /** Non-empty when ss itself failed (missing binary, no permission). */
  errors: string[];
}

/** Endpoints per ss invocation: keeps the filter expression and argv short. */
const CHUNK = 32;

function addressToken(ip: string): string {
  return ip.includes(":") ? `[${ip}]` : ip;
}

/** ss terms matching a socket whose local port is any of `localPorts`. */
function localPortFilter(localPorts: readonly number[]): string[] {
  return localPorts.flatMap((p, i) => [...(i > 0 ? ["or"] : []), "sport", "=", `:${p}`]);
}

/**
 * The ss filter for "the server side of these client connections": remote = a client endpoint,
 * local port = one of the inbound ports (so the core's own outbound sockets are never touched).
 */
export function ssFilter(endpoints: readonly Endpoint[], localPorts: readonly number[]): string[] {
  const remotes = endpoints.flatMap((e, i) => [
    ...(i > 0 ? ["or"] : []),
    "(",
    "dst",
    addressToken(e.ip),
    "and",
    "dport",
    "=",
    `:${e.port}`,
    ")",
  ]);
  return ["(", ...remotes, ")", ...(localPorts.length ? ["and", "(", ...localPortFilter(localPorts), ")"] : [])];
}

function runSs(args: string[]): Promise<{ stdout: string; error: string | null }> {
  return new Promise((resolve) => {
    execFile("ss", args, { timeout: 10_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      // ss prints "RTNETLINK answers: Invalid argument" on some kernels even when sockets were
      // destroyed; the destroyed sockets are still listed on stdout, which is what counts.
      resolve({ stdout, error: err ? `${err.message} ${stderr}`.trim() : null });
    });
  });
}

/** Destroys the TCP sockets of these client endpoints on the given inbound ports. */
export async function destroyClientSockets(
  endpoints: readonly Endpoint[],
  localPorts: readonly number[],
): Promise<DestroyResult> {
  let destroyed = 0;
  const destroyedByEndpoint = new Map<string, number>();
  const errors: string[] = [];
  for (let i = 0; i < endpoints.length; i += CHUNK) {
    const { stdout, error } = await runSs(["-K", "-t", "-n", ...ssFilter(endpoints.slice(i, i + CHUNK), localPorts)]);
    for (const key of peerKeys(stdout)) {
      destroyed++;
      destroyedByEndpoint.set(key, (destroyedByEndpoint.get(key) ?? 0) + 1);
    }
    if (error) errors.push(error);
  }
  return { destroyed, destroyedByEndpoint, errors };
}

/**
 * The peer (client) endpoint of each socket line ss printed — "State Recv-Q Send-Q Local:Port
 * Peer:Port", IPv6 bracketed — as `endpointKey`s. An IPv4 client on a dual-stack socket is
 * given in both forms, since the access log may name it either way.
 */
export function peerKeys(ssOutput: string): string[] {
  const keys: string[] = [];
  for (const line of ssOutput.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5 || !/^\d+$/.test(fields[1]!)) continue;
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(fields[4]!);
    if (!m) continue;
    const port = Number(m[2]);
    keys.push(endpointKey({ ip: m[1]!, port }));
    if (/^::ffff:[0-9.]+$/i.test(m[1]!)) keys.push(endpointKey({ ip: m[1]!.slice(7), port }));
  }
  return keys;
}

/**
 * The client endpoints (as `endpointKey`) of every TCP connection open on these inbound ports:
 * what the access-log index must keep. Throws when ss fails, so nothing is pruned on a guess.
 */
export async function liveClientEndpoints(localPorts: readonly number[]): Promise<Set<string>> {
  if (localPorts.length === 0) return new Set();
  const { stdout, error } = await runSs(["-t", "-n", "-H", "(", ...localPortFilter(localPorts), ")"]);
  if (error) throw new Error(`ss: ${error}`);
  return new Set(peerKeys(stdout));
}
