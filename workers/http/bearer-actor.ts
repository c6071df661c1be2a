import type { Context } from "hono";
import { requirePermission, type Actor, type Permission } from "../auth/roles";
import { authenticateAccessToken } from "../auth/sessions";
import { DomainError } from "../errors/domain-error";
import { sessionConfig, type AppEnv } from "./request-context";

/**
 * The caller of a plain HTTP route (a file out or in, where a JSON field will not do), admitted as
 * GraphQL admits one (authorize.ts): the access token in `Authorization: Bearer`, TOTP enrolled
 * if the role requires it, and `permission`.
 */
export async function actorFromBearer(c: Context<AppEnv>, permission: Permission): Promise<Actor> {
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const actor = token
    ? await authenticateAccessToken(
        c.var.db,
        sessionConfig(c.env),
        token,
        Math.floor(Date.now() / 1000),
        c.var.client.ip,
      )
    : null;
  if (!actor)
    throw new DomainError("UNAUTHENTICATED", "sign in first: the access token is missing, expired or revoked");
  if (actor.mustEnrollTotp)
    throw new DomainError("FORBIDDEN", "your role requires two-factor sign-in: enroll TOTP first");
  requirePermission(actor, permission);
  return actor;
}
