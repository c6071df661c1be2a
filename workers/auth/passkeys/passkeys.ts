import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { admins, type AdminRow } from "../../admins/table";
import { auditBy } from "../../audit/record";
import { runBatch } from "../../db/client";
import { DomainError, notFound } from "../../errors/domain-error";
import { parseInput } from "../../errors/validate";
import type { AppContext, SignedInContext } from "../../graphql/context";
import { fromBase64Url, toBase64Url } from "../../lib/base64";
import { consumeChallenge, createChallenge } from "../challenges";
import { guardClientSignIn, limitSignInStarts, loginDeps, startAdminSession } from "../login";
import { relyingParty } from "./relying-party";
import { passkeys } from "./table";

const RP_NAME = "VortexPanel";

interface CeremonyState extends Record<string, unknown> {
  challenge: string;
  rpId: string;
  origins: string[];
}

const nameSchema = z.string().trim().min(1, "name is required").max(64);
const idSchema = z.string().min(1).max(1024);
/**
 * The browser's answer, as the JSON text of PublicKeyCredential.toJSON(). Only its outline is
 * checked here; the library checks the rest, signatures included.
 */
const credentialSchema = z
  .string()
  .max(16_384)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be the JSON text of the browser's credential" });
      return z.NEVER;
    }
  })
  .pipe(
    z.looseObject({
      id: z.string().min(1).max(1024),
      rawId: z.string().max(1024),
      type: z.literal("public-key"),
      response: z.record(z.string(), z.unknown()),
    }),
  );

const finishRegistrationSchema = z.object({
  challengeToken: z.string().min(1).max(128),
  name: nameSchema,
  response: credentialSchema,
});
const finishLoginSchema = z.object({ challengeToken: z.string().min(1).max(128), response: credentialSchema });

/** Options for navigator.credentials.create(): a discoverable credential with user verification. */
export async function beginPasskeyRegistration(ctx: SignedInContext) {
  const rp = relyingParty(ctx.env, ctx.origin);
  const existing = await ctx.db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.adminId, ctx.actor.id))
    .all();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: ctx.actor.username,
    userID: new TextEncoder().encode(`admin:${ctx.actor.id}`),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: (p.transports ?? undefined) as AuthenticatorTransport[] | undefined,
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const { handle, expiresAtSec } = await createChallenge<CeremonyState>(
    ctx.db,
    "passkey-register",
    { adminId: ctx.actor.id, data: { challenge: options.challenge, rpId: rp.id, origins: rp.origins } },
    ctx.nowSec(),
  );
  return { challengeToken: handle, expiresAt: expiresAtSec, options };
}

const ceremonyFailed = (what: string) =>
  new DomainError("BAD_USER_INPUT", `the passkey ${what} could not be verified; start again`);

/** Verifies the browser's answer to beginPasskeyRegistration and stores the new passkey. */
export async function finishPasskeyRegistration(ctx: SignedInContext, rawInput: unknown) {
  const input = parseInput(finishRegistrationSchema, rawInput);
  const state = await consumeChallenge<CeremonyState>(ctx.db, "passkey-register", input.challengeToken, ctx.nowSec());
  if (!state || state.adminId !== ctx.actor.id) throw ceremonyFailed("registration");
  const verification = await verifyRegistrationResponse({
    response: input.response as unknown as RegistrationResponseJSON,
    expectedChallenge: state.data.challenge,
    expectedOrigin: state.data.origins,
    expectedRPID: state.data.rpId,
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw ceremonyFailed("registration");
  const { credential } = verification.registrationInfo;
  const nowSec = ctx.nowSec();
  const row = {
    id: credential.id,
    adminId: ctx.actor.id,
    name: input.name,
    publicKey: toBase64Url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? null,
    createdAtSec: nowSec,
  };
  const [inserted] = (await runBatch(ctx.db, [
    ctx.db.insert(passkeys).values(row).onConflictDoNothing(),
    auditBy(ctx, {
      action: "auth.passkey_register",
      targetType: "passkey",
      targetId: credential.id,
      details: { name: input.name },
    }),
  ])) as [D1Result];
  if (inserted.meta.changes !== 1) throw new DomainError("CONFLICT", "this passkey is already registered");
  return { ...row, lastUsedAtSec: null };
}

/** Options for navigator.credentials.get() with no allow-list: the authenticator offers its passkeys. */
export async function beginPasskeyLogin(ctx: AppContext) {
  await limitSignInStarts(ctx);
  const rp = relyingParty(ctx.env, ctx.origin);
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required" });
  const { handle, expiresAtSec } = await createChallenge<CeremonyState>(
    ctx.db,
    "passkey-login",
    { data: { challenge: options.challenge, rpId: rp.id, origins: rp.origins } },
    ctx.nowSec(),
  );
  return { challengeToken: handle, expiresAt: expiresAtSec, options };
}

/**
 * Verifies a passkey assertion and starts a session. A passkey with user verification is two
 * factors in one, so no TOTP step follows. The signature counter must move forward when the
 * authenticator keeps one; a counter that goes back means a cloned key.
 */
export async function finishPasskeyLogin(ctx: AppContext, rawInput: unknown) {
  const input = parseInput(finishLoginSchema, rawInput);
  const deps = loginDeps(ctx);
  const attempt = await guardClientSignIn(deps);
  const nowSec = deps.nowSec;
  const refused = async (admin?: AdminRow) => {
    await attempt.failed(admin?.disabled ? "disabled" : "passkey-not-verified", admin);
    return new DomainError("UNAUTHENTICATED", "the passkey sign-in could not be verified; try again");
  };
  const state = await consumeChallenge<CeremonyState>(ctx.db, "passkey-login", input.challengeToken, nowSec);
  if (!state) throw await refused();
  const found = await ctx.db
    .select({ passkey: passkeys, admin: admins })
    .from(passkeys)
    .innerJoin(admins, eq(admins.id, passkeys.adminId))
    .where(eq(passkeys.id, input.response.id))
    .get();
  if (!found || found.admin.disabled) throw await refused(found?.admin);
  const { passkey, admin } = found;
  const verification = await verifyAuthenticationResponse({
    response: input.response as unknown as AuthenticationResponseJSON,
    expectedChallenge: state.data.challenge,
    expectedOrigin: state.data.origins,
    expectedRPID: state.data.rpId,
    credential: {
      id: passkey.id,
      publicKey: fromBase64Url(passkey.publicKey),
      counter: passkey.counter,
      transports: (passkey.transports ?? undefined) as AuthenticatorTransport[] | undefined,
    },
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
  if (!verification.verified || !verification.authenticationInfo) throw await refused(admin);
  await ctx.db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAtSec: nowSec })
    .where(eq(passkeys.id, passkey.id));
  await attempt.succeeded();
  return startAdminSession(deps, admin, "passkey", { passkey: passkey.name });
}

export function listMyPasskeys(ctx: SignedInContext) {
  return ctx.db.select().from(passkeys).where(eq(passkeys.adminId, ctx.actor.id)).orderBy(passkeys.createdAtSec).all();
}

async function findMine(ctx: SignedInContext, rawId: unknown) {
  const id = parseInput(idSchema, rawId);
  const row = await ctx.db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.adminId, ctx.actor.id)))
    .get();
  if (!row) throw notFound("passkey", id);
  return row;
}

export async function renamePasskey(ctx: SignedInContext, rawId: unknown, rawName: unknown) {
  const row = await findMine(ctx, rawId);
  const name = parseInput(nameSchema, rawName);
  await runBatch(ctx.db, [
    ctx.db.update(passkeys).set({ name }).where(eq(passkeys.id, row.id)),
    auditBy(ctx, { action: "auth.passkey_rename", targetType: "passkey", targetId: row.id, details: { name } }),
  ]);
  return { ...row, name };
}

/** Removes a passkey; the last one cannot go while password sign-in is switched off. */
export async function removePasskey(ctx: SignedInContext, rawId: unknown) {
  const row = await findMine(ctx, rawId);
  const [{ n }] = (await ctx.db
    .select({ n: count() })
    .from(passkeys)
    .where(eq(passkeys.adminId, ctx.actor.id))
    .all()) as [{ n: number }];
  const admin = await ctx.db
    .select({ passwordLoginDisabled: admins.passwordLoginDisabled })
    .from(admins)
    .where(eq(admins.id, ctx.actor.id))
    .get();
  if (n <= 1 && admin?.passwordLoginDisabled) {
    throw new DomainError(
      "CONFLICT",
      "this is your last passkey and password sign-in is off: switch it on first (setPasswordLogin)",
    );
  }
  await runBatch(ctx.db, [
    ctx.db.delete(passkeys).where(eq(passkeys.id, row.id)),
    auditBy(ctx, {
      action: "auth.passkey_remove",
      targetType: "passkey",
      targetId: row.id,
      details: { name: row.name },
    }),
  ]);
  return true;
}

/** Switches the signed-in admin's password sign-in on or off; off needs a passkey to sign in with. */
export async function setPasswordLogin(ctx: SignedInContext, rawEnabled: unknown) {
  const enabled = parseInput(z.boolean(), rawEnabled);
  if (!enabled) {
    const [{ n }] = (await ctx.db
      .select({ n: count() })
      .from(passkeys)
      .where(eq(passkeys.adminId, ctx.actor.id))
      .all()) as [{ n: number }];
    if (n === 0) throw new DomainError("CONFLICT", "register a passkey before switching password sign-in off");
  }
  await runBatch(ctx.db, [
    ctx.db
      .update(admins)
      .set({ passwordLoginDisabled: !enabled, updatedAtSec: ctx.nowSec() })
      .where(eq(admins.id, ctx.actor.id)),
    auditBy(ctx, {
      action: "auth.password_login_set",
      targetType: "admin",
      targetId: ctx.actor.id,
      details: { enabled },
    }),
  ]);
  return enabled;
}
