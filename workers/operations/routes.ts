/**
 * HTTP for agent releases: an owner uploads a bundle (a GraphQL request is no place for a
 * megabyte of JavaScript), and agents download the release an operation names.
 */
import { Hono } from "hono";
import { requirePermission } from "../auth/roles";
import { authenticateAccessToken } from "../auth/sessions";
import { verifyAgentRequest, type AgentEnv } from "../agent/authenticate";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import type { AppEnv } from "../http/request-context";
import { sessionConfig } from "../http/request-context";
import { emitEvents } from "../events/emit";
import { publishLive } from "../live/hub-client";
import { agentVersionSchema, releaseBody, uploadRelease } from "./releases";

const nowSec = () => Math.floor(Date.now() / 1000);

/**
 * `POST /api/agent-releases?version=0.2.0` with the bundle as the body and an owner's bearer
 * token: code every node may be moved to runs as the agent, so only `system:manage` uploads.
 */
export const agentReleaseUploadRoutes = new Hono<AppEnv>().post("/", async (c) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const actor = bearer
    ? await authenticateAccessToken(c.var.db, sessionConfig(c.env), bearer, nowSec(), c.var.client.ip)
    : null;
  if (!actor) throw new DomainError("UNAUTHENTICATED", "sign in as the owner to upload an agent release");
  if (actor.mustEnrollTotp) throw new DomainError("FORBIDDEN", "set up two-factor sign-in first");
  requirePermission(actor, "system:manage");
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const release = await uploadRelease(
    {
      db: c.var.db,
      env: c.env,
      actor,
      client: c.var.client,
      nowSec,
      publish: (events) => publishLive(c.env, (promise) => c.executionCtx.waitUntil(promise), events),
      emit: (events) => emitEvents(c.env, (promise) => c.executionCtx.waitUntil(promise), events),
    },
    c.req.query("version"),
    bytes,
  );
  return c.json(release, 201);
});

/**
 * `GET /agent/v1/releases/<version>.mjs`, signed by the node like its config requests. The bytes
 * are checked by the agent against the SHA-256 and size in the signed operation, not trusted as
 * served.
 */
export const agentReleaseDownloadRoutes = new Hono<AgentEnv>()
  .use("/:file", verifyAgentRequest)
  .get("/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".mjs")) throw new DomainError("NOT_FOUND", `no agent release at ${file}`);
    const version = parseInput(agentVersionSchema, file.slice(0, -".mjs".length));
    const body = await releaseBody(c.var.db, c.env, version);
    return c.body(body, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
  });
