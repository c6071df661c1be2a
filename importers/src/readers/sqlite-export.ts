import type { ImportSourceKind, PeerExport } from "../model";
import { columnNames, type SqliteSource, tableNames } from "../sqlite";
import { readMarzbanDb } from "./marzban";
import { readPasarGuardDb } from "./pasarguard";
import { readThreeXUiDb } from "./three-x-ui";

export interface SqliteExportOptions {
  /** Names the peer panel, so re-runs match what earlier runs made. */
  instance: string;
  /** 3x-ui: where clients reach its host, when its settings name no domain. */
  nodeAddress?: string;
  /** Marzban/PasarGuard keep inbounds in xray_config.json, not in the database: its parsed content. */
  xrayConfig?: unknown;
  /** The instant peer statuses are judged at; now by default. */
  now?: Date;
}

/**
 * Which panel wrote a SQLite file, told by its tables: 3x-ui has `inbounds` with JSON `settings`
 * and `client_traffics`; Marzban a `proxies` table and `jwt`; PasarGuard `users.proxy_settings` and `jwt`.
 */
export function detectSqlitePanel(db: SqliteSource): ImportSourceKind | undefined {
  const tables = tableNames(db);
  if (tables.has("inbounds") && tables.has("client_traffics") && columnNames(db, "inbounds").has("settings"))
    return "THREE_X_UI";
  if (tables.has("jwt") && tables.has("proxies")) return "MARZBAN";
  if (tables.has("jwt") && tables.has("users") && columnNames(db, "users").has("proxy_settings")) return "PASARGUARD";
  return undefined;
}

/**
 * Reads a peer panel's SQLite database, whichever of the supported panels wrote it.
 *
 * @example readSqliteExport(openSqliteFile("./x-ui.db"), { instance: "vpn.example.com" }).kind // "THREE_X_UI"
 */
export function readSqliteExport(
  db: SqliteSource,
  options: SqliteExportOptions,
): PeerExport & { kind: ImportSourceKind } {
  const kind = detectSqlitePanel(db);
  switch (kind) {
    case "THREE_X_UI":
      return { kind, ...readThreeXUiDb(db, options) };
    case "MARZBAN":
      return { kind, ...readMarzbanDb(db, options) };
    case "PASARGUARD":
      return { kind, ...readPasarGuardDb(db, options) };
    default:
      throw new Error("not a 3x-ui, Marzban or PasarGuard database");
  }
}
