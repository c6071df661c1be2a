import { sql } from "drizzle-orm";
import { z } from "zod";
import { passwordSchema, usernameSchema } from "../admins/service";
import { timingSafeEqualText } from "../auth/crypto";
import { hashPassword } from "../auth/password";
import { rawStatement, runBatch, type Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";

const setupSchema = z.object({ username: usernameSchema, password: passwordSchema });

/**
 * Creates the owner, once. Only someone holding the deployment's VORTEX_SETUP_TOKEN secret can
 * call it, and the insert itself refuses when an owner exists, so two racing calls make one owner.
 */
export async function createOwner(
  db: Db,
  deps: { setupToken: string | undefined; presentedToken: string; ip: string; nowSec: number },
  rawInput: unknown,
) {
  if (!deps.setupToken)
    throw new DomainError("NOT_FOUND", "setup is not enabled: set the VORTEX_SETUP_TOKEN secret to enable it");
  if (!timingSafeEqualText(deps.presentedToken, deps.setupToken))
    throw new DomainError("UNAUTHENTICATED", "setup token is wrong");
  const input = parseInput(setupSchema, rawInput);
  const passwordHash = await hashPassword(input.password);
  const [inserted] = (await runBatch(db, [
    rawStatement(
      db,
      sql`INSERT INTO admins (username, password_hash, role, created_at, updated_at)
      SELECT ${input.username}, ${passwordHash}, 'owner', ${deps.nowSec}, ${deps.nowSec}
      WHERE NOT EXISTS (SELECT 1 FROM admins WHERE role = 'owner')`,
    ),
    // changes() still describes the insert above: the audit row exists only if the owner does.
    rawStatement(
      db,
      sql`INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, ip)
      SELECT ${deps.nowSec}, last_insert_rowid(), ${input.username}, 'setup.create_owner', 'admin', last_insert_rowid(), ${deps.ip}
      WHERE changes() = 1`,
    ),
  ])) as [D1Result];
  if (inserted.meta.changes !== 1) throw new DomainError("CONFLICT", "an owner already exists; setup runs once");
  return { username: input.username };
}
