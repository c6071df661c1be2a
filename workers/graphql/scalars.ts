import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

function toBytes(value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw badInput(`Bytes must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  }
  return n;
}

/**
 * A byte count. GraphQL's Int is 32-bit and overflows at 2 GiB; Bytes carries any whole number
 * up to 2^53 - 1 (8 PiB) as a JSON number, and also accepts a decimal string on input.
 */
export const BytesScalar = new GraphQLScalarType({
  name: "Bytes",
  description: "A byte count: a whole number from 0 to 2^53 - 1, as a JSON number (decimal strings accepted on input).",
  serialize: (value) => toBytes(value),
  parseValue: toBytes,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING)
      return toBytes(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw badInput("Bytes must be an integer or a decimal string");
  },
});

function toEpochSec(value: unknown): number {
  if (typeof value !== "string") throw badInput("DateTime must be an ISO 8601 string");
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw badInput(`"${value}" is not an ISO 8601 date-time`);
  return Math.floor(ms / 1000);
}

/** Instants cross the API as ISO 8601 strings and live in code as whole epoch seconds. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant as an ISO 8601 string, e.g. 2026-12-31T23:59:59Z.",
  serialize: (value) => {
    if (typeof value !== "number") throw new TypeError("DateTime values are epoch seconds internally");
    return new Date(value * 1000).toISOString();
  },
  parseValue: toEpochSec,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput("DateTime must be an ISO 8601 string");
    return toEpochSec(ast.value);
  },
});

/** Free-form output only (audit details); never accepted as input. */
export const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  description: "Any JSON value. Output only.",
  serialize: (value) => value,
  parseValue: () => {
    throw badInput("JSON values are output only");
  },
  parseLiteral: () => {
    throw badInput("JSON values are output only");
  },
});
