/**
 * What a failure means to the admin, in their language. The server writes its messages for
 * developers and logs ("sign in first: the access token is missing, expired or revoked"); the
 * error's stable code picks a sentence here instead. Where the server's words carry the one fact the
 * admin needs (which name is taken, which entry was refused), they follow the sentence as its detail.
 */
import type { ErrorCode } from "../../../workers/errors/domain-error";
import { ApiError } from "../api/client";
import { type MessageKey, t } from "./index";

/** Every code the server has, so a new one fails to compile until it has a sentence; NETWORK is the client's own. */
export type ErrorMeanings = Record<ErrorCode | "NETWORK", MessageKey>;

const MEANINGS: ErrorMeanings = {
  NETWORK: "error.network",
  UNAUTHENTICATED: "error.UNAUTHENTICATED",
  FORBIDDEN: "error.FORBIDDEN",
  NOT_FOUND: "error.NOT_FOUND",
  CONFLICT: "error.CONFLICT",
  BAD_USER_INPUT: "error.BAD_USER_INPUT",
  RATE_LIMITED: "error.RATE_LIMITED",
  UNAVAILABLE: "error.UNAVAILABLE",
  PAYLOAD_TOO_LARGE: "error.PAYLOAD_TOO_LARGE",
};

/** The server's specifics, without the field paths a form already shows beside each field. */
function detail(error: ApiError): string {
  return error.fields.length > 0 ? error.fields.map((field) => field.message).join("; ") : error.message;
}

/**
 * The sentence to show for `error`. `here` overrides a code's sentence where the place says more,
 * e.g. the sign-in form: `errorText(error, { UNAUTHENTICATED: "login.refused" })`.
 * An error that is not the API's (a fault in the page, a provider's refusal) shows its own message.
 */
export function errorText(error: unknown, here: Partial<ErrorMeanings> = {}): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = here[error.code as keyof ErrorMeanings] ?? MEANINGS[error.code as keyof ErrorMeanings];
  return key ? t(key, { detail: detail(error) }) : t("error.unexpected", { detail: error.message });
}
