import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { DomainError } from "./domain-error";
import { respondToError } from "./http";

/** A route that throws what it is given, answered by the app's own error handler. */
function throwing(error: Error) {
  return new Hono()
    .get("/", () => {
      throw error;
    })
    .onError(respondToError);
}

const errorOf = async (error: Error) => {
  const response = await throwing(error).request("/");
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
};

describe("HTTP error responses", () => {
  it("answer a 401 HTTPException as UNAUTHENTICATED, keeping the headers of the response it carries", async () => {
    const { status, headers, body } = await errorOf(
      new HTTPException(401, {
        message: "sign in first",
        res: new Response("Unauthorized", { headers: { "www-authenticate": 'Bearer realm="panel"' } }),
      }),
    );
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "UNAUTHENTICATED", message: "sign in first" } });
    expect(headers.get("www-authenticate")).toBe('Bearer realm="panel"');
    expect(headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("give each HTTPException status the code that means it", async () => {
    const expected = {
      400: "BAD_USER_INPUT",
      403: "FORBIDDEN",
      404: "NOT_FOUND",
      409: "CONFLICT",
      413: "PAYLOAD_TOO_LARGE",
      429: "RATE_LIMITED",
      503: "UNAVAILABLE",
    } as const;
    for (const [status, code] of Object.entries(expected)) {
      const answer = await errorOf(new HTTPException(Number(status) as 400, { message: "no" }));
      expect(answer.status, status).toBe(Number(status));
      expect(answer.body.error.code, status).toBe(code);
    }
  });

  it("answer a domain error with its code, status and safe details, never to be cached", async () => {
    const { status, headers, body } = await errorOf(
      new DomainError("RATE_LIMITED", "slow down", { retryAfterSec: 30 }),
    );
    expect(status).toBe(429);
    expect(body).toEqual({ error: { code: "RATE_LIMITED", message: "slow down", retryAfterSec: 30 } });
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("answer anything else as a bare INTERNAL_SERVER_ERROR that tells nothing of the fault", async () => {
    const { status, body } = await errorOf(new TypeError("cannot read properties of undefined (reading 'secret')"));
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: "INTERNAL_SERVER_ERROR", message: "internal server error" } });
  });
});
