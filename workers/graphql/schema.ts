import { createSchema } from "graphql-yoga";
import { adminsModule } from "../admins/graphql";
import { auditModule } from "../audit/graphql";
import { authModule } from "../auth/graphql";
import { backupModule } from "../backup/graphql";
import { configHistoryModule } from "../config-history/graphql";
import { operationsModule } from "../operations/graphql";
import { eventsModule } from "../events/graphql";
import { channelsModule } from "../channels/graphql";
import { telegramModule } from "../channels/telegram/graphql";
import { analyticsModule } from "../analytics/graphql";
import { metricsModule } from "../metrics/graphql";
import { plansModule } from "../billing/plans/graphql";
import { invoicesModule } from "../billing/invoices/graphql";
import { onchainModule } from "../billing/onchain/graphql";
import { billingStatusModule } from "../billing/stripe/graphql";
import { totpModule } from "../auth/totp/graphql";
import { allowlistModule } from "../auth/allowlist/graphql";
import { passkeysModule } from "../auth/passkeys/graphql";
import { oidcModule } from "../auth/oidc/graphql";
import { groupsModule } from "../groups/graphql";
import { importModule } from "../import/graphql";
import { inboundsModule } from "../inbounds/graphql";
import { liveModule } from "../live/graphql";
import { nodesModule } from "../nodes/graphql";
import { routingModule } from "../routing/graphql";
import { settingsModule } from "../settings/graphql";
import { subscriptionModule } from "../subscription/graphql";
import { systemModule } from "../system/graphql";
import { usersModule } from "../users/graphql";
import { authorizeRootFields } from "./authorize";
import type { AppContext } from "./context";
import type { GraphQLModule } from "./module";
import { BytesScalar, DateTimeScalar, JSONScalar } from "./scalars";

const base: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    scalar Bytes
    scalar DateTime
    type Query
    type Mutation
  `,
  resolvers: { Bytes: BytesScalar, DateTime: DateTimeScalar, JSON: JSONScalar },
  rules: {},
};

export const modules: GraphQLModule[] = [
  base,
  systemModule,
  authModule,
  totpModule,
  allowlistModule,
  passkeysModule,
  oidcModule,
  adminsModule,
  usersModule,
  inboundsModule,
  nodesModule,
  groupsModule,
  settingsModule,
  routingModule,
  subscriptionModule,
  auditModule,
  liveModule,
  plansModule,
  invoicesModule,
  onchainModule,
  billingStatusModule,
  importModule,
  backupModule,
  configHistoryModule,
  operationsModule,
  eventsModule,
  channelsModule,
  telegramModule,
  analyticsModule,
  metricsModule,
];

/** Every root field's rule, by `Type.field`: the one table of who may call what. */
export const operationRules = Object.assign({}, ...modules.map((m) => m.rules)) as GraphQLModule["rules"];

/** The public API: every domain's slice, merged, with every root field behind its rule. */
export function buildSchema() {
  const schema = createSchema<AppContext>({
    typeDefs: modules.map((m) => m.typeDefs),
    resolvers: modules.map((m) => m.resolvers),
  });
  return authorizeRootFields(schema, operationRules);
}
