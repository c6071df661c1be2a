import { graphql } from "./generated";

export const MetricsEndpoint = graphql(`
  query MetricsEndpoint {
    metricsEndpoint {
      enabled
      path
      tokenCreatedAt
    }
  }
`);

export const RotateMetricsToken = graphql(`
  mutation RotateMetricsToken {
    rotateMetricsToken {
      token
      endpoint {
        enabled
        path
        tokenCreatedAt
      }
    }
  }
`);

export const RevokeMetricsToken = graphql(`
  mutation RevokeMetricsToken {
    revokeMetricsToken
  }
`);
