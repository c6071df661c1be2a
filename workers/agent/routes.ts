import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { enrollNode } from "../nodes/enrollment";
import { nodes } from "../nodes/table";
import { emitEvents } from "../events/emit";
import { publishLive } from "../live/hub-client";
import { partsOfPush } from "../usage/shards";
import type { ShardReply } from "../../durable-objects/usage-shard";
import type { NodeReport } from "../nodes/presence";
import { verifyAgentRequest, type AgentEnv } from "./authenticate";
import { issueConfig } from "./issue";
import { panelSigningKey } from "./keys";
import { usagePushSchema, type UsageReply } from "./protocol/messages";

/** The longest a config pull may wait for a change; under typical proxy idle timeouts. */
export const MAX_LONG_POLL_SEC = 25;

const nowSec = () => Math.floor(Date.now() / 1000);

/** The node's config version, and the version it is pinned to (read here, so a live config costs no extra read). */
async function currentVersion(
  c: { var: { db: AgentEnv["Variables"]["db"] } },
  nodeId: number,
): Promise<{ version: number; pinnedTo: number | null }> {
  const row = await c.var.db
    .select({ version: nodes.configVersion, pinnedTo: nodes.configPinVersion })
    .from(nodes)
    .where(eq(nodes.id, nodeId))
    .get();
  if (!row) throw new DomainError("NOT_FOUND", `server ${nodeId} does not exist`);
  return row;
}

/**
 * `/agent/v1/*`: what node agents call. Enrollment is authorised by its one-time token; every
 * other call by the node's signature (authenticate.ts), and reaches only that node's data.
 */
export const agentRoutes = new Hono<AgentEnv>()
  .post("/enroll", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    const { nodeId } = await enrollNode(c.var.db, body, c.var.client, nowSec());
    const { publicKey } = await panelSigningKey(c.env);
    return c.json({ nodeId, panelPublicKey: publicKey });
  })
  .use("/config", verifyAgentRequest)
  .use("/usage", verifyAgentRequest)
  .get("/config", async (c) => {
    const nodeId = c.var.nodeId;
    const waitSec = parseInput(z.coerce.number().int().min(0).max(MAX_LONG_POLL_SEC).default(0), c.req.query("wait"));
    const known = Number(/^"(\d+)"$/.exec(c.req.header("if-none-match") ?? "")?.[1] ?? 0);
    const stub = c.env.NODE.getByName(String(nodeId));
    let current = await currentVersion(c, nodeId);
    if (current.version === known && waitSec > 0) {
      const announced = await stub.waitForConfigChange(known, waitSec * 1000);
      if (announced !== null) current = await currentVersion(c, nodeId);
    }
    const { version, pinnedTo } = current;
    if (version === known) return c.body(null, 304, { etag: `"${version}"` });
    const envelope = await issueConfig(
      { db: c.var.db, env: c.env, waitUntil: (promise) => c.executionCtx.waitUntil(promise), pinnedTo },
      nodeId,
      version,
      nowSec(),
    );
    return c.json(envelope, 200, { etag: `"${version}"`, "cache-control": "no-store" });
  })
  .post("/usage", async (c) => {
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(c.var.body));
    } catch {
      throw new DomainError("BAD_USER_INPUT", "usage push is not JSON");
    }
    const push = parseInput(usagePushSchema, raw);
    if (push.nodeId !== c.var.nodeId) throw new DomainError("FORBIDDEN", "a node may push usage only for itself");
    const receivedAtSec = nowSec();
    // Each shard records its users' part under the push's (node, seq) once; a resent push is
    // counted only where it was not recorded before. Any shard failing fails the push: the agent
    // resends the same seq and bytes, and the shards that had it answer "seen".
    const rollupAfterSec = Number(c.env.USAGE_ROLLUP_SEC);
    const replies = (await Promise.all(
      partsOfPush(push, receivedAtSec).map((part) =>
        c.env.USAGE.getByName(String(part.shardId)).apply(part, rollupAfterSec),
      ),
    )) as unknown as ShardReply[];
    // RPC's types cannot carry LiveEvent's `unknown` payload (they make the report `never`); it is plain data.
    const presence = (await c.env.NODE.getByName(String(push.nodeId)).reportedIn(
      push.nodeId,
      push.health,
    )) as NodeReport | null;
    if (!presence) throw new DomainError("NOT_FOUND", `server ${push.nodeId} does not exist`);
    // The node's status news, when it has any, after the reply is sent. Its users' traffic
    // reaches the hub from their shards, each at most once a second (durable-objects/usage-shard.ts).
    const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
    publishLive(c.env, waitUntil, presence.events);
    // The node's own news first: a push that brings a node back and cuts users reads in that order.
    emitEvents(c.env, waitUntil, [...presence.news, ...replies.flatMap((r) => r.events)]);
    const reply: UsageReply = {
      ackSeq: push.seq,
      configVersion: presence.node.configVersion,
      cut: replies.flatMap((r) => r.cut),
    };
    return c.json(reply);
  });
