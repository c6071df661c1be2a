/**
 * A reseller's data quota as a balance. `maxDataLimitBytes` is what the owner granted (top-ups
 * raise it); `dataGivenBytes` is what the reseller has handed out so far. Handing out draws on it:
 *
 * - creating a user draws the user's limit;
 * - raising a limit draws the increase;
 * - resetting usage draws the bytes forgiven (the used traffic at that moment);
 * - lowering a limit or deleting a user returns only the bytes the user had not used
 *   (limit − used, never below 0; never more than the limit shrank by).
 *
 * Why return unused bytes and nothing more: used traffic is never returned, so delete + recreate
 * (or lower + raise) costs exactly the traffic the user moved, the same as a reset would; a
 * reseller cannot launder consumed bytes back into its balance. Returning the whole limit would
 * let it refill a user for free; returning nothing would make a typo in a limit cost for ever.
 *
 * Every draw is a guarded UPDATE in the same D1 batch as the write it pays for, followed by a
 * statement that aborts the batch when the guard matched nothing: of two concurrent writes that
 * together would overdraw, one lands whole and the other changes nothing.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { rawStatement, type Db, type Statement } from "../db/client";
import { batchAbortedWith } from "../errors/batch-abort";
import { DomainError } from "../errors/domain-error";
import { admins, type AdminRow } from "./table";

/** Bytes a user had not used yet: what deleting it returns to its owner's balance. */
export const unusedBytesOf = (userId: number) =>
  sql`coalesce((SELECT max(0, coalesce(data_limit_bytes, 0) - used_bytes) FROM users WHERE id = ${userId}), 0)`;

/** The user's used traffic now, read inside the batch so a usage push cannot slip between read and reset. */
export const usedBytesOf = (userId: number) => sql`coalesce((SELECT used_bytes FROM users WHERE id = ${userId}), 0)`;

/**
 * What changing a user's limit to `newLimitBytes` (null = unlimited, counted as 0) draws (> 0) or
 * returns (< 0): the increase, or the unused part of the decrease.
 */
export const limitChangeBytes = (userId: number, newLimitBytes: number | null) => {
  const next = newLimitBytes ?? 0;
  return sql`coalesce((SELECT CASE WHEN ${next} >= coalesce(data_limit_bytes, 0) THEN ${next} - coalesce(data_limit_bytes, 0)
    ELSE -max(0, coalesce(data_limit_bytes, 0) - max(${next}, used_bytes)) END FROM users WHERE id = ${userId}), 0)`;
};

/*
 * SQLite has no RAISE outside triggers. json_extract() with a path that is not a JSON path fails
 * the statement with an error that quotes the path, and a failed statement rolls the whole D1
 * batch back: the marker as the path is a refusal that names itself. changes() keeps the path
 * from being folded into a constant at prepare time.
 */
const QUOTA_SHORT_MARKER = "reseller data quota short";

/**
 * Statements that move `bytes` (positive draws, negative returns) on the admin's books. A draw
 * past a reseller's quota aborts the batch they stand in; `quotaShortError` turns that abort into
 * the error the caller shows. Admins and the owner have no quota: their books move, never refuse.
 */
export function moveDataGiven(db: Db, adminId: number, bytes: SQL | number): Statement[] {
  return [
    rawStatement(
      db,
      sql`UPDATE admins SET data_given_bytes = max(0, data_given_bytes + ${bytes})
        WHERE id = ${adminId} AND (${bytes} <= 0 OR role <> 'reseller' OR max_data_limit_bytes IS NULL
          OR data_given_bytes + ${bytes} <= max_data_limit_bytes)`,
    ),
    rawStatement(
      db,
      sql`SELECT json_extract('{}', CASE WHEN changes() = 1 THEN '$' ELSE ${QUOTA_SHORT_MARKER} || changes() END)`,
    ),
  ];
}

/** True when a batch failed because a draw in it would have overdrawn a reseller's quota. */
export const isQuotaShort = (error: unknown) => batchAbortedWith(error, QUOTA_SHORT_MARKER);

/** Bytes a reseller may still hand out; null when it has no data quota. */
export function dataLeftBytes(admin: Pick<AdminRow, "maxDataLimitBytes" | "dataGivenBytes">): number | null {
  if (admin.maxDataLimitBytes === null) return null;
  return Math.max(0, admin.maxDataLimitBytes - admin.dataGivenBytes);
}

/** The FORBIDDEN a refused draw reports, with the balance read after the refusal. */
export async function quotaShortError(
  db: Db,
  adminId: number,
  neededBytes: number,
  what: string,
): Promise<DomainError> {
  const admin = await db.select().from(admins).where(eq(admins.id, adminId)).get();
  const availableBytes = admin ? (dataLeftBytes(admin) ?? 0) : 0;
  return new DomainError(
    "FORBIDDEN",
    `${what} needs ${neededBytes} bytes of reseller "${admin?.username}"'s data quota of ${admin?.maxDataLimitBytes} bytes; ${availableBytes} bytes are left`,
    { availableBytes, maxDataLimit: admin?.maxDataLimitBytes ?? null, neededBytes },
  );
}
