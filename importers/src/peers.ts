/** The panels an import reads, by the names the CLI and the Import page use, and how each can be read. */
import type { ImportSourceKind } from "./model";

export type PeerKind = "3x-ui" | "marzban" | "pasarguard" | "remnawave";
export type PeerApiKind = "marzban" | "pasarguard" | "remnawave";

export const PEERS: Record<
  PeerKind,
  { name: string; source: ImportSourceKind; readsFile: boolean; readsApi: boolean }
> = {
  // 3x-ui's API hands out the same x-ui.db file (server/getDb); reading the file is the one way.
  "3x-ui": { name: "3x-ui", source: "THREE_X_UI", readsFile: true, readsApi: false },
  // SQLite setups from db.sqlite3; MySQL ones through the panel's REST API.
  marzban: { name: "Marzban", source: "MARZBAN", readsFile: true, readsApi: true },
  pasarguard: { name: "PasarGuard", source: "PASARGUARD", readsFile: true, readsApi: true },
  // PostgreSQL only, read through its REST API.
  remnawave: { name: "Remnawave", source: "REMNAWAVE", readsFile: false, readsApi: true },
};

export const isPeerKind = (text: string): text is PeerKind => Object.hasOwn(PEERS, text);

/** The peer a reader or an import run names by its GraphQL kind. */
export const peerOfSource = (source: ImportSourceKind): PeerKind =>
  (Object.keys(PEERS) as PeerKind[]).find((kind) => PEERS[kind].source === source)!;

/** The GraphQL kind of a peer read through its API (3x-ui never is). */
export const apiSourceKind = (kind: PeerApiKind) => PEERS[kind].source as Exclude<ImportSourceKind, "THREE_X_UI">;
