/**
 * Agent releases nodes can be moved to: the built-in one (the bundle among the panel's assets,
 * the version in node-agent/package.json it was built from) and bundles an owner uploaded to R2
 * (`agent-releases/<version>.mjs`). A node trusts a release through the SHA-256 and size in the
 * signed config that names it, never through the channel the bytes come over.
 */
import { desc, eq, isNotNull, sql } from "drizzle-orm";
import agentPackage from "../../node-agent/package.json";
import { panelSigningKey } from "../agent/keys";
import { nodeOperationSchema } from "../agent/protocol/messages";
import { auditBy, type ActorContext } from "../audit/record";
import { runBatch, type Db } from "../db/client";
import { AGENT_DOWNLOAD_PATH, currentRelease } from "../downloads/release";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { sha256Hex } from "../lib/sha256";
import { nodes } from "../nodes/table";
import { agentReleases, nodeOperations } from "./table";

/** The version the panel's own bundle was built with; the agent's AGENT_VERSION reads the same file. */
export const BUILT_IN_AGENT_VERSION: string = agentPackage.version;

/** An agent version, as the signed operation allows it. */
export const agentVersionSchema = nodeOperationSchema.options[2].shape.version;

/** Today's bundle is ~1.1 MB; this leaves room while keeping an upload well inside a Worker's memory. */
export const MAX_RELEASE_BYTES = 16 * 2 ** 20;

export const RELEASE_OBJECT_PREFIX = "agent-releases/";

/** Where an agent downloads a release (signed request, like its config). */
export const releasePath = (version: string) => `/agent/v1/releases/${version}.mjs`;

export interface AgentRelease {
  version: string;
  sha256: string;
  sizeBytes: number;
  builtIn: boolean;
  uploadedAtSec: number | null;
}

/** Any origin does for the assets binding; the cron has no request to take one from. */
const ASSETS_ORIGIN = "http://assets.internal/";

/** The release the panel was built with (its assets' bundle). */
export async function builtInRelease(env: Env): Promise<AgentRelease> {
  const manifest = await currentRelease(env.ASSETS, ASSETS_ORIGIN, await panelSigningKey(env));
  return {
    version: BUILT_IN_AGENT_VERSION,
    sha256: manifest.sha256,
    sizeBytes: manifest.sizeBytes,
    builtIn: true,
    uploadedAtSec: null,
  };
}

const fromRow = (row: typeof agentReleases.$inferSelect): AgentRelease => ({
  version: row.version,
  sha256: row.sha256,
  sizeBytes: row.sizeBytes,
  builtIn: false,
  uploadedAtSec: row.uploadedAtSec,
});

/** The release at `version`; NOT_FOUND when neither built in nor uploaded. */
export async function findRelease(db: Db, env: Env, version: string): Promise<AgentRelease> {
  if (version === BUILT_IN_AGENT_VERSION) return builtInRelease(env);
  const row = await db.select().from(agentReleases).where(eq(agentReleases.version, version)).get();
  if (!row) throw new DomainError("NOT_FOUND", `agent release ${version} does not exist; upload it first`);
  return fromRow(row);
}

/** The built-in release, then uploaded ones newest first, each with the enrolled nodes running it. */
export async function listReleases(db: Db, env: Env): Promise<Array<AgentRelease & { servers: number }>> {
  const [uploaded, running] = await Promise.all([
    db.select().from(agentReleases).orderBy(desc(agentReleases.uploadedAtSec)).all(),
    db
      .select({ version: nodes.agentVersion, servers: sql<number>`count(*)` })
      .from(nodes)
      .where(isNotNull(nodes.publicKey))
      .groupBy(nodes.agentVersion)
      .all(),
  ]);
  const servers = new Map(running.map((r) => [r.version, r.servers]));
  return [await builtInRelease(env), ...uploaded.map(fromRow)].map((release) => ({
    ...release,
    servers: servers.get(release.version) ?? 0,
  }));
}

/**
 * Stores an uploaded bundle as release `version`. A version names one set of bytes for good:
 * operations already signed for it carry its hash, so re-uploading different bytes under it is
 * refused (delete it first).
 */
export async function uploadRelease(
  ctx: ActorContext & { env: Env },
  rawVersion: unknown,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<AgentRelease> {
  const version = parseInput(agentVersionSchema, rawVersion);
  if (bytes.byteLength === 0) throw new DomainError("BAD_USER_INPUT", "the bundle is empty");
  if (bytes.byteLength > MAX_RELEASE_BYTES)
    throw new DomainError("PAYLOAD_TOO_LARGE", `an agent bundle may be at most ${MAX_RELEASE_BYTES} bytes`);
  if (version === BUILT_IN_AGENT_VERSION)
    throw new DomainError("CONFLICT", `${version} is the panel's built-in release; give the upload another version`);
  const taken = await ctx.db.select().from(agentReleases).where(eq(agentReleases.version, version)).get();
  if (taken) throw new DomainError("CONFLICT", `agent release ${version} already exists; delete it first`);
  const sha256 = await sha256Hex(bytes);
  const objectKey = `${RELEASE_OBJECT_PREFIX}${version}.mjs`;
  await ctx.env.BUCKET.put(objectKey, bytes, { sha256, httpMetadata: { contentType: "text/javascript" } });
  const row = { version, sha256, sizeBytes: bytes.byteLength, objectKey, uploadedBy: ctx.actor.id };
  await runBatch(ctx.db, [
    ctx.db.insert(agentReleases).values({ ...row, uploadedAtSec: ctx.nowSec() }),
    auditBy(ctx, {
      action: "agent_release.upload",
      targetType: "agent_release",
      targetId: version,
      details: { sha256, sizeBytes: bytes.byteLength },
    }),
  ]);
  return { version, sha256, sizeBytes: bytes.byteLength, builtIn: false, uploadedAtSec: ctx.nowSec() };
}

/** Deletes an uploaded release; refused for the built-in one and while an update to it is under way. */
export async function deleteRelease(ctx: ActorContext & { env: Env }, rawVersion: unknown): Promise<boolean> {
  const version = parseInput(agentVersionSchema, rawVersion);
  if (version === BUILT_IN_AGENT_VERSION) throw new DomainError("CONFLICT", "the built-in release cannot be deleted");
  const row = await ctx.db.select().from(agentReleases).where(eq(agentReleases.version, version)).get();
  if (!row) throw new DomainError("NOT_FOUND", `agent release ${version} does not exist`);
  const underWay = await ctx.db
    .select({ id: nodeOperations.id })
    .from(nodeOperations)
    .where(
      sql`${nodeOperations.kind} = 'update_agent' AND ${nodeOperations.status} IN ('pending', 'sent', 'running')
        AND json_extract(${nodeOperations.args}, '$.version') = ${version}`,
    )
    .get();
  if (underWay)
    throw new DomainError("CONFLICT", `nodes are being moved to ${version} (operation ${underWay.id}); wait for it`);
  await runBatch(ctx.db, [
    ctx.db.delete(agentReleases).where(eq(agentReleases.version, version)),
    auditBy(ctx, { action: "agent_release.delete", targetType: "agent_release", targetId: version }),
  ]);
  await ctx.env.BUCKET.delete(row.objectKey);
  return true;
}

/** The bytes of release `version` as a response body; NOT_FOUND when it has none. */
export async function releaseBody(db: Db, env: Env, version: string): Promise<ReadableStream> {
  if (version === BUILT_IN_AGENT_VERSION) {
    const response = await env.ASSETS.fetch(new Request(new URL(AGENT_DOWNLOAD_PATH, ASSETS_ORIGIN)));
    if (response.ok && response.body) return response.body;
    await response.body?.cancel();
  } else {
    const row = await db.select().from(agentReleases).where(eq(agentReleases.version, version)).get();
    const object = row ? await env.BUCKET.get(row.objectKey) : null;
    if (object) return object.body;
  }
  throw new DomainError("NOT_FOUND", `agent release ${version} does not exist`);
}
