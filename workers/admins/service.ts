import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../audit/record";
import { hashPassword } from "../auth/password";
import { revokeSessionsOf } from "../auth/sessions";
import { runBatch, type Db, type Statement } from "../db/client";
import { isUniqueViolation } from "../db/constraints";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { users } from "../users/table";
import { admins, type AdminRow } from "./table";

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,64}$/, "use 3 to 64 letters, digits, dots, dashes or underscores");
export const passwordSchema = z.string().min(10, "use at least 10 characters").max(256);
const limitSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const createSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(["admin", "reseller"], { message: "only ADMIN or RESELLER can be created; there is one OWNER" }),
  maxUsers: limitSchema.nullish(),
  maxDataLimit: limitSchema.nullish(),
});

const updateSchema = z.object({
  password: passwordSchema.optional(),
  role: z.enum(["admin", "reseller"], { message: "role must be ADMIN or RESELLER" }).optional(),
  maxUsers: limitSchema.nullish(),
  maxDataLimit: limitSchema.nullish(),
  disabled: z.boolean().optional(),
});

const taken = (username: string) => new DomainError("CONFLICT", `an admin named "${username}" already exists`);

export function listAdmins(db: Db) {
  return db.select().from(admins).orderBy(asc(admins.id)).all();
}

export function findAdmin(db: Db, id: number) {
  return db.select().from(admins).where(eq(admins.id, id)).get();
}

export async function createAdmin(ctx: ActorContext, rawInput: unknown): Promise<AdminRow> {
  const input = parseInput(createSchema, rawInput);
  const existing = await ctx.db
    .select({ id: admins.id })
    .from(admins)
    .where(eq(sql`lower(${admins.username})`, input.username.toLowerCase()))
    .get();
  if (existing) throw taken(input.username);
  const nowSec = ctx.nowSec();
  try {
    const [inserted] = await ctx.db.batch([
      ctx.db
        .insert(admins)
        .values({
          username: input.username,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          maxUsers: input.maxUsers ?? null,
          maxDataLimitBytes: input.maxDataLimit ?? null,
          createdAtSec: nowSec,
          updatedAtSec: nowSec,
        })
        .returning(),
      auditBy(ctx, {
        action: "admin.create",
        targetType: "admin",
        targetId: sql`(SELECT id FROM admins WHERE lower(username) = lower(${input.username}))`,
        details: { role: input.role, maxUsers: input.maxUsers ?? null, maxDataLimit: input.maxDataLimit ?? null },
      }),
    ]);
    return inserted[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.username);
    throw error;
  }
}

async function editableAdmin(ctx: ActorContext, id: number): Promise<AdminRow> {
  const admin = await findAdmin(ctx.db, id);
  if (!admin) throw notFound("admin", id);
  if (admin.role === "owner") throw new DomainError("FORBIDDEN", "the owner account cannot be changed or deleted here");
  return admin;
}

/** Changing a password or disabling an admin ends every session that admin has. */
export async function updateAdmin(ctx: ActorContext, id: number, rawInput: unknown): Promise<AdminRow> {
  const input = parseInput(updateSchema, rawInput);
  await editableAdmin(ctx, id);
  const nowSec = ctx.nowSec();
  const changes: Partial<AdminRow> = { updatedAtSec: nowSec };
  if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);
  if (input.role !== undefined) changes.role = input.role;
  if (input.maxUsers !== undefined) changes.maxUsers = input.maxUsers;
  if (input.maxDataLimit !== undefined) changes.maxDataLimitBytes = input.maxDataLimit;
  if (input.disabled !== undefined) changes.disabled = input.disabled;
  const { password: _secret, ...auditable } = input;
  const statements: Statement[] = [
    ctx.db.update(admins).set(changes).where(eq(admins.id, id)).returning(),
    auditBy(ctx, {
      action: "admin.update",
      targetType: "admin",
      targetId: id,
      details: { ...auditable, passwordChanged: input.password !== undefined },
    }),
  ];
  if (input.password !== undefined || input.disabled === true) {
    statements.push(
      revokeSessionsOf(ctx.db, id, input.password !== undefined ? "password changed" : "admin disabled", nowSec),
    );
  }
  const [updated] = (await runBatch(ctx.db, statements)) as [AdminRow[]];
  return updated[0]!;
}

const topUpSchema = z.number().int().min(1, "top up by at least 1 byte").max(Number.MAX_SAFE_INTEGER);

/**
 * Raises a reseller's data quota by `bytes`: its balance (admins/data-quota.ts) grows by as much.
 * One guarded UPDATE, so concurrent top-ups add up and none is lost.
 */
export async function topUpResellerQuota(ctx: ActorContext, id: number, rawBytes: unknown): Promise<AdminRow> {
  const bytes = parseInput(topUpSchema, rawBytes);
  const admin = await editableAdmin(ctx, id);
  if (admin.role !== "reseller" || admin.maxDataLimitBytes === null) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `admin "${admin.username}" has no data quota to top up; give a reseller one with updateAdmin(maxDataLimit)`,
    );
  }
  const [updated] = (await runBatch(ctx.db, [
    ctx.db
      .update(admins)
      .set({ maxDataLimitBytes: sql`${admins.maxDataLimitBytes} + ${bytes}`, updatedAtSec: ctx.nowSec() })
      .where(and(eq(admins.id, id), isNotNull(admins.maxDataLimitBytes)))
      .returning(),
    auditBy(ctx, { action: "admin.top_up_quota", targetType: "admin", targetId: id, details: { bytes } }),
  ])) as [AdminRow[]];
  if (!updated[0])
    throw new DomainError(
      "CONFLICT",
      `admin "${admin.username}" lost its data quota a moment ago; nothing was topped up`,
    );
  return updated[0];
}

/** Refuses while the admin still owns users: reassign or delete them first, so nobody is orphaned. */
export async function deleteAdmin(ctx: ActorContext, id: number): Promise<boolean> {
  const admin = await editableAdmin(ctx, id);
  const owned = await ctx.db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.adminId, id)).get();
  if (owned && owned.n > 0) {
    throw new DomainError(
      "CONFLICT",
      `admin "${admin.username}" still owns ${owned.n} users; reassign or delete them first`,
      {
        ownedUsers: owned.n,
      },
    );
  }
  await ctx.db.batch([
    ctx.db.delete(admins).where(eq(admins.id, id)),
    auditBy(ctx, { action: "admin.delete", targetType: "admin", targetId: id, details: { username: admin.username } }),
  ]);
  return true;
}
