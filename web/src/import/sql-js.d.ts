/**
 * The part of sql.js (SQLite compiled to WebAssembly) the Import page uses; the package ships
 * JavaScript only. See https://sql.js.org/documentation/.
 */
declare module "sql.js" {
  type SqlJsValue = string | number | Uint8Array | null;

  interface Statement {
    bind(values: unknown[]): boolean;
    step(): boolean;
    getAsObject(): Record<string, SqlJsValue>;
    free(): boolean;
  }

  interface Database {
    prepare(sql: string): Statement;
    close(): void;
  }

  interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }

  export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic>;
}
