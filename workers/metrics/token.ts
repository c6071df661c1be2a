import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditBy, type ActorContext } from "../audit/record";
import { randomToken, sha256Hex, timingSafeEqualText } from "../auth/crypto";
import { runBatch, type Db } from "../db/client";
import { settings } from "../settings/table";

/**
 * The scrape token lives in the settings table under a key settingsFromRows does not know (so
 * neither the settings form nor updateSettings can read or write it), as its SHA-256 only: a
 * leaked database or backup does not let anyone scrape.
 */
export const METRICS_TOKEN_KEY = "metricsToken";
export const METRICS_PATH = "/metrics";

const storedSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), createdAtSec: z.number().int() });
export type StoredMetricsToken = z.infer<typeof storedSchema>;

export interface MetricsEndpoint {
  enabled: boolean;
  path: string;
  tokenCreatedAt: number | null;
}

/** The stored token hash, or null while /metrics is off (never set, revoked, or a value that no longer parses). */
export async function readMetricsToken(db: Db): Promise<StoredMetricsToken | null> {
  const row = await db.select().from(settings).where(eq(settings.key, METRICS_TOKEN_KEY)).get();
  const parsed = storedSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export const endpointOf = (stored: StoredMetricsToken | null): MetricsEndpoint => ({
  enabled: stored !== null,
  path: METRICS_PATH,
  tokenCreatedAt: stored?.createdAtSec ?? null,
});

/** A fresh 256-bit token replaces the old one (which stops working at once); the caller sees it this once. */
export async function rotateMetricsToken(ctx: ActorContext): Promise<{ token: string; endpoint: MetricsEndpoint }> {
  const token = `vxm_${randomToken(32)}`;
  const value: StoredMetricsToken = { sha256: await sha256Hex(token), createdAtSec: ctx.nowSec() };
  await runBatch(ctx.db, [
    ctx.db
      .insert(settings)
      .values({ key: METRICS_TOKEN_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } }),
    auditBy(ctx, { action: "metrics.token.rotate", targetType: "settings", targetId: METRICS_TOKEN_KEY }),
  ]);
  return { token, endpoint: endpointOf(value) };
}

/** Turns /metrics off: it answers 404 again until a token is rotated in. */
export async function revokeMetricsToken(ctx: ActorContext): Promise<boolean> {
  await runBatch(ctx.db, [
    ctx.db.delete(settings).where(eq(settings.key, METRICS_TOKEN_KEY)),
    auditBy(ctx, { action: "metrics.token.revoke", targetType: "settings", targetId: METRICS_TOKEN_KEY }),
  ]);
  return true;
}

/** Whether `presented` is the token whose hash is stored; hashes of equal length compared in constant time. */
export async function isMetricsToken(stored: StoredMetricsToken, presented: string): Promise<boolean> {
  return timingSafeEqualText(await sha256Hex(presented), stored.sha256);
}
