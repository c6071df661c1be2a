import { eq } from "drizzle-orm";
import { z } from "zod";
import { passwordSchema } from "../admins/service";
import { admins } from "../admins/table";
import { auditBy, auditInsert } from "../audit/record";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { AppContext, SignedInContext } from "../graphql/context";
import type { GraphQLModule } from "../graphql/module";
import { runBatch } from "../db/client";
import { login } from "./login";
import { hashPassword, verifyPassword } from "./password";
import { revokeSession, revokeSessionsOf, rotateRefreshToken } from "./sessions";

const typeDefs = /* GraphQL */ `
  input LoginInput {
    username: String!
    password: String!
  }

  input ChangePasswordInput {
    currentPassword: String!
    newPassword: String!
  }

  type AuthPayload {
    "Short-lived; send as Authorization: Bearer <token>."
    accessToken: String!
    accessTokenExpiresAt: DateTime!
    "Works once: exchange it with refreshToken for a new pair. Reusing one signs the session out."
    refreshToken: String!
    admin: Admin!
  }

  extend type Mutation {
    login(input: LoginInput!): AuthPayload!
    "Ends the current session: its access and refresh tokens stop working."
    logout: Boolean!
    refreshToken(token: String!): AuthPayload!
    "Changes the signed-in admin's password and ends every other session it has."
    changePassword(input: ChangePasswordInput!): Boolean!
  }
`;

const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

export const authModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Mutation.login": "public",
    "Mutation.refreshToken": "public",
    "Mutation.logout": "signed-in",
    "Mutation.changePassword": "signed-in",
  },
  resolvers: {
    Mutation: {
      login: async (_: unknown, args: { input: unknown }, ctx: AppContext) => {
        const { tokens, admin } = await login(
          {
            db: ctx.db,
            sessions: ctx.sessions,
            client: ctx.client,
            nowSec: ctx.nowSec(),
            limiter: (key) => ctx.env.RATE_LIMITER.getByName(key),
          },
          args.input,
        );
        return { ...tokens, accessTokenExpiresAt: tokens.accessTokenExpiresAtSec, admin };
      },

      refreshToken: async (_: unknown, args: { token: string }, ctx: AppContext) => {
        const token = parseInput(z.string().min(1).max(256), args.token);
        const nowSec = ctx.nowSec();
        const result = await rotateRefreshToken(ctx.db, ctx.sessions, token, nowSec);
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
        await auditInsert(ctx.db, who, { action: "auth.refresh", targetType: "session", targetId: result.session.id }).run();
        return { ...result.tokens, accessTokenExpiresAt: result.tokens.accessTokenExpiresAtSec, admin: result.admin };
      },

      logout: async (_: unknown, __: unknown, ctx: SignedInContext) => {
        await runBatch(ctx.db, [
          revokeSession(ctx.db, ctx.actor.sessionId, "logout", ctx.nowSec()),
          auditBy(ctx, { action: "auth.logout", targetType: "session", targetId: ctx.actor.sessionId }),
        ]);
        return true;
      },

      changePassword: async (_: unknown, args: { input: unknown }, ctx: SignedInContext) => {
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
