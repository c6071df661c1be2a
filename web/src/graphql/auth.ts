export const RefreshToken = /* GraphQL */ `
  mutation RefreshToken($token: String!) {
    refreshToken(token: $token) {
      accessToken
      refreshToken
    }
  }
`;

export const Logout = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

export const Me = /* GraphQL */ `
  query Me {
    me {
      id
      username
      role
    }
  }
`;

export const SignIn = /* GraphQL */ `
  mutation SignIn($input: LoginInput!) {
    signIn(input: $input) {
      __typename
      ... on AuthPayload {
        accessToken
        refreshToken
      }
      ... on SecondFactorChallenge {
        challengeToken
      }
    }
  }
`;

export const CompleteSecondFactor = /* GraphQL */ `
  mutation CompleteSecondFactor($input: SecondFactorInput!) {
    completeSecondFactor(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

export const SignInOptions = /* GraphQL */ `
  query SignInOptions {
    signInOptions {
      oidcEnabled
      oidcIssuer
    }
  }
`;

export const BeginPasskeyLogin = /* GraphQL */ `
  mutation BeginPasskeyLogin {
    beginPasskeyLogin {
      challengeToken
      options
    }
  }
`;

export const FinishPasskeyLogin = /* GraphQL */ `
  mutation FinishPasskeyLogin($input: FinishPasskeyLoginInput!) {
    finishPasskeyLogin(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

export const BeginOidcLogin = /* GraphQL */ `
  mutation BeginOidcLogin {
    beginOidcLogin {
      authorizationUrl
    }
  }
`;

export const FinishOidcLogin = /* GraphQL */ `
  mutation FinishOidcLogin($input: FinishOidcLoginInput!) {
    finishOidcLogin(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

export const MustEnrollTotp = /* GraphQL */ `
  query MustEnrollTotp {
    twoFactor {
      mustEnrollTotp
    }
  }
`;
