import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { DomainError, HTTP_STATUS } from "./errors/domain-error";
import { yoga } from "./graphql/yoga";
import { apiCors } from "./http/cors";
import { sessionConfig, withRequestContext, type AppEnv } from "./http/request-context";
import { agentRoutes } from "./agent/routes";
import { setupRoute } from "./setup/route";
import { subscriptionRoutes } from "./subscription/route";
import { payerRoutes } from "./billing/payer/routes";
import { stripeWebhookRoute } from "./billing/stripe/route";
import { downloadRoutes } from "./downloads/routes";
import { isPageNavigation, spaShell } from "./http/spa-fallback";

/** Requests larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A usage push of the most deltas a push may carry (50,000) fits in this. */
export const MAX_USAGE_PUSH_BYTES = 8 * 1024 * 1024;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413, { message: `request body is larger than ${maxSize} bytes` });
    },
  });

export const app = new Hono<AppEnv>();

app.use("*", withRequestContext);
app.use("/agent/v1/usage", limitBody(MAX_USAGE_PUSH_BYTES));
app.use("*", async (c, next) => (c.req.path === "/agent/v1/usage" ? next() : limitBody(MAX_BODY_BYTES)(c, next)));

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
app.route("/agent/v1", agentRoutes);
app.route("/agent", downloadRoutes);
app.route("/webhooks/stripe", stripeWebhookRoute);
// Before the subscription routes: /sub/:token/plans must not read as a config format.
app.route("/sub", payerRoutes);
app.route("/sub", subscriptionRoutes);

// Missing assets land here too (wrangler.toml: not_found_handling = "none"): only a page
// navigation gets the SPA, so a script or a download that is not there is a plain 404.
app.notFound((c) =>
  isPageNavigation(c.req.raw)
    ? spaShell(c.env.ASSETS, c.req.raw)
    : c.json({ error: { code: "NOT_FOUND", message: `no route for ${c.req.method} ${c.req.path}` } }, 404),
);

/** The one place HTTP routes turn errors into responses; GraphQL has its own in graphql/yoga.ts. */
app.onError((error, c) => {
  if (error instanceof DomainError) {
    return c.json({ error: { code: error.code, message: error.message, ...error.details } }, HTTP_STATUS[error.code]);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
    return c.json({ error: { code, message: error.message } }, error.status);
  }
  console.error(
    JSON.stringify({ event: "http.unexpected_error", path: c.req.path, error: `${error.name}: ${error.message}` }),
    error.stack,
  );
  return c.json({ error: { code: "INTERNAL_SERVER_ERROR", message: "internal server error" } }, 500);
});
