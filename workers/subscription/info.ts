import { nextRefillAtSec } from "./refill";
import { daysLeft } from "./remarks";
import type { SubscriptionUser } from "./load";

const iso = (sec: number | null) => (sec === null ? null : new Date(sec * 1000).toISOString());

/** `/sub/<token>/info`: usage, limits, expiry and status as JSON, for pages and bots. */
export function subscriptionInfo(user: SubscriptionUser, nowSec: number, subscriptionUrl: string) {
  return {
    username: user.username,
    status: user.status,
    usedBytes: user.usedBytes,
    dataLimitBytes: user.dataLimitBytes,
    remainingBytes: user.dataLimitBytes === null ? null : Math.max(0, user.dataLimitBytes - user.usedBytes),
    expireAt: iso(user.expireAtSec),
    daysLeft: daysLeft(user, nowSec),
    onHoldExpireDays: user.onHoldExpireDays,
    resetStrategy: user.resetStrategy,
    nextResetAt: iso(nextRefillAtSec(user.resetStrategy, user.periodStartedAtSec, user.createdAtSec)),
    subscriptionUrl,
  };
}
