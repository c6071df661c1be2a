import type { UserStatus } from "./table";

export interface StatusInputs {
  enabled: boolean;
  dataLimitBytes: number | null;
  usedBytes: number;
  expireAtSec: number | null;
  onHoldExpireDays: number | null;
  firstUsedAtSec: number | null;
}

/**
 * A user's status follows from its fields; it is never set by hand. The order says which reason
 * wins when several hold: an admin's "disabled" first, then the quota, then the clock.
 *
 * @example
 * deriveStatus({ enabled: true, dataLimitBytes: 10, usedBytes: 10, ... }, now) // "limited"
 */
export function deriveStatus(user: StatusInputs, nowSec: number): UserStatus {
  if (!user.enabled) return "disabled";
  if (user.dataLimitBytes !== null && user.usedBytes >= user.dataLimitBytes) return "limited";
  if (user.expireAtSec !== null && user.expireAtSec <= nowSec) return "expired";
  if (user.onHoldExpireDays !== null && user.firstUsedAtSec === null) return "on_hold";
  return "active";
}
