import { app } from "./app";
import { runBackupSchedule } from "./backup/schedule";
import { invoiceUpdates } from "./billing/invoices/live";
import { expireInvoices } from "./billing/invoices/service";
import { pruneConfigHistory } from "./config-history/retention";
import { dbFor } from "./db/client";
import { runOperationsHousekeeping } from "./operations/service";
import { userStatusEvents } from "./events/status";
import { runHousekeeping } from "./usage/housekeeping";
import { runAnalyticsJobs } from "./analytics/jobs";
import { detectSharing } from "./analytics/sharing";
import { emitEvents } from "./events/emit";
import { publishLive } from "./live/hub-client";
import { consumeQueue } from "./events/queues";
import { expiryReminders } from "./events/reminders";
import { pruneByRetention } from "./events/retention";

export { HubObject } from "../durable-objects/hub";
export { CheckoutObject } from "../durable-objects/checkout";
export { UsageShard } from "../durable-objects/usage-shard";
export { NodeObject } from "../durable-objects/node";
export { RateLimiter } from "../durable-objects/rate-limiter";
export { BackupWorkflow, RestoreWorkflow } from "./backup/workflows";

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const db = dbFor(env);
    const nowSec = Math.floor(controller.scheduledTime / 1000);
    const result = await runHousekeeping(db, nowSec);
    // Expiries and users back after a period reset; a reset alone (status unchanged) is no news.
    emitEvents(env, (promise) => ctx.waitUntil(promise), userStatusEvents(result.statusChanges, nowSec));
    await Promise.all([
      expireInvoices(db, nowSec).then((expired) =>
        publishLive(env, (promise) => ctx.waitUntil(promise), invoiceUpdates(expired)),
      ),
      pruneConfigHistory(db, env.BUCKET, nowSec),
      runOperationsHousekeeping(env, db, nowSec),
      runBackupSchedule(env, nowSec),
      pruneByRetention(db, nowSec),
    ]);
    const news = await Promise.all([
      expiryReminders(db, nowSec),
      runAnalyticsJobs(db, nowSec),
      detectSharing(db, nowSec),
    ]);
    emitEvents(env, (promise) => ctx.waitUntil(promise), news.flat());
    if (result.periodsReset.length || result.statusChanges.length) {
      console.log(
        JSON.stringify({
          event: "housekeeping",
          periodsReset: result.periodsReset.length,
          statusChanges: result.statusChanges.length,
        }),
      );
    }
  },
  queue: consumeQueue,
} satisfies ExportedHandler<Env>;
