import { graphql } from "./generated";

export const NodeDetail = graphql(`
  query NodeDetail($id: ID!) {
    server(id: $id) {
      ...ServerStatusFields
      name
      address
      agentProtocol
      configPinnedTo
      configHistory {
        version
        issuedAt
        outcome
        outcomeAt
        error
        inbounds
        users
        operations
        rollbackOf
        kept
        sizeBytes
      }
      operations(first: 20) {
        ...NodeOperationFields
      }
    }
    agentReleases {
      version
      builtIn
      servers
    }
  }
`);

export const ServerConfigDiff = graphql(`
  query ServerConfigDiff($serverId: ID!, $from: Int!, $to: Int!) {
    serverConfigDiff(serverId: $serverId, from: $from, to: $to) {
      from
      to
      inboundsAdded
      inboundsRemoved
      inboundsChanged {
        tag
        fields
      }
      routingChanged
      usersFrom
      usersTo
      usersAdded {
        id
        username
      }
      usersAddedCount
      usersRemoved {
        id
        username
      }
      usersRemovedCount
      usersChangedCount
    }
  }
`);

export const RollbackNodeConfig = graphql(`
  mutation RollbackNodeConfig($serverId: ID!, $version: Int!) {
    rollbackNodeConfig(serverId: $serverId, version: $version) {
      id
      configPinnedTo
    }
  }
`);

export const UnpinNodeConfig = graphql(`
  mutation UnpinNodeConfig($serverId: ID!) {
    unpinNodeConfig(serverId: $serverId) {
      id
      configPinnedTo
    }
  }
`);

export const RequestServiceRestart = graphql(`
  mutation RequestServiceRestart($serverId: ID, $service: ServiceType!) {
    requestServiceRestart(serverId: $serverId, service: $service) {
      ...NodeOperationFields
    }
  }
`);

export const UpdateAgent = graphql(`
  mutation UpdateAgent($serverId: ID, $version: String!) {
    updateAgent(serverId: $serverId, version: $version) {
      ...NodeOperationFields
    }
  }
`);

export const AgentReleases = graphql(`
  query AgentReleases {
    agentReleases {
      version
      builtIn
      servers
    }
  }
`);
