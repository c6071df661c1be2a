import { app } from "./app";
import { expireInvoices } from "./billing/invoices/service";
import { createDb } from "./db/client";
import { notifyNodes } from "./http/request-context";
import { runHousekeeping } from "./usage/housekeeping";

export { CheckoutObject } from "../durable-objects/checkout";
export { NodeObject } from "../durable-objects/node";
export { RateLimiter } from "../durable-objects/rate-limiter";

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    const db = createDb(env.DB, { onNodesBumped: (bumps) => notifyNodes(env, bumps) });
    const nowSec = Math.floor(controller.scheduledTime / 1000);
    const result = await runHousekeeping(db, nowSec);
    await expireInvoices(db, nowSec);
    if (result.periodsReset.length || result.statusChanges.length) {
      console.log(JSON.stringify({ event: "housekeeping", periodsReset: result.periodsReset.length, statusChanges: result.statusChanges.length }));
    }
  },
} satisfies ExportedHandler<Env>;
