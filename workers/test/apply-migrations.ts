import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll } from "vitest";

/**
 * Most worker test files share one workerd (the `worker` project in vitest.config.ts runs with
 * isolate: false: starting one per file cost ~15 s of CPU each). Every file still begins on a
 * freshly migrated, empty database: whatever a previous file left (rows, or a table it broke on
 * purpose) is dropped and the migrations run again.
 */
beforeAll(async () => {
  await dropEveryTable();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  // Durable Objects outlive the database between files: a usage shard remembers each node's last
  // seq, so a file whose node 1 pushed seq 1 again would be refused as a replay. Node ids start
  // somewhere new in every file instead.
  await env.DB.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('nodes', ?)`)
    .bind(1000 + Math.floor(Math.random() * 100_000_000))
    .run();
});

/**
 * Children before parents, whatever order they were created in: a drop a foreign key refuses is
 * retried after the rest. IF EXISTS: dropping a full-text table takes its shadow tables with it.
 */
async function dropEveryTable() {
  let left = (
    await env.DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid DESC`,
    ).all<{ name: string }>()
  ).results.map((row) => row.name);
  while (left.length > 0) {
    const refused: string[] = [];
    for (const name of left)
      await env.DB.prepare(`DROP TABLE IF EXISTS "${name}"`)
        .run()
        .catch(() => refused.push(name));
    if (refused.length === left.length) throw new Error(`cannot drop ${refused.join(", ")}`);
    left = refused;
  }
}
