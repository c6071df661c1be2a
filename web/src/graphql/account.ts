export const AccountOverview = /* GraphQL */ `
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
`;

export const MySessions = /* GraphQL */ `
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
`;

export const RevokeSession = /* GraphQL */ `
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`;

export const RevokeOtherSessions = /* GraphQL */ `
  mutation RevokeOtherSessions {
    revokeOtherSessions
  }
`;

export const BeginTotpEnrollment = /* GraphQL */ `
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      uri
      qrSvg
    }
  }
`;

export const ConfirmTotpEnrollment = /* GraphQL */ `
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code)
  }
`;

export const DisableTotp = /* GraphQL */ `
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`;

export const RegenerateBackupCodes = /* GraphQL */ `
  mutation RegenerateBackupCodes($code: String!) {
    regenerateBackupCodes(code: $code)
  }
`;

export const MyPasskeys = /* GraphQL */ `
  query MyPasskeys {
    myPasskeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`;

export const BeginPasskeyRegistration = /* GraphQL */ `
  mutation BeginPasskeyRegistration {
    beginPasskeyRegistration {
      challengeToken
      options
    }
  }
`;

export const FinishPasskeyRegistration = /* GraphQL */ `
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input) {
      id
    }
  }
`;

export const RenamePasskey = /* GraphQL */ `
  mutation RenamePasskey($id: ID!, $name: String!) {
    renamePasskey(id: $id, name: $name) {
      id
      name
    }
  }
`;

export const RemovePasskey = /* GraphQL */ `
  mutation RemovePasskey($id: ID!) {
    removePasskey(id: $id)
  }
`;

export const SetPasswordLogin = /* GraphQL */ `
  mutation SetPasswordLogin($enabled: Boolean!) {
    setPasswordLogin(enabled: $enabled)
  }
`;

export const SetIpAllowlist = /* GraphQL */ `
  mutation SetIpAllowlist($adminId: ID, $cidrs: [String!]!) {
    setIpAllowlist(adminId: $adminId, cidrs: $cidrs)
  }
`;

export const ChangePassword = /* GraphQL */ `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;
