/** A node's config history and remote operations: reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import type { ServiceType } from "../graphql/generated/graphql";
import {
  AgentReleases,
  NodeDetail,
  RequestServiceRestart,
  RollbackNodeConfig,
  ServerConfigDiff,
  UnpinNodeConfig,
  UpdateAgent,
} from "../graphql/node-safety";
import { mutation, signedInQuery } from "../lib/query";
import { serversQuery } from "./data";

export const nodeDetailQuery = signedInQuery((id: string) => request(NodeDetail, { id }), "nodeDetail");
export const configDiffQuery = signedInQuery(
  async (serverId: string, from: number, to: number) =>
    (await request(ServerConfigDiff, { serverId, from, to })).serverConfigDiff,
  "serverConfigDiff",
);
export const agentReleasesQuery = signedInQuery(
  async () => (await request(AgentReleases)).agentReleases,
  "agentReleases",
);

export const rollbackConfig = mutation(
  (serverId: string, version: number) => request(RollbackNodeConfig, { serverId, version }),
  "rollbackNodeConfig",
  [nodeDetailQuery, serversQuery],
);
export const unpinConfig = mutation((serverId: string) => request(UnpinNodeConfig, { serverId }), "unpinNodeConfig", [
  nodeDetailQuery,
  serversQuery,
]);
/** One node's, or with no serverId every enrolled node's; returns the operations queued. */
export const restartService = mutation(
  async (service: ServiceType, serverId?: string) =>
    (await request(RequestServiceRestart, { service, serverId })).requestServiceRestart,
  "requestServiceRestart",
  [nodeDetailQuery],
);
export const updateAgent = mutation(
  async (version: string, serverId?: string) => (await request(UpdateAgent, { version, serverId })).updateAgent,
  "updateAgent",
  [nodeDetailQuery, agentReleasesQuery],
);
