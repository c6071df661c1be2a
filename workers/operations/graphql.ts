import { parseInput } from "../errors/validate";
import { idSchema } from "../graphql/ids";
import type { GraphQLModule } from "../graphql/module";
import { deleteRelease, listReleases } from "./releases";
import {
  listOperations,
  requestAgentUpdate,
  requestServiceRestart,
  viewsOf,
  type OperationView,
  type ServiceKind,
} from "./service";

const typeDefs = /* GraphQL */ `
  "What restartService acts on (seed)."
  enum ServiceType {
    "The proxy core: its users' connections drop and reconnect."
    CORE
    "The agent alone: it re-executes in place and adopts the running core; nobody is disconnected."
    AGENT
  }

  enum NodeOperationKind {
    RESTART_CORE
    RELOAD_AGENT
    UPDATE_AGENT
  }

  enum NodeOperationStatus {
    "Waiting for the node's next config."
    PENDING
    "In a signed config the agent fetched."
    SENT
    RUNNING
    SUCCEEDED
    FAILED
    "Not started before its deadline (the node was away)."
    EXPIRED
  }

  "A remote operation, delivered in the node's signed config."
  type NodeOperation {
    id: ID!
    server: Server!
    kind: NodeOperationKind!
    status: NodeOperationStatus!
    "UPDATE_AGENT: the version the node is moved to."
    targetVersion: String
    requestedAt: DateTime!
    requestedBy: String
    notAfter: DateTime!
    configVersion: Int
    "The agent's words: what happened, or the core's error."
    detail: String
    finishedAt: DateTime
  }

  "An agent bundle nodes can be moved to, signed with the panel's config-signing key."
  type AgentRelease {
    version: String!
    sha256: String!
    sizeBytes: Bytes!
    "The release the panel was built with (served from its assets); others were uploaded."
    builtIn: Boolean!
    uploadedAt: DateTime
    "Enrolled nodes running it now."
    servers: Int!
  }

  extend type Server {
    "The agent protocol level the node last reported (1 predates remote operations)."
    agentProtocol: Int
    "Newest first."
    operations(first: Int = 10): [NodeOperation!]!
  }

  extend type Query {
    "Newest first; one node's or every node's."
    nodeOperations(serverId: ID, first: Int = 50): [NodeOperation!]!
    agentReleases: [AgentRelease!]!
  }

  extend type Mutation {
    "Restarts the service (the seed's operation) on one node, or on every enrolled node when serverId is omitted. True once queued."
    restartService(service: ServiceType!, serverId: ID): Boolean!
    "restartService that returns the operations to watch."
    requestServiceRestart(service: ServiceType!, serverId: ID): [NodeOperation!]!
    "Moves one node, or every enrolled node, to an agent release; nodes already on it are left alone."
    updateAgent(version: String!, serverId: ID): [NodeOperation!]!
    "Uploaded releases only; the built-in one cannot be deleted."
    deleteAgentRelease(version: String!): Boolean!
  }
`;

const optionalId = (id: string | null | undefined) => (id == null ? undefined : parseInput(idSchema, id));
const serviceOf = (service: "CORE" | "AGENT"): ServiceKind => (service === "CORE" ? "core" : "agent");

/** The API's shape of an operation: upper-case enums, times as DateTime, the target version of an update. */
const operationView = (o: OperationView) => ({
  id: String(o.id),
  server: o.server,
  kind: o.kind.toUpperCase() as Uppercase<typeof o.kind>,
  status: o.status.toUpperCase() as Uppercase<typeof o.status>,
  targetVersion: o.args?.version ?? null,
  requestedAt: o.requestedAtSec,
  requestedBy: o.requestedByName,
  notAfter: o.notAfterSec,
  configVersion: o.configVersion,
  detail: o.detail,
  finishedAt: o.finishedAtSec,
});

export const operationsModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.nodeOperations": "nodes:read",
    "Query.agentReleases": "nodes:read",
    "Mutation.restartService": "nodes:write",
    "Mutation.requestServiceRestart": "nodes:write",
    "Mutation.updateAgent": "nodes:write",
    "Mutation.deleteAgentRelease": "system:manage",
  },
  resolvers: {
    Server: {
      operations: async (n, args, ctx) => (await listOperations(ctx.db, n.id, args.first ?? 10)).map(operationView),
    },
    Query: {
      nodeOperations: async (_, args, ctx) =>
        (await listOperations(ctx.db, optionalId(args.serverId), args.first ?? 50)).map(operationView),
      agentReleases: async (_, __, ctx) =>
        (await listReleases(ctx.db, ctx.env)).map((r) => ({ ...r, uploadedAt: r.uploadedAtSec })),
    },
    Mutation: {
      restartService: async (_, args, ctx) => {
        await requestServiceRestart(ctx, serviceOf(args.service), optionalId(args.serverId));
        return true;
      },
      requestServiceRestart: async (_, args, ctx) =>
        (
          await viewsOf(ctx.db, await requestServiceRestart(ctx, serviceOf(args.service), optionalId(args.serverId)))
        ).map(operationView),
      updateAgent: async (_, args, ctx) =>
        (await viewsOf(ctx.db, await requestAgentUpdate(ctx, args.version, optionalId(args.serverId)))).map(
          operationView,
        ),
      deleteAgentRelease: (_, args, ctx) => deleteRelease(ctx, args.version),
    },
  },
};
