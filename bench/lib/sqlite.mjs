/** The panel's schema in an in-memory node:sqlite database, for benches and checks that need no workerd. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";

const migrations = fileURLToPath(new URL("../../migrations", import.meta.url));

/** A fresh database with every migration applied in order, as D1 applies them. */
export function migratedSqlite() {
  const sqlite = new DatabaseSync(":memory:");
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    sqlite.exec(readFileSync(join(migrations, file), "utf8").replaceAll("--> statement-breakpoint", ""));
  return sqlite;
}

/** D1's prepare/bind/all/raw/run/first and batch (one transaction), over node:sqlite. */
export function d1Over(sqlite) {
  const statement = (query, params = []) => {
    const rows = () => sqlite.prepare(query).all(...params);
    return {
      bind: (...bound) => statement(query, bound),
      all: async () => ({ results: rows(), success: true, meta: {} }),
      run: async () => ({ results: rows(), success: true, meta: {} }),
      raw: async () => rows().map((row) => Object.values(row)),
      first: async () => sqlite.prepare(query).get(...params) ?? null,
    };
  };
  return {
    prepare: (query) => statement(query),
    batch: async (statements) => {
      sqlite.exec("BEGIN");
      const results = [];
      for (const s of statements) results.push(await s.all());
      sqlite.exec("COMMIT");
      return results;
    },
  };
}
