/**
 * A dropped database file as the readers' SqliteSource, through sql.js: the real SQLite, compiled
 * to WebAssembly, reading the file in the browser (nothing is uploaded but the import itself).
 * The .wasm is one of the SPA's own assets, fetched only when the Import page reads a file.
 */
import initSqlJs from "sql.js";
import wasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import type { SqliteSource, SqlValue } from "../../../importers/src/sqlite";

export async function openSqliteBytes(bytes: Uint8Array): Promise<SqliteSource & { close(): void }> {
  const SQL = await initSqlJs({ locateFile: () => wasmUrl });
  const db = new SQL.Database(bytes);
  return {
    all(sql: string, ...params: SqlValue[]) {
      const statement = db.prepare(sql);
      try {
        statement.bind(params);
        const rows = [];
        while (statement.step()) rows.push(statement.getAsObject());
        return rows;
      } finally {
        statement.free();
      }
    },
    close: () => db.close(),
  };
}
