/**
 * The one thing readers need from SQLite: run a SELECT and get plain rows. The CLI opens files
 * with Node's node:sqlite; the SPA hands readers a WASM SQLite over the dropped file.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlRow = Record<string, SqlValue>;

export interface SqliteSource {
  all(sql: string, ...params: SqlValue[]): SqlRow[];
}

/** Names of the tables in the file, to tell layouts and panels apart. */
export const tableNames = (db: SqliteSource): Set<string> =>
  new Set(db.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));

/** Columns of one table, for layouts that added columns over time. */
export const columnNames = (db: SqliteSource, table: string): Set<string> =>
  new Set(db.all(`SELECT name FROM pragma_table_info(?)`, table).map((r) => String(r.name)));
