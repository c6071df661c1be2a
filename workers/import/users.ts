import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { ActorContext } from "../audit/record";
import { rawStatement, runBatch, type Db, type Statement } from "../db/client";
import { batchAbortedWith } from "../errors/batch-abort";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { ImportUserInput } from "../graphql/generated/resolvers";
import { idSchema } from "../graphql/ids";
import type { CredentialField } from "../users/credentials";
import { users, type UserRow } from "../users/table";
import { fingerprintOf } from "./fingerprint";
import { conflict, note, tally, type ImportReport } from "./report";
import { importedRecords, importRuns } from "./table";
import { runningImport, type ImportRunView } from "./runs";
import { asciiLower, planUser, type PlannedUser } from "./user-plan";

/** Aborts a batch whose run moved on since the batch read it (see errors/batch-abort.ts). */
const OVERTAKEN = "import batch overtaken";

/** The most users one importUsers call takes: its statements stay a fixed number whatever the size. */
export const MAX_USERS_PER_BATCH = 1000;

const batchSchema = z.object({
  runId: idSchema,
  users: z
    .array(z.object({ key: z.string().min(1).max(255), username: z.string().max(1024) }))
    .max(MAX_USERS_PER_BATCH, `at most ${MAX_USERS_PER_BATCH} users per batch`),
});

/** Rows bound as one JSON parameter (D1 allows 100 parameters a statement; this is one). */
const jsonRows = (rows: unknown[]) => sql`json_each(${JSON.stringify(rows)})`;
const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);
/** A batch user's id, found by the username it has once the batch's first statements ran. */
const userIdByName = sql.raw(`(SELECT id FROM users WHERE lower(username) = lower(json_extract(value, '$.username')))`);

/** The users columns an import writes, in the JSON rows' key order. */
const WRITTEN_COLUMNS = {
  username: "username",
  status: "status",
  enabled: "enabled",
  dataLimitBytes: "data_limit_bytes",
  usedBytes: "used_bytes",
  lifetimeUsedBytes: "lifetime_used_bytes",
  expireAtSec: "expire_at",
  onHoldExpireDays: "on_hold_expire_days",
  resetStrategy: "reset_strategy",
  periodStartedAtSec: "period_started_at",
  deviceLimit: "device_limit",
  note: "note",
  telegramId: "telegram_id",
  adminId: "admin_id",
  subToken: "sub_token",
  vlessId: "vless_id",
  vmessId: "vmess_id",
  trojanPassword: "trojan_password",
  shadowsocksPassword: "shadowsocks_password",
  hysteria2Password: "hysteria2_password",
  createdAtSec: "created_at",
} as const satisfies Partial<Record<keyof UserRow, string>>;
const writtenKeys = Object.keys(WRITTEN_COLUMNS) as (keyof typeof WRITTEN_COLUMNS)[];
const columnList = sql.raw(writtenKeys.map((k) => WRITTEN_COLUMNS[k]).join(", "));
const valueList = sql.join(
  writtenKeys.map((k) => field(k)),
  sql`, `,
);
const assignments = sql.join(
  writtenKeys.map((k) => sql`${sql.raw(WRITTEN_COLUMNS[k])} = ${field(k)}`),
  sql`, `,
);

/** Users that hold any of the batch's names, tokens or secrets: who a batch user would clash with. */
async function holdersOf(db: Db, sourceId: number, names: string[], tokens: string[], secrets: string[]) {
  const [matches, perInbound] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        subToken: users.subToken,
        vlessId: users.vlessId,
        vmessId: users.vmessId,
        trojanPassword: users.trojanPassword,
        shadowsocksPassword: users.shadowsocksPassword,
        hysteria2Password: users.hysteria2Password,
        owned: sql<number>`${users.id} IN (SELECT local_id FROM imported_records WHERE source_id = ${sourceId} AND kind = 'user')`,
      })
      .from(users)
      .where(
        sql`lower(${users.username}) IN (SELECT value FROM ${jsonRows(names)})
          OR ${users.subToken} IN (SELECT value FROM ${jsonRows(tokens)})
          OR ${users.vlessId} IN (SELECT value FROM ${jsonRows(secrets)})
          OR ${users.vmessId} IN (SELECT value FROM ${jsonRows(secrets)})
          OR ${users.trojanPassword} IN (SELECT value FROM ${jsonRows(secrets)})
          OR ${users.shadowsocksPassword} IN (SELECT value FROM ${jsonRows(secrets)})
          OR ${users.hysteria2Password} IN (SELECT value FROM ${jsonRows(secrets)})`,
      ),
    db.all<{ userId: number; secret: string; owned: number }>(
      sql`SELECT user_id AS userId, secret,
        user_id IN (SELECT local_id FROM imported_records WHERE source_id = ${sourceId} AND kind = 'user') AS owned
        FROM user_inbound_credentials WHERE secret IN (SELECT value FROM ${jsonRows(secrets)})`,
    ),
  ]);
  return { matches, perInbound };
}

type Holders = Awaited<ReturnType<typeof holdersOf>>;

/**
 * Why the user cannot be written as planned, if it clashes: with a user the import does not own
 * (any name, token or secret), with any other user (name and token are unique here), or with a user
 * earlier in this batch. `self` is the local user the peer user already maps to.
 */
function clashOf(plan: PlannedUser, self: number | undefined, holders: Holders, seen: Map<string, string>) {
  const name = asciiLower(plan.row.username);
  for (const other of holders.matches) {
    if (other.id === self) continue;
    if (asciiLower(other.username) === name) return `a user named "${other.username}" exists here`;
    if (other.subToken === plan.row.subToken) return "its subscription token is another user's here";
    if (other.owned) continue;
    const shared = plan.secrets.find(({ field, value }) => other[field] === value);
    if (shared) return `its ${shared.field} is held by user "${other.username}" here`;
  }
  const secretValues = new Set(plan.secrets.map((s) => s.value));
  if (holders.perInbound.some((h) => h.userId !== self && !h.owned && secretValues.has(h.secret))) {
    return "one of its secrets is held by another user here";
  }
  for (const [what, value] of [
    ["username", `name:${name}`],
    ["subscription token", `token:${plan.row.subToken}`],
    ...plan.secrets.map(({ field, value }) => [field, `${field}:${value}`] as const),
  ] as const) {
    const other = seen.get(value);
    if (other !== undefined && other !== plan.key) return `its ${what} is also peer user "${other}"'s in this import`;
  }
  return undefined;
}

function claim(plan: PlannedUser, seen: Map<string, string>) {
  seen.set(`name:${asciiLower(plan.row.username)}`, plan.key);
  seen.set(`token:${plan.row.subToken}`, plan.key);
  for (const { field, value } of plan.secrets) seen.set(`${field satisfies CredentialField}:${value}`, plan.key);
}

const jsonOf = (plan: PlannedUser) => Object.fromEntries(writtenKeys.map((k) => [k, plan.row[k]]));

/**
 * Bytes each owner's books move by (admins/data-quota.ts): a new user draws its limit, a changed
 * limit draws the increase or returns the unused part of the decrease, a user moving owners goes
 * with its unused bytes. Never refused: the owner imports, and resellers' limits do not bind it.
 */
function dataGivenMoves(created: PlannedUser[], updated: { plan: PlannedUser; before: UserRow }[]) {
  const moves = new Map<number, number>();
  const move = (adminId: number, bytes: number) => moves.set(adminId, (moves.get(adminId) ?? 0) + bytes);
  for (const plan of created) move(plan.row.adminId, plan.row.dataLimitBytes ?? 0);
  for (const { plan, before } of updated) {
    const next = plan.row.dataLimitBytes ?? 0;
    const previous = before.dataLimitBytes ?? 0;
    if (plan.row.adminId !== before.adminId) {
      move(before.adminId, -Math.max(0, previous - before.usedBytes));
      move(plan.row.adminId, next);
    } else {
      move(
        plan.row.adminId,
        next >= previous ? next - previous : -Math.max(0, previous - Math.max(next, before.usedBytes)),
      );
    }
  }
  return [...moves].filter(([, bytes]) => bytes !== 0).map(([adminId, bytes]) => ({ adminId, bytes }));
}

/**
 * The writes of one batch, always the same statements: each takes its rows as one JSON parameter,
 * so 1 user and 1,000 cost the same number of D1 statements.
 */
function batchWrites(
  db: Db,
  run: ImportRunView,
  nowSec: number,
  created: PlannedUser[],
  updated: { plan: PlannedUser; before: UserRow }[],
  fingerprints: Map<string, string>,
): Statement[] {
  const written = [...created, ...updated.map((u) => u.plan)];
  const updatedIds = JSON.stringify(updated.map((u) => u.before.id));
  const importGroups = JSON.stringify(
    Object.values(run.mapping.inbounds).flatMap((i) => (i.groupId === null ? [] : [i.groupId])),
  );
  const importInbounds = JSON.stringify(
    Object.values(run.mapping.inbounds).flatMap((i) => (i.id === null ? [] : [i.id])),
  );
  return [
    rawStatement(
      db,
      sql`UPDATE admins SET data_given_bytes = max(0, data_given_bytes + ${field("bytes")})
        FROM ${jsonRows(dataGivenMoves(created, updated))} WHERE admins.id = ${field("adminId")}`,
    ),
    rawStatement(
      db,
      sql`UPDATE users SET ${assignments}, updated_at = ${nowSec}
        FROM ${jsonRows(updated.map((u) => ({ ...jsonOf(u.plan), id: u.before.id })))}
        WHERE users.id = ${field("id")}`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO users (${columnList}, updated_at)
        SELECT ${valueList}, ${nowSec} FROM ${jsonRows(created.map(jsonOf))}`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO imported_records (source_id, kind, peer_key, local_id, fingerprint, imported_at)
        SELECT ${run.sourceId}, 'user', ${field("key")}, ${userIdByName}, ${field("fingerprint")}, ${nowSec}
        FROM ${jsonRows(written.map((p) => ({ key: p.key, username: p.row.username, fingerprint: fingerprints.get(p.key) })))}
        WHERE true
        ON CONFLICT (source_id, kind, peer_key) DO UPDATE SET
          local_id = excluded.local_id, fingerprint = excluded.fingerprint, imported_at = excluded.imported_at`,
    ),
    // Group links and per-inbound secrets the import made are the peer's to say: replaced whole.
    // Groups the operator added here by hand stay.
    rawStatement(
      db,
      sql`DELETE FROM user_groups WHERE user_id IN (SELECT value FROM json_each(${updatedIds}))
        AND group_id IN (SELECT value FROM json_each(${importGroups}))`,
    ),
    rawStatement(
      db,
      sql`INSERT OR IGNORE INTO user_groups (user_id, group_id)
        SELECT ${userIdByName}, ${field("groupId")}
        FROM ${jsonRows(written.flatMap((p) => p.groupIds.map((groupId) => ({ username: p.row.username, groupId }))))}`,
    ),
    rawStatement(
      db,
      sql`DELETE FROM user_inbound_credentials WHERE user_id IN (SELECT value FROM json_each(${updatedIds}))
        AND inbound_id IN (SELECT value FROM json_each(${importInbounds}))`,
    ),
    rawStatement(
      db,
      sql`INSERT OR REPLACE INTO user_inbound_credentials (user_id, inbound_id, secret, flow, method)
        SELECT ${userIdByName}, ${field("inboundId")}, ${field("secret")}, ${field("flow")}, ${field("method")}
        FROM ${jsonRows(written.flatMap((p) => p.inboundCredentials.map((c) => ({ username: p.row.username, ...c }))))}`,
    ),
    rawStatement(
      db,
      sql`DELETE FROM legacy_subscription_tokens WHERE source_id = ${run.sourceId}
        AND user_id IN (SELECT value FROM json_each(${updatedIds}))`,
    ),
    rawStatement(
      db,
      sql`INSERT OR REPLACE INTO legacy_subscription_tokens (source_id, peer_username, peer_user_id, user_id, not_before)
        SELECT ${run.sourceId}, ${field("peerUsername")}, ${field("peerUserId")}, ${userIdByName}, ${field("notBeforeSec")}
        FROM ${jsonRows(written.flatMap((p) => (p.legacyToken ? [{ username: p.row.username, ...p.legacyToken }] : [])))}`,
    ),
  ];
}

/**
 * One batch of at most 1,000 peer users. Each is matched by its peer key: linked and unchanged
 * since the last run, it is left alone; linked and changed, its user is rewritten from the peer;
 * new, it is created unless its name, token or a secret clashes (a conflict in the report, the
 * other user untouched). A dry run plans the same way and writes only the run's report. The same
 * batch sent again (a response lost in transit) is answered without being applied twice.
 */
export async function importUsers(
  ctx: ActorContext,
  rawRunId: unknown,
  batch: ImportUserInput[],
): Promise<ImportRunView> {
  const { runId } = parseInput(batchSchema, { runId: rawRunId, users: batch });
  const run = await runningImport(ctx.db, runId);
  const batchHash = await fingerprintOf(batch);
  if (run.mapping.batches.includes(batchHash)) return run;
  const nowSec = ctx.nowSec();

  const fingerprints = new Map(await Promise.all(batch.map(async (u) => [u.key, await fingerprintOf(u)] as const)));
  const linked = await ctx.db
    .select({ peerKey: importedRecords.peerKey, fingerprint: importedRecords.fingerprint, user: users })
    .from(importedRecords)
    .innerJoin(users, eq(users.id, importedRecords.localId))
    .where(
      and(
        eq(importedRecords.sourceId, run.sourceId),
        eq(importedRecords.kind, "user"),
        sql`${importedRecords.peerKey} IN (SELECT value FROM ${jsonRows(batch.map((u) => u.key))})`,
      ),
    )
    .all();
  const linkedByKey = new Map(linked.map((l) => [l.peerKey, l]));

  const report: ImportReport = run.report;
  const plans: { plan: PlannedUser; before: UserRow | undefined }[] = [];
  for (const input of batch) {
    const link = linkedByKey.get(input.key);
    const issue = { kind: "user" as const, key: input.key, name: input.username };
    if (link && link.fingerprint === fingerprints.get(input.key)) {
      tally(report, "user", "unchanged");
      continue;
    }
    const planned = planUser(input, { mapping: run.mapping, callerId: ctx.actor.id, nowSec, existing: link?.user });
    if ("conflict" in planned) {
      conflict(report, { ...issue, reason: planned.conflict });
      continue;
    }
    plans.push({ plan: planned.plan, before: link?.user });
  }

  const holders = await holdersOf(
    ctx.db,
    run.sourceId,
    plans.map((p) => asciiLower(p.plan.row.username)),
    plans.map((p) => p.plan.row.subToken),
    [...new Set(plans.flatMap((p) => p.plan.secrets.map((s) => s.value)))],
  );
  const seen = new Map<string, string>();
  const created: PlannedUser[] = [];
  const updated: { plan: PlannedUser; before: UserRow }[] = [];
  for (const { plan, before } of plans) {
    const issue = { kind: "user" as const, key: plan.key, name: plan.row.username };
    const clash = clashOf(plan, before?.id, holders, seen);
    if (clash) {
      conflict(report, { ...issue, reason: clash });
      continue;
    }
    claim(plan, seen);
    for (const reason of plan.adjustments) note(report, "adjusted", { ...issue, reason });
    if (plan.statusChange)
      note(report, "statusChanges", { key: plan.key, username: plan.row.username, ...plan.statusChange });
    if (before === undefined) {
      created.push(plan);
      tally(report, "user", "created");
    } else {
      updated.push({ plan, before });
      tally(report, "user", "updated");
    }
  }

  const mapping = { ...run.mapping, batches: [...run.mapping.batches, batchHash] };
  const writes = run.dryRun ? [] : batchWrites(ctx.db, run, nowSec, created, updated, fingerprints);
  let row: typeof importRuns.$inferSelect | undefined;
  try {
    [[row]] = (await runBatch(ctx.db, [
      // First, and only from the progress this batch was planned on: of two batches of one run
      // sent at once, one lands whole and the other changes nothing and can be sent again.
      ctx.db
        .update(importRuns)
        .set({ report, mapping, processedUsers: run.processedUsers + batch.length })
        .where(
          and(
            eq(importRuns.id, run.id),
            eq(importRuns.status, "running"),
            eq(importRuns.processedUsers, run.processedUsers),
          ),
        )
        .returning(),
      rawStatement(
        ctx.db,
        sql`SELECT json_extract('{}', CASE WHEN changes() = 1 THEN '$' ELSE ${OVERTAKEN} || changes() END)`,
      ),
      ...writes,
    ])) as [(typeof importRuns.$inferSelect)[]];
  } catch (error) {
    if (batchAbortedWith(error, OVERTAKEN)) {
      throw new DomainError("CONFLICT", "another batch of this import landed meanwhile; send this batch again");
    }
    throw error;
  }
  return { ...row!, report, mapping, kind: run.kind, instance: run.instance };
}
