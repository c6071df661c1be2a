import { asc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../audit/record";
import { METRICS_CHANGED } from "../live/topics";
import { rawStatement, runBatch, type Db, type Statement } from "../db/client";
import { assertAllExist, isUniqueViolation } from "../db/constraints";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { idListSchema } from "../graphql/ids";
import { inbounds } from "../inbounds/table";
import { assertNodeCanServe, servedOnLink } from "./capabilities";
import { bumpNodes } from "./config-version";
import { nodeInbounds, nodes, type NodeRow } from "./table";

const nameSchema = z.string().trim().min(1, "name is required").max(64);
/** A host name, an IPv4 address or a bracket-less IPv6 address that clients can reach. */
const addressSchema = z
  .string()
  .trim()
  .max(253)
  .regex(/^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^[0-9a-fA-F:]+$/, "must be a host name or an IP address");

/** Degrees; null means unknown (such a node sorts after located ones for every requester). */
const latitudeSchema = z
  .number()
  .min(-90, "latitude runs from -90 to 90")
  .max(90, "latitude runs from -90 to 90")
  .nullable();
const longitudeSchema = z
  .number()
  .min(-180, "longitude runs from -180 to 180")
  .max(180, "longitude runs from -180 to 180")
  .nullable();

const createSchema = z.object({
  name: nameSchema,
  address: addressSchema,
  inboundIds: idListSchema.default([]),
  latitude: latitudeSchema.default(null),
  longitude: longitudeSchema.default(null),
});
const updateSchema = z.object({
  name: nameSchema.optional(),
  address: addressSchema.optional(),
  inboundIds: idListSchema.optional(),
  latitude: latitudeSchema.optional(),
  longitude: longitudeSchema.optional(),
});
const filterSchema = z.object({ search: z.string().trim().max(64).nullish() }).nullish();

const nameTaken = (name: string) => new DomainError("CONFLICT", `a node named "${name}" already exists`);

export function listNodes(db: Db, rawFilter: unknown) {
  const filter = parseInput(filterSchema, rawFilter);
  const search = filter?.search;
  return (
    db
      .select()
      .from(nodes)
      // SQLite's LIKE has no escape character unless the statement names one.
      .where(search ? sql`${nodes.name} LIKE ${`%${search.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'` : undefined)
      .orderBy(asc(nodes.id))
      .all()
  );
}

export function findNode(db: Db, id: number) {
  return db.select().from(nodes).where(eq(nodes.id, id)).get();
}

/** Every inbound must exist, and no two may want the same port on one node. Returns them. */
async function assertServableSet(db: Db, inboundIds: number[]) {
  await assertAllExist(db, "inbounds", inboundIds);
  const found = await db
    .select()
    .from(inbounds)
    .where(sql`${inbounds.id} IN (SELECT value FROM json_each(${JSON.stringify(inboundIds)}))`)
    .all();
  const byPort = new Map<number, string>();
  for (const inbound of found) {
    const other = byPort.get(inbound.port);
    if (other)
      throw new DomainError("CONFLICT", `inbounds "${other}" and "${inbound.tag}" both use port ${inbound.port}`);
    byPort.set(inbound.port, inbound.tag);
  }
  return found;
}

/**
 * `nodeId` may be SQL: a new node's id is only known inside its batch. Look it up by its unique
 * name, not with last_insert_rowid(): that moves to each link row INSERT … SELECT writes, so every
 * inbound after the first would be linked to whatever node has that row's id.
 */
const linkInbounds = (db: Db, nodeId: number | SQL, inboundIds: number[]) =>
  rawStatement(
    db,
    sql`INSERT INTO node_inbounds (node_id, inbound_id, served)
    SELECT ${nodeId}, value, ${servedOnLink(nodeId, sql`value`)} FROM json_each(${JSON.stringify(inboundIds)})`,
  );

export async function createNode(ctx: ActorContext, rawInput: unknown): Promise<NodeRow> {
  const input = parseInput(createSchema, rawInput);
  await assertServableSet(ctx.db, input.inboundIds);
  const nowSec = ctx.nowSec();
  try {
    const [inserted] = (await runBatch(ctx.db, [
      ctx.db
        .insert(nodes)
        .values({
          name: input.name,
          address: input.address,
          latitude: input.latitude,
          longitude: input.longitude,
          createdAtSec: nowSec,
          updatedAtSec: nowSec,
        })
        .returning(),
      linkInbounds(ctx.db, sql`(SELECT id FROM nodes WHERE name = ${input.name})`, input.inboundIds),
      auditBy(ctx, {
        action: "node.create",
        targetType: "node",
        targetId: sql`(SELECT id FROM nodes WHERE name = ${input.name})`,
        details: input,
      }),
    ])) as [NodeRow[]];
    return inserted[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateNode(ctx: ActorContext, id: number, rawInput: unknown): Promise<NodeRow> {
  const input = parseInput(updateSchema, rawInput);
  const node = await findNode(ctx.db, id);
  if (!node) throw notFound("node", id);
  if (input.inboundIds) {
    const wanted = await assertServableSet(ctx.db, input.inboundIds);
    // Only what is being added: an inbound already there that the core stopped serving is shown, not a reason to refuse every edit.
    const current = new Set(
      (
        await ctx.db.select({ id: nodeInbounds.inboundId }).from(nodeInbounds).where(eq(nodeInbounds.nodeId, id)).all()
      ).map((r) => r.id),
    );
    for (const inbound of wanted) if (!current.has(inbound.id)) assertNodeCanServe(node, inbound);
  }
  const statements: Statement[] = [];
  if (input.inboundIds) {
    statements.push(
      ctx.db.delete(nodeInbounds).where(eq(nodeInbounds.nodeId, id)),
      linkInbounds(ctx.db, id, input.inboundIds),
    );
  }
  statements.push(
    ctx.db
      .update(nodes)
      .set({
        name: input.name,
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
        updatedAtSec: ctx.nowSec(),
      })
      .where(eq(nodes.id, id)),
    bumpNodes(ctx.db, [id]),
    auditBy(ctx, { action: "node.update", targetType: "node", targetId: id, details: input }),
    ctx.db.select().from(nodes).where(eq(nodes.id, id)),
  );
  try {
    const results = await runBatch(ctx.db, statements);
    return (results[results.length - 1] as NodeRow[])[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
    throw error;
  }
}

export async function deleteNode(ctx: ActorContext, id: number): Promise<boolean> {
  const node = await findNode(ctx.db, id);
  if (!node) throw notFound("node", id);
  await runBatch(ctx.db, [
    ctx.db.delete(nodes).where(eq(nodes.id, id)),
    auditBy(ctx, { action: "node.delete", targetType: "node", targetId: id, details: { name: node.name } }),
  ]);
  ctx.publish([METRICS_CHANGED]);
  return true;
}
