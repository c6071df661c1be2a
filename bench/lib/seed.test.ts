import { describe, expect, it } from "vitest";
import { createDb } from "../../workers/db/client.ts";
import { runHousekeeping } from "../../workers/usage/housekeeping.ts";
import { metricsSeedSql, seedSql } from "./seed.mjs";
import { d1Over, migratedSqlite } from "./sqlite.mjs";

// bench:metrics seeded a table a migration had dropped and failed for a session before anyone ran it.
describe("the benches' seeds on today's schema", () => {
  it("seeds users, groups, the owner and the subscription node", () => {
    const sqlite = migratedSqlite();
    sqlite.exec(seedSql({ users: 450, groups: 3 }));
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count("users"), count("user_groups"), count("groups"), count("admins"), count("nodes")]).toEqual([
      450, 450, 3, 1, 1,
    ]);
  });

  it("adds bench:metrics' nodes, totals, hourly usage and deliveries", () => {
    const sqlite = migratedSqlite();
    sqlite.exec(seedSql({ users: 10 }));
    sqlite.exec(metricsSeedSql({ nodes: 4 }));
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count("nodes"), count("traffic_totals"), count("usage_hourly"), count("notification_deliveries")]).toEqual([
      4, 12, 10, 10_000,
    ]);
  });

  it("gives bench:housekeeping a database the real housekeeping runs on", async () => {
    const sqlite = migratedSqlite();
    sqlite.exec(seedSql({ users: 200 }));
    const nowSec = Math.floor(Date.now() / 1000);
    sqlite.exec(`UPDATE users SET expire_at = ${nowSec - 60} WHERE id = 1`);
    const done = await runHousekeeping(createDb(d1Over(sqlite) as unknown as D1Database), nowSec);
    expect(done.statusChanges).toMatchObject([{ id: 1, status: "expired" }]);
  });
});
