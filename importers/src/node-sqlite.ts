import { DatabaseSync } from "node:sqlite";
import type { SqliteSource, SqlValue } from "./sqlite";

/** Opens a peer's database file read-only: the importer never writes to the panel it is leaving. */
export function openSqliteFile(path: string): SqliteSource & { close(): void } {
  const db = new DatabaseSync(path, { readOnly: true });
  return {
    all: (sql: string, ...params: SqlValue[]) =>
      db.prepare(sql).all(...(params as never[])) as ReturnType<SqliteSource["all"]>,
    close: () => db.close(),
  };
}
