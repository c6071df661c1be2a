import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { userCounts, type UserStatus } from "./table";

/** Who owns the users counted (every given admin id must match; none: all admins) and in which status. */
export interface CountedUsers {
  ownerIds: (number | undefined)[];
  status?: UserStatus;
}

/**
 * The number of users with these owners and status, read from user_counts: at most one row per
 * (admin, status), so it costs the same at 100 users as at 1,000,000.
 */
export async function countedUsers(db: Db, which: CountedUsers): Promise<number> {
  const row = await countedUsersQuery(db, which).get();
  return row?.n ?? 0;
}

/** countedUsers' statement, unrun: one row `{ n }`, to put in a batch. */
export function countedUsersQuery(db: Db, which: CountedUsers) {
  return db
    .select({ n: sql<number>`coalesce(sum(${userCounts.users}), 0)` })
    .from(userCounts)
    .where(
      and(
        ...which.ownerIds.map((id) => (id === undefined ? undefined : eq(userCounts.adminId, id))),
        which.status === undefined ? undefined : eq(userCounts.status, which.status),
      ),
    );
}

/**
 * The counts again from the users themselves, for a restore: it rewrites users wholesale, and what
 * it leaves must not depend on the counts having been right before. Raw statements, to run inside
 * the restore's own batch.
 */
export const RECOUNT_USERS_SQL = [
  "DELETE FROM user_counts",
  "INSERT INTO user_counts (admin_id, status, users) SELECT admin_id, status, count(*) FROM users GROUP BY admin_id, status",
] as const;
