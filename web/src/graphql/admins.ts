export const Admins = /* GraphQL */ `
  query Admins {
    admins {
      id
      username
      role
      disabled
      maxUsers
      maxDataLimit
      dataGiven
      dataLeft
      createdAt
      ipAllowlist
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

export const TopUpResellerQuota = /* GraphQL */ `
  mutation TopUpResellerQuota($adminId: ID!, $bytes: Bytes!) {
    topUpResellerQuota(adminId: $adminId, bytes: $bytes) {
      id
    }
  }
`;

export const DeleteAdmin = /* GraphQL */ `
  mutation DeleteAdmin($id: ID!) {
    deleteAdmin(id: $id)
  }
`;

export const OidcIdentities = /* GraphQL */ `
  query OidcIdentities {
    oidcIdentities {
      id
      adminId
      kind
      value
    }
  }
`;

export const LinkOidcIdentity = /* GraphQL */ `
  mutation LinkOidcIdentity($input: LinkOidcIdentityInput!) {
    linkOidcIdentity(input: $input) {
      id
    }
  }
`;

export const UnlinkOidcIdentity = /* GraphQL */ `
  mutation UnlinkOidcIdentity($id: ID!) {
    unlinkOidcIdentity(id: $id)
  }
`;
