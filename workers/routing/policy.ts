/**
 * The routing policy nodes apply to users' traffic (see routingPolicySchema in the agent
 * protocol for what each field does). One panel-wide policy, kept in the settings table, and an
 * optional per-node override kept on the node. An override replaces the panel-wide policy as a
 * whole (it does not merge entry by entry): what a node runs is always one readable policy.
 * The agent always blocks users' traffic to its own API first, whatever either says.
 */
import { eq, sql } from "drizzle-orm";
import { DEFAULT_ROUTING_POLICY, routingPolicySchema, type RoutingPolicy } from "../agent/protocol/messages";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db } from "../db/client";
import { notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { bumpAllNodes, bumpNodes } from "../nodes/config-version";
import { nodes, type NodeRow } from "../nodes/table";
import { settings } from "../settings/table";

/** The settings row holding the panel-wide policy. */
export const ROUTING_SETTING_KEY = "routingPolicy";

/**
 * A stored policy as a node should run it. A stored value that no longer validates (a field
 * tightened since) yields the safe defaults rather than a node without a policy.
 */
export function storedPolicy(value: unknown): RoutingPolicy {
  const parsed = routingPolicySchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_ROUTING_POLICY;
}

/** What a node runs: its override when it has one, else the panel-wide policy. */
export function effectivePolicy(panelWide: RoutingPolicy, override: unknown): RoutingPolicy {
  return override == null ? panelWide : storedPolicy(override);
}

/** GraphQL sends explicit nulls for omitted optional fields; the schema's defaults stand for them. */
function withoutNulls(input: unknown): unknown {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, Array.isArray(v) ? v.map(withoutNulls) : v]),
  );
}

/** Validates an admin's policy: a whole policy, omitted fields taking their defaults. */
export function parsePolicyInput(input: unknown): RoutingPolicy {
  return parseInput(routingPolicySchema, withoutNulls(input));
}

export async function readPanelPolicy(db: Db): Promise<RoutingPolicy> {
  const row = await db.select().from(settings).where(eq(settings.key, ROUTING_SETTING_KEY)).get();
  return row ? storedPolicy(row.value) : DEFAULT_ROUTING_POLICY;
}

/** One statement for the config builder: the panel-wide policy and the node's override together. */
export async function readNodePolicy(db: Db, nodeId: number): Promise<RoutingPolicy> {
  const row = await db.get<{ panel: string | null; override: string | null }>(sql`SELECT
      (SELECT value FROM settings WHERE key = ${ROUTING_SETTING_KEY}) AS panel,
      (SELECT routing_policy FROM nodes WHERE id = ${nodeId}) AS override`);
  const panelWide = row?.panel == null ? DEFAULT_ROUTING_POLICY : storedPolicy(JSON.parse(row.panel));
  return effectivePolicy(panelWide, row?.override == null ? null : JSON.parse(row.override));
}

/** Replaces the panel-wide policy; every node pulls a config carrying it. */
export async function updatePanelPolicy(ctx: ActorContext, rawInput: unknown): Promise<RoutingPolicy> {
  const policy = parsePolicyInput(rawInput);
  await runBatch(ctx.db, [
    ctx.db
      .insert(settings)
      .values({ key: ROUTING_SETTING_KEY, value: policy })
      .onConflictDoUpdate({ target: settings.key, set: { value: policy } }),
    bumpAllNodes(ctx.db),
    auditBy(ctx, { action: "routing.update", targetType: "settings", targetId: ROUTING_SETTING_KEY, details: policy }),
  ]);
  return policy;
}

/** Sets (a policy) or clears (null) one node's override; only that node pulls a new config. */
export async function setNodeOverride(ctx: ActorContext, nodeId: number, rawInput: unknown): Promise<NodeRow> {
  const policy = rawInput == null ? null : parsePolicyInput(rawInput);
  if (!(await ctx.db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, nodeId)).get()))
    throw notFound("node", nodeId);
  const results = await runBatch(ctx.db, [
    ctx.db.update(nodes).set({ routingPolicy: policy, updatedAtSec: ctx.nowSec() }).where(eq(nodes.id, nodeId)),
    bumpNodes(ctx.db, [nodeId]),
    auditBy(ctx, {
      action: policy ? "node.routing_override.set" : "node.routing_override.clear",
      targetType: "node",
      targetId: nodeId,
      details: policy ? { policy } : {},
    }),
    ctx.db.select().from(nodes).where(eq(nodes.id, nodeId)),
  ]);
  return (results[results.length - 1] as NodeRow[])[0]!;
}
