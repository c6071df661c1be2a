import { graphql } from "./generated";

export const Inbounds = graphql(`
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
`);

export const CreateInbound = graphql(`
  mutation CreateInbound($input: CreateInboundInput!) {
    createInbound(input: $input) {
      id
    }
  }
`);

export const UpdateInbound = graphql(`
  mutation UpdateInbound($id: ID!, $input: UpdateInboundInput!) {
    updateInbound(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteInbound = graphql(`
  mutation DeleteInbound($id: ID!) {
    deleteInbound(id: $id)
  }
`);
