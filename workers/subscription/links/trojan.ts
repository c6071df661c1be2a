import type { Endpoint } from "../endpoint";
import { fragment, queryString, urlHost } from "./encode";
import { streamQuery } from "./stream-query";

/** `trojan://<percent-encoded password>@<host>:<port>?<query>#<remark>`, the query as vless's. */
export function trojanLink(e: Endpoint): string {
  return `trojan://${encodeURIComponent(e.secret)}@${urlHost(e.address)}:${e.port}?${queryString(streamQuery(e))}${fragment(e.remark)}`;
}
