import type { GraphQLModule } from "../graphql/module";

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
    "Seed: restarts the service on one node, or on every enrolled node when serverId is omitted. True once queued."
    restartService(service: ServiceType!, serverId: ID): Boolean!
    "restartService that returns the operations to watch."
    requestServiceRestart(service: ServiceType!, serverId: ID): [NodeOperation!]!
    "Moves one node, or every enrolled node, to an agent release; nodes already on it are left alone."
    updateAgent(version: String!, serverId: ID): [NodeOperation!]!
    "Uploaded releases only; the built-in one cannot be deleted."
    deleteAgentRelease(version: String!): Boolean!
  }
`;

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
  resolvers: {},
};
