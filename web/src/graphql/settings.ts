import { graphql } from "./generated";

export const SettingsPage = graphql(`
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
      agentAutoUpdate
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
`);

export const UpdateSettings = graphql(`
  mutation UpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      subscriptionTitle
    }
  }
`);

export const UpdateSubscriptionRules = graphql(`
  mutation UpdateSubscriptionRules($rules: [SubscriptionRuleInput!]!) {
    updateSubscriptionRules(rules: $rules) {
      name
    }
  }
`);

export const ResetSubscriptionRules = graphql(`
  mutation ResetSubscriptionRules {
    resetSubscriptionRules {
      name
    }
  }
`);
