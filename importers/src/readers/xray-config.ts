/**
 * Inbounds from a whole Xray config file, as Marzban keeps them (xray_config.json) and PasarGuard
 * keeps them (core_configs.config): each becomes ours through mapXrayInbound, or an issue.
 */
import { z } from "zod";
import type { ImportInboundInput, ImportIssueInput } from "../model";
import { mapXrayInbound } from "./xray-inbound";

const configSchema = z.object({
  api: z.object({ tag: z.string() }).partial().optional(),
  inbounds: z
    .array(
      z.object({
        tag: z.string(),
        protocol: z.string(),
        port: z.coerce.number().int(),
        listen: z.string().optional(),
        settings: z.unknown().optional(),
        streamSettings: z.unknown().optional(),
      }),
    )
    .default([]),
});

/**
 * Protocols whose users a Marzban-family panel manages, by the key its users' settings use
 * (PasarGuard's `proxy_settings.hysteria` is Xray's Hysteria 2); anything else in the file is
 * infrastructure or unsupported.
 */
export type UserProtocol = "vmess" | "vless" | "trojan" | "shadowsocks" | "hysteria";
const USER_PROTOCOL_OF: Record<ImportInboundInput["protocol"], UserProtocol> = {
  VMESS: "vmess",
  VLESS: "vless",
  TROJAN: "trojan",
  SHADOWSOCKS: "shadowsocks",
  HYSTERIA2: "hysteria",
};

/** A mapped inbound of a protocol the panel's users hold secrets for. */
export interface ConfigInbound {
  tag: string;
  protocol: UserProtocol;
  inbound: ImportInboundInput;
}

export interface ConfigInbounds {
  inbounds: ImportInboundInput[];
  issues: ImportIssueInput[];
  /** Mapped inbounds only: a user's access never names an inbound the import does not carry. */
  usable: ConfigInbound[];
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export interface ConfigInboundsOptions {
  /** The peer nodes serving this config. */
  nodeKeys: string[];
  /** Names the file in error messages. */
  source: string;
  /**
   * Marzban leaves a shadowsocks inbound's method to each user: the inbound takes this one (the
   * users' most common), and users with another carry theirs in their access.
   */
  shadowsocksMethod?: string;
  /**
   * The vless flows of the users in an inbound, by tag, where flow is each user's (Marzban).
   * Without it the inbound's own `settings.flow` is everyone's (PasarGuard).
   */
  userFlows?: (tag: string) => string[];
}

/** Reads `config` (an Xray config object or its JSON text) and maps every inbound. */
export function mapXrayConfigInbounds(config: unknown, options: ConfigInboundsOptions): ConfigInbounds {
  const { source } = options;
  let parsedJson = config;
  if (typeof config === "string") {
    try {
      parsedJson = JSON.parse(config);
    } catch (error) {
      throw new Error(`${source} is not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = configSchema.safeParse(parsedJson);
  if (!parsed.success) throw new Error(`${source} is not an Xray config: ${z.prettifyError(parsed.error)}`);
  const result: ConfigInbounds = { inbounds: [], issues: [], usable: [] };
  for (const raw of parsed.data.inbounds) {
    // Xray's own API inbound (dokodemo-door on loopback) is the panel's plumbing, not a service.
    if (raw.protocol === "dokodemo-door" && (raw.tag === parsed.data.api?.tag || raw.tag === "API_INBOUND")) continue;
    const settings = record(raw.settings);
    const inboundFlow = typeof settings.flow === "string" && settings.flow !== "none" ? settings.flow : "";
    const mapped = mapXrayInbound({
      key: raw.tag,
      tag: raw.tag,
      protocol: raw.protocol,
      port: raw.port,
      settings:
        raw.protocol === "shadowsocks" && !settings.method && options.shadowsocksMethod
          ? { ...settings, method: options.shadowsocksMethod }
          : settings,
      streamSettings: raw.streamSettings ?? {},
      nodeKeys: options.nodeKeys,
      listen: raw.listen,
      clientFlows: options.userFlows?.(raw.tag) ?? [inboundFlow],
    });
    result.issues.push(...mapped.issues);
    if (!mapped.inbound) continue;
    result.inbounds.push(mapped.inbound);
    result.usable.push({ tag: raw.tag, protocol: USER_PROTOCOL_OF[mapped.inbound.protocol], inbound: mapped.inbound });
  }
  return result;
}
