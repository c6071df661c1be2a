import { z } from "zod";
import { parseInput } from "../errors/validate";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { redactPayload, serverConfigDiff } from "./diff";
import { keptVersion, listConfigHistory } from "./history";
import { CONFIG_HISTORY_RETENTION } from "./retention";
import { rollbackNodeConfig, unpinNodeConfig } from "./rollback";

const versionSchema = z.number().int().min(1);
const firstSchema = z.number().int().min(1).max(CONFIG_HISTORY_RETENTION.MAX_VERSIONS);

const typeDefs = /* GraphQL */ `
  enum ConfigOutcome {
    "Signed and sent; the agent has not said yet."
    ISSUED
    APPLIED
    "The agent refused it (signature, version or expiry): see error."
    REJECTED
    "The core would not run it; the previous config kept running: see error for the core's words."
    FAILED
    "It started, failed, and the agent went back to the previous config: see error."
    ROLLED_BACK
  }

  "One config issued to a node."
  type ServerConfigVersion {
    version: Int!
    issuedAt: DateTime!
    sizeBytes: Bytes!
    "SHA-256 of the signed payload."
    sha256: String!
    inbounds: Int!
    users: Int!
    operations: Int!
    "The version this one re-issued (rollbackNodeConfig); null for a live config."
    rollbackOf: Int
    outcome: ConfigOutcome!
    outcomeAt: DateTime
    error: String
    "False once the envelope itself has aged out of storage (the row stays for the record)."
    kept: Boolean!
  }

  type ConfigInboundChange {
    tag: String!
    "Which parts differ: protocol, port, transport, security, settings."
    fields: [String!]!
  }

  "A user who appears in only one of the two versions (at most 200 listed; counts are exact)."
  type ConfigUserRef {
    id: ID!
    "Null when the user no longer exists."
    username: String
  }

  "What differs between two configs of one node."
  type ServerConfigDiff {
    from: Int!
    to: Int!
    inboundsAdded: [String!]!
    inboundsRemoved: [String!]!
    inboundsChanged: [ConfigInboundChange!]!
    "Routing policy fields that differ (e.g. blockedDomains, defaultOutbound)."
    routingChanged: [String!]!
    usersAddedCount: Int!
    usersRemovedCount: Int!
    "Users in both whose credentials, limits or inbounds differ."
    usersChangedCount: Int!
    usersAdded: [ConfigUserRef!]!
    usersRemoved: [ConfigUserRef!]!
    usersFrom: Int!
    usersTo: Int!
  }

  extend type Server {
    "Newest first; the last 50 versions and 30 days are kept."
    configHistory(first: Int = 50): [ServerConfigVersion!]!
    "Set by rollbackNodeConfig: the historical version whose inbounds and routing the node runs; null: the live config."
    configPinnedTo: Int
  }

  extend type Query {
    serverConfigDiff(serverId: ID!, from: Int!, to: Int!): ServerConfigDiff!
    "One issued config as JSON, user secrets redacted."
    serverConfig(serverId: ID!, version: Int!): JSON!
  }

  extend type Mutation {
    """
    Re-issues version's inbounds and routing as a new config version and pins the node to them.
    Users are reconciled to now: only users active now are served, with their current secrets and
    limits, so a user cut since stays cut. unpinNodeConfig returns to the live config.
    """
    rollbackNodeConfig(serverId: ID!, version: Int!): Server!
    unpinNodeConfig(serverId: ID!): Server!
  }
`;

export const configHistoryModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.serverConfigDiff": "nodes:read",
    "Query.serverConfig": "nodes:write",
    "Mutation.rollbackNodeConfig": "nodes:write",
    "Mutation.unpinNodeConfig": "nodes:write",
  },
  resolvers: {
    Server: {
      configHistory: (n, args, ctx) =>
        listConfigHistory(ctx.db, ctx.env.BUCKET, n.id, parseInput(firstSchema, args.first ?? 50)),
      configPinnedTo: (n) => n.configPinVersion,
    },
    Query: {
      serverConfigDiff: (_, args, ctx) =>
        serverConfigDiff(
          ctx.db,
          ctx.env.BUCKET,
          parseInput(idSchema, args.serverId),
          parseInput(versionSchema, args.from),
          parseInput(versionSchema, args.to),
        ),
      serverConfig: async (_, args, ctx) => {
        const nodeId = parseInput(idSchema, args.serverId);
        const { payload } = await keptVersion(ctx.db, ctx.env.BUCKET, nodeId, parseInput(versionSchema, args.version));
        return redactPayload(payload);
      },
    },
    Mutation: {
      rollbackNodeConfig: (_, args, ctx) =>
        rollbackNodeConfig(
          ctx,
          ctx.env.BUCKET,
          parseInput(idSchema, args.serverId),
          parseInput(versionSchema, args.version),
        ),
      unpinNodeConfig: (_, args, ctx) => unpinNodeConfig(ctx, parseInput(idSchema, args.serverId)),
    },
  },
};
