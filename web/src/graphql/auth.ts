import { graphql } from "./generated";

export const RefreshToken = graphql(`
  mutation RefreshToken($token: String!) {
    refreshToken(token: $token) {
      accessToken
      refreshToken
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export const Me = graphql(`
  query Me {
    me {
      id
      username
      role
    }
  }
`);

export const SignIn = graphql(`
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
`);

export const CompleteSecondFactor = graphql(`
  mutation CompleteSecondFactor($input: SecondFactorInput!) {
    completeSecondFactor(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

export const SignInOptions = graphql(`
  query SignInOptions {
    signInOptions {
      oidcEnabled
      oidcIssuer
    }
  }
`);

export const BeginPasskeyLogin = graphql(`
  mutation BeginPasskeyLogin {
    beginPasskeyLogin {
      challengeToken
      options
    }
  }
`);

export const FinishPasskeyLogin = graphql(`
  mutation FinishPasskeyLogin($input: FinishPasskeyLoginInput!) {
    finishPasskeyLogin(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

export const BeginOidcLogin = graphql(`
  mutation BeginOidcLogin {
    beginOidcLogin {
      authorizationUrl
    }
  }
`);

export const FinishOidcLogin = graphql(`
  mutation FinishOidcLogin($input: FinishOidcLoginInput!) {
    finishOidcLogin(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

export const MustEnrollTotp = graphql(`
  query MustEnrollTotp {
    twoFactor {
      mustEnrollTotp
    }
  }
`);
