import { graphql } from "./generated";

export const Servers = graphql(`
  query Servers {
    servers {
      ...ServerStatusFields
      name
      address
      inbounds {
        id
        tag
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
`);

export const CreateServer = graphql(`
  mutation CreateServer($input: CreateServerInput!) {
    createServer(input: $input) {
      id
    }
  }
`);

export const DeleteServer = graphql(`
  mutation DeleteServer($id: ID!) {
    deleteServer(id: $id)
  }
`);

export const CreateServerEnrollment = graphql(`
  mutation CreateServerEnrollment($id: ID!) {
    createServerEnrollment(id: $id) {
      command
      expiresAt
    }
  }
`);
