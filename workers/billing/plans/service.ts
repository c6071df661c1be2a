import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../../audit/record";
import { rawStatement, runBatch, type Db, type Statement } from "../../db/client";
import { assertAllExist, isUniqueViolation } from "../../db/constraints";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import { idListSchema } from "../../graphql/ids";
import { findVisibleUser } from "../../users/service";
import { RESET_STRATEGIES, users, type UserRow } from "../../users/table";
import { amountSchema, currencySchema } from "../money";
import { applyPlanStatements, type PlanTerms } from "./apply";
import { planGroups, plans, type PlanRow } from "./table";

const priceList = z
  .array(z.object({ currency: currencySchema, amount: amountSchema }))
  .max(20)
  .refine((prices) => new Set(prices.map((p) => p.currency)).size === prices.length, "one price per currency");

const fields = {
  name: z.string().trim().min(1, "name is required").max(64),
  description: z.string().max(1024),
  prices: priceList,
  dataLimit: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
  durationDays: z.number().int().min(1, "at least 1 day").max(3650).nullable(),
  resetStrategy: z.enum(RESET_STRATEGIES),
  deviceLimit: z.number().int().min(0, "0 means no limit").max(100).nullable(),
  groupIds: idListSchema,
  visible: z.boolean(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};
const createSchema = z.object({
  ...fields,
  description: fields.description.default(""),
  prices: fields.prices.min(1, "a plan needs at least one price"),
  dataLimit: fields.dataLimit.default(null),
  durationDays: fields.durationDays.default(null),
  resetStrategy: fields.resetStrategy.default("none"),
  deviceLimit: fields.deviceLimit.default(null),
  groupIds: fields.groupIds.default([]),
  visible: fields.visible.default(true),
  sortOrder: fields.sortOrder.default(0),
});
const updateSchema = z.object(fields).partial();

/** The plan columns an input sets: groupIds live in their own table, dataLimit is stored in bytes. */
function planColumns<Input extends z.infer<typeof updateSchema>>({ groupIds: _, dataLimit, ...columns }: Input) {
  return { ...columns, dataLimitBytes: dataLimit };
}

const nameTaken = (name: string) => new DomainError("CONFLICT", `a plan named "${name}" already exists`);

/** Visible plans first by sort order, then by name: the order the subscription page offers them in. */
export function listPlans(db: Db, options: { visibleOnly: boolean }) {
  return db
    .select()
    .from(plans)
    .where(options.visibleOnly ? eq(plans.visible, true) : undefined)
    .orderBy(asc(plans.sortOrder), asc(plans.name))
    .all();
}

export function findPlan(db: Db, id: number) {
  return db.select().from(plans).where(eq(plans.id, id)).get();
}

export async function planGroupIds(db: Db, planId: number): Promise<number[]> {
  const rows = await db.select({ id: planGroups.groupId }).from(planGroups).where(eq(planGroups.planId, planId)).all();
  return rows.map((r) => r.id);
}

/** The plan as it is sold now: what an invoice freezes and a payment applies. */
export async function planTerms(db: Db, plan: PlanRow): Promise<PlanTerms> {
  return {
    planId: plan.id,
    name: plan.name,
    dataLimitBytes: plan.dataLimitBytes,
    durationDays: plan.durationDays,
    resetStrategy: plan.resetStrategy,
    deviceLimit: plan.deviceLimit,
    groupIds: await planGroupIds(db, plan.id),
  };
}

const linkGroups = (db: Db, planId: number | SQL, groupIds: number[]) =>
  rawStatement(
    db,
    sql`INSERT INTO plan_groups (plan_id, group_id) SELECT ${planId}, value FROM json_each(${JSON.stringify(groupIds)})`,
  );

export async function createPlan(ctx: ActorContext, rawInput: unknown): Promise<PlanRow> {
  const input = parseInput(createSchema, rawInput);
  await assertAllExist(ctx.db, "groups", input.groupIds);
  const nowSec = ctx.nowSec();
  const newId = sql`(SELECT id FROM plans WHERE name = ${input.name})`;
  try {
    const [inserted] = (await runBatch(ctx.db, [
      ctx.db
        .insert(plans)
        .values({ ...planColumns(input), createdAtSec: nowSec, updatedAtSec: nowSec })
        .returning(),
      linkGroups(ctx.db, newId, input.groupIds),
      auditBy(ctx, { action: "plan.create", targetType: "plan", targetId: newId, details: input }),
    ])) as [PlanRow[]];
    return inserted[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Invoices already issued keep the terms they were sold with; only new ones see the change. */
export async function updatePlan(ctx: ActorContext, id: number, rawInput: unknown): Promise<PlanRow> {
  const input = parseInput(updateSchema, rawInput);
  if (!(await findPlan(ctx.db, id))) throw notFound("plan", id);
  const statements: Statement[] = [];
  if (input.groupIds) {
    await assertAllExist(ctx.db, "groups", input.groupIds);
    statements.push(ctx.db.delete(planGroups).where(eq(planGroups.planId, id)), linkGroups(ctx.db, id, input.groupIds));
  }
  statements.push(
    ctx.db
      .update(plans)
      .set({ ...planColumns(input), updatedAtSec: ctx.nowSec() })
      .where(eq(plans.id, id))
      .returning(),
    auditBy(ctx, { action: "plan.update", targetType: "plan", targetId: id, details: input }),
  );
  try {
    const results = await runBatch(ctx.db, statements);
    return (results[results.length - 2] as PlanRow[])[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
    throw error;
  }
}

export async function deletePlan(ctx: ActorContext, id: number): Promise<boolean> {
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw notFound("plan", id);
  await runBatch(ctx.db, [
    ctx.db.delete(plans).where(eq(plans.id, id)),
    auditBy(ctx, { action: "plan.delete", targetType: "plan", targetId: id, details: { name: plan.name } }),
  ]);
  return true;
}

/** An admin gives a user a plan without an invoice (a gift, a manual sale): same rule as a payment. */
export async function applyPlanToUser(ctx: ActorContext, userId: number, planId: number): Promise<UserRow> {
  const user = await findVisibleUser(ctx.db, ctx.actor, userId);
  if (!user) throw notFound("user", userId);
  const plan = await findPlan(ctx.db, planId);
  if (!plan) throw notFound("plan", planId);
  const terms = await planTerms(ctx.db, plan);
  const results = await runBatch(ctx.db, [
    ...applyPlanStatements(ctx.db, userId, terms, ctx.nowSec()),
    auditBy(ctx, { action: "plan.apply", targetType: "user", targetId: userId, details: { planId, plan: plan.name } }),
    ctx.db
      .select()
      .from(users)
      .where(and(eq(users.id, userId))),
  ]);
  return (results[results.length - 1] as UserRow[])[0]!;
}
