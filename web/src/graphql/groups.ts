import { graphql } from "./generated";

export const Groups = graphql(`
  query Groups {
    groups {
      id
      name
      note
      userCount
      inbounds {
        id
        tag
      }
    }
    inbounds {
      id
      tag
    }
  }
`);

export const CreateGroup = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`);

export const UpdateGroup = graphql(`
  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {
    updateGroup(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteGroup = graphql(`
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`);
