import { eq } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../../admins/table";
import { auditBy } from "../../audit/record";
import { runBatch } from "../../db/client";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import type { SignedInContext } from "../../graphql/context";
import { idSchema } from "../../graphql/ids";
import { oidcIdentities } from "./table";

const linkSchema = z
  .object({ adminId: idSchema, kind: z.enum(["subject", "email"]), value: z.string().trim().min(1).max(255) })
  .refine((v) => v.kind !== "email" || z.email().safeParse(v.value).success, {
    path: ["value"],
    message: "must be an email address",
  });

export function listOidcIdentities(ctx: SignedInContext) {
  return ctx.db.select().from(oidcIdentities).orderBy(oidcIdentities.id).all();
}

/** Lets one identity at the provider (its subject, or a verified email) sign in as an admin. */
export async function linkOidcIdentity(ctx: SignedInContext, rawInput: unknown) {
  const input = parseInput(linkSchema, rawInput);
  const admin = await ctx.db.select({ id: admins.id }).from(admins).where(eq(admins.id, input.adminId)).get();
  if (!admin) throw notFound("admin", input.adminId);
  const row = { adminId: input.adminId, kind: input.kind, value: input.value, createdAtSec: ctx.nowSec() };
  const [inserted] = (await runBatch(ctx.db, [
    ctx.db.insert(oidcIdentities).values(row).onConflictDoNothing().returning(),
    auditBy(ctx, {
      action: "auth.oidc_link",
      targetType: "admin",
      targetId: input.adminId,
      details: { kind: input.kind, value: input.value },
    }),
  ])) as [(typeof oidcIdentities.$inferSelect)[]];
  if (!inserted[0]) throw new DomainError("CONFLICT", `this ${input.kind} is already linked to an admin`);
  return inserted[0];
}

export async function unlinkOidcIdentity(ctx: SignedInContext, rawId: unknown) {
  const id = parseInput(idSchema, rawId);
  const row = await ctx.db.select().from(oidcIdentities).where(eq(oidcIdentities.id, id)).get();
  if (!row) throw notFound("OIDC identity", id);
  await runBatch(ctx.db, [
    ctx.db.delete(oidcIdentities).where(eq(oidcIdentities.id, id)),
    auditBy(ctx, {
      action: "auth.oidc_unlink",
      targetType: "admin",
      targetId: row.adminId,
      details: { kind: row.kind, value: row.value },
    }),
  ]);
  return true;
}
