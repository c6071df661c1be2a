import { eq } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../../admins/table";
import { auditBy } from "../../audit/record";
import { runBatch } from "../../db/client";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import type { SignedInContext } from "../../graphql/context";
import { hasPermission } from "../roles";
import { addressAllowed, parseCidr } from "./cidr";

const MAX_ENTRIES = 50;

const cidrListSchema = z
  .array(z.string().trim().max(64))
  .max(MAX_ENTRIES, `at most ${MAX_ENTRIES} networks`)
  .transform((list, ctx) => {
    const parsed = list.map((entry, i) => {
      const cidr = parseCidr(entry);
      if (!cidr)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `"${entry}" is not an IPv4 or IPv6 address or CIDR network`,
        });
      return cidr?.text;
    });
    return [...new Set(parsed.filter((c): c is string => c !== undefined))];
  });

/**
 * Sets the networks an admin may work from; an empty list allows anywhere. Admins set their
 * own; only the owner sets another's. A list that would shut out the caller's own current
 * address is refused, so nobody locks themselves out by a typo.
 */
export async function setIpAllowlist(ctx: SignedInContext, rawAdminId: unknown, rawCidrs: unknown) {
  const adminId = rawAdminId == null ? ctx.actor.id : parseInput(z.coerce.number().int().positive(), rawAdminId);
  if (adminId !== ctx.actor.id && !hasPermission(ctx.actor.role, "admins:manage")) {
    throw new DomainError("FORBIDDEN", "only the owner sets another admin's IP allowlist");
  }
  const cidrs = parseInput(cidrListSchema, rawCidrs);
  if (adminId === ctx.actor.id && !addressAllowed(cidrs, ctx.client.ip)) {
    throw new DomainError(
      "BAD_USER_INPUT",
      `the list does not include your current address ${ctx.client.ip}; you would lock yourself out`,
    );
  }
  const target = await ctx.db.select({ id: admins.id }).from(admins).where(eq(admins.id, adminId)).get();
  if (!target) throw notFound("admin", adminId);
  await runBatch(ctx.db, [
    ctx.db
      .update(admins)
      .set({ ipAllowlist: cidrs.length ? cidrs : null, updatedAtSec: ctx.nowSec() })
      .where(eq(admins.id, adminId)),
    auditBy(ctx, { action: "auth.ip_allowlist_set", targetType: "admin", targetId: adminId, details: { cidrs } }),
  ]);
  return cidrs;
}
