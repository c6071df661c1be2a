export const SettingsPage = /* GraphQL */ `
  query SettingsPage {
    settings {
      subscriptionTitle
      subscriptionUpdateIntervalHours
      subscriptionSupportUrl
      subscriptionRemarkTemplate
      subscriptionUrlPrefix
      subscriptionAnnounce
      subscriptionHideSettings
      subscriptionRouting
      inactiveUserResponse
      deviceLimit
      totpRequiredRoles
      corsAllowedOrigins
    }
    subscriptionRules {
      name
      action
      format
      match
      conditions {
        header
        operator
        value
        caseSensitive
      }
    }
  }
`;

export const UpdateSettings = /* GraphQL */ `
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      subscriptionTitle
    }
  }
`;

export const UpdateSubscriptionRules = /* GraphQL */ `
  mutation UpdateSubscriptionRules($rules: [SubscriptionRuleInput!]!) {
    updateSubscriptionRules(rules: $rules) {
      name
    }
  }
`;

export const ResetSubscriptionRules = /* GraphQL */ `
  mutation ResetSubscriptionRules {
    resetSubscriptionRules {
      name
    }
  }
`;
