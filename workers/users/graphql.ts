import { inArray } from "drizzle-orm";
import { runBatch } from "../db/client";
import { notFound } from "../errors/domain-error";
import type { SignedInContext } from "../graphql/context";
import type { QueryUsersArgs } from "../graphql/generated/resolvers";
import { idSchema } from "../graphql/ids";
import { grouped, groupsOfUsersQuery } from "../graphql/loaders";
import type { GroupRow } from "../groups/table";
import { existing, type GraphQLModule, upperCaseEnum } from "../graphql/module";
import { parsePage, toConnection } from "../graphql/pagination";
import { selectsField } from "../graphql/selection";
import { orderedCursor, parseOrderedPage, USER_ORDER_FIELDS } from "./order";
import { parseInput } from "../errors/validate";
import { subscriptionUrl } from "../settings/settings";
import {
  countUsers,
  countUsersQuery,
  createUser,
  deleteUser,
  findVisibleUser,
  listUsers,
  listUsersOrdered,
  resetUserUsage,
  rotateSubscriptionToken,
  rotateUserCredentials,
  updateUser,
} from "./service";
import { RESET_STRATEGIES, USER_STATUSES, userGroups, type UserRow } from "./table";

/** What creating and updating a user both take; only the username is required on create. */
const userInputFields = /* GraphQL */ `
  status: UserStatus
  dataLimit: Bytes
  expireAt: DateTime
  onHoldExpireDays: Int
  resetStrategy: ResetStrategy
  note: String
  deviceLimit: Int
  groupIds: [ID!]
  ownerId: ID
  "The user's Telegram chat id; empty string clears it."
  telegramId: String
  "Explicit secrets, e.g. a moved customer's: omitted ones are generated on create and kept on update."
  credentials: UserCredentialsInput
  "An explicit subscription token (16 to 128 of A-Z a-z 0-9 _ -), e.g. the one the customer's old link carries."
  subToken: String
`;

const typeDefs = /* GraphQL */ `
  enum UserStatus {
    ACTIVE
    DISABLED
    "Used up its data limit."
    LIMITED
    "Past its expiry."
    EXPIRED
    "Waiting for first use; its time starts then."
    ON_HOLD
  }

  enum ResetStrategy {
    NONE
    DAY
    WEEK
    MONTH
    YEAR
  }

  "What the user's clients authenticate with, per protocol."
  type UserCredentials {
    vlessId: String!
    vmessId: String!
    trojanPassword: String!
    shadowsocksPassword: String!
    hysteria2Password: String!
  }

  "Secrets to set explicitly: UUIDs must be UUIDs, passwords 8 to 128 printable characters, each unique among users."
  input UserCredentialsInput {
    vlessId: String
    vmessId: String
    trojanPassword: String
    shadowsocksPassword: String
    hysteria2Password: String
  }

  "Someone who uses the VPN through a subscription link."
  type User {
    id: ID!
    username: String!
    status: UserStatus!
    "Null means unlimited."
    dataLimit: Bytes
    "Traffic counted in the current period (since the last reset)."
    usedTraffic: Bytes!
    "Null means never."
    expireAt: DateTime
    "For ON_HOLD users: days of validity counted from first use."
    onHoldExpireDays: Int
    resetStrategy: ResetStrategy!
    note: String!
    telegramId: String
    "Devices (by x-hwid) the subscription may be fetched from; null follows the panel setting, 0 means no limit."
    deviceLimit: Int
    owner: Admin!
    groups: [Group!]!
    subscriptionUrl: String!
    credentials: UserCredentials!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  input UserFilter {
    "3 or more characters: contained anywhere in the username or the note, case-insensitive. 1 or 2 characters: the start of the username. Both through an index: a search costs about what a page does."
    search: String
    status: UserStatus
    ownerId: ID
    groupId: ID
  }

  "Cursor pagination: first is 1 to 100 (default 50); after is a cursor from a previous page."
  input Pagination {
    first: Int
    after: String
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type UserEdge {
    cursor: String!
    node: User!
  }

  type UserConnection {
    edges: [UserEdge!]!
    pageInfo: PageInfo!
    "All users matching the filter, across pages: kept per owner and status as users change, so an unfiltered or status/owner-filtered total is read, not counted."
    totalCount: Int!
  }

  "status may be ACTIVE (default), DISABLED or ON_HOLD (with onHoldExpireDays). ownerId needs an admin or the owner."
  input CreateUserInput {
    username: String!
    ${userInputFields}
  }

  "Omitted fields keep their values; null clears dataLimit (unlimited) or expireAt (never); groupIds replaces the set."
  input UpdateUserInput {
    username: String
    ${userInputFields}
  }

  "What the users list can be sorted by."
  enum UserOrderField {
    USERNAME
    USED_TRAFFIC
    "Users who never expire come after every date."
    EXPIRE_AT
  }

  input UserOrder {
    by: UserOrderField!
    "Z to A, most traffic or latest expiry first."
    descending: Boolean
  }

  extend type Query {
    "Newest first unless order is given. Resellers see only their own users. A cursor works only with the order it came from."
    users(filter: UserFilter, page: Pagination, order: UserOrder): UserConnection!
    user(id: ID!): User
  }

  extend type Mutation {
    createUser(input: CreateUserInput!): User!
    updateUser(id: ID!, input: UpdateUserInput!): User!
    deleteUser(id: ID!): Boolean!
    "Issues a new subscription link; the old one stops working at once."
    rotateSubscriptionToken(userId: ID!): User!
    "Revokes a leaked config: new UUIDs and passwords for every protocol. Nodes drop the old ones (open connections included) within seconds; the subscription link stays and serves the new ones, so the user must refresh it."
    rotateUserCredentials(userId: ID!): User!
    "Sets used traffic back to 0 now (a LIMITED user becomes ACTIVE); the reset schedule keeps its dates."
    resetUserUsage(id: ID!): User!
  }
`;

/** The user's id when the caller may see that user; NOT_FOUND otherwise, as for queries. */
export async function visibleUserId(ctx: SignedInContext, rawId: string): Promise<number> {
  const id = parseInput(idSchema, rawId);
  if (!(await findVisibleUser(ctx.db, ctx.actor, id))) throw notFound("user", id);
  return id;
}

/** The page's statement, unrun, and how its rows become a connection, in the order asked for. */
function usersPage(ctx: SignedInContext, args: Partial<QueryUsersArgs>) {
  if (args.order) {
    const ordered = parseOrderedPage(args.order, args.page);
    return {
      rowsQuery: listUsersOrdered(ctx.db, ctx.actor, args.filter, ordered),
      connection: (rows: UserRow[]) => toConnection(rows, ordered.first, orderedCursor(ordered)),
    };
  }
  const page = parsePage(args.page);
  return {
    rowsQuery: listUsers(ctx.db, ctx.actor, args.filter, page),
    connection: (rows: UserRow[]) => toConnection(rows, page.first),
  };
}

/** A page of users; totalCount runs its own count only when a query asks for it. */
export type UserConnectionParent = ReturnType<typeof toConnection<UserRow>> & { count: () => Promise<number> };

/** UserOrderField's values: the sort keys of ./order.ts. */
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

export const usersModule: GraphQLModule = {
  typeDefs,
  rules: {
    "Query.users": "users:read",
    "Query.user": "users:read",
    "Mutation.createUser": "users:write",
    "Mutation.updateUser": "users:write",
    "Mutation.deleteUser": "users:write",
    "Mutation.rotateSubscriptionToken": "users:write",
    "Mutation.rotateUserCredentials": "users:write",
    "Mutation.resetUserUsage": "users:write",
  },
  resolvers: {
    UserStatus: upperCaseEnum(USER_STATUSES),
    ResetStrategy: upperCaseEnum(RESET_STRATEGIES),
    UserOrderField: upperCaseEnum(USER_ORDER_FIELDS),
    User: {
      id: (u) => String(u.id),
      dataLimit: (u) => u.dataLimitBytes,
      usedTraffic: (u) => u.usedBytes,
      expireAt: (u) => u.expireAtSec,
      owner: async (u, _, ctx) => existing(await ctx.loaders.adminById.load(u.adminId), "admin", u.adminId),
      groups: (u, _, ctx) => ctx.loaders.groupsByUser.load(u.id),
      subscriptionUrl: async (u, _, ctx) => subscriptionUrl(await ctx.loaders.settings(), ctx.origin, u.subToken),
      credentials: (u) => u,
      createdAt: (u) => u.createdAtSec,
      updatedAt: (u) => u.updatedAtSec,
    },
    UserConnection: {
      // Counted only when asked for, so a page without totalCount costs one statement.
      totalCount: (conn) => conn.count(),
    },
    Query: {
      users: async (_, args, ctx, info) => {
        const { rowsQuery, connection } = usersPage(ctx, args);
        const withTotal = selectsField(info, "totalCount");
        const withGroups = selectsField(info, "edges", "node", "groups");
        if (!withTotal && !withGroups) {
          return { ...connection(await rowsQuery), count: () => countUsers(ctx.db, ctx.actor, args.filter) };
        }
        // What the page asks for alongside its rows shares their D1 round trip (one batch); the
        // groups are those of the page's users, picked by the page's own statement as a subquery.
        const page = rowsQuery.as("page");
        const [rows, ...alongside] = await runBatch(ctx.db, [
          rowsQuery,
          ...(withTotal ? [countUsersQuery(ctx.db, ctx.actor, args.filter)] : []),
          ...(withGroups
            ? [groupsOfUsersQuery(ctx.db, inArray(userGroups.userId, ctx.db.select({ id: page.id }).from(page)))]
            : []),
        ]);
        const users = rows as UserRow[];
        const counted = withTotal ? (alongside.shift() as { n: number }[]) : undefined;
        if (withGroups) {
          const ids = users.map((user) => user.id);
          const groupsOf = grouped(ids, alongside.shift() as { key: number; value: GroupRow }[]);
          for (const [i, id] of ids.entries()) ctx.loaders.groupsByUser.prime(id, groupsOf[i]!);
        }
        return {
          ...connection(users),
          count: async () => (counted ? (counted[0]?.n ?? 0) : countUsers(ctx.db, ctx.actor, args.filter)),
        };
      },
      // A user the caller may not see reads as absent, like one that does not exist.
      user: async (_, args, ctx) => (await findVisibleUser(ctx.db, ctx.actor, parseInput(idSchema, args.id))) ?? null,
    },
    Mutation: {
      createUser: (_, args, ctx) => createUser(ctx, args.input),
      updateUser: (_, args, ctx) => updateUser(ctx, parseInput(idSchema, args.id), args.input),
      deleteUser: (_, args, ctx) => deleteUser(ctx, parseInput(idSchema, args.id)),
      rotateSubscriptionToken: (_, args, ctx) => rotateSubscriptionToken(ctx, parseInput(idSchema, args.userId)),
      rotateUserCredentials: (_, args, ctx) => rotateUserCredentials(ctx, parseInput(idSchema, args.userId)),
      resetUserUsage: (_, args, ctx) => resetUserUsage(ctx, parseInput(idSchema, args.id)),
    },
  },
};
