import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { codeOfStatus, DomainError, HTTP_STATUS, INTERNAL_ERROR_CODE, type ErrorCode } from "./domain-error";

/**
 * Domain errors as they are; Hono's HTTPException (a middleware's refusal) as the domain error its
 * status means. Null for anything else: a fault, never described to clients.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (!(error instanceof HTTPException)) return null;
  const code = codeOfStatus(error.status);
  return code && new DomainError(code, error.message);
}

/**
 * Every HTTP error's body, `{ error: { code, message, ...details } }`, as JSON no cache keeps:
 * a refusal or a missing file must not outlive its cause.
 */
function jsonError(
  body: { code: ErrorCode | typeof INTERNAL_ERROR_CODE; message: string },
  status: number,
  init?: HeadersInit,
): Response {
  const headers = new Headers(init);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  headers.delete("content-length");
  return new Response(JSON.stringify({ error: body }), { status, headers });
}

/** A domain error as an HTTP response, with the status its code means unless the thrower chose one. */
export const errorResponse = (error: DomainError, status: number = HTTP_STATUS[error.code], headers?: HeadersInit) =>
  jsonError({ code: error.code, message: error.message, ...error.details }, status, headers);

/**
 * The one place HTTP routes turn errors into responses (`app.onError`); GraphQL's twin, for
 * `extensions.code`, is `maskError` in graphql/yoga.ts. An HTTPException keeps its status and the
 * headers of the response it carries (WWW-Authenticate, Retry-After); its body becomes the one shape.
 */
export function respondToError(error: Error, c: Context): Response {
  const domain = asDomainError(error);
  if (domain && error instanceof HTTPException) return errorResponse(domain, error.status, error.res?.headers);
  if (domain) return errorResponse(domain);
  console.error(
    JSON.stringify({ event: "http.unexpected_error", path: c.req.path, error: `${error.name}: ${error.message}` }),
    error.stack,
  );
  return jsonError({ code: INTERNAL_ERROR_CODE, message: "internal server error" }, 500);
}
