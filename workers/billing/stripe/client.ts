import Stripe from "stripe";
import { DomainError } from "../../errors/domain-error";

/**
 * A Stripe client for Workers: fetch for HTTP and SubtleCrypto for signatures (the SDK's worker
 * build picks both; naming them keeps that true under any bundler condition). STRIPE_API_BASE
 * points it elsewhere than api.stripe.com: tests use a local stand-in.
 */
export function stripeClient(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE">): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new DomainError("CONFLICT", "card payments are not configured (STRIPE_SECRET_KEY)");
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return new Stripe(env.STRIPE_SECRET_KEY, {
    httpClient: Stripe.createFetchHttpClient(),
    telemetry: false,
    // Stripe's own retries are safe: every create carries an idempotency key.
    maxNetworkRetries: base ? 0 : 2,
    ...(base && {
      host: base.hostname,
      port: Number(base.port) || undefined,
      protocol: base.protocol === "http:" ? "http" : "https",
    }),
  });
}

export const subtleCrypto = () => Stripe.createSubtleCryptoProvider();
export { Stripe };
