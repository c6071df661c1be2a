import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError } from "./errors/domain-error";
import { errorResponse, respondToError } from "./errors/http";
import { yoga } from "./graphql/yoga";
import { apiCors } from "./http/cors";
import { sessionConfig, withRequestContext, type AppEnv } from "./http/request-context";
import { agentRoutes } from "./agent/routes";
import { backupRoutes } from "./backup/routes";
import { setupRoute } from "./setup/route";
import { legacySubscriptionPaths } from "./subscription/legacy/routes";
import { subscriptionRoutes } from "./subscription/route";
import { payerRoutes } from "./billing/payer/routes";
import { stripeWebhookRoute } from "./billing/stripe/route";
import { downloadRoutes } from "./downloads/routes";
import { MAX_RELEASE_BYTES } from "./operations/releases";
import { agentReleaseDownloadRoutes, agentReleaseUploadRoutes } from "./operations/routes";
import { isPageNavigation, spaShell } from "./http/spa-fallback";
import { telegramDeepLinkRoutes, telegramWebhookRoute } from "./channels/telegram/routes";
import { exportRoutes } from "./export/routes";
import { metricsRoute } from "./metrics/routes";

/** Requests larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 256 * 1024;
/**
 * A signed-in GraphQL request may carry more: an import batch of 1,000 users with their secrets
 * runs to about 1 MiB. Only requests with an Authorization header get it, so an anonymous client
 * cannot make the Worker read more than MAX_BODY_BYTES (the session is checked after the read).
 */
export const MAX_AUTHORIZED_GRAPHQL_BODY_BYTES = 2 * 1024 * 1024;
/** A usage push of the most deltas a push may carry (50,000) fits in this. */
export const MAX_USAGE_PUSH_BYTES = 8 * 1024 * 1024;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError("PAYLOAD_TOO_LARGE", `request body is larger than ${maxSize} bytes`);
    },
  });

/**
 * Paths with a body limit of their own, set above the general one. A backup upload streams
 * through its own cap (backup/routes.ts) instead of being read whole here.
 */
const OWN_BODY_LIMITS = new Set(["/agent/v1/usage", "/graphql", "/api/agent-releases", "/api/backups/upload"]);

export const app = new Hono<AppEnv>();

app.use("*", withRequestContext);
app.use("/agent/v1/usage", limitBody(MAX_USAGE_PUSH_BYTES));
app.use("/api/agent-releases", limitBody(MAX_RELEASE_BYTES));
// Built once: every request passes the general limit, and building it per request was measurable on /sub.
const generalBodyLimit = limitBody(MAX_BODY_BYTES);
const authorizedGraphqlBodyLimit = limitBody(MAX_AUTHORIZED_GRAPHQL_BODY_BYTES);
app.use("/graphql", async (c, next) =>
  (c.req.header("authorization") ? authorizedGraphqlBodyLimit : generalBodyLimit)(c, next),
);
app.use("*", async (c, next) => (OWN_BODY_LIMITS.has(c.req.path) ? next() : generalBodyLimit(c, next)));

app.use("/graphql", apiCors);
app.on(["GET", "POST"], "/graphql", (c) =>
  yoga.fetch(c.req.raw, {
    env: c.env,
    db: c.var.db,
    client: c.var.client,
    sessions: sessionConfig(c.env),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  }),
);
app.route("/api/setup", setupRoute);
app.route("/api/agent-releases", agentReleaseUploadRoutes);
app.route("/agent/v1/releases", agentReleaseDownloadRoutes);
app.route("/api/backups", backupRoutes);
app.route("/agent/v1", agentRoutes);
app.route("/agent", downloadRoutes);
app.route("/webhooks/stripe", stripeWebhookRoute);
app.route("/webhooks/telegram", telegramWebhookRoute);
app.route("/api/export", exportRoutes);
app.route("/metrics", metricsRoute);
// Before the subscription routes: /sub/:token/plans must not read as a config format.
app.route("/sub", payerRoutes);
app.route("/sub", telegramDeepLinkRoutes);
app.route("/sub", subscriptionRoutes);
// Remnawave's backend path for the same links; other old panels' prefixes are mapped by setting.
app.route("/api/sub", subscriptionRoutes);
app.get("*", legacySubscriptionPaths);

// Missing assets land here too (wrangler.toml: not_found_handling = "none"): only a page
// navigation gets the SPA, so a script or a download that is not there is a plain 404.
app.notFound((c) =>
  isPageNavigation(c.req.raw)
    ? spaShell(c.env.ASSETS, c.req.raw)
    : errorResponse(new DomainError("NOT_FOUND", `no route for ${c.req.method} ${c.req.path}`)),
);

app.onError(respondToError);
