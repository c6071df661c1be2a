import { Hono } from "hono";
import type { AppEnv } from "../http/request-context";
import { createOwner } from "./setup";

/**
 * `POST /api/setup` with `Authorization: Bearer <VORTEX_SETUP_TOKEN>` and `{username, password}`
 * creates the owner of a fresh panel. `npm start` calls it locally; see README for deployments.
 */
export const setupRoute = new Hono<AppEnv>().post("/", async (c) => {
  const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  const body = await c.req.json().catch(() => undefined);
  const owner = await createOwner(
    c.var.db,
    { setupToken: c.env.VORTEX_SETUP_TOKEN, presentedToken: presented, ip: c.var.client.ip, nowSec: Math.floor(Date.now() / 1000) },
    body,
  );
  return c.json({ owner }, 201);
});
