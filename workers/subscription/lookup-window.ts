import { RenderCache } from "./cache";
import type { SubscriptionLookup } from "./load";

/**
 * Lookups an isolate answers an app's repeated fetches of one link from, each for
 * SUBSCRIPTION_LOOKUP_CACHE_SEC after its statement ran (off at 0). What changes the answer in
 * D1 (a rotated token, a disabled or limited user, new usage, settings, servers) shows to apps
 * within that bound, and at once in the isolate that ran an admin's mutation (`forgetKeptLookups`);
 * what follows from the clock (expiry) is decided per request all the same, since the plan runs on
 * every request. Only found users are kept: a stream of made-up tokens cannot evict them.
 */
const kept = new RenderCache<{ lookup: SubscriptionLookup; freshUntilMs: number }>(
  10_000,
  8 * 1024 * 1024,
  ({ lookup }) => lookup.settingsText.length + lookup.servedText.length + 1024,
);
/** Which key a kept lookup is under, to drop it once a write changes what it says (a device admitted). */
const keyOf = new WeakMap<SubscriptionLookup, string>();

/** The lookup kept under `key` while it is fresh. */
export function keptLookup(key: string, nowMs: number): SubscriptionLookup | undefined {
  const entry = kept.get(key);
  return entry && entry.freshUntilMs > nowMs ? entry.lookup : undefined;
}

/** Keeps a found user's lookup until `freshUntilMs`; a token that found nobody drops what its key held. */
export function keepLookup(key: string, lookup: SubscriptionLookup, freshUntilMs: number): void {
  if (!lookup.user) {
    kept.delete(key);
    return;
  }
  kept.set(key, { lookup, freshUntilMs });
  keyOf.set(lookup, key);
}

/** What was just written makes this lookup wrong (a device admitted): the next fetch reads. */
export function forgetLookup(lookup: SubscriptionLookup): void {
  const key = keyOf.get(lookup);
  if (key !== undefined) kept.delete(key);
}

/**
 * An admin changed something (a GraphQL mutation ran in this isolate): nothing kept here may say
 * otherwise. Other isolates see the change within the window.
 */
export function forgetKeptLookups(): void {
  kept.clear();
}
