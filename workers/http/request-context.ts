import type { Context } from "hono";
import type { ClientMeta, SessionConfig } from "../auth/sessions";
import { dbFor, type Db, type StatementCounter } from "../db/client";
import { type BindingCounter, countBindingCalls, debugCounterHeaders } from "./debug-counters";

export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; client: ClientMeta };
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

/**
 * Cloudflare sets CF-Connecting-IP at the edge and wrangler dev sets it locally. The country is
 * read from request.cf only when asked: decoding cf was the largest single cost of a /sub request
 * that never asks (its profile, docs/sub-cpu.md).
 */
export function clientMeta(request: Request): ClientMeta {
  let country: string | null | undefined;
  return {
    ip: request.headers.get("cf-connecting-ip") ?? "unknown",
    userAgent: request.headers.get("user-agent"),
    get country() {
      if (country === undefined) {
        const value = request.cf?.country;
        country = typeof value === "string" ? value : null;
      }
      return country;
    },
  };
}

/**
 * One uncounted handle per Worker env: drizzle's constructor (dialect, session, logger) is the
 * same work for every request of an isolate. A new env object just builds a new one.
 */
const uncountedDbs = new WeakMap<Env, Db>();

function uncountedDb(env: Env): Db {
  let db = uncountedDbs.get(env);
  if (db === undefined) {
    db = dbFor(env);
    uncountedDbs.set(env, db);
  }
  return db;
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
  c.set("db", counter ? dbFor(c.env, { counter }) : uncountedDb(c.env));
  c.set("client", clientMeta(c.req.raw));
  await next();
  if (counter)
    for (const [name, value] of Object.entries(debugCounterHeaders(counter, bindings))) c.res.headers.set(name, value);
}
