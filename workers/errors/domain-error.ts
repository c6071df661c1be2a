/**
 * The one error type domain code throws. Its `code` is stable: GraphQL clients see it as
 * `extensions.code`, HTTP clients as `error.code` with the status from `HTTP_STATUS`.
 * Anything else thrown is a bug and reaches clients only as a masked internal error.
 *
 * @example
 * throw new DomainError("NOT_FOUND", "user 42 does not exist");
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  /** Something the panel depends on outside Cloudflare (a chain's RPC) did not answer: try again later. */
  | "UNAVAILABLE";

export const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 429 | 503> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe, structured facts for the client: field errors, retry-after seconds. Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id: string | number) =>
  new DomainError("NOT_FOUND", `${what} ${id} does not exist`);
