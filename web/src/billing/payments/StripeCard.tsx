/** Stripe's status on the Payments page: keys and webhook secret configured, the webhook URL, the last webhook. */
export function StripeCard() {
  return null;
}
