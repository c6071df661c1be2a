export const Login = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

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
