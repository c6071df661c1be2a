import type { Endpoint } from "../endpoint";
import { fragment, queryString, urlHost } from "./encode";

/**
 * `hysteria2://<auth>@<host>:<port>/?<query>#<remark>`, the official URI scheme (with the `/`).
 * No finalmask or other extras: unknown parameters break mihomo's parser.
 */
export function hysteria2Link(e: Endpoint): string {
  const query = queryString([
    ["sni", e.tls.sni],
    ["alpn", e.tls.alpn?.join(",")],
    ["insecure", e.tls.allowInsecure ? "1" : undefined],
    ["obfs", e.obfsPassword ? "salamander" : undefined],
    ["obfs-password", e.obfsPassword],
  ]);
  return `hysteria2://${encodeURIComponent(e.secret)}@${urlHost(e.address)}:${e.port}/${query ? `?${query}` : ""}${fragment(e.remark)}`;
}
