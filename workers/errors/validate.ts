import type { z } from "zod";
import { DomainError } from "./domain-error";

/**
 * Parses untrusted input at the boundary. Failures become one BAD_USER_INPUT error that names
 * every offending field, so a client can show each message where it belongs.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
  throw new DomainError("BAD_USER_INPUT", summary, { fields });
}
