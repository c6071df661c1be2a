import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../users/table";

/** Ours are 32 characters, imported ones (3x-ui subIds, Remnawave shortUuids) up to 128; a longer one is cut so every lookup costs the same. */
const MAX_TOKEN_LENGTH = 128;

/** The subscription token is the payer's credential: whoever holds the link may buy for it. */
export function findUserByToken(db: Db, token: string) {
  return db
    .select()
    .from(users)
    .where(eq(users.subToken, token.slice(0, MAX_TOKEN_LENGTH)))
    .get();
}
