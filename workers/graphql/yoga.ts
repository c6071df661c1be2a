import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { env as workerEnv } from "cloudflare:workers";
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import { authenticateAccessToken, authenticateSession, type ClientMeta, type SessionConfig } from "../auth/sessions";
import type { Db } from "../db/client";
import { INTERNAL_ERROR_CODE } from "../errors/domain-error";
import { asDomainError } from "../errors/http";
import type { AppContext } from "./context";
import { emitEvents } from "../events/emit";
import { publishLive } from "../live/hub-client";
import { createLoaders } from "./loaders";
import persistedOperations from "./persisted-operations.json";
import { arbitraryOperationsAllowed } from "./persisted-operations";
import { buildSchema } from "./schema";
import { forgetKeptLookups } from "../subscription/lookup-window";

/** What the HTTP layer hands the GraphQL layer for one request. */
export interface GraphQLServerContext {
  env: Env;
  db: Db;
  client: ClientMeta;
  sessions: SessionConfig;
  /** Keeps work (publishing live events) running after the response is sent. */
  waitUntil: (promise: Promise<unknown>) => void;
}

/**
 * Limits that keep one query from costing the panel more than a page of work. Validation time
 * grows with the square of a document's fields (graphql-js compares same-named pairs), and
 * healthCheck needs no sign-in, so tokens are capped at 1,000: 2,000 took ~1 s to validate.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 5000,
} as const;

/*
 * Armor's envelop rules throw by default, which skips yoga's validation bookkeeping: the client
 * would get no code. Reported to the validation context instead, an over-limit query is an
 * ordinary validation failure (GRAPHQL_VALIDATION_FAILED).
 */
const reportToValidation = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, error: GraphQLError) => ctx?.reportError(error)],
};

const armor = new EnvelopArmor({
  maxDepth: { n: QUERY_LIMITS.maxDepth, ...reportToValidation },
  maxAliases: { n: QUERY_LIMITS.maxAliases, ...reportToValidation },
  maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...reportToValidation },
  maxTokens: { n: QUERY_LIMITS.maxTokens },
  costLimit: { maxCost: QUERY_LIMITS.maxCost, ...reportToValidation },
  blockFieldSuggestion: { enabled: true },
});

const isProduction = (env: Env) => String(env.ENVIRONMENT) === "production";

/** In production the schema is not for browsing: __schema and __type are refused at validation. */
const introspectionOffInProduction: Plugin<GraphQLServerContext> = {
  onValidate({ context, addValidationRule }) {
    if (isProduction(context.env)) addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

const allowList: Record<string, string> = persistedOperations;

/** Browsers in production may run only the SPA's persisted operations (see persisted-operations.ts). */
const persistedOperationsForBrowsers = usePersistedOperations<GraphQLServerContext>({
  getPersistedOperation: (id) => allowList[id] ?? null,
  // The plugin hands this check the request alone, so the environment comes from the module-level env.
  allowArbitraryOperations: (request) => arbitraryOperationsAllowed(String(workerEnv.ENVIRONMENT), request.headers),
  customErrors: {
    persistedQueryOnly: {
      message: "browsers may send only the panel's persisted operations (extensions.persistedQuery.sha256Hash)",
      extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 400 } },
    },
    notFound: {
      message: "no persisted operation has this id; rebuild the SPA and redeploy together",
      extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
    },
  },
});

/**
 * Errors in the request itself, found before any resolver ran (invalid JSON, variables of the
 * wrong type): yoga and the executor mark them with HTTP status 400.
 */
function isRequestError(error: GraphQLError): boolean {
  const http = error.extensions.http as { status?: number } | undefined;
  return error.path === undefined && http?.status === 400;
}

/**
 * The one place errors become what clients see: domain errors keep their code and safe details;
 * anything unexpected is logged here and reaches the client as a bare INTERNAL_SERVER_ERROR,
 * with no message, stack or SQL. HTTP routes have the same rules in errors/http.ts.
 */
function maskError(error: unknown): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const domain = asDomainError(original);
  if (domain) {
    return new GraphQLError(domain.message, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: { code: domain.code, ...domain.details },
    });
  }
  if (graphqlError && isRequestError(graphqlError)) {
    // Keep the outer error: it names the variable and carries the 400. A scalar's own error
    // inside it (Bytes, DateTime) has the more precise code.
    const innerCode = original instanceof GraphQLError ? original.extensions.code : undefined;
    // Yoga calls a body that is not JSON BAD_REQUEST: to clients, all bad input is one code.
    const outerCode = graphqlError.extensions.code === "BAD_REQUEST" ? undefined : graphqlError.extensions.code;
    const code = innerCode ?? outerCode ?? "BAD_USER_INPUT";
    if (code === graphqlError.extensions.code && !original) return graphqlError;
    return new GraphQLError(graphqlError.message, {
      nodes: graphqlError.nodes,
      source: graphqlError.source,
      positions: graphqlError.positions,
      extensions: { ...graphqlError.extensions, code },
    });
  }
  if (original instanceof GraphQLError) return original;
  if (graphqlError && !original) return graphqlError;
  console.error(
    JSON.stringify({
      event: "graphql.unexpected_error",
      path: graphqlError?.path,
      error: original instanceof Error ? `${original.name}: ${original.message}` : String(original),
    }),
  );
  return new GraphQLError("Internal server error", {
    nodes: graphqlError?.nodes,
    path: graphqlError?.path,
    extensions: { code: INTERNAL_ERROR_CODE },
  });
}

/**
 * An admin's mutation may change what a kept subscription lookup says (a rotated link, a disabled
 * user): this isolate's lookup window starts afresh once it has run. Other isolates see the change
 * within SUBSCRIPTION_LOOKUP_CACHE_SEC.
 */
const subscriptionLookupsAfterMutations: Plugin = {
  onExecute: ({ args }) =>
    getOperationAST(args.document, args.operationName)?.operation === "mutation"
      ? { onExecuteDone: forgetKeptLookups }
      : undefined,
};

export const yoga = createYoga<GraphQLServerContext, AppContext>({
  schema: buildSchema(),
  graphqlEndpoint: "/graphql",
  graphiql: false,
  landingPage: false,
  // CORS is the app's (http/cors.ts): yoga's default would echo any Origin back as allowed.
  cors: false,
  maskedErrors: { maskError },
  // maskError logs what deserves logging; yoga would also log every domain error a client caused.
  logging: false,
  // The app caps /graphql bodies before yoga sees them (app.ts, limitBody): yoga's own cap would
  // pipe every body through a TransformStream into a new Request, measurable CPU for nothing.
  maxRequestBodySize: false,
  plugins: [
    persistedOperationsForBrowsers,
    introspectionOffInProduction,
    subscriptionLookupsAfterMutations,
    ...armor.protect().plugins,
  ],
  context: ({ request, env, db, client, sessions, waitUntil }): AppContext => {
    const nowSec = () => Math.floor(Date.now() / 1000);
    let actor: ReturnType<AppContext["authenticate"]> | undefined;
    const header = request.headers.get("authorization") ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const loaders = createLoaders(db);
    return {
      env,
      db,
      client,
      sessions,
      origin: new URL(request.url).origin,
      nowSec,
      loaders,
      publish: (events) => publishLive(env, waitUntil, events),
      emit: (events) => emitEvents(env, waitUntil, events),
      authenticate: () =>
        (actor ??= bearer
          ? authenticateSession(db, sessions, bearer, nowSec(), client.ip).then((signedIn) => {
              // For `me` and `owner`; a mutation that changes its own admin answers from the row it wrote.
              if (signedIn) loaders.adminById.prime(signedIn.actor.id, signedIn.admin);
              return signedIn?.actor ?? null;
            })
          : Promise.resolve(null)),
      sessionStillValid: async () =>
        !!bearer && (await authenticateAccessToken(db, sessions, bearer, nowSec(), client.ip)) !== null,
    };
  },
});
