import { sql } from "drizzle-orm";
import type { IssueContext } from "../agent/issue";
import { DEFAULT_ROUTING_POLICY, type ConfigEnvelope, type ConfigPayload } from "../agent/protocol/messages";
import { sha256Hex } from "../lib/sha256";
import { configObjectKey, putEnvelope } from "./store";
import type { ConfigSummary } from "./table";

/** What the history lists for a config without reading its envelope back. */
export async function summarizeConfig(payload: ConfigPayload): Promise<ConfigSummary> {
  return {
    inbounds: payload.inbounds.length,
    users: payload.users.length,
    operations: payload.operations?.length ?? 0,
    routingSha256: await sha256Hex(JSON.stringify(payload.routing ?? DEFAULT_ROUTING_POLICY)),
  };
}

/**
 * Keeps an issued envelope in the node's config history, once per (node, version): an agent that
 * restarts pulls the same version again, and that costs one INSERT that does nothing. The row goes
 * first and the R2 object only when the row is new; should the put fail, the row stays and the
 * history shows the version as no longer kept. `rollback_of` is the version the node is pinned to.
 */
export async function recordIssuedConfig(
  ctx: IssueContext,
  payload: ConfigPayload,
  envelope: ConfigEnvelope,
  nowSec: number,
): Promise<void> {
  const key = configObjectKey(payload.nodeId, payload.version);
  const text = new TextEncoder().encode(envelope.payload);
  const summary = await summarizeConfig(payload);
  const inserted = await ctx.db.all<{ version: number }>(sql`INSERT INTO node_config_history
      (node_id, version, issued_at, sha256, size_bytes, object_key, summary, rollback_of)
    VALUES (${payload.nodeId}, ${payload.version}, ${nowSec}, ${await sha256Hex(text)}, ${text.byteLength}, ${key},
      ${JSON.stringify(summary)}, (SELECT config_pin_version FROM nodes WHERE id = ${payload.nodeId}))
    ON CONFLICT (node_id, version) DO NOTHING
    RETURNING version`);
  if (inserted.length > 0) await putEnvelope(ctx.env.BUCKET, key, envelope);
}
