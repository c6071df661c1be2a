import type { Context } from "hono";
import type { ClientMeta, SessionConfig } from "../auth/sessions";
import { dbFor, type Db, type StatementCounter } from "../db/client";
import { type BindingCounter, countBindingCalls, debugCounterHeaders } from "./debug-counters";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    /** The database through any read replica (D1 Sessions API), made on first use: for reads that tolerate lag. */
    readReplica: () => Db;
    client: ClientMeta;
  };
}

const MIN_SECRET_LENGTH = 32;

/** Session settings from the Worker's environment; a missing or short JWT secret is a deployment error. */
export function sessionConfig(env: Env): SessionConfig {
  const secret = env.JWT_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `JWT_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters (wrangler secret put JWT_SECRET)`,
    );
  }
  return {
    jwtSecret: secret,
    accessTtlSec: Number(env.ACCESS_TOKEN_TTL_SEC) || 900,
    refreshTtlSec: Number(env.REFRESH_TOKEN_TTL_SEC) || 30 * 24 * 3600,
  };
}

/** Cloudflare sets CF-Connecting-IP at the edge and wrangler dev sets it locally. */
export function clientMeta(request: Request): ClientMeta {
  return {
    ip: request.headers.get("cf-connecting-ip") ?? "unknown",
    userAgent: request.headers.get("user-agent"),
    // A getter: workerd parses request.cf from JSON on first read, and only sign-ins record the country.
    get country() {
      const country = request.cf?.country;
      return typeof country === "string" ? country : null;
    },
  };
}

/**
 * Gives each request its database handle and client facts. With DEBUG_D1_STATEMENTS=1 (benchmarks,
 * tests) the handle counts statements and the response says how many ran in `x-d1-statements`, with
 * the rows written, Durable Object calls and queue sends (debug-counters.ts).
 */
export async function withRequestContext(c: Context<AppEnv>, next: () => Promise<void>) {
  const counter: StatementCounter | undefined = c.env.DEBUG_D1_STATEMENTS === "1" ? { statements: 0 } : undefined;
  const bindings: BindingCounter = { durableObjectCalls: 0, queueSends: 0 };
  if (counter) c.env = countBindingCalls(c.env, bindings);
  c.set("db", dbFor(c.env, { counter }));
  let replica: Db | undefined;
  c.set("readReplica", () => (replica ??= dbFor(c.env, { counter, readAnyReplica: true })));
  c.set("client", clientMeta(c.req.raw));
  await next();
  if (counter)
    for (const [name, value] of Object.entries(debugCounterHeaders(counter, bindings))) c.res.headers.set(name, value);
}
