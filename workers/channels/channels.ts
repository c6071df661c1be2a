import { and, desc, eq, getTableColumns, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../admins/table";
import { auditBy, type ActorContext } from "../audit/record";
import type { Actor } from "../auth/roles";
import { runBatch, type Db } from "../db/client";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { CATALOGUE, EVENT_KINDS, type EventKind } from "../events/catalogue";
import { LANGUAGES } from "../events/texts";
import { secretBox } from "../lib/secret-box";
import type { PageRequest } from "../graphql/pagination";
import { allowsPrivateTargets, targetUrlProblem } from "./target-url";
import { newWebhookSecret } from "./signing";
import { notificationChannels, notificationDeliveries, type ChannelRow, type DeliveryRow } from "./table";

/** What channel writes need: the caller, its database, and the Worker's env for secrets and queues. */
export interface ChannelContext extends ActorContext {
  env: Env;
}

/**
 * Channel columns as callers read them. The sealed secret stays in the database except where a
 * delivery signs with it (`channelSecret`): listing channels never carries it, and workerd has no
 * `Buffer` for drizzle's blob mapping anyway.
 */
export const channelColumns = {
  ...getTableColumns(notificationChannels),
  secretSealed: sql<ChannelRow["secretSealed"]>`NULL`,
};

/** The channels an actor may see and change: the owner every one, anyone else its own. */
export function channelScope(actor: Pick<Actor, "id" | "role">): SQL | undefined {
  return actor.role === "owner" ? undefined : eq(notificationChannels.adminId, actor.id);
}

export function listChannels(db: Db, actor: Actor): Promise<ChannelRow[]> {
  return db
    .select(channelColumns)
    .from(notificationChannels)
    .where(channelScope(actor))
    .orderBy(notificationChannels.id)
    .all();
}

/** A channel the actor may see; another admin's is NOT_FOUND, exactly like a missing one. */
export async function visibleChannel(db: Db, actor: Actor, id: number): Promise<ChannelRow> {
  const row = await db
    .select(channelColumns)
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, id), channelScope(actor)))
    .get();
  if (!row) throw notFound("notification channel", id);
  return row;
}

/** Secrets are bound to their channel: a sealed value copied to another row does not open. */
const secretContext = (channelId: number) => `webhook:channel:${channelId}`;

/** The channel's signing secret, opened; null for a Telegram channel. */
export async function channelSecret(env: Env, db: Db, channelId: number): Promise<string | null> {
  const row = await db
    .select({ sealed: sql<string | null>`CAST(${notificationChannels.secretSealed} AS TEXT)` })
    .from(notificationChannels)
    .where(eq(notificationChannels.id, channelId))
    .get();
  if (!row?.sealed) return null;
  return (await secretBox(env.SECRETS_KEY)).open(row.sealed, secretContext(channelId));
}

/** Every webhook secret as SECRETS_KEY rotation (auth/totp/reseal.ts) reseals them: sealed, its context, how to store it. */
export async function sealedChannelSecrets(db: Db) {
  const rows = await db
    .select({ id: notificationChannels.id, sealed: sql<string>`CAST(${notificationChannels.secretSealed} AS TEXT)` })
    .from(notificationChannels)
    .where(isNotNull(notificationChannels.secretSealed))
    .all();
  return rows.map((row) => ({
    sealed: row.sealed,
    context: secretContext(row.id),
    store: (sealed: string) =>
      db
        .update(notificationChannels)
        .set({ secretSealed: sql`CAST(${sealed} AS BLOB)` })
        .where(eq(notificationChannels.id, row.id)),
  }));
}

/** Seals a fresh secret for the channel; returns it (to show once) and the statement that stores it. */
async function sealedNewSecret(ctx: ChannelContext, channelId: number) {
  const secret = newWebhookSecret();
  const sealed = await (await secretBox(ctx.env.SECRETS_KEY)).seal(secret, secretContext(channelId));
  // Stored as the sealed text's bytes: the column is a blob, and CAST keeps it readable as text.
  const store = ctx.db
    .update(notificationChannels)
    .set({ secretSealed: sql`CAST(${sealed} AS BLOB)`, updatedAtSec: ctx.nowSec() })
    .where(eq(notificationChannels.id, channelId));
  return { secret, store };
}

/** Kinds a channel of this admin may subscribe to: a reseller hears only about its own users. */
export function audibleKinds(role: Actor["role"]): EventKind[] {
  return role === "reseller" ? EVENT_KINDS.filter((kind) => CATALOGUE[kind].audience === "user") : EVENT_KINDS;
}

const languageSchema = z.enum(LANGUAGES);
const nameSchema = z.string().trim().min(1, "name must not be empty").max(100, "name is at most 100 characters");
const kindsSchema = z
  .array(z.string())
  .max(EVENT_KINDS.length)
  .transform((kinds) => [...new Set(kinds)]);

const createSchema = z.object({
  name: nameSchema,
  url: z.string().max(2000),
  eventKinds: kindsSchema.nullish().transform((k) => k ?? []),
  language: languageSchema.nullish().transform((l) => l ?? "en"),
  enabled: z
    .boolean()
    .nullish()
    .transform((e) => e ?? true),
});

const updateSchema = z.object({
  name: nameSchema.nullish(),
  url: z.string().max(2000).nullish(),
  eventKinds: kindsSchema.nullish(),
  language: languageSchema.nullish(),
  enabled: z.boolean().nullish(),
});

/** Refuses kinds outside the catalogue, and panel news for a reseller's channel. */
function checkKinds(kinds: string[], role: Actor["role"]): void {
  const unknown = kinds.filter((kind) => !(EVENT_KINDS as string[]).includes(kind));
  if (unknown.length) throw fieldError("eventKinds", `unknown event kinds: ${unknown.join(", ")}`);
  const audible = new Set<string>(audibleKinds(role));
  const refused = kinds.filter((kind) => !audible.has(kind));
  if (refused.length)
    throw fieldError(
      "eventKinds",
      `a reseller hears only about its own users; these are panel-wide news: ${refused.join(", ")}`,
    );
}

function checkUrl(env: Env, url: string): void {
  const problem = targetUrlProblem(url, allowsPrivateTargets(env));
  if (problem) throw fieldError("url", problem);
}

const fieldError = (path: string, message: string) =>
  new DomainError("BAD_USER_INPUT", message, { fields: [{ path, message }] });

export async function createWebhookChannel(ctx: ChannelContext, input: unknown) {
  const parsed = parseInput(createSchema, input);
  checkUrl(ctx.env, parsed.url);
  checkKinds(parsed.eventKinds, ctx.actor.role);
  await secretBox(ctx.env.SECRETS_KEY); // a missing SECRETS_KEY fails before the row exists
  const now = ctx.nowSec();
  const created = await ctx.db
    .insert(notificationChannels)
    .values({ adminId: ctx.actor.id, kind: "webhook", ...parsed, createdAtSec: now, updatedAtSec: now })
    .returning({ id: notificationChannels.id })
    .get();
  // The secret is sealed to the channel's id, which exists only now.
  const { secret, store } = await sealedNewSecret(ctx, created.id);
  await runBatch(ctx.db, [
    store,
    auditBy(ctx, {
      action: "channel.create",
      targetType: "notification_channel",
      targetId: created.id,
      details: { name: parsed.name, host: new URL(parsed.url).host, eventKinds: parsed.eventKinds },
    }),
  ]);
  return { channel: await visibleChannel(ctx.db, ctx.actor, created.id), secret };
}

export async function updateChannel(ctx: ChannelContext, id: number, input: unknown): Promise<ChannelRow> {
  const channel = await visibleChannel(ctx.db, ctx.actor, id);
  const parsed = parseInput(updateSchema, input);
  if (parsed.url != null) {
    if (channel.kind !== "webhook") throw fieldError("url", "only a webhook channel has a url");
    checkUrl(ctx.env, parsed.url);
  }
  // The owning admin's role decides what it may hear, whoever edits the channel.
  if (parsed.eventKinds != null) checkKinds(parsed.eventKinds, await ownerRole(ctx.db, channel.adminId));
  const changes = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value != null));
  await runBatch(ctx.db, [
    ctx.db
      .update(notificationChannels)
      .set({
        ...changes,
        // Turning a channel back on is the admin saying the endpoint works again.
        ...(parsed.enabled ? { disabledReason: null } : {}),
        updatedAtSec: ctx.nowSec(),
      })
      .where(eq(notificationChannels.id, id)),
    auditBy(ctx, {
      action: "channel.update",
      targetType: "notification_channel",
      targetId: id,
      // Only the host: a webhook URL's path or query often carries a token of the receiver's.
      details: { ...changes, ...(parsed.url ? { url: undefined, host: new URL(parsed.url).host } : {}) },
    }),
  ]);
  return visibleChannel(ctx.db, ctx.actor, id);
}

async function ownerRole(db: Db, adminId: number): Promise<Actor["role"]> {
  const row = await db.select({ role: admins.role }).from(admins).where(eq(admins.id, adminId)).get();
  if (!row) throw notFound("admin", adminId);
  return row.role;
}

/** Deletes the channel and its delivery log: queued messages for it find nothing and end. */
export async function deleteChannel(ctx: ChannelContext, id: number): Promise<boolean> {
  const channel = await visibleChannel(ctx.db, ctx.actor, id);
  await runBatch(ctx.db, [
    ctx.db.delete(notificationDeliveries).where(eq(notificationDeliveries.channelId, id)),
    ctx.db.delete(notificationChannels).where(eq(notificationChannels.id, id)),
    auditBy(ctx, {
      action: "channel.delete",
      targetType: "notification_channel",
      targetId: id,
      details: { name: channel.name, kind: channel.kind },
    }),
  ]);
  return true;
}

export async function rotateSecret(ctx: ChannelContext, id: number) {
  const channel = await visibleChannel(ctx.db, ctx.actor, id);
  if (channel.kind !== "webhook") throw new DomainError("BAD_USER_INPUT", "only a webhook channel has a secret");
  const { secret, store } = await sealedNewSecret(ctx, id);
  await runBatch(ctx.db, [
    store,
    auditBy(ctx, { action: "channel.rotate_secret", targetType: "notification_channel", targetId: id }),
  ]);
  return { channel: await visibleChannel(ctx.db, ctx.actor, id), secret };
}

/**
 * Test deliveries carry an id of their own and no stored event: a test ping belongs in the
 * delivery log, not in anyone's notification centre.
 */
export const TEST_EVENT_PREFIX = "test_";
export const TEST_EVENT_KIND = "test.ping";

/** Queues a test.ping to the channel through the same queue and consumer as real events. */
export async function testChannel(ctx: ChannelContext, id: number): Promise<DeliveryRow> {
  await visibleChannel(ctx.db, ctx.actor, id);
  const now = ctx.nowSec();
  const [delivery] = (await runBatch(ctx.db, [
    ctx.db
      .insert(notificationDeliveries)
      .values({
        eventId: `${TEST_EVENT_PREFIX}${crypto.randomUUID()}`,
        channelId: id,
        createdAtSec: now,
        updatedAtSec: now,
      })
      .returning(),
    auditBy(ctx, { action: "channel.test", targetType: "notification_channel", targetId: id }),
  ])) as [DeliveryRow[]];
  const row = delivery[0]!;
  await ctx.env.DELIVERIES.send({ deliveryId: row.id });
  return row;
}

/** The delivery log newest first, over the channels the actor may see. */
export function listDeliveries(
  db: Db,
  actor: Actor,
  filter: { channelId?: number; status?: DeliveryRow["status"] },
  page: PageRequest,
): Promise<DeliveryRow[]> {
  const scope = channelScope(actor);
  return db
    .select(getTableColumns(notificationDeliveries))
    .from(notificationDeliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(
      and(
        scope,
        filter.channelId === undefined ? undefined : eq(notificationDeliveries.channelId, filter.channelId),
        filter.status === undefined ? undefined : eq(notificationDeliveries.status, filter.status),
        page.beforeId === undefined ? undefined : lt(notificationDeliveries.id, page.beforeId),
      ),
    )
    .orderBy(desc(notificationDeliveries.id))
    .limit(page.first + 1)
    .all();
}

/** Puts deliveries back to pending with a fresh attempt budget and queues them again (same webhook-id). */
async function requeue(ctx: ChannelContext, ids: number[], audit: Parameters<typeof auditBy>[1]) {
  if (!ids.length) return;
  await runBatch(ctx.db, [
    ctx.db
      .update(notificationDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAtSec: null, updatedAtSec: ctx.nowSec() })
      .where(inArray(notificationDeliveries.id, ids)),
    auditBy(ctx, audit),
  ]);
  for (let i = 0; i < ids.length; i += 100)
    await ctx.env.DELIVERIES.sendBatch(ids.slice(i, i + 100).map((deliveryId) => ({ body: { deliveryId } })));
}

export async function replayDelivery(ctx: ChannelContext, id: number): Promise<DeliveryRow> {
  const row = await visibleDelivery(ctx.db, ctx.actor, id);
  if (row.status !== "dead")
    throw new DomainError("CONFLICT", `delivery ${id} is ${row.status}: only a dead delivery is replayed`);
  await requeue(ctx, [id], { action: "delivery.replay", targetType: "notification_delivery", targetId: id });
  return visibleDelivery(ctx.db, ctx.actor, id);
}

/** Replays every dead delivery of a channel (at most 1000 per call); returns how many. */
export async function replayDeadDeliveries(ctx: ChannelContext, channelId: number): Promise<number> {
  await visibleChannel(ctx.db, ctx.actor, channelId);
  const dead = await ctx.db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.channelId, channelId), eq(notificationDeliveries.status, "dead")))
    .orderBy(notificationDeliveries.id)
    .limit(1000)
    .all();
  const ids = dead.map((r) => r.id);
  await requeue(ctx, ids, {
    action: "delivery.replay_dead",
    targetType: "notification_channel",
    targetId: channelId,
    details: { deliveries: ids.length },
  });
  return ids.length;
}

async function visibleDelivery(db: Db, actor: Actor, id: number): Promise<DeliveryRow> {
  const row = await db
    .select(getTableColumns(notificationDeliveries))
    .from(notificationDeliveries)
    .innerJoin(notificationChannels, eq(notificationChannels.id, notificationDeliveries.channelId))
    .where(and(eq(notificationDeliveries.id, id), channelScope(actor)))
    .get();
  if (!row) throw notFound("notification delivery", id);
  return row;
}
