import type { Permission } from "../auth/roles";

/**
 * Who may call a root field. `public` needs no sign-in, `signed-in` needs any admin, and a
 * permission names what the caller's role must hold. Object-level checks (a reseller's own
 * users) happen in the domain functions on top of this.
 */
export type OperationRule = "public" | "signed-in" | Permission;

/** One domain's slice of the API: its SDL, its resolvers and a rule for each root field it adds. */
export interface GraphQLModule {
  typeDefs: string;
  // Resolver maps are heterogeneous by nature; each module types its own functions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: Record<string, any>;
  rules: Record<string, OperationRule>;
}
