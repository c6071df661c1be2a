/**
 * Whether a node serves an inbound, judged from what its agent last reported: the inbounds its
 * core skipped (with the agent's own reason) and the capability rule the agent renders by.
 * A node that never reported (pending, or an agent too old to say) is unknown: it is trusted,
 * and a mismatch shows once it reports.
 */
import { sql, type SQL } from "drizzle-orm";
import { rawStatement, type Db } from "../db/client";
import { capabilityMismatch, type InboundShape } from "../agent/protocol/capabilities";
import type { CoreCapabilities } from "../agent/protocol/messages";
import { DomainError } from "../errors/domain-error";

export type ReportedCapabilities = CoreCapabilities | null;

/**
 * Why the node with these reported capabilities does not serve `inbound`, or null when it does
 * (or when nothing was reported yet).
 *
 * @example unservedReason({ tag: "hy2", protocol: "hysteria2", … }, v2rayReport) // "protocol hysteria2 is not supported on v2ray 4.34.0"
 */
export function unservedReason(
  inbound: InboundShape & { tag: string },
  capabilities: ReportedCapabilities,
): string | null {
  if (!capabilities) return null;
  const skipped = capabilities.skipped.find((s) => s.tag === inbound.tag);
  return skipped ? skipped.reason : capabilityMismatch(inbound, capabilities);
}

/**
 * The SQL twin of `unservedReason(...) !== null`, over a `nodes` row (or any row with a
 * `capabilities` column) aliased `n` and an `inbounds` row aliased `i`. It keeps
 * `node_inbounds.served` so the subscription's hot path reads a flag instead of parsing JSON per
 * pair (measured on SQLite: ~10 µs per pair). capabilities.test.ts proves both forms agree.
 */
export const unservedSql = sql.raw(`(n.capabilities IS NOT NULL AND (
  EXISTS (SELECT 1 FROM json_each(n.capabilities, '$.skipped') s WHERE json_extract(s.value, '$.tag') = i.tag)
  OR NOT EXISTS (SELECT 1 FROM json_each(n.capabilities, '$.protocols') c WHERE c.value = i.protocol)
  OR NOT EXISTS (SELECT 1 FROM json_each(n.capabilities, '$.transports') c WHERE c.value = i.transport)
  OR NOT EXISTS (SELECT 1 FROM json_each(n.capabilities, '$.securities') c WHERE c.value = i.security)
  OR (i.security = 'tls' AND json_extract(n.capabilities, '$.tlsCertificate') = 0
      AND NOT (coalesce(json_extract(i.security_settings, '$.certificateFile'), '') <> ''
               AND coalesce(json_extract(i.security_settings, '$.keyFile'), '') <> ''))
  OR (i.protocol = 'shadowsocks' AND NOT EXISTS (SELECT 1 FROM json_each(n.capabilities, '$.shadowsocksMethods') c
      WHERE c.value = coalesce(json_extract(i.protocol_settings, '$.method'), '')))))`);

/** `served` for a new node × inbound link, from what the node last reported. */
export const servedOnLink = (nodeId: number | SQL, inboundId: SQL) =>
  sql`NOT (SELECT ${unservedSql} FROM nodes n, inbounds i WHERE n.id = ${nodeId} AND i.id = ${inboundId})`;

/**
 * Re-derives `served` for one node's links when its report changed, judging them by the new
 * report. Runs before the report is stored (the comparison with the stored one is what makes an
 * unchanged report, the usual push, touch no row).
 */
export function refreshServedOnReport(db: Db, nodeId: number, capabilities: CoreCapabilities | null) {
  const text = capabilities ? JSON.stringify(capabilities) : null;
  return rawStatement(
    db,
    sql`UPDATE node_inbounds SET served = NOT (SELECT ${unservedSql} FROM (SELECT ${text} AS capabilities) n, inbounds i
      WHERE i.id = node_inbounds.inbound_id)
    WHERE node_id = ${nodeId} AND (SELECT capabilities FROM nodes WHERE id = ${nodeId}) IS NOT ${text}`,
  );
}

/** Re-derives `served` for every node serving an inbound that just changed. */
export function refreshServedOfInbound(db: Db, inboundId: number) {
  return rawStatement(
    db,
    sql`UPDATE node_inbounds SET served = ${servedOnLink(sql`node_inbounds.node_id`, sql`node_inbounds.inbound_id`)}
    WHERE inbound_id = ${inboundId}`,
  );
}

/**
 * Refuses to put an inbound on a node whose core, as last reported, cannot serve it. Only the
 * capability rule counts here: a skip the agent reported for the inbound's current form may be
 * passing (a v2ray shadowsocks inbound waiting for its one user).
 */
export function assertNodeCanServe(
  node: { name: string; capabilities: ReportedCapabilities },
  inbound: InboundShape & { tag: string },
): void {
  if (!node.capabilities) return;
  const reason = capabilityMismatch(inbound, node.capabilities);
  if (reason)
    throw new DomainError("BAD_USER_INPUT", `node "${node.name}" cannot serve inbound "${inbound.tag}": ${reason}`, {
      node: node.name,
      inbound: inbound.tag,
      reason,
    });
}
