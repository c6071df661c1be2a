import { planSubscriptionPaths } from "./subscription-paths";
import { subscriptionSecretContext } from "./table";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { admins } from "../admins/table";
import { auditBy, type ActorContext } from "../audit/record";
import { importedBcryptHash, NO_PASSWORD_HASH } from "../auth/password";
import { runBatch, type Db } from "../db/client";
import { DomainError, notFound } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { BeginImportInput, ImportAdminInput, ImportInboundInput } from "../graphql/generated/resolvers";
import { createGroup } from "../groups/service";
import { groups } from "../groups/table";
import { createInbound, updateInbound } from "../inbounds/service";
import { inbounds, type InboundRow } from "../inbounds/table";
import type { SecretBox } from "../lib/secret-box";
import { bumpNodesServingInbounds } from "../nodes/config-version";
import { createNode } from "../nodes/service";
import { nodes } from "../nodes/table";
import { fingerprintOf } from "./fingerprint";
import type { ImportMapping } from "./mapping";
import { conflict, emptyReport, note, tally, type ImportReport } from "./report";
import { importedRecords, importRuns, importSources, type ImportRecordKind, type ImportSourceKind } from "./table";

/** A run as the API shows it: its row with its source; enrollments only in finishImport's answer (shown once). */
export type ImportRunView = typeof importRuns.$inferSelect & {
  report: ImportReport;
  mapping: ImportMapping;
  kind: ImportSourceKind;
  instance: string;
  enrollments?: ImportEnrollment[];
};

export interface ImportEnrollment {
  key: string;
  name: string;
  serverId: string;
  command: string;
}

/** How a group made for a peer inbound is named: "3x-ui: <remark>". */
const SOURCE_LABEL: Record<ImportSourceKind, string> = {
  "3x-ui": "3x-ui",
  marzban: "Marzban",
  pasarguard: "PasarGuard",
  remnawave: "Remnawave",
};

const key = z.string().min(1).max(255);
const beginSchema = z.object({
  source: z.object({
    instance: z.string().trim().min(1, "instance is required").max(255),
    subscriptionSecret: z.string().min(1).max(4096).nullish(),
    subscriptionPaths: z.array(z.string().max(64)).max(20).nullish(),
    subscriptionJsonPaths: z.array(z.string().max(64)).max(20).nullish(),
  }),
  totalUsers: z.number().int().min(0).max(10_000_000),
  inbounds: z.array(z.object({ key })).max(1000),
  nodes: z.array(z.object({ key })).max(1000),
  admins: z.array(z.object({ key })).max(1000),
  unmapped: z.array(z.object({ key: z.string().max(255) })).max(100_000),
});

const runSelection = { run: importRuns, kind: importSources.kind, instance: importSources.instance };
type RunJoin = { run: typeof importRuns.$inferSelect; kind: ImportSourceKind; instance: string };
const toView = ({ run, kind, instance }: RunJoin): ImportRunView => ({
  ...run,
  report: run.report as ImportReport,
  mapping: run.mapping as ImportMapping,
  kind,
  instance,
});

export async function findImportRun(db: Db, id: number): Promise<ImportRunView | undefined> {
  const row = await db
    .select(runSelection)
    .from(importRuns)
    .innerJoin(importSources, eq(importSources.id, importRuns.sourceId))
    .where(eq(importRuns.id, id))
    .get();
  return row && toView(row);
}

/** Newest first. */
export async function listImportRuns(db: Db, first: number | null | undefined): Promise<ImportRunView[]> {
  const limit = parseInput(z.number().int().min(1).max(100).default(20), first ?? undefined);
  const rows = await db
    .select(runSelection)
    .from(importRuns)
    .innerJoin(importSources, eq(importSources.id, importRuns.sourceId))
    .orderBy(desc(importRuns.id))
    .limit(limit)
    .all();
  return rows.map(toView);
}

/** A name not in `taken` (compared as SQLite's lower() does), made by numbering `base`. */
function freeName(base: string, taken: Set<string>, max: number, numbered: (base: string, n: number) => string) {
  let name = base.slice(0, max);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = numbered(base, n).slice(0, max);
  taken.add(name.toLowerCase());
  return name;
}

interface Planner {
  ctx: ActorContext;
  sourceId: number;
  dryRun: boolean;
  report: ImportReport;
  mapping: ImportMapping;
  records: Map<string, { localId: number; fingerprint: string }>;
}

async function remember(p: Planner, kind: ImportRecordKind, peerKey: string, localId: number, fingerprint: string) {
  await p.ctx.db
    .insert(importedRecords)
    .values({ sourceId: p.sourceId, kind, peerKey, localId, fingerprint, importedAtSec: p.ctx.nowSec() })
    .onConflictDoUpdate({
      target: [importedRecords.sourceId, importedRecords.kind, importedRecords.peerKey],
      set: { localId, fingerprint, importedAtSec: p.ctx.nowSec() },
    });
}

const ADMIN_USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

async function planAdmins(p: Planner, input: ImportAdminInput[]) {
  const existing = await p.ctx.db.select({ id: admins.id, username: admins.username }).from(admins).all();
  const ids = new Set(existing.map((a) => a.id));
  const taken = new Set(existing.map((a) => a.username.toLowerCase()));
  for (const admin of input) {
    const linked = p.records.get(`admin:${admin.key}`);
    if (linked && ids.has(linked.localId)) {
      p.mapping.admins[admin.key] = linked.localId;
      tally(p.report, "admin", "unchanged");
      continue;
    }
    const issue = { kind: "admin" as const, key: admin.key, name: admin.username };
    let username = admin.username;
    if (!ADMIN_USERNAME.test(username)) {
      username = username
        .replace(/[^A-Za-z0-9_.-]/g, "_")
        .padEnd(3, "_")
        .slice(0, 64);
      note(p.report, "adjusted", { ...issue, reason: `username is not allowed here: imported as "${username}"` });
    }
    if (taken.has(username.toLowerCase())) {
      conflict(p.report, { ...issue, reason: `an admin named "${username}" exists here; its users go to you` });
      continue;
    }
    taken.add(username.toLowerCase());
    const role = admin.role === "reseller" ? "reseller" : "admin";
    if (admin.role === "owner") note(p.report, "adjusted", { ...issue, reason: "the peer's owner is an ADMIN here" });
    const passwordHash = (admin.passwordHash && importedBcryptHash(admin.passwordHash)) ?? NO_PASSWORD_HASH;
    if (passwordHash === NO_PASSWORD_HASH) {
      note(p.report, "adjusted", { ...issue, reason: "no usable password hash: it signs in once you set a password" });
    }
    tally(p.report, "admin", "created");
    if (p.dryRun) {
      p.mapping.admins[admin.key] = null;
      continue;
    }
    const nowSec = p.ctx.nowSec();
    const [created] = await p.ctx.db
      .insert(admins)
      .values({ username, passwordHash, role, createdAtSec: nowSec, updatedAtSec: nowSec })
      .returning({ id: admins.id });
    p.mapping.admins[admin.key] = created!.id;
    await remember(p, "admin", admin.key, created!.id, await fingerprintOf({ ...admin, passwordHash: null }));
  }
}

/** The createInbound input of a peer inbound. */
const inboundFields = ({ key: _key, nodeKeys: _nodeKeys, ...fields }: ImportInboundInput, tag: string) => ({
  ...fields,
  tag,
});

/** A dry run has no row: the inbound's settings as the peer gave them stand in. */
function mapInbound(p: Planner, inbound: ImportInboundInput, row: InboundRow | null, groupId: number | null) {
  const settings = row?.protocolSettings ?? inbound.protocolSettings;
  p.mapping.inbounds[inbound.key] = {
    id: row?.id ?? null,
    groupId,
    protocol: inbound.protocol,
    flow: settings?.flow ?? "",
    method: settings?.method ?? "",
  };
}

async function planInbounds(p: Planner, kind: ImportSourceKind, input: ImportInboundInput[]) {
  const existing = await p.ctx.db.select().from(inbounds).all();
  const byId = new Map(existing.map((i) => [i.id, i]));
  const tags = new Set(existing.map((i) => i.tag.toLowerCase()));
  const groupRows = await p.ctx.db.select({ id: groups.id, name: groups.name }).from(groups).all();
  const groupIds = new Set(groupRows.map((g) => g.id));
  const groupNames = new Set(groupRows.map((g) => g.name.toLowerCase()));
  for (const inbound of input) {
    const issue = { kind: "inbound" as const, key: inbound.key, name: inbound.remark || inbound.tag };
    const fingerprint = await fingerprintOf(inbound);
    const linked = p.records.get(`inbound:${inbound.key}`);
    let row = linked ? byId.get(linked.localId) : undefined;
    try {
      if (row && linked) {
        if (linked.fingerprint === fingerprint) tally(p.report, "inbound", "unchanged");
        else {
          tally(p.report, "inbound", "updated");
          if (!p.dryRun) {
            row = await updateInbound(p.ctx, row.id, inboundFields(inbound, row.tag));
            await remember(p, "inbound", inbound.key, row.id, fingerprint);
          }
        }
      } else {
        const tag = freeName(inbound.tag, tags, 64, (base, n) => `${base}-${n}`);
        if (tag !== inbound.tag)
          note(p.report, "adjusted", { ...issue, reason: `tag "${inbound.tag}" is taken here: imported as "${tag}"` });
        tally(p.report, "inbound", "created");
        row = undefined;
        if (!p.dryRun) {
          row = await createInbound(p.ctx, inboundFields(inbound, tag));
          await remember(p, "inbound", inbound.key, row.id, fingerprint);
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      note(p.report, "unmapped", { ...issue, reason: error.message });
      continue;
    }

    // Users reach the inbound through a group of its own.
    const linkedGroup = p.records.get(`group:${inbound.key}`);
    let groupId = linkedGroup && groupIds.has(linkedGroup.localId) ? linkedGroup.localId : null;
    if (groupId !== null) tally(p.report, "group", "unchanged");
    else {
      const name = freeName(
        `${SOURCE_LABEL[kind]}: ${inbound.remark || inbound.tag}`,
        groupNames,
        64,
        (base, n) => `${base.slice(0, 58)} (${n})`,
      );
      tally(p.report, "group", "created");
      if (row) {
        groupId = (await createGroup(p.ctx, { name, inboundIds: [String(row.id)] })).id;
        await remember(p, "group", inbound.key, groupId, fingerprint);
      }
    }
    mapInbound(p, inbound, row ?? null, groupId);
  }
}

async function planNodes(p: Planner, input: BeginImportInput) {
  const existing = await p.ctx.db.select({ id: nodes.id, name: nodes.name }).from(nodes).all();
  const ids = new Set(existing.map((n) => n.id));
  const names = new Set(existing.map((n) => n.name.toLowerCase()));
  for (const node of input.nodes) {
    const linked = p.records.get(`node:${node.key}`);
    if (linked && ids.has(linked.localId)) {
      p.mapping.nodes[node.key] = linked.localId;
      tally(p.report, "node", "unchanged");
      continue;
    }
    const issue = { kind: "node" as const, key: node.key, name: node.name };
    const name = freeName(node.name, names, 64, (base, n) => `${base} (${n})`);
    if (name !== node.name)
      note(p.report, "adjusted", { ...issue, reason: `name is taken here: imported as "${name}"` });
    const inboundIds = input.inbounds
      .filter((inbound) => inbound.nodeKeys.includes(node.key))
      .flatMap((inbound) => {
        const id = p.mapping.inbounds[inbound.key]?.id;
        return id == null ? [] : [String(id)];
      });
    if (p.dryRun) {
      tally(p.report, "node", "created");
      p.mapping.nodes[node.key] = null;
      continue;
    }
    try {
      const created = await createNode(p.ctx, { name, address: node.address, inboundIds });
      tally(p.report, "node", "created");
      p.mapping.nodes[node.key] = created.id;
      await remember(p, "node", node.key, created.id, await fingerprintOf(node));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      note(p.report, "unmapped", { ...issue, reason: error.message });
    }
  }
}

/**
 * Starts a dry run or an import: finds the source (kind + instance) or records it, plans admins,
 * inbounds (each with its group) and nodes against what the panel holds and, unless this is a dry
 * run, creates them. Users follow in importUsers batches. Matching is by the peer's identity, so
 * a second run on cut-over day finds everything the first one made.
 */
export async function beginImport(
  ctx: ActorContext,
  openBox: () => Promise<SecretBox>,
  input: BeginImportInput,
): Promise<ImportRunView> {
  parseInput(beginSchema, input);
  const { kind, instance } = input.source;
  const secret = input.source.subscriptionSecret;
  // A dry run records the source (its run points at it) but not the secret.
  const sealed =
    secret && !input.dryRun ? await (await openBox()).seal(secret, subscriptionSecretContext(kind, instance)) : null;
  const nowSec = ctx.nowSec();
  const [source] = await ctx.db
    .insert(importSources)
    .values({ kind, instance, subscriptionSecret: sealed, createdAtSec: nowSec, updatedAtSec: nowSec })
    .onConflictDoUpdate({
      target: [importSources.kind, importSources.instance],
      set: {
        updatedAtSec: nowSec,
        subscriptionSecret: sql`coalesce(excluded.subscription_secret, subscription_secret)`,
      },
    })
    .returning({ id: importSources.id });
  const sourceId = source!.id;
  const records = await ctx.db
    .select()
    .from(importedRecords)
    .where(and(eq(importedRecords.sourceId, sourceId), ne(importedRecords.kind, "user")))
    .all();

  const planner: Planner = {
    ctx,
    sourceId,
    dryRun: input.dryRun,
    report: emptyReport(),
    mapping: { inbounds: {}, admins: {}, nodes: {}, batches: [] },
    records: new Map(records.map((r) => [`${r.kind}:${r.peerKey}`, r])),
  };
  for (const issue of input.unmapped) note(planner.report, "unmapped", issue);
  await planAdmins(planner, input.admins);
  await planInbounds(planner, kind, input.inbounds);
  await planNodes(planner, input);
  await planSubscriptionPaths(ctx, input.dryRun, planner.report, {
    plain: input.source.subscriptionPaths ?? [],
    xrayJson: input.source.subscriptionJsonPaths ?? [],
  });

  const [run] = await ctx.db
    .insert(importRuns)
    .values({
      sourceId,
      dryRun: input.dryRun,
      totalUsers: input.totalUsers,
      report: planner.report,
      mapping: planner.mapping,
      startedBy: ctx.actor.id,
      startedAtSec: nowSec,
    })
    .returning();
  return toView({ run: run!, kind, instance });
}

/** The run if it is still taking batches. */
export async function runningImport(db: Db, runId: number): Promise<ImportRunView> {
  const run = await findImportRun(db, runId);
  if (!run) throw notFound("import run", runId);
  if (run.status !== "running") {
    throw new DomainError("CONFLICT", `import run ${runId} is ${run.status}; begin a new one to import again`);
  }
  return run;
}

/**
 * Ends a run: marks it finished, gives each node it made that has not enrolled yet a one-time
 * enrollment line (`enroll`, the Nodes page's), moves every node serving an imported inbound to a
 * new config once, and audits the run with its report. Finishing a finished run answers it again.
 */
export async function finishImport(
  ctx: ActorContext,
  runId: number,
  enroll: (nodeId: number) => Promise<string>,
): Promise<ImportRunView> {
  const run = await findImportRun(ctx.db, runId);
  if (!run) throw notFound("import run", runId);
  if (run.status !== "running") return run;

  const enrollments: ImportEnrollment[] = [];
  const nodeIds = Object.values(run.mapping.nodes).filter((id): id is number => id !== null);
  if (!run.dryRun && nodeIds.length) {
    const pending = await ctx.db
      .select({ id: nodes.id, name: nodes.name })
      .from(nodes)
      .where(
        and(isNull(nodes.publicKey), sql`${nodes.id} IN (SELECT value FROM json_each(${JSON.stringify(nodeIds)}))`),
      )
      .all();
    for (const [key, id] of Object.entries(run.mapping.nodes)) {
      const node = pending.find((n) => n.id === id);
      if (node) enrollments.push({ key, name: node.name, serverId: String(node.id), command: await enroll(node.id) });
    }
  }

  const nowSec = ctx.nowSec();
  const inboundIds = Object.values(run.mapping.inbounds).flatMap((i) => (i.id === null ? [] : [i.id]));
  const [finished] = (await runBatch(ctx.db, [
    ctx.db
      .update(importRuns)
      .set({ status: "finished", finishedAtSec: nowSec })
      .where(eq(importRuns.id, runId))
      .returning(),
    ...(run.dryRun ? [] : [bumpNodesServingInbounds(ctx.db, inboundIds)]),
    auditBy(ctx, {
      action: "import.finished",
      targetType: "import_run",
      targetId: runId,
      details: { source: run.kind, instance: run.instance, dryRun: run.dryRun, report: run.report },
    }),
  ])) as [(typeof importRuns.$inferSelect)[]];
  return { ...toView({ run: finished[0]!, kind: run.kind, instance: run.instance }), enrollments };
}
