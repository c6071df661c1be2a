/**
 * One user's credential on one inbound, defined once for the three places that must agree on it:
 * the core config the agent renders, the accounts it adds at runtime, and every subscription
 * format. A user normally presents its own secret for the inbound's protocol and the inbound's
 * flow and method; an imported user may carry an override for one inbound (a 3x-ui person had a
 * different UUID in each inbound, Vision on some and not others, a shadowsocks method of its own),
 * and its phone keeps working only if every side uses the override.
 */
import { z } from "zod";

export const inboundOverrideSchema = z.object({
  /** The UUID (vless, vmess) or password (trojan, shadowsocks, hysteria2) on this inbound. */
  secret: z.string().min(1).max(256).optional(),
  /** vless flow on this inbound; "" means none even where the inbound sets one. */
  flow: z.string().max(64).optional(),
  /** shadowsocks method on this inbound (classic ciphers only; see withInboundOverride). */
  method: z.string().min(1).max(64).optional(),
});
export type InboundOverride = z.infer<typeof inboundOverrideSchema>;

type Protocol = "vless" | "vmess" | "trojan" | "shadowsocks" | "hysteria2";

/** A user's own per-protocol secrets, as the user row, the config payload and the subscription name them. */
export interface UserSecrets {
  vlessId: string;
  vmessId: string;
  trojanPassword: string;
  shadowsocksPassword: string;
  hysteria2Password: string;
}

/** The user field holding a protocol's secret. */
export const SECRET_FIELD = {
  vless: "vlessId",
  vmess: "vmessId",
  trojan: "trojanPassword",
  shadowsocks: "shadowsocksPassword",
  hysteria2: "hysteria2Password",
} as const satisfies Record<Protocol, keyof UserSecrets>;

const is2022 = (method: unknown) => typeof method === "string" && method.startsWith("2022-");

/**
 * The inbound and the user as this user meets this inbound: the protocol's secret replaced by the
 * override's, vless `flow` and shadowsocks `method` in the inbound's settings replaced by the
 * override's. Everything downstream renders these two as it would any user and inbound, so the
 * override cannot reach one consumer and miss another. A method override applies between classic
 * ciphers only: a shadowsocks-2022 inbound's users share its server key and so its method.
 * Returns the arguments themselves when there is nothing to override.
 *
 * @example
 * const seen = withInboundOverride(inbound, user, user.inboundOverrides?.[inbound.tag]);
 * seen.user.vlessId; // the UUID this user has on this inbound
 */
export function withInboundOverride<I extends { protocol: Protocol; protocolSettings: object }, U extends UserSecrets>(
  inbound: I,
  user: U,
  override: InboundOverride | undefined,
): { inbound: I; user: U } {
  if (!override) return { inbound, user };
  const settings: Record<string, unknown> = { ...inbound.protocolSettings };
  if (override.flow !== undefined && inbound.protocol === "vless") settings.flow = override.flow;
  if (
    override.method !== undefined &&
    inbound.protocol === "shadowsocks" &&
    !is2022(settings.method) &&
    !is2022(override.method)
  )
    settings.method = override.method;
  return {
    inbound: { ...inbound, protocolSettings: settings },
    user: override.secret === undefined ? user : { ...user, [SECRET_FIELD[inbound.protocol]]: override.secret },
  };
}

/** A `user_inbound_credentials` row's three columns, as D1's json_object returns them. */
export interface OverrideColumns {
  secret: string | null;
  flow: string | null;
  method: string | null;
}

/**
 * The override those columns hold (null follows the user and the inbound), or undefined when they
 * hold none. An empty secret or method is no credential at all and follows the user too: sent on,
 * it would fail the payload's schema and so the node's whole config.
 */
export function overrideFromColumns(columns: OverrideColumns | null | undefined): InboundOverride | undefined {
  if (!columns) return undefined;
  const override: InboundOverride = {};
  if (columns.secret) override.secret = columns.secret;
  if (columns.flow !== null) override.flow = columns.flow;
  if (columns.method) override.method = columns.method;
  return Object.keys(override).length > 0 ? override : undefined;
}
