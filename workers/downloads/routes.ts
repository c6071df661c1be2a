import { Hono } from "hono";
import { panelSigningKey } from "../agent/keys";
import type { AppEnv } from "../http/request-context";
import { INSTALL_SCRIPT, INSTALL_SCRIPT_PATH, RELEASE_MANIFEST_PATH } from "./install-script";
import { currentRelease } from "./release";

/** `/agent/install.sh` and `/agent/release.json`: what the printed install line fetches (public: they hold no secrets). */
export const downloadRoutes = new Hono<AppEnv>();

downloadRoutes.get(INSTALL_SCRIPT_PATH.slice("/agent".length), (c) =>
  // The line pins this script's hash: a stale cached copy would fail that check, so revalidate.
  c.body(INSTALL_SCRIPT, 200, { "content-type": "text/x-shellscript; charset=utf-8", "cache-control": "no-cache" }),
);

downloadRoutes.get(RELEASE_MANIFEST_PATH.slice("/agent".length), async (c) => {
  const manifest = await currentRelease(c.env.ASSETS, c.req.url, await panelSigningKey(c.env));
  // Must describe the bundle served now, never an older one from a cache.
  return c.json(manifest, 200, { "cache-control": "no-cache" });
});
