import { sql } from "drizzle-orm";
import { DomainError } from "../errors/domain-error";
import { groups } from "../groups/table";
import { inbounds } from "../inbounds/table";
import type { Db } from "./client";

/** True when a D1 error (possibly wrapped by drizzle) is a UNIQUE constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed")) return true;
  }
  return false;
}

/** Throws BAD_USER_INPUT naming every id in `ids` that `table` does not hold. */
export async function assertAllExist(db: Db, table: "inbounds" | "groups", ids: number[]): Promise<void> {
  if (!ids.length) return;
  const source = table === "inbounds" ? inbounds : groups;
  const found = await db
    .select({ id: source.id })
    .from(source)
    .where(sql`${source.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .all();
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length)
    throw new DomainError("BAD_USER_INPUT", `${table} ${missing.join(", ")} do not exist`, { missing });
}
