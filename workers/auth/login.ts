import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { admins, type AdminRow } from "../admins/table";
import { auditInsert } from "../audit/record";
import { auditLog } from "../audit/table";
import type { Db } from "../db/client";
import type { PanelEvent } from "../events/catalogue";
import { newSignInEvent, signInFailureEvents } from "../events/detect-sign-in";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { AppContext } from "../graphql/context";
import { type Limiter, spend, spendOrRefuse } from "../rate-limit/spend";
import { readSettings } from "../settings/settings";
import { addressAllowed } from "./allowlist/cidr";
import { consumeChallenge, createChallenge, peekChallenge } from "./challenges";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { ipNotAllowed, startSession, type ClientMeta, type SessionConfig, type TokenPair } from "./sessions";
import type { SignInMethod } from "./table";
import { acceptSecondFactorLimited, totpStatus } from "./totp/totp";

/** Failed sign-ins allowed per minute: per account (the 11th is refused) and per client IP. */
export const LOGIN_LIMITS = {
  account: { limit: 10, windowMs: 60_000 },
  ip: { limit: 30, windowMs: 60_000 },
} as const;

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, "username is required").max(64),
  password: z.string().min(1, "password is required").max(256),
});

const secondFactorInputSchema = z.object({
  challengeToken: z.string().min(1).max(128),
  code: z.string().trim().min(1, "code is required").max(32),
});

export interface LoginDeps {
  db: Db;
  env: Env;
  sessions: SessionConfig;
  client: ClientMeta;
  nowSec: number;
  limiter: (key: string) => Limiter;
  /** News of the sign-in (a new place, a run of failures). */
  emit: (events: PanelEvent[]) => void;
}

/** What every way of signing in needs from the request. */
export function loginDeps(ctx: AppContext): LoginDeps {
  return {
    db: ctx.db,
    env: ctx.env,
    sessions: ctx.sessions,
    client: ctx.client,
    nowSec: ctx.nowSec(),
    limiter: (key) => ctx.env.RATE_LIMITER.getByName(key),
    emit: ctx.emit,
  };
}

export type SignInResult =
  | { kind: "session"; tokens: TokenPair; admin: AdminRow }
  | { kind: "second-factor"; challengeToken: string; expiresAtSec: number };

/** Why a sign-in failed, for the audit log only: the client always hears the same thing. */
type FailureReason =
  | "unknown-user"
  | "wrong-password"
  | "disabled"
  | "password-login-disabled"
  | "wrong-second-factor"
  | "ip-not-allowed"
  | "passkey-not-verified"
  | "oidc-refused"
  | "oidc-not-linked";

const wrongCredentials = () => new DomainError("UNAUTHENTICATED", "username or password is wrong");

const accountKey = (username: string) => `login:account:${username.toLowerCase()}`;

const TOO_MANY_FAILURES = "too many failed sign-ins";

/** Records a failed sign-in in the audit log (no actor: nobody is signed in), and alerts when it makes a run. */
async function auditFailure(
  deps: Pick<LoginDeps, "db" | "client" | "nowSec" | "emit">,
  username: string | null,
  reason: FailureReason,
  adminId?: number,
  details: Record<string, unknown> = {},
) {
  const login = username?.slice(0, 64) ?? null;
  const [audited] = await auditInsert(
    deps.db,
    { actor: null, ip: deps.client.ip, nowSec: deps.nowSec },
    {
      action: "auth.login_failed",
      targetType: "admin",
      targetId: adminId,
      details: { username: login, reason, ...details },
    },
  ).returning({ id: auditLog.id });
  if (audited)
    deps.emit(await signInFailureEvents(deps.db, { auditId: audited.id, login, ip: deps.client.ip }, deps.nowSec));
}

/**
 * Starting a passkey or OIDC sign-in stores a challenge row before anyone has proven anything,
 * so each client IP may start only so many a minute.
 */
export const SIGN_IN_STARTS = { limit: 30, windowMs: 60_000 } as const;
export const limitSignInStarts = (ctx: AppContext) =>
  spend(ctx.env, `login:start:${ctx.client.ip}`, SIGN_IN_STARTS.limit, SIGN_IN_STARTS.windowMs);

/**
 * For sign-in methods without a username (passkeys, OIDC): counts the attempt against the client
 * IP's failed sign-in limit (refusing an IP over it) before anything is verified, so concurrent
 * attempts cannot outrun the limit. The attempt then ends as `failed` (audited) or `succeeded`
 * (no longer counted).
 */
export async function guardClientSignIn(deps: LoginDeps) {
  const ipLimiter = deps.limiter(`login:ip:${deps.client.ip}`);
  await spendOrRefuse([[ipLimiter, LOGIN_LIMITS.ip]], TOO_MANY_FAILURES);
  return {
    failed: (reason: FailureReason, admin?: { id: number; username: string }, details?: Record<string, unknown>) =>
      auditFailure(deps, admin?.username ?? null, reason, admin?.id, details),
    succeeded: () => ipLimiter.refund(),
  };
}

/**
 * Password step of signing in. Unknown usernames, wrong passwords, disabled admins, admins
 * who switched password sign-in off and admins outside their IP allowlist get the same error
 * after the same work, so the answer reveals nothing about which accounts exist or which
 * password is right. An admin with TOTP gets a challenge to answer
 * with `completeSecondFactor` instead of a session.
 */
export async function signInWithPassword(deps: LoginDeps, rawInput: unknown): Promise<SignInResult> {
  const input = parseInput(loginInputSchema, rawInput);
  const accountLimiter = deps.limiter(accountKey(input.username));
  const ipLimiter = deps.limiter(`login:ip:${deps.client.ip}`);
  // Counted before the password is checked, taken back when it is right: a burst of concurrent
  // guesses gets no more tries than the limit.
  await spendOrRefuse(
    [
      [accountLimiter, LOGIN_LIMITS.account],
      [ipLimiter, LOGIN_LIMITS.ip],
    ],
    TOO_MANY_FAILURES,
  );

  const admin = await deps.db
    .select()
    .from(admins)
    .where(eq(sql`lower(${admins.username})`, input.username.toLowerCase()))
    .get();
  const passwordOk = await verifyPassword(input.password, admin?.passwordHash ?? (await dummyPasswordHash()));
  // Outside its allowlist an admin gets the same answer as for a wrong password: a FORBIDDEN
  // would tell a stranger on another network that the password it guessed is right.
  const reason: FailureReason | undefined = !admin
    ? "unknown-user"
    : !passwordOk
      ? "wrong-password"
      : admin.disabled
        ? "disabled"
        : admin.passwordLoginDisabled
          ? "password-login-disabled"
          : !addressAllowed(admin.ipAllowlist, deps.client.ip)
            ? "ip-not-allowed"
            : undefined;
  if (reason || !admin) {
    await auditFailure(deps, input.username, reason ?? "unknown-user", admin?.id);
    throw wrongCredentials();
  }
  await Promise.all([accountLimiter.clear(), ipLimiter.refund()]);
  // An imported admin's peer hash (bcrypt) gives way to ours now that the password is known.
  if (needsRehash(admin.passwordHash)) {
    await deps.db
      .update(admins)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(admins.id, admin.id));
  }

  if ((await totpStatus(deps.db, admin.id)).enabled) {
    const { handle, expiresAtSec } = await createChallenge(
      deps.db,
      "second-factor",
      { adminId: admin.id, data: {} },
      deps.nowSec,
    );
    return { kind: "second-factor", challengeToken: handle, expiresAtSec };
  }
  return { kind: "session", ...(await startAdminSession(deps, admin, "password")) };
}

/**
 * Second step for an admin with TOTP: the challenge from the password step and a TOTP or
 * backup code. Wrong codes count against the admin's own second-factor limit
 * (SECOND_FACTOR_LIMIT), which signing in with the password again does not reset.
 */
export async function completeSecondFactor(deps: LoginDeps, rawInput: unknown) {
  const input = parseInput(secondFactorInputSchema, rawInput);
  const expired = () =>
    new DomainError(
      "UNAUTHENTICATED",
      "the sign-in challenge is unknown, used or expired; sign in with your password again",
    );
  const challenge = await peekChallenge(deps.db, "second-factor", input.challengeToken, deps.nowSec);
  if (!challenge?.adminId) throw expired();
  const admin = await deps.db.select().from(admins).where(eq(admins.id, challenge.adminId)).get();
  if (!admin || admin.disabled) throw expired();
  const factor = await acceptSecondFactorLimited(deps, admin.id, input.code, deps.nowSec);
  if (!factor) {
    await auditFailure(deps, admin.username, "wrong-second-factor", admin.id);
    throw new DomainError("UNAUTHENTICATED", "the code is wrong or was already used");
  }
  if (!(await consumeChallenge(deps.db, "second-factor", input.challengeToken, deps.nowSec))) throw expired();
  assertAddressAllowed(admin, deps.client.ip);
  return startAdminSession(deps, admin, "password+totp", { secondFactor: factor });
}

export function assertAddressAllowed(admin: Pick<AdminRow, "ipAllowlist">, ip: string) {
  if (!addressAllowed(admin.ipAllowlist, ip)) throw ipNotAllowed();
}

/**
 * Starts the session of an admin that has proven who it is, by any method, with its audit
 * entry. After a password alone, a role that requires TOTP confines the session to enrolling.
 */
export async function startAdminSession(
  deps: Pick<LoginDeps, "db" | "sessions" | "client" | "nowSec" | "emit">,
  admin: AdminRow,
  method: SignInMethod,
  details: Record<string, unknown> = {},
) {
  assertAddressAllowed(admin, deps.client.ip);
  const mustEnrollTotp = method === "password" && (await readSettings(deps.db)).totpRequiredRoles.includes(admin.role);
  const audit = auditInsert(
    deps.db,
    { actor: admin, ip: deps.client.ip, nowSec: deps.nowSec },
    {
      action: "auth.login",
      targetType: "admin",
      targetId: admin.id,
      details: { method, ...details, ...(mustEnrollTotp ? { mustEnrollTotp } : {}) },
    },
  );
  // Read before the new session joins the ones it is compared with.
  const newPlace = await newSignInEvent(
    deps.db,
    { admin, method, ip: deps.client.ip, userAgent: deps.client.userAgent, country: deps.client.country },
    deps.nowSec,
  );
  const tokens = await startSession(
    deps.db,
    deps.sessions,
    admin,
    deps.client,
    deps.nowSec,
    { method, mustEnrollTotp },
    [audit],
  );
  if (newPlace) deps.emit([newPlace]);
  return { tokens, admin };
}
