import type { Endpoint } from "../endpoint";
import { textToBase64 } from "../../lib/base64";

/**
 * The v2rayN vmess JSON (version 2) every client reads: string values throughout, `type` holding
 * the TCP header type, the gRPC mode or the XHTTP mode, and `path` the gRPC service name.
 */
export function vmessJson(e: Endpoint): Record<string, string> {
  const t = e.transportSettings;
  const json: Record<string, string> = {
    v: "2",
    ps: e.remark,
    add: e.address,
    port: String(e.port),
    id: e.secret,
    aid: "0",
    scy: "auto",
    net: e.transport,
    type: "none",
    host: t.host ?? "",
    path: "",
    tls: e.security === "none" ? "" : e.security,
  };
  switch (e.transport) {
    case "tcp":
      if (t.headerType === "http") Object.assign(json, { type: "http", path: t.path ?? "/" });
      break;
    case "ws":
    case "httpupgrade":
      json.path = t.path ?? "/";
      break;
    case "grpc":
      Object.assign(json, { type: t.mode === "multi" ? "multi" : "gun", path: t.serviceName ?? "" });
      break;
    case "xhttp":
      Object.assign(json, { type: t.mode ?? "auto", path: t.path ?? "/" });
      break;
  }
  if (e.security === "tls") {
    const s = e.tls;
    if (s.sni) json.sni = s.sni;
    if (s.fingerprint) json.fp = s.fingerprint;
    if (s.alpn) json.alpn = s.alpn.join(",");
    if (s.allowInsecure) json.allowInsecure = "1";
  }
  return json;
}

/** `vmess://` + standard base64 of the UTF-8 JSON. */
export function vmessLink(e: Endpoint): string {
  return `vmess://${textToBase64(JSON.stringify(vmessJson(e)))}`;
}
