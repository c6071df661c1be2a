#!/usr/bin/env node
/**
 * `npm run bench:housekeeping` (never part of `npm test`): the minute's housekeeping (usage/housekeeping.ts,
 * the real code and statements) on 100,000 seeded users with nothing due and with 1,000 due (500 expiries
 * passing, 500 daily periods ending). It runs over SQLite through a few lines that give node:sqlite D1's
 * statement interface, so the figure is the statements' own cost, apart from workerd and the other cron
 * jobs; what it shows is how that cost follows the users due. Prints the median of BENCH_ROUNDS runs.
 */
import { createDb } from "../workers/db/client.ts";
import { runHousekeeping } from "../workers/usage/housekeeping.ts";
import { seedSql } from "./lib/seed.mjs";
import { d1Over, migratedSqlite } from "./lib/sqlite.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DAY = 86_400;
/** Users made due each round: ids 1 and 101 of every 200 (1,000 at the default 100,000). */
const DUE = Array.from({ length: USERS }, (_, i) => (i + 1) % 200).filter((r) => r === 1 || r === 101).length;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const nowSec = Math.floor(Date.now() / 1000);

const sqlite = migratedSqlite();
sqlite.exec(seedSql({ users: USERS }));
// Seeded users with a 0-byte limit are over it: store that, as every real write would have.
sqlite.exec(
  "UPDATE users SET status = 'limited' WHERE data_limit_bytes IS NOT NULL AND used_bytes >= data_limit_bytes",
);
const db = createDb(d1Over(sqlite));

const idle = [];
const due = [];
for (let round = 0; round < ROUNDS; round++) {
  let started = performance.now();
  const quiet = await runHousekeeping(db, nowSec);
  idle.push(performance.now() - started);
  if (quiet.periodsReset.length || quiet.statusChanges.length) throw new Error("something was due in the quiet run");
  sqlite.exec(`UPDATE users SET status = 'active', expire_at = ${nowSec - 60} WHERE id % 200 = 1;
    UPDATE users SET status = 'active', reset_strategy = 'day', period_started_at = ${nowSec - DAY - 60} WHERE id % 200 = 101`);
  started = performance.now();
  const busy = await runHousekeeping(db, nowSec);
  due.push(performance.now() - started);
  const handled = busy.statusChanges.length + busy.periodsReset.length;
  if (handled !== DUE) throw new Error(`${handled} users handled, not the ${DUE} due`);
}
console.log(
  `housekeeping over ${USERS.toLocaleString("en")} users: 0 due ${median(idle).toFixed(1)} ms, ${DUE.toLocaleString("en")} due ${median(due).toFixed(1)} ms (median of ${ROUNDS})`,
);
