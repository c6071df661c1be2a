import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { z } from "zod";
import { admins } from "../admins/table";
import { auditInsert } from "../audit/record";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { dummyPasswordHash, verifyPassword } from "./password";
import { startSession, type ClientMeta, type SessionConfig } from "./sessions";
import type { RateLimitVerdict } from "../../durable-objects/rate-limiter";

/** Failed sign-ins allowed per minute: per account (the 11th is refused) and per client IP. */
export const LOGIN_LIMITS = {
  account: { limit: 10, windowMs: 60_000 },
  ip: { limit: 30, windowMs: 60_000 },
} as const;

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, "username is required").max(64),
  password: z.string().min(1, "password is required").max(256),
});

export interface LoginLimiter {
  check(limit: number, windowMs: number): Promise<RateLimitVerdict>;
  recordFailure(windowMs: number): Promise<void>;
  clear(): Promise<void>;
}

export interface LoginDeps {
  db: Db;
  sessions: SessionConfig;
  client: ClientMeta;
  nowSec: number;
  limiter: (key: string) => LoginLimiter;
}

const wrongCredentials = () => new DomainError("UNAUTHENTICATED", "username or password is wrong");

/**
 * Signs an admin in. Unknown usernames, wrong passwords and disabled admins get the same
 * error after the same work, so the answer reveals nothing about which accounts exist.
 */
export async function login(deps: LoginDeps, rawInput: unknown) {
  const input = parseInput(loginInputSchema, rawInput);
  const accountLimiter = deps.limiter(`login:account:${input.username.toLowerCase()}`);
  const ipLimiter = deps.limiter(`login:ip:${deps.client.ip}`);
  const verdicts = await Promise.all([
    accountLimiter.check(LOGIN_LIMITS.account.limit, LOGIN_LIMITS.account.windowMs),
    ipLimiter.check(LOGIN_LIMITS.ip.limit, LOGIN_LIMITS.ip.windowMs),
  ]);
  const limited = verdicts.find((v) => v.limited);
  if (limited) {
    throw new DomainError("RATE_LIMITED", `too many failed sign-ins; try again in ${limited.retryAfterSec} s`, {
      retryAfterSec: limited.retryAfterSec,
    });
  }

  const admin = await deps.db
    .select()
    .from(admins)
    .where(eq(sql`lower(${admins.username})`, input.username.toLowerCase()))
    .get();
  const passwordOk = await verifyPassword(input.password, admin?.passwordHash ?? (await dummyPasswordHash()));
  if (!admin || !passwordOk || admin.disabled) {
    await Promise.all([
      accountLimiter.recordFailure(LOGIN_LIMITS.account.windowMs),
      ipLimiter.recordFailure(LOGIN_LIMITS.ip.windowMs),
    ]);
    throw wrongCredentials();
  }

  await accountLimiter.clear();
  const audit: BatchItem<"sqlite"> = auditInsert(
    deps.db,
    { actor: admin, ip: deps.client.ip, nowSec: deps.nowSec },
    { action: "auth.login", targetType: "admin", targetId: admin.id },
  );
  const tokens = await startSession(deps.db, deps.sessions, admin, deps.client, deps.nowSec, [audit]);
  return { tokens, admin };
}
