export const Servers = /* GraphQL */ `
  query Servers {
    servers {
      id
      name
      address
      status
      lastSeenAt
      configVersion
      appliedConfigVersion
      coreVersion
      agentVersion
      health {
        coreRunning
        cpuPercent
        memUsedBytes
        memTotalBytes
        uptimeSec
      }
      inbounds {
        id
        tag
      }
      capabilities {
        core
        version
        protocols
        transports
        securities
      }
      unservedInbounds {
        inbound {
          id
          tag
        }
        reason
      }
    }
    inbounds {
      id
      tag
    }
  }
`;

export const CreateServer = /* GraphQL */ `
  mutation CreateServer($input: CreateServerInput!) {
    createServer(input: $input) {
      id
    }
  }
`;

export const UpdateServer = /* GraphQL */ `
  mutation UpdateServer($id: ID!, $input: UpdateServerInput!) {
    updateServer(id: $id, input: $input) {
      id
    }
  }
`;

export const DeleteServer = /* GraphQL */ `
  mutation DeleteServer($id: ID!) {
    deleteServer(id: $id)
  }
`;

export const CreateServerEnrollment = /* GraphQL */ `
  mutation CreateServerEnrollment($id: ID!) {
    createServerEnrollment(id: $id) {
      command
      expiresAt
    }
  }
`;
