import type { Permission } from "../auth/roles";
import { notFound } from "../errors/domain-error";
import type { Resolvers } from "./generated/resolvers";

/**
 * Who may call a root field. `public` needs no sign-in, `signed-in` needs any admin, and a
 * permission names what the caller's role must hold. Object-level checks (a reseller's own
 * users) happen in the domain functions on top of this.
 */
export type OperationRule = "public" | "signed-in" | Permission;

/** One domain's slice of the API: its SDL, its resolvers and a rule for each root field it adds. */
export interface GraphQLModule {
  typeDefs: string;
  /**
   * Its part of the map generated from schema.graphql (`npm run codegen`), which types every
   * parent, argument and result. Resolvers get a SignedInContext, since authorize.ts admits the
   * caller before a non-public root field runs; those of `public` fields declare `ctx: AppContext`.
   */
  resolvers: Resolvers;
  rules: Record<string, OperationRule>;
}

/**
 * The resolver map of an enum whose GraphQL names are the domain's strings upper-cased
 * (on_hold is ON_HOLD): built from the domain's list, so the two cannot drift apart.
 */
export function upperCaseEnum<const Value extends string>(values: readonly Value[]): Record<Uppercase<Value>, Value> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<Uppercase<Value>, Value>;
}

/**
 * The row a non-null field promises (a foreign key or the session vouches for it). Should it be
 * gone after all, the field fails as NOT_FOUND instead of returning the null its type forbids.
 */
export function existing<Row>(row: Row | undefined, what: string, id: number): Row {
  if (row === undefined) throw notFound(what, id);
  return row;
}
