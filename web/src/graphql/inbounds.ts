export const Inbounds = /* GraphQL */ `
  query Inbounds {
    inbounds {
      id
      tag
      remark
      port
      protocol
      transport
      security
      protocolSettings {
        flow
        method
        obfsPassword
        serverKey
      }
      transportSettings {
        path
        host
        serviceName
        mode
        headerType
      }
      securitySettings {
        serverName
        alpn
        fingerprint
        allowInsecure
        realityDest
        realityServerNames
        realityShortIds
        realitySpiderX
        realityPublicKey
      }
      servers {
        id
        name
        unservedInbounds {
          inbound {
            id
          }
          reason
        }
      }
    }
  }
`;

export const CreateInbound = /* GraphQL */ `
  mutation CreateInbound($input: CreateInboundInput!) {
    createInbound(input: $input) {
      id
    }
  }
`;

export const UpdateInbound = /* GraphQL */ `
  mutation UpdateInbound($id: ID!, $input: UpdateInboundInput!) {
    updateInbound(id: $id, input: $input) {
      id
    }
  }
`;

export const DeleteInbound = /* GraphQL */ `
  mutation DeleteInbound($id: ID!) {
    deleteInbound(id: $id)
  }
`;
