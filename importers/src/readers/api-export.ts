/**
 * A peer panel read over its REST API, for installations whose database is not a file at hand
 * (Marzban/PasarGuard on MySQL or PostgreSQL, Remnawave always).
 *
 * @example
 * const peer = await readApiExport({ kind: "REMNAWAVE", url: "https://panel.example.com", token });
 */
import type { ImportSourceKind, PeerExport } from "../model";
import { readMarzbanApi, readPasarGuardApi, signInMarzbanFamily } from "./marzban-api";
import { type FetchLike, PeerApi } from "./peer-http";
import { readRemnawaveApi } from "./remnawave";

export interface ApiExportOptions {
  kind: Exclude<ImportSourceKind, "THREE_X_UI">;
  /** The panel's origin, e.g. https://panel.example.com:8000. */
  url: string;
  /** An admin bearer token (Remnawave: an API token); or sign in with username and password (Marzban, PasarGuard). */
  token?: string;
  username?: string;
  password?: string;
  /** Names the peer for re-runs; its host by default. */
  instance?: string;
  /** Marzban/PasarGuard `jwt.secret_key`, which no API reveals: old subscription links need it. */
  subscriptionSecret?: string;
  /** Where Marzban's own Xray runs. */
  nodeAddress?: string;
  /** Users per page. */
  pageSize?: number;
  fetch?: FetchLike;
}

export async function readApiExport(
  options: ApiExportOptions,
): Promise<PeerExport & { kind: ApiExportOptions["kind"] }> {
  const api = new PeerApi({ url: options.url, fetch: options.fetch, bearer: options.token });
  const instance = options.instance ?? new URL(options.url).host;
  const common = {
    instance,
    subscriptionSecret: options.subscriptionSecret,
    nodeAddress: options.nodeAddress,
    pageSize: options.pageSize,
  };
  switch (options.kind) {
    case "MARZBAN":
      await signInMarzbanFamily(api, options);
      return { kind: options.kind, ...(await readMarzbanApi(api, common)) };
    case "PASARGUARD":
      await signInMarzbanFamily(api, options);
      return { kind: options.kind, ...(await readPasarGuardApi(api, common)) };
    case "REMNAWAVE":
      if (!options.token)
        throw new Error("Remnawave needs an API token: username and password sign-in is not supported");
      return { kind: options.kind, ...(await readRemnawaveApi(api, { instance, pageSize: options.pageSize })) };
  }
}
