/**
 * One schema, two generated contracts: typed resolvers for the Worker and typed documents (with the
 * persisted-operation manifest) for the SPA. `npm run codegen` rewrites both after `schema:print`;
 * a schema change then fails to compile wherever it matters.
 */
import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    // Checked in; `npm run typecheck` starts with `graphql-codegen --check` and fails while it is stale.
    "workers/graphql/generated/resolvers.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        // Resolvers below a signed-in root field see its actor (authorize.ts admits the caller first);
        // resolvers of `public` fields annotate `ctx: AppContext` to say they must not.
        contextType: "../context#SignedInContext",
        useIndexSignature: false,
        // graphql-js reads undefined as null, as drizzle's `.get()` and DataLoader return it for a missing row.
        maybeValue: "T | null | undefined",
        enumsAsTypes: true,
        // What graphql-js hands resolvers and takes back: see ../scalars.ts.
        scalars: { Bytes: "number", DateTime: "number", JSON: "unknown" },
        // Each enum as the domain's strings its resolver map translates to (UserStatus.ON_HOLD is "on_hold").
        enumValues: {
          AdminRole: "../../admins/table#Role",
          AnomalyKind: "../../analytics/table#AnomalyKind",
          ChannelKind: "../../channels/table#ChannelKind",
          DeliveryStatus: "../../channels/table#DeliveryStatus",
          BackupStatus: "../../backup/table#BackupStatus",
          BackupTrigger: "../../backup/table#BackupTrigger",
          ChainPaymentRejection: "../../billing/onchain/table#RejectionReason",
          ChainPaymentStatus: "../../billing/onchain/graphql#ChainPaymentStatus",
          HeaderMatchOperator: "../../subscription/graphql#HeaderMatchOperator",
          ImportRecordKind: "../../import/table#ImportRecordKind",
          ImportRunStatus: "../../import/table#ImportRunStatus",
          ImportSourceKind: "../../import/table#ImportSourceKind",
          InactiveUserResponse: "../../settings/graphql#InactiveUserResponse",
          InvoiceStatus: "../../billing/invoices/table#InvoiceStatus",
          OidcIdentityKind: "../../auth/oidc/graphql#OidcIdentityKind",
          PaymentMethod: "../../billing/invoices/table#PaymentMethod",
          Protocol: "../../inbounds/table#Protocol",
          RefundPolicy: "../../settings/graphql#RefundPolicy",
          ResetStrategy: "../../users/table#ResetStrategy",
          RestoreStatus: "../../backup/table#RestoreStatus",
          RoutingOutbound: "../../routing/graphql#RoutingOutbound",
          RuleMatchMode: "../../subscription/graphql#RuleMatchMode",
          Security: "../../inbounds/table#Security",
          ServerStatus: "../../nodes/table#NodeStatus",
          SignInMethod: "../../auth/table#SignInMethod",
          SubscriptionFormat: "../../subscription/rules#RuleTarget",
          StripeWebhookVerdict: "../../billing/stripe/table#StripeWebhookVerdict",
          SubscriptionRuleAction: "../../subscription/graphql#SubscriptionRuleAction",
          Transport: "../../inbounds/table#Transport",
          UserOrderField: "../../users/graphql#UserOrderField",
          UserStatus: "../../users/table#UserStatus",
        },
        // Each object type's parent is the domain row its resolvers receive: the API says Server, the code says node.
        mappers: {
          Admin: "../../admins/table#AdminRow",
          Analytics: "../../analytics/graphql#AnalyticsParent",
          AuditEntry: "../../audit/graphql#AuditRow",
          BackupResult: "../../backup/table#BackupRow",
          Chain: "../../billing/onchain/table#ChainRow",
          ChainDeposit: "../../billing/onchain/deposit#DepositView",
          ChainPayment: "../../billing/onchain/table#ChainPaymentRow",
          ChainToken: "../../billing/onchain/table#ChainTokenRow",
          Group: "../../groups/table#GroupRow",
          ImportRun: "../../import/runs#ImportRunView",
          Inbound: "../../inbounds/table#InboundRow",
          Invoice: "../../billing/invoices/table#InvoiceRow",
          NotificationChannel: "../../channels/table#ChannelRow",
          NotificationDelivery: "../../channels/table#DeliveryRow",
          OidcIdentity: "../../auth/oidc/graphql#IdentityRow",
          Passkey: "../../auth/passkeys/graphql#PasskeyRow",
          Plan: "../../billing/plans/table#PlanRow",
          StripeWebhookReceipt: "../../billing/stripe/table#StripeWebhookReceiptRow",
          RestoreResult: "../../backup/table#RestoreRow",
          RevenueByPlan: "../../analytics/revenue#PlanRevenue",
          Server: "../../nodes/table#NodeRow",
          Session: "../../auth/graphql#SessionRow",
          SubscriptionRule: "../../subscription/rules#FormatRule",
          TrafficStats: "../../analytics/graphql#TrafficStatsParent",
          UsageAnomaly: "../../analytics/table#AnomalyRow",
          User: "../../users/table#UserRow",
          UserConnection: "../../users/graphql#UserConnectionParent",
          UserCredentials: "../../users/table#UserRow",
          UserDevice: "../../subscription/devices-table#UserDeviceRow",
        },
      },
    },
    // The import contract's input types for the readers (importers/), which run in Node and in the SPA.
    "importers/src/generated/graphql.ts": {
      plugins: ["typescript"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: false,
        strictScalars: true,
        scalars: { Bytes: "number", DateTime: "string", JSON: "unknown" },
      },
    },
    // The SPA's documents, typed, and the manifest of their exact texts by SHA-256 (plain hex, the id
    // the APQ-shaped request body carries): the Worker's allow-list is written from it. Only the hash
    // ships in the bundle, since the SPA never sends query text.
    "web/src/graphql/generated/": {
      documents: ["web/src/graphql/*.ts"],
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: "replaceDocumentWithHash",
          hashAlgorithm: (document: string) => createHash("sha256").update(document).digest("hex"),
        },
      },
      config: {
        documentMode: "string",
        useTypeImports: true,
        strictScalars: true,
        scalars: { Bytes: "number", DateTime: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
