import { graphql } from "./generated";

export const Admins = graphql(`
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
`);

export const CreateAdmin = graphql(`
  mutation CreateAdmin($input: CreateAdminInput!) {
    createAdmin(input: $input) {
      id
    }
  }
`);

export const UpdateAdmin = graphql(`
  mutation UpdateAdmin($id: ID!, $input: UpdateAdminInput!) {
    updateAdmin(id: $id, input: $input) {
      id
    }
  }
`);

export const TopUpResellerQuota = graphql(`
  mutation TopUpResellerQuota($adminId: ID!, $bytes: Bytes!) {
    topUpResellerQuota(adminId: $adminId, bytes: $bytes) {
      id
    }
  }
`);

export const DeleteAdmin = graphql(`
  mutation DeleteAdmin($id: ID!) {
    deleteAdmin(id: $id)
  }
`);

export const OidcIdentities = graphql(`
  query OidcIdentities {
    oidcIdentities {
      id
      adminId
      kind
      value
    }
  }
`);

export const LinkOidcIdentity = graphql(`
  mutation LinkOidcIdentity($input: LinkOidcIdentityInput!) {
    linkOidcIdentity(input: $input) {
      id
    }
  }
`);

export const UnlinkOidcIdentity = graphql(`
  mutation UnlinkOidcIdentity($id: ID!) {
    unlinkOidcIdentity(id: $id)
  }
`);
