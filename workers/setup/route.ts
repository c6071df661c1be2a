import { Hono, type Context } from "hono";
import type { AppEnv } from "../http/request-context";
import { recoverOwner } from "./recover";
import { createOwner } from "./setup";

/**
 * `POST /api/setup` with `Authorization: Bearer <VORTEX_SETUP_TOKEN>` and `{username, password}`
 * creates the owner of a fresh panel. `npm start` calls it locally; see README for deployments.
 */
export const setupRoute = new Hono<AppEnv>()
  .post("/", async (c) => {
    const owner = await createOwner(c.var.db, setupDeps(c), await c.req.json().catch(() => undefined));
    return c.json({ owner }, 201);
  })
  /** `POST /api/setup/recover` with the same token and `{newPassword}`: see setup/recover.ts and README. */
  .post("/recover", async (c) => {
    const owner = await recoverOwner(c.var.db, setupDeps(c), await c.req.json().catch(() => undefined));
    return c.json({ owner });
  });

function setupDeps(c: Context<AppEnv>) {
  return {
    setupToken: c.env.VORTEX_SETUP_TOKEN,
    presentedToken: /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "",
    ip: c.var.client.ip,
    nowSec: Math.floor(Date.now() / 1000),
  };
}
