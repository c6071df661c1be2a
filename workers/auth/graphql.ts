import { eq } from "drizzle-orm";
import { z } from "zod";
import { passwordSchema } from "../admins/service";
import { type AdminRow, admins } from "../admins/table";
import { auditBy, auditInsert } from "../audit/record";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { AppContext } from "../graphql/context";
import type { GraphQLModule } from "../graphql/module";
import { runBatch } from "../db/client";
import { describeDevice } from "./device";
import { completeSecondFactor, loginDeps, signInWithPassword } from "./login";
import { listMySessions, revokeMyOtherSessions, revokeMySession } from "./session-list";
import type { sessions } from "./table";
import { hashPassword, verifyPassword } from "./password";
import { revokeSession, revokeSessionsOf, rotateRefreshToken, type TokenPair } from "./sessions";

const typeDefs = /* GraphQL */ `
  input LoginInput {
    username: String!
    password: String!
  }

  input ChangePasswordInput {
    currentPassword: String!
    newPassword: String!
  }

  "The password was right and the admin has TOTP: answer with completeSecondFactor within five minutes."
  type SecondFactorChallenge {
    "Single use; pass it to completeSecondFactor with a code."
    challengeToken: String!
    expiresAt: DateTime!
  }

  "A session, or the second step an admin with TOTP must take first."
  union SignInResult = AuthPayload | SecondFactorChallenge

  input SecondFactorInput {
    challengeToken: String!
    "Six digits from the authenticator app, or one of the backup codes (each works once)."
    code: String!
  }

  enum SignInMethod {
    PASSWORD
    PASSWORD_TOTP
    PASSKEY
    OIDC
  }

  "One signed-in device of the current admin."
  type Session {
    id: ID!
    "Read from the User-Agent, e.g. Chrome on Windows."
    device: String!
    userAgent: String
    ip: String
    "ISO country code from Cloudflare, when known."
    country: String
    method: SignInMethod!
    createdAt: DateTime!
    "When the session last exchanged its refresh token (about every access-token lifetime while in use)."
    lastSeenAt: DateTime!
    "True for the session making this request."
    current: Boolean!
  }

  type AuthPayload {
    "Short-lived; send as Authorization: Bearer <token>."
    accessToken: String!
    accessTokenExpiresAt: DateTime!
    "Works once: exchange it with refreshToken for a new pair. Reusing one signs the session out."
    refreshToken: String!
    admin: Admin!
  }

  extend type Query {
    "The signed-in admin's live sessions, most recently used first."
    mySessions: [Session!]!
  }

  extend type Mutation {
    "Password sign-in for admins without TOTP. An admin with TOTP gets UNAUTHENTICATED with extensions.secondFactorRequired: use signIn."
    login(input: LoginInput!): AuthPayload!
    "Password sign-in, first step: a session, or a SecondFactorChallenge for admins with TOTP."
    signIn(input: LoginInput!): SignInResult!
    "Second step of signIn: the challenge and a TOTP or backup code."
    completeSecondFactor(input: SecondFactorInput!): AuthPayload!
    "Ends one of the signed-in admin's own sessions (its access token stops working at once)."
    revokeSession(id: ID!): Boolean!
    "Ends every other session of the signed-in admin; returns how many were ended."
    revokeOtherSessions: Int!
    "Ends the current session: its access and refresh tokens stop working."
    logout: Boolean!
    refreshToken(token: String!): AuthPayload!
    "Changes the signed-in admin's password and ends every other session it has."
    changePassword(input: ChangePasswordInput!): Boolean!
  }
`;

export type SessionRow = typeof sessions.$inferSelect;

/** An AuthPayload from a started session. */
export const authPayload = (session: { tokens: TokenPair; admin: AdminRow }) => ({
  ...session.tokens,
  accessTokenExpiresAt: session.tokens.accessTokenExpiresAtSec,
  admin: session.admin,
});

const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

export const authModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Mutation.login": "public",
    "Mutation.signIn": "public",
    "Mutation.completeSecondFactor": "public",
    "Query.mySessions": "signed-in",
    "Mutation.revokeSession": "signed-in",
    "Mutation.revokeOtherSessions": "signed-in",
    "Mutation.refreshToken": "public",
    "Mutation.logout": "signed-in",
    "Mutation.changePassword": "signed-in",
  },
  resolvers: {
    SignInMethod: { PASSWORD: "password", PASSWORD_TOTP: "password+totp", PASSKEY: "passkey", OIDC: "oidc" },
    Session: {
      device: (s) => describeDevice(s.userAgent),
      createdAt: (s) => s.createdAtSec,
      lastSeenAt: (s) => s.lastSeenAtSec,
      current: (s, _, ctx) => s.id === ctx.actor.sessionId,
    },
    Query: {
      mySessions: (_, __, ctx) => listMySessions(ctx),
    },
    Mutation: {
      login: async (_, args, ctx: AppContext) => {
        const result = await signInWithPassword(loginDeps(ctx), args.input);
        if (result.kind === "second-factor") {
          throw new DomainError(
            "UNAUTHENTICATED",
            "this admin has two-factor sign-in: use signIn, then completeSecondFactor",
            {
              secondFactorRequired: true,
            },
          );
        }
        return authPayload(result);
      },

      signIn: async (_, args, ctx: AppContext) => {
        const result = await signInWithPassword(loginDeps(ctx), args.input);
        return result.kind === "session"
          ? { __typename: "AuthPayload", ...authPayload(result) }
          : {
              __typename: "SecondFactorChallenge",
              challengeToken: result.challengeToken,
              expiresAt: result.expiresAtSec,
            };
      },

      completeSecondFactor: async (_, args, ctx: AppContext) =>
        authPayload(await completeSecondFactor(loginDeps(ctx), args.input)),

      revokeSession: (_, args, ctx) => revokeMySession(ctx, parseInput(z.string().min(1).max(64), args.id)),

      revokeOtherSessions: (_, __, ctx) => revokeMyOtherSessions(ctx),

      refreshToken: async (_, args, ctx: AppContext) => {
        const token = parseInput(z.string().min(1).max(256), args.token);
        const nowSec = ctx.nowSec();
        const result = await rotateRefreshToken(ctx.db, ctx.sessions, token, nowSec, ctx.client.ip);
        const who = { actor: result.admin, ip: ctx.client.ip, nowSec };
        if (result.reused) {
          await auditInsert(ctx.db, who, {
            action: "auth.refresh_reused",
            targetType: "session",
            targetId: result.session.id,
            details: { revoked: "session" },
          }).run();
          throw new DomainError("UNAUTHENTICATED", "refresh token was already used; the session has been signed out");
        }
        await auditInsert(ctx.db, who, {
          action: "auth.refresh",
          targetType: "session",
          targetId: result.session.id,
        }).run();
        return authPayload({ tokens: result.tokens, admin: result.admin });
      },

      logout: async (_, __, ctx) => {
        await runBatch(ctx.db, [
          revokeSession(ctx.db, ctx.actor.sessionId, "logout", ctx.nowSec()),
          auditBy(ctx, { action: "auth.logout", targetType: "session", targetId: ctx.actor.sessionId }),
        ]);
        return true;
      },

      changePassword: async (_, args, ctx) => {
        const input = parseInput(changePasswordSchema, args.input);
        const admin = await ctx.db.select().from(admins).where(eq(admins.id, ctx.actor.id)).get();
        if (!admin || !(await verifyPassword(input.currentPassword, admin.passwordHash))) {
          throw new DomainError("BAD_USER_INPUT", "current password is wrong", {
            fields: [{ path: "currentPassword", message: "current password is wrong" }],
          });
        }
        const nowSec = ctx.nowSec();
        await runBatch(ctx.db, [
          ctx.db
            .update(admins)
            .set({ passwordHash: await hashPassword(input.newPassword), updatedAtSec: nowSec })
            .where(eq(admins.id, admin.id)),
          revokeSessionsOf(ctx.db, admin.id, "password changed", nowSec, ctx.actor.sessionId),
          auditBy(ctx, { action: "auth.change_password", targetType: "admin", targetId: admin.id }),
        ]);
        return true;
      },
    },
  },
};
