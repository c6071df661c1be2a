/**
 * A peer panel read in the browser with the same readers the CLI uses: a database file through
 * sql.js, or the peer's API. The Import page loads this module when it first reads, so neither
 * sql.js nor the readers weigh on any other page.
 */
import { instanceFromDatabase, instanceFromUrl } from "../../../importers/src/instance";
import type { PeerExport } from "../../../importers/src/model";
import { apiSourceKind, PEERS, type PeerApiKind, type PeerKind, peerOfSource } from "../../../importers/src/peers";
import { readApiExport } from "../../../importers/src/readers/api-export";
import { readSqliteExport } from "../../../importers/src/readers/sqlite-export";
import { tableNames } from "../../../importers/src/sqlite";
import { t } from "../i18n";
import { fetchThroughPanel } from "./data";
import { openSqliteBytes } from "./sqlite-wasm";

export interface ReadPeer {
  peerExport: PeerExport;
  /** The instance name it was read under: the one given, else the default, the same on every run from the same source. */
  instance: string;
}

/** Readers name things after the instance (the peer's node), so the export is read under its final name. */
export async function readDatabaseFile(
  kind: PeerKind,
  file: File,
  options: { instance?: string; xrayConfig?: File; nodeAddress?: string },
): Promise<ReadPeer> {
  const db = await openSqliteBytes(new Uint8Array(await file.arrayBuffer()));
  try {
    try {
      // SQLite opens any bytes; the first read of the schema is where a file that is not a database fails.
      tableNames(db);
    } catch (error) {
      throw new Error(t("import.notSqlite", { file: file.name, detail: (error as Error).message }));
    }
    const xrayConfig = options.xrayConfig ? await readJson(options.xrayConfig) : undefined;
    const instance = options.instance || (await instanceFromDatabase(kind, db));
    let read: ReturnType<typeof readSqliteExport>;
    try {
      read = readSqliteExport(db, { instance, nodeAddress: options.nodeAddress || undefined, xrayConfig });
    } catch (error) {
      throw new Error(t("import.notPanelDatabase", { file: file.name, detail: (error as Error).message }));
    }
    const found = peerOfSource(read.kind);
    if (found !== kind)
      throw new Error(t("import.wrongKind", { file: file.name, found: PEERS[found].name, chosen: PEERS[kind].name }));
    return { peerExport: read, instance };
  } finally {
    db.close();
  }
}

/** `subscriptionSecret`: Marzban/PasarGuard's jwt.secret_key, which their API never reveals and old links need. */
export async function readPeerApi(
  kind: PeerApiKind,
  url: string,
  options: { token: string; instance?: string; subscriptionSecret?: string },
): Promise<ReadPeer> {
  try {
    const instance = options.instance || instanceFromUrl(url);
    const peerExport = await readApiExport({
      kind: apiSourceKind(kind),
      url,
      token: options.token,
      instance,
      subscriptionSecret: options.subscriptionSecret || undefined,
      fetch: fetchThroughPanel,
    });
    return { peerExport, instance };
  } catch (error) {
    throw new Error(t("import.apiFailed", { url, detail: (error as Error).message }));
  }
}

async function readJson(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new Error(t("import.notJson", { file: file.name, detail: (error as Error).message }));
  }
}
