/** Persisted documents are plain text (no interpolation), so the policy's fields are spelled out in each. */
export const PanelRoutingPolicy = /* GraphQL */ `
  query PanelRoutingPolicy {
    routingPolicy {
      blockPrivate
      blockBittorrent
      allowedPrivate {
        cidr
        ports
      }
      blockedCidrs
      blockedDomains
      blockedPorts
      defaultOutbound
    }
  }
`;

export const UpdateRoutingPolicy = /* GraphQL */ `
  mutation UpdateRoutingPolicy($input: RoutingPolicyInput!) {
    updateRoutingPolicy(input: $input) {
      blockPrivate
    }
  }
`;

export const ServerRoutingPolicy = /* GraphQL */ `
  query ServerRoutingPolicy($id: ID!) {
    server(id: $id) {
      id
      routingPolicy {
        blockPrivate
        blockBittorrent
        allowedPrivate {
          cidr
          ports
        }
        blockedCidrs
        blockedDomains
        blockedPorts
        defaultOutbound
      }
      routingPolicyOverride {
        blockPrivate
      }
    }
  }
`;

export const SetServerRoutingPolicyOverride = /* GraphQL */ `
  mutation SetServerRoutingPolicyOverride($id: ID!, $policy: RoutingPolicyInput) {
    setServerRoutingPolicyOverride(id: $id, policy: $policy) {
      id
      configVersion
    }
  }
`;
