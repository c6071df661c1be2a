import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { auditBy } from "../audit/record";
import { runBatch } from "../db/client";
import { notFound } from "../errors/domain-error";
import type { SignedInContext } from "../graphql/context";
import { revokeSession, revokeSessionsOf } from "./sessions";
import { sessions } from "./table";

/** The signed-in admin's live sessions, most recently used first. */
export function listMySessions(ctx: SignedInContext) {
  return ctx.db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.adminId, ctx.actor.id), isNull(sessions.revokedAtSec), gt(sessions.expiresAtSec, ctx.nowSec())),
    )
    .orderBy(desc(sessions.lastSeenAtSec), desc(sessions.createdAtSec))
    .all();
}

/** Ends one of the signed-in admin's own sessions; another admin's session is "not found". */
export async function revokeMySession(ctx: SignedInContext, sessionId: string) {
  const live = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.adminId, ctx.actor.id), isNull(sessions.revokedAtSec)))
    .get();
  if (!live) throw notFound("session", sessionId);
  await runBatch(ctx.db, [
    revokeSession(ctx.db, sessionId, "revoked by its admin", ctx.nowSec()),
    auditBy(ctx, { action: "auth.session_revoke", targetType: "session", targetId: sessionId }),
  ]);
  return true;
}

/** Ends every session of the signed-in admin except the one making this call. */
export async function revokeMyOtherSessions(ctx: SignedInContext) {
  const [result] = (await runBatch(ctx.db, [
    revokeSessionsOf(ctx.db, ctx.actor.id, "revoked by its admin", ctx.nowSec(), ctx.actor.sessionId),
    auditBy(ctx, { action: "auth.session_revoke_others", targetType: "admin", targetId: ctx.actor.id }),
  ])) as [D1Result];
  return result.meta.changes;
}
