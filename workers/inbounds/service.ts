import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db, type Statement } from "../db/client";
import { isUniqueViolation } from "../db/constraints";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { toBase64 } from "../lib/base64";
import { bumpNodesServingInbounds } from "../nodes/config-version";
import { capabilityMismatch } from "../agent/protocol/capabilities";
import { assertNodeCanServe, refreshServedOfInbound } from "../nodes/capabilities";
import { nodeInbounds, nodes } from "../nodes/table";
import { generateRealityKeyPair, randomShortId, realityPublicKeyOf } from "./reality-keys";
import { inbounds, type InboundRow } from "./table";
import { compact, inboundFieldsSchema, inboundProblems, shadowsocks2022KeyBytes, type InboundFields } from "./validate";

const tagTaken = (tag: string) => new DomainError("CONFLICT", `an inbound tagged "${tag}" already exists`);

function assertServable(fields: InboundFields): void {
  const problems = inboundProblems(fields);
  if (problems.length) {
    throw new DomainError("BAD_USER_INPUT", problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; "), {
      fields: problems.map((p) => ({ path: p.path.join("."), message: p.message })),
    });
  }
}

/**
 * Fills what an admin may leave out with working defaults and generates keys: a REALITY key
 * pair and short id, a shadowsocks-2022 server key of the method's length.
 */
async function withDefaults(fields: InboundFields, previous?: InboundRow) {
  const transport = compact(fields.transportSettings);
  if (["ws", "httpupgrade", "xhttp"].includes(fields.transport)) transport.path ??= "/";
  if (fields.transport === "grpc") transport.serviceName ??= fields.tag;
  if (fields.transport === "xhttp") transport.mode ??= "auto";

  const protocol: InboundRow["protocolSettings"] = compact(fields.protocolSettings);
  if (protocol.method?.startsWith("2022-")) {
    const kept =
      previous?.protocolSettings.method === protocol.method ? previous.protocolSettings.serverKey : undefined;
    protocol.serverKey ??=
      kept ?? toBase64(crypto.getRandomValues(new Uint8Array(shadowsocks2022KeyBytes(protocol.method))));
  }

  const { realityPrivateKey, ...security } = compact(fields.securitySettings);
  const stored: InboundRow["securitySettings"] = security;
  if (fields.security === "reality") {
    const privateKey = realityPrivateKey ?? previous?.securitySettings.realityPrivateKey;
    if (privateKey) {
      stored.realityPrivateKey = privateKey;
      try {
        stored.realityPublicKey = await realityPublicKeyOf(privateKey);
      } catch {
        throw new DomainError("BAD_USER_INPUT", "securitySettings.realityPrivateKey: not a valid X25519 key");
      }
    } else {
      const pair = await generateRealityKeyPair();
      stored.realityPrivateKey = pair.privateKey;
      stored.realityPublicKey = pair.publicKey;
    }
    if (!stored.realityShortIds?.length) stored.realityShortIds = [randomShortId()];
    stored.fingerprint ??= "chrome";
  }
  return { protocolSettings: protocol, transportSettings: transport, securitySettings: stored };
}

export function listInbounds(db: Db) {
  return db.select().from(inbounds).orderBy(asc(inbounds.id)).all();
}

export function findInbound(db: Db, id: number) {
  return db.select().from(inbounds).where(eq(inbounds.id, id)).get();
}

/** A node cannot listen twice on one port: refuse a port another inbound on the same node uses. */
async function assertPortFree(db: Db, inboundId: number, port: number): Promise<void> {
  const clash = await db
    .select({ tag: inbounds.tag })
    .from(nodeInbounds)
    .innerJoin(inbounds, eq(inbounds.id, nodeInbounds.inboundId))
    .where(
      and(
        eq(inbounds.port, port),
        ne(inbounds.id, inboundId),
        inArray(
          nodeInbounds.nodeId,
          db.select({ id: nodeInbounds.nodeId }).from(nodeInbounds).where(eq(nodeInbounds.inboundId, inboundId)),
        ),
      ),
    )
    .get();
  if (clash)
    throw new DomainError(
      "CONFLICT",
      `port ${port} is already used by inbound "${clash.tag}" on a node serving this one`,
    );
}

/**
 * A change the nodes already serving this inbound cannot follow is refused (as assigning it
 * would be); a mismatch that existed before the change is not this change's doing.
 */
async function assertServingNodesCan(db: Db, previous: InboundRow, fields: InboundFields): Promise<void> {
  const serving = await db
    .select({ name: nodes.name, capabilities: nodes.capabilities })
    .from(nodeInbounds)
    .innerJoin(nodes, eq(nodes.id, nodeInbounds.nodeId))
    .where(eq(nodeInbounds.inboundId, previous.id))
    .all();
  for (const node of serving) {
    if (node.capabilities && capabilityMismatch(previous, node.capabilities)) continue;
    assertNodeCanServe(node, fields);
  }
}

export async function createInbound(ctx: ActorContext, rawInput: unknown): Promise<InboundRow> {
  const fields = parseInput(inboundFieldsSchema, rawInput);
  assertServable(fields);
  const settings = await withDefaults(fields);
  const nowSec = ctx.nowSec();
  try {
    const [inserted] = (await runBatch(ctx.db, [
      ctx.db
        .insert(inbounds)
        .values({ ...fields, ...settings, createdAtSec: nowSec, updatedAtSec: nowSec })
        .returning(),
      auditBy(ctx, {
        action: "inbound.create",
        targetType: "inbound",
        targetId: sql`(SELECT id FROM inbounds WHERE tag = ${fields.tag})`,
        details: {
          protocol: fields.protocol,
          port: fields.port,
          transport: fields.transport,
          security: fields.security,
        },
      }),
    ])) as [InboundRow[]];
    return inserted[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw tagTaken(fields.tag);
    throw error;
  }
}

/** Replaces the inbound's definition (a full input, like create) and re-versions every node serving it. */
export async function updateInbound(ctx: ActorContext, id: number, rawInput: unknown): Promise<InboundRow> {
  const previous = await findInbound(ctx.db, id);
  if (!previous) throw notFound("inbound", id);
  const input = (rawInput ?? {}) as Record<string, unknown>;
  const fields = parseInput(inboundFieldsSchema, {
    tag: input.tag ?? previous.tag,
    remark: input.remark ?? previous.remark,
    protocol: input.protocol ?? previous.protocol,
    port: input.port ?? previous.port,
    transport: input.transport ?? previous.transport,
    security: input.security ?? previous.security,
    protocolSettings: input.protocolSettings ?? editable(previous.protocolSettings),
    transportSettings: input.transportSettings ?? editable(previous.transportSettings),
    securitySettings: input.securitySettings ?? editable(previous.securitySettings),
  });
  assertServable(fields);
  await assertServingNodesCan(ctx.db, previous, fields);
  if (fields.port !== previous.port) await assertPortFree(ctx.db, id, fields.port);
  const settings = await withDefaults(fields, previous);
  const statements: Statement[] = [
    ctx.db
      .update(inbounds)
      .set({ ...fields, ...settings, updatedAtSec: ctx.nowSec() })
      .where(eq(inbounds.id, id))
      .returning(),
    bumpNodesServingInbounds(ctx.db, [id]),
    refreshServedOfInbound(ctx.db, id),
    auditBy(ctx, {
      action: "inbound.update",
      targetType: "inbound",
      targetId: id,
      details: { changed: Object.keys(input) },
    }),
  ];
  try {
    const [updated] = (await runBatch(ctx.db, statements)) as [InboundRow[]];
    return updated[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw tagTaken(fields.tag);
    throw error;
  }
}

/** Stored settings as an admin may send them back: without the keys the panel derives or keeps secret. */
function editable(stored: object) {
  const derived = new Set(["serverKey", "realityPublicKey", "realityPrivateKey"]);
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !derived.has(key)));
}

export async function deleteInbound(ctx: ActorContext, id: number): Promise<boolean> {
  const inbound = await findInbound(ctx.db, id);
  if (!inbound) throw notFound("inbound", id);
  // Bump before deleting: the node links that say which nodes to bump go with the inbound.
  await runBatch(ctx.db, [
    bumpNodesServingInbounds(ctx.db, [id]),
    ctx.db.delete(inbounds).where(eq(inbounds.id, id)),
    auditBy(ctx, { action: "inbound.delete", targetType: "inbound", targetId: id, details: { tag: inbound.tag } }),
  ]);
  return true;
}
