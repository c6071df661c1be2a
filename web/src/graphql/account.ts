import { graphql } from "./generated";

export const AccountOverview = graphql(`
  query AccountOverview {
    me {
      id
      ipAllowlist
    }
    twoFactor {
      totpEnabled
      totpEnabledAt
      backupCodesLeft
      mustEnrollTotp
      passwordLoginDisabled
    }
  }
`);

export const MySessions = graphql(`
  query MySessions {
    mySessions {
      id
      device
      ip
      country
      method
      createdAt
      lastSeenAt
      current
    }
  }
`);

export const RevokeSession = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const RevokeOtherSessions = graphql(`
  mutation RevokeOtherSessions {
    revokeOtherSessions
  }
`);

export const BeginTotpEnrollment = graphql(`
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      uri
      qrSvg
    }
  }
`);

export const ConfirmTotpEnrollment = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code)
  }
`);

export const DisableTotp = graphql(`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

export const RegenerateBackupCodes = graphql(`
  mutation RegenerateBackupCodes($code: String!) {
    regenerateBackupCodes(code: $code)
  }
`);

export const MyPasskeys = graphql(`
  query MyPasskeys {
    myPasskeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`);

export const BeginPasskeyRegistration = graphql(`
  mutation BeginPasskeyRegistration {
    beginPasskeyRegistration {
      challengeToken
      options
    }
  }
`);

export const FinishPasskeyRegistration = graphql(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      id
    }
  }
`);

export const RenamePasskey = graphql(`
  mutation RenamePasskey($id: ID!, $name: String!) {
    renamePasskey(id: $id, name: $name) {
      id
      name
    }
  }
`);

export const RemovePasskey = graphql(`
  mutation RemovePasskey($id: ID!) {
    removePasskey(id: $id)
  }
`);

export const SetPasswordLogin = graphql(`
  mutation SetPasswordLogin($enabled: Boolean!) {
    setPasswordLogin(enabled: $enabled)
  }
`);

export const SetIpAllowlist = graphql(`
  mutation SetIpAllowlist($adminId: ID, $cidrs: [String!]!) {
    setIpAllowlist(adminId: $adminId, cidrs: $cidrs)
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
