import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { panelSigningKey } from "../agent/keys";
import { auditBy, type ActorContext } from "../audit/record";
import { randomToken, sha256Hex } from "../auth/crypto";
import { rawStatement, runBatch, type Db } from "../db/client";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { installLine } from "../downloads/install-script";
import { bumpNodes } from "./config-version";
import { nodeEnrollments, nodes } from "./table";

/** Long enough to paste a command into a shell, short enough that a leaked token soon dies. */
export const ENROLLMENT_TTL_SEC = 15 * 60;

/**
 * A one-time token for `vortex-agent enroll`. Issuing one does not disturb a running agent; using
 * it replaces the node's key, so a reinstalled host takes over and the old key stops working.
 */
export async function issueEnrollmentToken(ctx: ActorContext, nodeId: number) {
  const node = await ctx.db.select({ id: nodes.id, name: nodes.name }).from(nodes).where(eq(nodes.id, nodeId)).get();
  if (!node) throw notFound("server", nodeId);
  const token = randomToken(24);
  const nowSec = ctx.nowSec();
  await runBatch(ctx.db, [
    ctx.db.insert(nodeEnrollments).values({
      tokenHash: await sha256Hex(token),
      nodeId,
      createdAtSec: nowSec,
      expiresAtSec: nowSec + ENROLLMENT_TTL_SEC,
    }),
    auditBy(ctx, { action: "node.enrollment_issued", targetType: "node", targetId: nodeId }),
  ]);
  return { token, expiresAtSec: nowSec + ENROLLMENT_TTL_SEC };
}

/**
 * A fresh enrollment token inside the one line to run on the node (the Nodes page prints it; an
 * import hands one out per node it made). `origin` is where the node will reach this panel.
 */
export async function enrollmentCommand(ctx: ActorContext & { env: Env; origin: string }, nodeId: number) {
  const { token, expiresAtSec } = await issueEnrollmentToken(ctx, nodeId);
  const { publicKey } = await panelSigningKey(ctx.env);
  return { token, expiresAtSec, command: await installLine({ origin: ctx.origin, token, panelPublicKey: publicKey }) };
}

const enrollSchema = z.object({
  token: z.string().min(16).max(128),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a raw Ed25519 public key, base64url"),
  agentVersion: z.string().max(64).default("unknown"),
});

/** Redeems an enrollment token: records the node's public key, once, and returns the node id. */
export async function enrollNode(
  db: Db,
  rawInput: unknown,
  client: { ip: string },
  nowSec: number,
): Promise<{ nodeId: number }> {
  const input = parseInput(enrollSchema, rawInput);
  const tokenHash = await sha256Hex(input.token);
  const enrollment = await db
    .select()
    .from(nodeEnrollments)
    .where(
      and(
        eq(nodeEnrollments.tokenHash, tokenHash),
        isNull(nodeEnrollments.usedAtSec),
        gt(nodeEnrollments.expiresAtSec, nowSec),
      ),
    )
    .get();
  if (!enrollment)
    throw new DomainError(
      "UNAUTHENTICATED",
      "enrollment token is unknown, used or expired; issue a new one in the panel",
    );
  const [claimed] = (await runBatch(db, [
    db
      .update(nodeEnrollments)
      .set({ usedAtSec: nowSec })
      .where(and(eq(nodeEnrollments.tokenHash, tokenHash), isNull(nodeEnrollments.usedAtSec)))
      .returning({ nodeId: nodeEnrollments.nodeId }),
    // changes() is the claim above: of two racing redemptions, only the winner writes the key.
    rawStatement(
      db,
      sql`UPDATE nodes SET public_key = ${input.publicKey}, enrolled_at = ${nowSec},
      agent_version = ${input.agentVersion}, status = 'offline' WHERE id = ${enrollment.nodeId} AND changes() = 1`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO audit_log (at, action, target_type, target_id, ip, details)
      SELECT ${nowSec}, 'node.enrolled', 'node', ${String(enrollment.nodeId)}, ${client.ip}, ${JSON.stringify({ agentVersion: input.agentVersion })}
      WHERE changes() = 1`,
    ),
    bumpNodes(db, [enrollment.nodeId]),
  ])) as [{ nodeId: number }[]];
  if (!claimed.length) throw new DomainError("UNAUTHENTICATED", "enrollment token was used a moment ago");
  return { nodeId: enrollment.nodeId };
}
