import { DomainError } from "../errors/domain-error";

/**
 * Counts one call against `key` and refuses it once `limit` calls fall within the window. For
 * doors that cost something on every call (a stored row, chain RPC), not only on failure.
 */
export async function spend(env: Env, key: string, limit: number, windowMs: number): Promise<void> {
  const limiter = env.RATE_LIMITER.getByName(key);
  const verdict = await limiter.check(limit, windowMs);
  if (verdict.limited)
    throw new DomainError("RATE_LIMITED", `too many requests; try again in ${verdict.retryAfterSec} s`, {
      retryAfterSec: verdict.retryAfterSec,
    });
  await limiter.recordFailure(windowMs);
}
