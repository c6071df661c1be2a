import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from "graphql";
import { hasPermission, type Actor } from "../auth/roles";
import { DomainError } from "../errors/domain-error";
import type { AppContext } from "./context";
import type { OperationRule } from "./module";

const ROOT_TYPES = ["Query", "Mutation", "Subscription"] as const;

/**
 * What a session that must enroll TOTP first (its role requires it, see Settings.totpRequiredRoles)
 * may still do: see itself, enroll, and sign out.
 */
export const ENROLLMENT_OPERATIONS: ReadonlySet<string> = new Set([
  "Query.me",
  "Query.twoFactor",
  "Mutation.beginTotpEnrollment",
  "Mutation.confirmTotpEnrollment",
  "Mutation.logout",
]);

async function admit(key: string, rule: OperationRule, ctx: AppContext): Promise<Actor | null> {
  if (rule === "public") return null;
  const actor = await ctx.authenticate();
  // extensions.rule tells clients (and the authorisation matrix test) that the rule refused the call.
  if (!actor)
    throw new DomainError("UNAUTHENTICATED", "sign in first: the access token is missing, expired or revoked", {
      rule,
    });
  if (actor.mustEnrollTotp && !ENROLLMENT_OPERATIONS.has(key)) {
    throw new DomainError(
      "FORBIDDEN",
      "your role requires two-factor sign-in: enroll TOTP (beginTotpEnrollment) before anything else",
      {
        totpEnrollmentRequired: true,
        rule,
      },
    );
  }
  if (rule !== "signed-in" && !hasPermission(actor.role, rule)) {
    throw new DomainError("FORBIDDEN", `the ${actor.role} role may not do this (${rule})`, { rule });
  }
  return actor;
}

/**
 * Puts every root field behind its rule, in place. A root field without a rule makes this throw
 * while the schema is built, so an operation can never ship unguarded.
 */
export function authorizeRootFields(schema: GraphQLSchema, rules: Record<string, OperationRule>): GraphQLSchema {
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName);
    if (!type || !("getFields" in type)) continue;
    for (const [fieldName, field] of Object.entries(type.getFields()) as [
      string,
      GraphQLFieldConfig<unknown, AppContext>,
    ][]) {
      const key = `${typeName}.${fieldName}`;
      const rule = rules[key];
      if (!rule) throw new Error(`no authorization rule for ${key}`);
      const hook = typeName === "Subscription" ? "subscribe" : "resolve";
      const inner = field[hook] ?? defaultFieldResolver;
      field[hook] = async (source, args, ctx, info) => {
        const actor = await admit(key, rule, ctx);
        // One token per request, so the actor is the same for every field: nested resolvers see it too.
        if (actor) Object.assign(ctx, { actor });
        return inner(source, args, ctx, info);
      };
    }
  }
  return schema;
}
