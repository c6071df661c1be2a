import type { Endpoint } from "../endpoint";
import { fragment, queryString, urlHost } from "./encode";
import { streamQuery } from "./stream-query";

/**
 * `vless://<uuid>@<host>:<port>?<query>#<remark>`. `flow` only where Vision runs: TCP with TLS or
 * REALITY and no HTTP header.
 *
 * @example vlessLink(endpoint) // "vless://…@de.example.com:443?type=tcp&security=reality&…&flow=xtls-rprx-vision#DE"
 */
export function vlessLink(e: Endpoint): string {
  const visionApplies = e.transport === "tcp" && e.security !== "none" && e.transportSettings.headerType !== "http";
  const query = queryString([["encryption", "none"], ...streamQuery(e), ["flow", visionApplies ? e.flow : undefined]]);
  return `vless://${e.secret}@${urlHost(e.address)}:${e.port}?${query}${fragment(e.remark)}`;
}
