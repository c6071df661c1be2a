import type { SubscriptionUser } from "../subscription/load";
import { SECRETS } from "../subscription/testing";

const NOW_SEC = 1_800_000_000;

/** An active user with no limits, as the subscription code loads it; tests override what they are about. */
export function subscriptionUser(overrides: Partial<SubscriptionUser> = {}): SubscriptionUser {
  return {
    id: 7,
    username: "alice",
    status: "active",
    enabled: true,
    dataLimitBytes: null,
    usedBytes: 0,
    expireAtSec: null,
    onHoldExpireDays: null,
    firstUsedAtSec: null,
    resetStrategy: "none",
    deviceLimit: null,
    periodStartedAtSec: null,
    createdAtSec: NOW_SEC - 86400,
    updatedAtSec: NOW_SEC - 86400,
    subToken: "a".repeat(32),
    ...SECRETS,
    ...overrides,
  };
}
