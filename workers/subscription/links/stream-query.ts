import type { Endpoint } from "../endpoint";

/**
 * The transport and security query parameters vless:// and trojan:// share, as the XTLS share
 * link proposal (Xray-core discussion #716) names them and v2rayN/v2rayNG/Shadowrocket parse them.
 */
export function streamQuery(e: Endpoint): [string, string | undefined][] {
  const t = e.transportSettings;
  const pairs: [string, string | undefined][] = [
    ["type", e.transport],
    ["security", e.security],
  ];
  switch (e.transport) {
    case "tcp":
      if (t.headerType === "http") pairs.push(["headerType", "http"], ["host", t.host], ["path", t.path ?? "/"]);
      break;
    case "ws":
    case "httpupgrade":
      pairs.push(["path", t.path ?? "/"], ["host", t.host]);
      break;
    case "grpc":
      pairs.push(["serviceName", t.serviceName], ["mode", t.mode === "multi" ? "multi" : "gun"]);
      break;
    case "xhttp":
      pairs.push(["path", t.path ?? "/"], ["host", t.host], ["mode", t.mode ?? "auto"]);
      break;
  }
  const s = e.tls;
  if (e.security === "tls") {
    pairs.push(
      ["sni", s.sni],
      ["fp", s.fingerprint],
      ["alpn", s.alpn?.join(",")],
      ["allowInsecure", s.allowInsecure ? "1" : undefined],
    );
  } else if (e.security === "reality") {
    pairs.push(["sni", s.sni], ["fp", s.fingerprint], ["pbk", s.publicKey], ["sid", s.shortId], ["spx", s.spiderX]);
  }
  return pairs;
}
