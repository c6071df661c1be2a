export const Admins = /* GraphQL */ `
  query Admins {
    admins {
      id
      username
      role
      disabled
      maxUsers
      maxDataLimit
      createdAt
    }
  }
`;

export const CreateAdmin = /* GraphQL */ `
  mutation CreateAdmin($input: CreateAdminInput!) {
    createAdmin(input: $input) {
      id
    }
  }
`;

export const UpdateAdmin = /* GraphQL */ `
  mutation UpdateAdmin($id: ID!, $input: UpdateAdminInput!) {
    updateAdmin(id: $id, input: $input) {
      id
    }
  }
`;

export const DeleteAdmin = /* GraphQL */ `
  mutation DeleteAdmin($id: ID!) {
    deleteAdmin(id: $id)
  }
`;
