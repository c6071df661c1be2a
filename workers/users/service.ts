import { and, desc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import {
  isQuotaShort,
  limitChangeBytes,
  moveDataGiven,
  quotaShortError,
  unusedBytesOf,
  usedBytesOf,
} from "../admins/data-quota";
import { admins } from "../admins/table";
import { auditBy, type ActorContext } from "../audit/record";
import { hasPermission, ownedUsersScope, type Actor } from "../auth/roles";
import { rawStatement, runBatch, type Db, type Statement } from "../db/client";
import { assertAllExist, isUniqueViolation } from "../db/constraints";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { idListSchema, idSchema } from "../graphql/ids";
import type { PageRequest } from "../graphql/pagination";
import { bumpNodesServingGroups, bumpNodesServingUsers } from "../nodes/config-version";
import { panelEvent } from "../events/catalogue";
import { userStatusEvents } from "../events/status";
import { METRICS_CHANGED } from "../live/topics";
import { revokeLegacyTokens } from "../subscription/legacy/lookup";
import {
  CREDENTIAL_FIELDS,
  credentialsInputSchema,
  newCredentials,
  newSubscriptionToken,
  subTokenSchema,
  telegramIdSchema,
} from "./credentials";
import { countedUsers, countedUsersQuery } from "./counts";
import { orderedPageClauses, type OrderedPage } from "./order";
import { deriveStatus } from "./status";
import { RESET_STRATEGIES, USER_STATUSES, userGroups, userInboundCredentials, users, type UserRow } from "./table";

const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const chosenStatus = z.enum(["active", "disabled", "on_hold"], {
  message: "status can be ACTIVE, DISABLED or ON_HOLD; LIMITED and EXPIRED follow from usage and expiry",
});
/**
 * Looser than admins' names: customers moved from other panels keep theirs, in any script. Names
 * travel in subscription headers percent-encoded and never reach a core (it sees `u<id>`).
 */
export const userUsernameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{M}\p{N}_.@-]{1,64}$/u, "use 1 to 64 letters, digits, dots, dashes, underscores or @");
const userFields = {
  username: userUsernameSchema,
  status: chosenStatus,
  dataLimit: bytes.nullable(),
  expireAt: z.number().int().min(0).nullable(),
  onHoldExpireDays: z.number().int().min(1, "at least 1 day").max(3650, "at most 3650 days").nullable(),
  resetStrategy: z.enum(RESET_STRATEGIES),
  note: z.string().max(1024),
  deviceLimit: z.number().int().min(0, "0 means no limit").max(100).nullable(),
  groupIds: idListSchema,
  ownerId: idSchema,
  // null, like omitting them, keeps what the user has ("" clears a Telegram id).
  telegramId: z.preprocess((id) => id ?? undefined, telegramIdSchema.optional()),
  credentials: credentialsInputSchema,
  subToken: z.preprocess((token) => token ?? undefined, subTokenSchema.optional()),
};
const createSchema = z.object({
  ...userFields,
  status: userFields.status.default("active"),
  dataLimit: userFields.dataLimit.optional(),
  expireAt: userFields.expireAt.optional(),
  onHoldExpireDays: userFields.onHoldExpireDays.optional(),
  resetStrategy: userFields.resetStrategy.default("none"),
  note: userFields.note.default(""),
  deviceLimit: userFields.deviceLimit.optional(),
  groupIds: userFields.groupIds.default([]),
  ownerId: userFields.ownerId.optional(),
});
const updateSchema = z.object(userFields).partial();

export const userFilterSchema = z
  .object({
    search: z.string().trim().max(64).nullish(),
    status: z.enum(USER_STATUSES).nullish(),
    ownerId: idSchema.nullish(),
    groupId: idSchema.nullish(),
  })
  .nullish();

const usernameTaken = (username: string) => new DomainError("CONFLICT", `a user named "${username}" already exists`);
const secretTaken = (field: string) =>
  new DomainError("CONFLICT", `${field}: another user already has this value; choose another or leave it out`, {
    field,
  });

type ExplicitSecrets = Partial<Pick<z.output<typeof createSchema>, "credentials" | "subToken">>;

/**
 * Refuses secrets another user holds, naming the field and never the value. Two users with one
 * UUID would be one identity to the core; two with one token, one link.
 */
async function assertSecretsFree(db: Db, secrets: ExplicitSecrets, exceptUserId = 0): Promise<void> {
  const wanted = [
    ...CREDENTIAL_FIELDS.flatMap((field) => {
      const value = secrets.credentials?.[field];
      return value === undefined ? [] : [{ field, column: users[field].name, value }];
    }),
    ...(secrets.subToken === undefined
      ? []
      : [{ field: "subToken", column: users.subToken.name, value: secrets.subToken }]),
  ];
  if (!wanted.length) return;
  // One statement for every field: columns come from the table definition, values are bound.
  const matches = wanted.map(({ column, value }) => sql`${sql.identifier(column)} = ${value}`);
  const whichField = sql.join(
    wanted.map(({ field, column, value }) => sql`WHEN ${sql.identifier(column)} = ${value} THEN ${field}`),
    sql` `,
  );
  const clash = await db.get<{ field: string }>(
    sql`SELECT CASE ${whichField} END AS field FROM users WHERE id != ${exceptUserId} AND (${sql.join(matches, sql` OR `)}) LIMIT 1`,
  );
  if (clash) throw secretTaken(clash.field);
}

/** What the audit log keeps of a user input: which secrets were set, never their values. */
function auditable(input: Partial<z.output<typeof createSchema>>) {
  const { credentials, subToken, ...rest } = input;
  const setSecrets = Object.keys(credentials ?? {});
  return {
    ...rest,
    ...(setSecrets.length ? { credentials: setSecrets } : {}),
    ...(subToken === undefined ? {} : { subToken: "set" }),
  };
}

/** A racing write took the name or the token between our check and the batch. */
function uniqueViolationError(error: unknown, username: string): DomainError {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes("users.sub_token")) return secretTaken("subToken");
  }
  return usernameTaken(username);
}

type UserFilter = NonNullable<z.output<typeof userFilterSchema>>;

/** Below this many characters a search has no trigram to look up (users_search), so it matches usernames' starts. */
export const CONTAINS_SEARCH_MIN_CHARS = 3;

/**
 * A search through an index either way, so it costs about what a page does: 3 or more characters
 * match anywhere in the username or the note (users_search, trigrams, case-insensitive); 1 or 2
 * match the start of the username (users_username_unique, on lower(username)).
 */
function searchCondition(search: string) {
  if ([...search].length >= CONTAINS_SEARCH_MIN_CHARS) {
    // One FTS5 phrase: every character literal, quotes doubled.
    const phrase = `"${search.replaceAll('"', '""')}"`;
    return sql`${users.id} IN (SELECT rowid FROM users_search WHERE users_search MATCH ${phrase})`;
  }
  // Every username that starts with the text sorts between it and it followed by the last code point.
  const start = sql`lower(${search})`;
  return sql`lower(${users.username}) >= ${start} AND lower(${users.username}) < ${start} || char(1114111)`;
}

function filterConditions(actor: Actor, filter: UserFilter) {
  const scope = ownedUsersScope(actor);
  return [
    scope === undefined ? undefined : eq(users.adminId, scope),
    filter.ownerId ? eq(users.adminId, filter.ownerId) : undefined,
    filter.status ? eq(users.status, filter.status) : undefined,
    filter.search ? searchCondition(filter.search) : undefined,
    filter.groupId
      ? sql`${users.id} IN (SELECT user_id FROM user_groups WHERE group_id = ${filter.groupId})`
      : undefined,
  ];
}

const parseFilter = (rawFilter: unknown): UserFilter => parseInput(userFilterSchema, rawFilter) ?? {};

/** One page in the admin's chosen order (./order.ts): one statement, walking a sort index. Unrun: await it or batch it. */
export function listUsersOrdered(db: Db, actor: Actor, rawFilter: unknown, page: OrderedPage) {
  const { after, orderBy } = orderedPageClauses(page);
  return db
    .select()
    .from(users)
    .where(and(...filterConditions(actor, parseFilter(rawFilter)), after))
    .orderBy(...orderBy)
    .limit(page.first + 1);
}

/** One page of the users the actor may see, newest first: one statement whatever the page size. Unrun: await it or batch it. */
export function listUsers(db: Db, actor: Actor, rawFilter: unknown, page: PageRequest) {
  const conditions = filterConditions(actor, parseFilter(rawFilter));
  return db
    .select()
    .from(users)
    .where(and(...conditions, page.beforeId === undefined ? undefined : lt(users.id, page.beforeId)))
    .orderBy(desc(users.id))
    .limit(page.first + 1);
}

/**
 * All users matching the filter. By owner and status alone (the unfiltered list included) it reads
 * the counts the triggers keep (counts.ts); a search or a group counts the matching rows through
 * their index, so it costs what the matches do, never a read of every user.
 */
export async function countUsers(db: Db, actor: Actor, rawFilter: unknown): Promise<number> {
  const row = await countUsersQuery(db, actor, rawFilter).get();
  return row?.n ?? 0;
}

/** countUsers' statement, unrun: one row `{ n }`, to put in a batch beside the page it counts. */
export function countUsersQuery(db: Db, actor: Actor, rawFilter: unknown) {
  const filter = parseFilter(rawFilter);
  if (!filter.search && !filter.groupId) {
    return countedUsersQuery(db, {
      ownerIds: [ownedUsersScope(actor), filter.ownerId ?? undefined],
      status: filter.status ?? undefined,
    });
  }
  return db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(...filterConditions(actor, filter)));
}

/** The user if the actor may see it; undefined both when it does not exist and when it is not theirs. */
export function findVisibleUser(db: Db, actor: Actor, id: number): Promise<UserRow | undefined> {
  const scope = ownedUsersScope(actor);
  return db
    .select()
    .from(users)
    .where(and(eq(users.id, id), scope === undefined ? undefined : eq(users.adminId, scope)))
    .get();
}

async function findUserFor(db: Db, actor: Actor, id: number): Promise<UserRow> {
  const user = await findVisibleUser(db, actor, id);
  if (!user) throw notFound("user", id);
  return user;
}

interface Footprint {
  users: number;
  /** The change leaves the user without a data limit. */
  unlimited: boolean;
  /** The change gives the user a reset strategy other than NONE. */
  scheduledReset: boolean;
}

/**
 * Refuses a change a reseller's limits cannot allow: more users than it may own, or, with a data
 * quota, a user no quota can pay for (unlimited, or refilled by a reset schedule without drawing
 * on the quota). Bytes are drawn in the write's own batch (admins/data-quota.ts).
 */
async function assertResellerCapacity(db: Db, ownerId: number, added: Footprint): Promise<void> {
  const owner = await db.select().from(admins).where(eq(admins.id, ownerId)).get();
  if (!owner) throw new DomainError("BAD_USER_INPUT", `admin ${ownerId} does not exist`);
  if (owner.role !== "reseller") return;
  if (owner.maxUsers !== null && added.users > 0) {
    if ((await countedUsers(db, { ownerIds: [ownerId] })) + added.users > owner.maxUsers) {
      throw new DomainError("FORBIDDEN", `reseller "${owner.username}" may own at most ${owner.maxUsers} users`);
    }
  }
  if (owner.maxDataLimitBytes !== null) {
    if (added.unlimited)
      throw new DomainError("FORBIDDEN", `reseller "${owner.username}" must give every user a data limit`);
    if (added.scheduledReset) {
      throw new DomainError(
        "FORBIDDEN",
        `reseller "${owner.username}" has a data quota: scheduled resets would refill users without drawing on it; use resetStrategy NONE and reset by hand`,
      );
    }
  }
}

function assertCanAssignOwner(actor: Actor, ownerId: number | undefined): void {
  if (ownerId !== undefined && ownerId !== actor.id && !hasPermission(actor.role, "users:reassign")) {
    throw new DomainError("FORBIDDEN", "a reseller cannot give users to another admin");
  }
}

function assertStatusFields(status: string, onHoldExpireDays: number | null, expireAtSec: number | null): void {
  if (status === "on_hold" && onHoldExpireDays === null) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "onHoldExpireDays: ON_HOLD users need the number of days their time runs after first use",
    );
  }
  if (status === "on_hold" && expireAtSec !== null) {
    throw new DomainError(
      "BAD_USER_INPUT",
      "expireAt: an ON_HOLD user's expiry is set when it first connects; leave expireAt out",
    );
  }
}

const linkGroups = (db: Db, userId: number | ReturnType<typeof sql>, groupIds: number[]) =>
  rawStatement(
    db,
    sql`INSERT INTO user_groups (user_id, group_id) SELECT ${userId}, value FROM json_each(${JSON.stringify(groupIds)})`,
  );

export async function createUser(ctx: ActorContext, rawInput: unknown): Promise<UserRow> {
  const input = parseInput(createSchema, rawInput);
  const nowSec = ctx.nowSec();
  assertCanAssignOwner(ctx.actor, input.ownerId);
  const expireAtSec = input.expireAt ?? null;
  if (expireAtSec !== null && expireAtSec <= nowSec)
    throw new DomainError("BAD_USER_INPUT", "expireAt: must be in the future");
  const onHoldExpireDays = input.status === "on_hold" ? (input.onHoldExpireDays ?? null) : null;
  if (input.status !== "on_hold" && input.onHoldExpireDays != null) {
    throw new DomainError("BAD_USER_INPUT", "onHoldExpireDays: applies only to ON_HOLD users");
  }
  assertStatusFields(input.status, onHoldExpireDays, expireAtSec);
  const ownerId = input.ownerId ?? ctx.actor.id;
  const dataLimitBytes = input.dataLimit ?? null;
  await assertResellerCapacity(ctx.db, ownerId, {
    users: 1,
    unlimited: dataLimitBytes === null,
    scheduledReset: input.resetStrategy !== "none",
  });
  await assertAllExist(ctx.db, "groups", input.groupIds);
  await assertSecretsFree(ctx.db, input);

  const fields = {
    enabled: input.status !== "disabled",
    dataLimitBytes,
    usedBytes: 0,
    expireAtSec,
    onHoldExpireDays,
    firstUsedAtSec: null,
  };
  try {
    const [, , inserted] = (await runBatch(ctx.db, [
      ...moveDataGiven(ctx.db, ownerId, dataLimitBytes ?? 0),
      ctx.db
        .insert(users)
        .values({
          ...fields,
          username: input.username,
          status: deriveStatus(fields, nowSec),
          resetStrategy: input.resetStrategy,
          note: input.note,
          deviceLimit: input.deviceLimit ?? null,
          telegramId: input.telegramId ?? null,
          adminId: ownerId,
          subToken: input.subToken ?? newSubscriptionToken(),
          ...newCredentials(),
          ...input.credentials,
          createdAtSec: nowSec,
          updatedAtSec: nowSec,
        })
        .returning(),
      // Not last_insert_rowid(): it moves to each link row as INSERT … SELECT writes them.
      linkGroups(ctx.db, sql`(SELECT id FROM users WHERE lower(username) = lower(${input.username}))`, input.groupIds),
      bumpNodesServingGroups(ctx.db, input.groupIds),
      auditBy(ctx, {
        action: "user.create",
        targetType: "user",
        targetId: sql`(SELECT id FROM users WHERE lower(username) = lower(${input.username}))`,
        details: { ...auditable(input), expireAt: expireAtSec },
      }),
    ])) as [unknown, unknown, UserRow[]];
    const user = inserted[0]!;
    ctx.publish([METRICS_CHANGED]);
    ctx.emit([
      panelEvent("user.created", nowSec, { username: user.username }, { userId: user.id, adminId: user.adminId }),
    ]);
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueViolationError(error, input.username);
    if (isQuotaShort(error))
      throw await quotaShortError(ctx.db, ownerId, dataLimitBytes ?? 0, "a user with this data limit");
    throw error;
  }
}

export async function updateUser(ctx: ActorContext, id: number, rawInput: unknown): Promise<UserRow> {
  const input = parseInput(updateSchema, rawInput);
  const user = await findUserFor(ctx.db, ctx.actor, id);
  const nowSec = ctx.nowSec();
  assertCanAssignOwner(ctx.actor, input.ownerId);
  if (input.expireAt != null && input.expireAt <= nowSec && input.expireAt !== user.expireAtSec) {
    throw new DomainError("BAD_USER_INPUT", "expireAt: must be in the future");
  }

  const waitingForFirstUse = user.onHoldExpireDays !== null && user.firstUsedAtSec === null;
  const status = input.status ?? (!user.enabled ? "disabled" : waitingForFirstUse ? "on_hold" : "active");
  // Making a user ACTIVE ends any wait for first use; otherwise the wait stays as it was.
  const onHoldExpireDays =
    input.onHoldExpireDays !== undefined ? input.onHoldExpireDays : status === "active" ? null : user.onHoldExpireDays;
  if (status === "active" && onHoldExpireDays !== null) {
    throw new DomainError("BAD_USER_INPUT", "onHoldExpireDays: applies only to ON_HOLD users");
  }
  const expireAtSec = input.expireAt !== undefined ? input.expireAt : status === "on_hold" ? null : user.expireAtSec;
  assertStatusFields(status, onHoldExpireDays, expireAtSec);

  const ownerId = input.ownerId ?? user.adminId;
  const dataLimitBytes = input.dataLimit !== undefined ? input.dataLimit : user.dataLimitBytes;
  const movesOwner = ownerId !== user.adminId;
  const resetStrategy = input.resetStrategy ?? user.resetStrategy;
  await assertResellerCapacity(ctx.db, ownerId, {
    users: movesOwner ? 1 : 0,
    unlimited: dataLimitBytes === null && (movesOwner || input.dataLimit !== undefined),
    scheduledReset: resetStrategy !== "none" && (movesOwner || input.resetStrategy !== undefined),
  });
  if (input.groupIds) await assertAllExist(ctx.db, "groups", input.groupIds);
  await assertSecretsFree(ctx.db, input, id);

  const fields = {
    enabled: status !== "disabled",
    dataLimitBytes,
    usedBytes: user.usedBytes,
    expireAtSec,
    onHoldExpireDays,
    firstUsedAtSec: user.firstUsedAtSec,
  };
  // Before the user's row changes: the amounts are read from its limit and usage as they were.
  const statements: Statement[] = movesOwner
    ? [
        ...moveDataGiven(ctx.db, user.adminId, sql`0 - ${unusedBytesOf(id)}`),
        ...moveDataGiven(ctx.db, ownerId, dataLimitBytes ?? 0),
      ]
    : input.dataLimit !== undefined
      ? moveDataGiven(ctx.db, ownerId, limitChangeBytes(id, dataLimitBytes))
      : [];
  statements.push(bumpNodesServingUsers(ctx.db, [id]));
  if (input.groupIds) {
    statements.push(
      ctx.db.delete(userGroups).where(eq(userGroups.userId, id)),
      linkGroups(ctx.db, id, input.groupIds),
      bumpNodesServingUsers(ctx.db, [id]),
    );
  }
  statements.push(
    ctx.db
      .update(users)
      .set({
        ...fields,
        status: deriveStatus(fields, nowSec),
        username: input.username,
        resetStrategy: input.resetStrategy,
        note: input.note,
        deviceLimit: input.deviceLimit,
        telegramId: input.telegramId,
        subToken: input.subToken,
        ...input.credentials,
        adminId: ownerId,
        updatedAtSec: nowSec,
      })
      .where(eq(users.id, id))
      .returning(),
    auditBy(ctx, { action: "user.update", targetType: "user", targetId: id, details: auditable(input) }),
  );
  try {
    const results = await runBatch(ctx.db, statements);
    const updated = (results[results.length - 2] as UserRow[])[0]!;
    if (updated.status !== user.status) ctx.emit(userStatusEvents([updated], nowSec));
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw uniqueViolationError(error, input.username ?? user.username);
    if (isQuotaShort(error)) {
      const needed = movesOwner ? (dataLimitBytes ?? 0) : (dataLimitBytes ?? 0) - (user.dataLimitBytes ?? 0);
      throw await quotaShortError(ctx.db, ownerId, needed, movesOwner ? "taking over this user" : "raising this limit");
    }
    throw error;
  }
}

/**
 * Starts the user's usage over by hand: used traffic back to 0 (the reset schedule keeps its
 * dates), so a LIMITED user is ACTIVE again. Nodes get a new config either way: it carries the
 * usage they enforce while the edge is unreachable.
 */
export async function resetUserUsage(ctx: ActorContext, id: number): Promise<UserRow> {
  const user = await findUserFor(ctx.db, ctx.actor, id);
  const nowSec = ctx.nowSec();
  const status = deriveStatus({ ...user, usedBytes: 0 }, nowSec);
  let updated: UserRow[];
  try {
    // The forgiven bytes are drawn as the batch reads them, so usage pushed after the read above is paid for too.
    [, , , updated] = (await runBatch(ctx.db, [
      ...moveDataGiven(ctx.db, user.adminId, usedBytesOf(id)),
      bumpNodesServingUsers(ctx.db, [id]),
      ctx.db.update(users).set({ usedBytes: 0, status, updatedAtSec: nowSec }).where(eq(users.id, id)).returning(),
      auditBy(ctx, {
        action: "user.reset_usage",
        targetType: "user",
        targetId: id,
        details: { usedBytes: user.usedBytes },
      }),
    ])) as [unknown, unknown, unknown, UserRow[]];
  } catch (error) {
    if (isQuotaShort(error))
      throw await quotaShortError(ctx.db, user.adminId, user.usedBytes, "forgiving this user's usage");
    throw error;
  }
  // Users by status moved: the dashboard's figures too.
  if (updated[0]!.status !== user.status) {
    ctx.publish([METRICS_CHANGED]);
    ctx.emit(userStatusEvents(updated, nowSec));
  }
  return updated[0]!;
}

export async function deleteUser(ctx: ActorContext, id: number): Promise<boolean> {
  const user = await findUserFor(ctx.db, ctx.actor, id);
  // Bump first: the group links that say which nodes served the user go with it.
  await runBatch(ctx.db, [
    // Its unused bytes go back to the owner's balance; what it used stays drawn.
    ...moveDataGiven(ctx.db, user.adminId, sql`0 - ${unusedBytesOf(id)}`),
    bumpNodesServingUsers(ctx.db, [id]),
    ctx.db.delete(users).where(eq(users.id, id)),
    auditBy(ctx, { action: "user.delete", targetType: "user", targetId: id, details: { username: user.username } }),
  ]);
  ctx.publish([METRICS_CHANGED]);
  return true;
}

/**
 * Gives the user a new subscription token. The old link stops working with this write: every
 * subscription request looks its token up in D1, so no cache can still answer for it.
 */
export async function rotateSubscriptionToken(ctx: ActorContext, id: number): Promise<UserRow> {
  await findUserFor(ctx.db, ctx.actor, id);
  const [updated] = (await runBatch(ctx.db, [
    ctx.db
      .update(users)
      .set({ subToken: newSubscriptionToken(), updatedAtSec: ctx.nowSec() })
      .where(eq(users.id, id))
      .returning(),
    revokeLegacyTokens(ctx.db, id, ctx.nowSec()),
    auditBy(ctx, { action: "user.rotate_subscription_token", targetType: "user", targetId: id }),
  ])) as [UserRow[]];
  return updated[0]!;
}

/**
 * Revokes a leaked config: a new UUID (vless, vmess) and new passwords for every protocol. Each
 * node serving the user gets a new config version, and its agent removes the old identity from
 * the core (closing its live connections) before adding the new one; the subscription link stays
 * the same and serves the new credentials, so the user only refreshes it.
 */
export async function rotateUserCredentials(ctx: ActorContext, id: number): Promise<UserRow> {
  await findUserFor(ctx.db, ctx.actor, id);
  const [, updated] = (await runBatch(ctx.db, [
    bumpNodesServingUsers(ctx.db, [id]),
    ctx.db
      .update(users)
      .set({ ...newCredentials(), updatedAtSec: ctx.nowSec() })
      .where(eq(users.id, id))
      .returning(),
    // An imported user's per-inbound secrets would outlive the rotation and keep the leak working.
    ctx.db.delete(userInboundCredentials).where(eq(userInboundCredentials.userId, id)),
    // The secrets themselves stay out of the audit log: it is readable by resellers for their users.
    auditBy(ctx, { action: "user.rotate_credentials", targetType: "user", targetId: id }),
  ])) as [unknown, UserRow[]];
  return updated[0]!;
}
