export const Groups = /* GraphQL */ `
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
`;

export const CreateGroup = /* GraphQL */ `
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      id
    }
  }
`;

export const UpdateGroup = /* GraphQL */ `
  mutation UpdateGroup($id: ID!, $input: UpdateGroupInput!) {
    updateGroup(id: $id, input: $input) {
      id
    }
  }
`;

export const DeleteGroup = /* GraphQL */ `
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`;
