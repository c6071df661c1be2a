/** A real v2ray client core for tests: SOCKS on loopback in, one user's proxy outbound out. */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import type { AgentInbound, AgentUser } from "../../../workers/agent/protocol/messages.ts";

export function clientOutbound(inbound: AgentInbound, user: AgentUser, caFile?: string): Record<string, unknown> {
  const server = { address: "127.0.0.1", port: inbound.port };
  const streamSettings: Record<string, unknown> = { network: inbound.transport, security: inbound.security };
  if (inbound.transport === "ws")
    streamSettings.wsSettings = { path: (inbound.transportSettings.path as string) ?? "/" };
  if (inbound.security === "tls")
    streamSettings.tlsSettings = {
      serverName: "localhost",
      certificates: caFile ? [{ usage: "verify", certificateFile: caFile }] : [],
    };
  switch (inbound.protocol) {
    case "vless":
      return {
        protocol: "vless",
        streamSettings,
        settings: { vnext: [{ ...server, users: [{ id: user.vlessId, encryption: "none" }] }] },
      };
    case "vmess":
      return {
        protocol: "vmess",
        streamSettings,
        settings: { vnext: [{ ...server, users: [{ id: user.vmessId, alterId: 0, security: "auto" }] }] },
      };
    case "trojan":
      return {
        protocol: "trojan",
        streamSettings,
        settings: { servers: [{ ...server, password: user.trojanPassword }] },
      };
    case "shadowsocks":
      return {
        protocol: "shadowsocks",
        settings: {
          servers: [{ ...server, method: inbound.protocolSettings.method, password: user.shadowsocksPassword }],
        },
      };
    default:
      throw new Error(`no client for ${inbound.protocol}`);
  }
}

export interface ClientCore {
  socksPort: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitForPort(port: number, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: "127.0.0.1" });
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`port ${port} never opened`);
}

export async function startClientCore(
  dir: string,
  name: string,
  socksPort: number,
  outbound: Record<string, unknown>,
): Promise<ClientCore> {
  const configPath = join(dir, `client-${name}.json`);
  writeFileSync(
    configPath,
    JSON.stringify({
      log: { loglevel: "warning" },
      inbounds: [
        {
          tag: "socks-in",
          listen: "127.0.0.1",
          port: socksPort,
          protocol: "socks",
          settings: { auth: "noauth", udp: false },
        },
      ],
      outbounds: [{ tag: "proxy", ...outbound }],
    }),
  );
  const child = spawn("v2ray", ["-config", configPath], { stdio: "ignore" });
  await waitForPort(socksPort);
  return {
    socksPort,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
