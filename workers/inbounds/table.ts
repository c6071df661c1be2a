import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const PROTOCOLS = ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"] as const;
export const TRANSPORTS = ["tcp", "ws", "grpc", "httpupgrade", "xhttp"] as const;
export const SECURITIES = ["none", "tls", "reality"] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export type Transport = (typeof TRANSPORTS)[number];
export type Security = (typeof SECURITIES)[number];

export interface TransportSettings {
  path?: string;
  host?: string;
  serviceName?: string;
  mode?: string;
  headerType?: string;
}

export interface SecuritySettings {
  serverName?: string;
  alpn?: string[];
  fingerprint?: string;
  allowInsecure?: boolean;
  /** REALITY: the private key stays server-side; clients get the public key. */
  realityPrivateKey?: string;
  realityPublicKey?: string;
  realityShortIds?: string[];
  realityDest?: string;
  realityServerNames?: string[];
  realitySpiderX?: string;
}

export interface ProtocolSettings {
  /** vless only: e.g. xtls-rprx-vision. */
  flow?: string;
  /** shadowsocks only. */
  method?: string;
  /** shadowsocks 2022 only: the server key, base64. */
  serverKey?: string;
  /** hysteria2 only: salamander obfuscation password. */
  obfsPassword?: string;
}

export const inbounds = sqliteTable("inbounds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tag: text("tag").notNull().unique(),
  remark: text("remark").notNull().default(""),
  protocol: text("protocol", { enum: PROTOCOLS }).notNull(),
  port: integer("port").notNull(),
  transport: text("transport", { enum: TRANSPORTS }).notNull(),
  security: text("security", { enum: SECURITIES }).notNull(),
  protocolSettings: text("protocol_settings", { mode: "json" }).$type<ProtocolSettings>().notNull(),
  transportSettings: text("transport_settings", { mode: "json" }).$type<TransportSettings>().notNull(),
  securitySettings: text("security_settings", { mode: "json" }).$type<SecuritySettings>().notNull(),
  createdAtSec: integer("created_at").notNull().default(sql`(unixepoch())`),
  updatedAtSec: integer("updated_at").notNull().default(sql`(unixepoch())`),
});

export type InboundRow = typeof inbounds.$inferSelect;
