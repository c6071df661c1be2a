/**
 * What went wrong, in words a client can branch on. Stable: GraphQL clients see it as
 * `extensions.code`, HTTP clients as `error.code` with the status from `HTTP_STATUS`.
 */
export type ErrorCode =
  /** The request's input is wrong: a field, a body that is not JSON, a signature that does not verify. */
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  /** Something the panel depends on outside Cloudflare (a chain's RPC, an OpenID provider) did not answer: try again later. */
  | "UNAVAILABLE";

export const HTTP_STATUS = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** What clients see for a fault (anything thrown that is not a DomainError): no message, stack or SQL. */
export const INTERNAL_ERROR_CODE = "INTERNAL_SERVER_ERROR";

const CODE_OF_STATUS = new Map<number, ErrorCode>(
  Object.entries(HTTP_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/**
 * The code an HTTP status means, for refusals that come as a status alone (Hono's HTTPException
 * from a middleware). Any other client error is bad input; other server errors have no code: they are faults.
 */
export function codeOfStatus(status: number): ErrorCode | null {
  return CODE_OF_STATUS.get(status) ?? (status >= 400 && status < 500 ? "BAD_USER_INPUT" : null);
}

/**
 * The one error type domain code throws. Anything else thrown is a bug and reaches clients only
 * as a masked internal error.
 *
 * @example
 * throw new DomainError("NOT_FOUND", "user 42 does not exist");
 */
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
