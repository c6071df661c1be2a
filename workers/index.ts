import { app } from "./app";
import { createDb } from "./db/client";
import { notifyNodes } from "./http/request-context";
import { runHousekeeping } from "./usage/housekeeping";

export { HubObject } from "../durable-objects/hub";
export { NodeObject } from "../durable-objects/node";
export { RateLimiter } from "../durable-objects/rate-limiter";

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    const db = createDb(env.DB, { onNodesBumped: (bumps) => notifyNodes(env, bumps) });
    const result = await runHousekeeping(db, Math.floor(controller.scheduledTime / 1000));
    if (result.periodsReset.length || result.statusChanges.length) {
      console.log(JSON.stringify({ event: "housekeeping", periodsReset: result.periodsReset.length, statusChanges: result.statusChanges.length }));
    }
  },
} satisfies ExportedHandler<Env>;
