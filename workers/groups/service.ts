import { asc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../audit/record";
import { rawStatement, runBatch, type Db, type Statement } from "../db/client";
import { assertAllExist, isUniqueViolation } from "../db/constraints";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { idListSchema } from "../graphql/ids";
import { bumpNodesServingGroups, bumpNodesServingInbounds } from "../nodes/config-version";
import { groupInbounds, groups, type GroupRow } from "./table";

const nameSchema = z.string().trim().min(1, "name is required").max(64);
const noteSchema = z.string().max(1024);
const createSchema = z.object({ name: nameSchema, note: noteSchema.default(""), inboundIds: idListSchema.default([]) });
const updateSchema = z.object({
  name: nameSchema.optional(),
  note: noteSchema.optional(),
  inboundIds: idListSchema.optional(),
});

const nameTaken = (name: string) => new DomainError("CONFLICT", `a group named "${name}" already exists`);

export function listGroups(db: Db) {
  return db.select().from(groups).orderBy(asc(groups.name)).all();
}

export function findGroup(db: Db, id: number) {
  return db.select().from(groups).where(eq(groups.id, id)).get();
}

/**
 * `groupId` may be SQL: a new group's id is only known inside its batch. Look it up by its unique
 * name, not with last_insert_rowid(): that moves to each link row INSERT … SELECT writes, so every
 * inbound after the first would be linked to whatever group has that row's id.
 */
const linkInbounds = (db: Db, groupId: number | SQL, inboundIds: number[]) =>
  rawStatement(
    db,
    sql`INSERT INTO group_inbounds (group_id, inbound_id)
    SELECT ${groupId}, value FROM json_each(${JSON.stringify(inboundIds)})`,
  );

export async function createGroup(ctx: ActorContext, rawInput: unknown): Promise<GroupRow> {
  const input = parseInput(createSchema, rawInput);
  await assertAllExist(ctx.db, "inbounds", input.inboundIds);
  try {
    const [inserted] = (await runBatch(ctx.db, [
      ctx.db.insert(groups).values({ name: input.name, note: input.note, createdAtSec: ctx.nowSec() }).returning(),
      linkInbounds(ctx.db, sql`(SELECT id FROM groups WHERE name = ${input.name})`, input.inboundIds),
      auditBy(ctx, {
        action: "group.create",
        targetType: "group",
        targetId: sql`(SELECT id FROM groups WHERE name = ${input.name})`,
        details: input,
      }),
    ])) as [GroupRow[]];
    return inserted[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Changing a group's inbounds re-versions the nodes it reached before and the ones it reaches now. */
export async function updateGroup(ctx: ActorContext, id: number, rawInput: unknown): Promise<GroupRow> {
  const input = parseInput(updateSchema, rawInput);
  if (!(await findGroup(ctx.db, id))) throw notFound("group", id);
  const statements: Statement[] = [];
  if (input.inboundIds) {
    await assertAllExist(ctx.db, "inbounds", input.inboundIds);
    statements.push(
      bumpNodesServingGroups(ctx.db, [id]),
      ctx.db.delete(groupInbounds).where(eq(groupInbounds.groupId, id)),
      linkInbounds(ctx.db, id, input.inboundIds),
      bumpNodesServingInbounds(ctx.db, input.inboundIds),
    );
  }
  // An update that only replaces the inbounds has no column to set, and drizzle refuses an empty SET.
  if (input.name !== undefined || input.note !== undefined) {
    statements.push(ctx.db.update(groups).set({ name: input.name, note: input.note }).where(eq(groups.id, id)));
  }
  statements.push(
    auditBy(ctx, { action: "group.update", targetType: "group", targetId: id, details: input }),
    ctx.db.select().from(groups).where(eq(groups.id, id)),
  );
  try {
    const results = await runBatch(ctx.db, statements);
    return (results[results.length - 1] as GroupRow[])[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
    throw error;
  }
}

/** Members lose the group's inbounds; the users themselves stay. */
export async function deleteGroup(ctx: ActorContext, id: number): Promise<boolean> {
  const group = await findGroup(ctx.db, id);
  if (!group) throw notFound("group", id);
  await runBatch(ctx.db, [
    bumpNodesServingGroups(ctx.db, [id]),
    ctx.db.delete(groups).where(eq(groups.id, id)),
    auditBy(ctx, { action: "group.delete", targetType: "group", targetId: id, details: { name: group.name } }),
  ]);
  return true;
}
