/**
 * A v2ray client outbound from a share link, read the way v2rayN/v2rayNG read them: a parser
 * independent of the panel's encoder, so a link that drops or mangles a field fails to connect.
 * `caFile` makes the client trust a test's self-signed certificate (verification stays on).
 */
function tlsSettings(
  serverName: string | undefined,
  allowInsecure: boolean,
  alpn: string[] | undefined,
  caFile: string | undefined,
) {
  return {
    serverName,
    allowInsecure,
    alpn,
    certificates: caFile ? [{ usage: "verify", certificateFile: caFile }] : [],
  };
}

const fromBase64 = (text: string) => Buffer.from(text, "base64").toString("utf8");

export function outboundFromLink(link: string, options: { caFile?: string } = {}): Record<string, unknown> {
  if (link.startsWith("vmess://")) {
    const j = JSON.parse(fromBase64(link.slice(8)));
    const stream: Record<string, unknown> = { network: j.net, security: j.tls || "none" };
    if (j.net === "ws") stream.wsSettings = { path: j.path, headers: j.host ? { Host: j.host } : {} };
    if (j.tls === "tls") stream.tlsSettings = tlsSettings(j.sni, j.allowInsecure === "1", undefined, options.caFile);
    return {
      protocol: "vmess",
      settings: {
        vnext: [
          { address: j.add, port: Number(j.port), users: [{ id: j.id, alterId: Number(j.aid), security: j.scy }] },
        ],
      },
      streamSettings: stream,
    };
  }
  if (link.startsWith("ss://")) {
    const url = new URL(link);
    const userinfo = link.slice(5, link.indexOf("@"));
    const decoded = Buffer.from(userinfo.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return {
      protocol: "shadowsocks",
      settings: {
        servers: [
          {
            address: url.hostname,
            port: Number(url.port),
            method: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
          },
        ],
      },
    };
  }
  const url = new URL(link);
  const q = url.searchParams;
  const stream: Record<string, unknown> = { network: q.get("type") ?? "tcp", security: q.get("security") ?? "none" };
  if (q.get("type") === "ws")
    stream.wsSettings = { path: q.get("path") ?? "/", headers: q.get("host") ? { Host: q.get("host") } : {} };
  if (q.get("security") === "tls")
    stream.tlsSettings = tlsSettings(
      q.get("sni") ?? undefined,
      q.get("allowInsecure") === "1",
      q.get("alpn")?.split(","),
      options.caFile,
    );
  const server = { address: url.hostname, port: Number(url.port) };
  const secret = decodeURIComponent(url.username);
  if (url.protocol === "vless:")
    return {
      protocol: "vless",
      settings: { vnext: [{ ...server, users: [{ id: secret, encryption: q.get("encryption") ?? "none" }] }] },
      streamSettings: stream,
    };
  if (url.protocol === "trojan:")
    return { protocol: "trojan", settings: { servers: [{ ...server, password: secret }] }, streamSettings: stream };
  throw new Error(`no client for ${link.slice(0, 12)}`);
}
