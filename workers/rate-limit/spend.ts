import type { RateLimitVerdict } from "../../durable-objects/rate-limiter";
import { DomainError } from "../errors/domain-error";

/** A RateLimiter stub, or anything that answers like one. */
export interface Limiter {
  spend(limit: number, windowMs: number): Promise<RateLimitVerdict>;
  refund(): Promise<void>;
  clear(): Promise<void>;
}

export interface Limit {
  limit: number;
  windowMs: number;
}

/**
 * Spends one attempt on every limiter, or on none: when any refuses, those that counted it are
 * refunded and the call is refused as RATE_LIMITED, `refusal` saying what was too many.
 */
export async function spendOrRefuse(attempts: [Limiter, Limit][], refusal: string): Promise<void> {
  const verdicts = await Promise.all(attempts.map(([limiter, { limit, windowMs }]) => limiter.spend(limit, windowMs)));
  const limited = verdicts.find((verdict) => verdict.limited);
  if (!limited) return;
  await Promise.all(attempts.filter((_, i) => !verdicts[i]!.limited).map(([limiter]) => limiter.refund()));
  throw new DomainError("RATE_LIMITED", `${refusal}; try again in ${limited.retryAfterSec} s`, {
    retryAfterSec: limited.retryAfterSec,
  });
}

/**
 * Counts one call against `key` and refuses it once `limit` calls fall within the window. For
 * doors that cost something on every call (a stored row, chain RPC), not only on failure.
 */
export function spend(env: Env, key: string, limit: number, windowMs: number): Promise<void> {
  return spendOrRefuse([[env.RATE_LIMITER.getByName(key), { limit, windowMs }]], "too many requests");
}
