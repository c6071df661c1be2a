import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auditBy } from "../audit/record";
import { runBatch } from "../db/client";
import { parseInput } from "../errors/validate";
import { type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { visibleUserId } from "../users/graphql";
import { listDevices } from "./devices";
import { userDevices } from "./devices-table";
import { readRules, replaceRules, resetRules } from "./rules-store";
import { type FormatRule, MATCH_OPERATORS, RULE_ACTIONS, type RuleCondition } from "./rules";

export type SubscriptionRuleAction = FormatRule["action"];
export type RuleMatchMode = FormatRule["match"];
export type HeaderMatchOperator = RuleCondition["operator"];

const typeDefs = /* GraphQL */ `
  "What a subscription request gets; PAGE is the end-user HTML page."
  enum SubscriptionFormat {
    LINKS
    BASE64
    XRAY_JSON
    SING_BOX
    CLASH_META
    CLASH
    OUTLINE
    PAGE
  }

  enum SubscriptionRuleAction {
    "Serve the rule's format."
    SERVE
    "HTTP 403."
    BLOCK
    "HTTP 404, exactly as for a link that never existed."
    NOT_FOUND
  }

  enum HeaderMatchOperator {
    CONTAINS
    EQUALS
    REGEX
  }

  enum RuleMatchMode {
    "Every condition must hold."
    ALL
    "One condition is enough."
    ANY
  }

  "A test on one request header (a missing header never matches)."
  type HeaderCondition {
    "Lower-case header name, e.g. user-agent, accept, x-hwid."
    header: String!
    operator: HeaderMatchOperator!
    value: String!
    caseSensitive: Boolean!
  }

  "One rule: the first rule whose conditions hold decides; with none, clients get BASE64."
  type SubscriptionRule {
    name: String!
    match: RuleMatchMode!
    conditions: [HeaderCondition!]!
    action: SubscriptionRuleAction!
    "For SERVE rules."
    format: SubscriptionFormat
  }

  input HeaderConditionInput {
    header: String!
    operator: HeaderMatchOperator!
    value: String!
    caseSensitive: Boolean
  }

  input SubscriptionRuleInput {
    name: String!
    match: RuleMatchMode
    conditions: [HeaderConditionInput!]!
    action: SubscriptionRuleAction!
    format: SubscriptionFormat
  }

  "A device that fetched a user's subscription, known by the x-hwid header its app sends."
  type UserDevice {
    hwid: String!
    platform: String
    osVersion: String
    model: String
    userAgent: String
    firstSeenAt: DateTime!
    lastSeenAt: DateTime!
  }

  extend type Query {
    "The ordered format rules subscription requests are matched against."
    subscriptionRules: [SubscriptionRule!]!
    "Devices that fetched the user's subscription, most recent first."
    userDevices(userId: ID!): [UserDevice!]!
  }

  extend type Mutation {
    "Replaces the whole ordered list."
    updateSubscriptionRules(rules: [SubscriptionRuleInput!]!): [SubscriptionRule!]!
    "Goes back to the built-in rules."
    resetSubscriptionRules: [SubscriptionRule!]!
    "Forgets a device, freeing its place under the device limit. False when it was not on record."
    removeUserDevice(userId: ID!, hwid: String!): Boolean!
  }
`;

const FORMAT_ENUM = {
  LINKS: "links",
  BASE64: "base64",
  XRAY_JSON: "xray-json",
  SING_BOX: "sing-box",
  CLASH_META: "clash-meta",
  CLASH: "clash",
  OUTLINE: "outline",
  PAGE: "page",
} as const;

const hwidSchema = z.string().min(1).max(64);

export const subscriptionModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.subscriptionRules": "settings:read",
    "Query.userDevices": "users:read",
    "Mutation.updateSubscriptionRules": "settings:write",
    "Mutation.resetSubscriptionRules": "settings:write",
    "Mutation.removeUserDevice": "users:write",
  },
  resolvers: {
    SubscriptionFormat: FORMAT_ENUM,
    SubscriptionRuleAction: upperCaseEnum(RULE_ACTIONS),
    HeaderMatchOperator: upperCaseEnum(MATCH_OPERATORS),
    RuleMatchMode: { ALL: "all", ANY: "any" },
    SubscriptionRule: { format: (r) => r.format ?? null },
    UserDevice: {
      firstSeenAt: (d) => d.firstSeenAtSec,
      lastSeenAt: (d) => d.lastSeenAtSec,
    },
    Query: {
      subscriptionRules: (_, __, ctx) => readRules(ctx.db),
      userDevices: async (_, args, ctx) => listDevices(ctx.db, await visibleUserId(ctx, args.userId)),
    },
    Mutation: {
      updateSubscriptionRules: (_, args, ctx) => replaceRules(ctx, args.rules),
      resetSubscriptionRules: (_, __, ctx) => resetRules(ctx),
      removeUserDevice: async (_, args, ctx) => {
        const userId = await visibleUserId(ctx, args.userId);
        const hwid = parseInput(hwidSchema, args.hwid);
        const [deleted] = (await runBatch(ctx.db, [
          ctx.db
            .delete(userDevices)
            .where(and(eq(userDevices.userId, userId), eq(userDevices.hwid, hwid)))
            .returning({ hwid: userDevices.hwid }),
          auditBy(ctx, { action: "user.device.remove", targetType: "user", targetId: userId, details: { hwid } }),
        ])) as [unknown[]];
        return deleted.length > 0;
      },
    },
  },
};
