import { graphql } from "./generated";

export const PanelRoutingPolicy = graphql(`
  query PanelRoutingPolicy {
    routingPolicy {
      ...RoutingPolicyFields
    }
  }
`);

export const UpdateRoutingPolicy = graphql(`
  mutation UpdateRoutingPolicy($input: RoutingPolicyInput!) {
    updateRoutingPolicy(input: $input) {
      blockPrivate
    }
  }
`);

export const ServerRoutingPolicy = graphql(`
  query ServerRoutingPolicy($id: ID!) {
    server(id: $id) {
      id
      routingPolicy {
        ...RoutingPolicyFields
      }
      routingPolicyOverride {
        blockPrivate
      }
    }
  }
`);

export const SetServerRoutingPolicyOverride = graphql(`
  mutation SetServerRoutingPolicyOverride($id: ID!, $policy: RoutingPolicyInput) {
    setServerRoutingPolicyOverride(id: $id, policy: $policy) {
      id
      configVersion
    }
  }
`);
