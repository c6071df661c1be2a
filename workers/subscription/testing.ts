/** Test factories for subscription code, shared by the workerd tests and the Node (real v2ray) tests. */
import type { Endpoint, ServedInbound, UserSecrets } from "./endpoint";

export const SECRETS: UserSecrets = {
  vlessId: "9b6a3c1e-2f4d-4a8b-9c7d-1e2f3a4b5c6d",
  vmessId: "1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b",
  trojanPassword: "tr0jan+pass/word=",
  // 32 bytes, base64: 0x00..0x1f.
  shadowsocksPassword: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  hysteria2Password: "hy2 pass&word",
};

let nextId = 1;

export function makeInbound(overrides: Partial<ServedInbound> = {}): ServedInbound {
  const id = nextId++;
  return {
    id,
    tag: `in-${id}`,
    remark: "",
    protocol: "vless",
    port: 443,
    transport: "tcp",
    security: "none",
    protocolSettings: {},
    transportSettings: {},
    securitySettings: {},
    ...overrides,
  };
}

export function makeEndpoint(overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    remark: "DE vless",
    address: "de.example.com",
    port: 443,
    protocol: "vless",
    secret: SECRETS.vlessId,
    transport: "tcp",
    transportSettings: {},
    security: "none",
    tls: {},
    ...overrides,
  };
}

import { inboundProblems, type InboundFields } from "../inbounds/validate";
import { PROTOCOLS, SECURITIES, TRANSPORTS } from "../inbounds/table";

const REALITY = {
  realityPublicKey: "Bv2ZDLfVYrzv2A9kDf4zCvO5oQlj8Xg6rU3sHv4bW0s",
  realityShortIds: ["6ba85179e30d4fc2"],
  realityDest: "www.microsoft.com:443",
  realityServerNames: ["www.microsoft.com"],
  realitySpiderX: "/",
  fingerprint: "chrome",
} as const;

/**
 * Every protocol × transport × security (× shadowsocks method, × vision flow) the panel accepts,
 * each as an inbound with every setting its combination uses filled in.
 */
export function servableInbounds(): ServedInbound[] {
  const out: ServedInbound[] = [];
  for (const protocol of PROTOCOLS) {
    for (const transport of TRANSPORTS) {
      for (const security of SECURITIES) {
        const methods =
          protocol === "shadowsocks"
            ? [
                "aes-128-gcm",
                "aes-256-gcm",
                "chacha20-ietf-poly1305",
                "2022-blake3-aes-128-gcm",
                "2022-blake3-aes-256-gcm",
                "2022-blake3-chacha20-poly1305",
              ]
            : [undefined];
        const flows =
          protocol === "vless" && transport === "tcp" && security !== "none"
            ? [undefined, "xtls-rprx-vision"]
            : [undefined];
        for (const method of methods) {
          for (const flow of flows) {
            const transportSettings: ServedInbound["transportSettings"] =
              transport === "ws" || transport === "httpupgrade"
                ? { path: "/ws path", host: "cdn.example.com" }
                : transport === "grpc"
                  ? { serviceName: "grpc.Service" }
                  : transport === "xhttp"
                    ? { path: "/x", host: "cdn.example.com", mode: "packet-up" }
                    : {};
            const securitySettings: ServedInbound["securitySettings"] =
              security === "tls"
                ? {
                    serverName: "tls.example.com",
                    alpn: protocol === "hysteria2" ? ["h3"] : ["h2", "http/1.1"],
                    fingerprint: "firefox",
                  }
                : security === "reality"
                  ? {
                      ...REALITY,
                      realityShortIds: [...REALITY.realityShortIds],
                      realityServerNames: [...REALITY.realityServerNames],
                    }
                  : {};
            const protocolSettings: ServedInbound["protocolSettings"] = {
              ...(method ? { method } : {}),
              ...(flow ? { flow } : {}),
              ...(protocol === "hysteria2" ? { obfsPassword: "obfs pass" } : {}),
            };
            const fields = {
              tag: "t",
              remark: "",
              protocol,
              port: 443,
              transport,
              security,
              protocolSettings,
              transportSettings,
              securitySettings,
            } as InboundFields;
            const { realityPublicKey: _public, ...checked } = securitySettings;
            if (inboundProblems({ ...fields, securitySettings: checked as InboundFields["securitySettings"] }).length)
              continue;
            if (method?.startsWith("2022-"))
              protocolSettings.serverKey = method.includes("aes-128")
                ? "AAAAAAAAAAAAAAAAAAAAAA=="
                : "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
            out.push(
              makeInbound({
                protocol,
                transport,
                security,
                protocolSettings,
                transportSettings,
                securitySettings,
                port: 1000 + out.length,
              }),
            );
          }
        }
      }
    }
  }
  return out;
}

export const describeInbound = (i: ServedInbound) =>
  [i.protocol, i.transport, i.security, i.protocolSettings.method, i.protocolSettings.flow].filter(Boolean).join("/");
