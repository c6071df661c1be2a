/**
 * Remark and title templates: `{variable}` placeholders filled from the user and the endpoint.
 * Unknown names are refused when an admin saves a template (settings), so rendering never guesses.
 */
import type { UserStatus } from "../users/table";

export const USER_VARIABLES = [
  "username",
  "status",
  "statusEmoji",
  "dataUsed",
  "dataLeft",
  "dataLimit",
  "daysLeft",
  "expireDate",
] as const;
export const ENDPOINT_VARIABLES = ["node", "protocol", "transport", "security", "inbound"] as const;
export const TEMPLATE_VARIABLES = [...USER_VARIABLES, ...ENDPOINT_VARIABLES] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export const STATUS_EMOJI: Record<UserStatus, string> = {
  active: "✅",
  on_hold: "⏳",
  limited: "🪫",
  expired: "⌛",
  disabled: "⛔",
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Names in `template` that are not variables; empty when the template is usable. */
export function unknownVariables(template: string, allowed: readonly string[] = TEMPLATE_VARIABLES): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !allowed.includes(name));
}

/**
 * Fills `{name}` placeholders; a variable without a value becomes empty and the spaces it leaves are squeezed.
 *
 * @example fillTemplate("{statusEmoji} {node}", { statusEmoji: "✅", node: "DE" }) // "✅ DE"
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (name in values ? (values[name as TemplateVariable] ?? "") : whole))
    .replace(/\s{2,}/g, " ")
    .trim();
}

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** Binary units with the familiar labels clients show (1 GB = 2^30 bytes), one decimal under 100. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, "")} ${UNITS[unit]}`;
}

export interface UsageFacts {
  username: string;
  status: UserStatus;
  usedBytes: number;
  dataLimitBytes: number | null;
  expireAtSec: number | null;
  onHoldExpireDays: number | null;
}

export const UNLIMITED = "∞";

/** Whole days until expiry, rounded up (an hour left is "1 day"); null when it never expires. */
export function daysLeft(user: Pick<UsageFacts, "expireAtSec" | "onHoldExpireDays">, nowSec: number): number | null {
  if (user.expireAtSec === null) return user.onHoldExpireDays;
  return Math.max(0, Math.ceil((user.expireAtSec - nowSec) / 86_400));
}

/** The user-level template values (endpoint variables are added per endpoint). */
export function userValues(user: UsageFacts, nowSec: number): TemplateValues {
  const days = daysLeft(user, nowSec);
  return {
    username: user.username,
    status: user.status,
    statusEmoji: STATUS_EMOJI[user.status],
    dataUsed: formatBytes(user.usedBytes),
    dataLeft: user.dataLimitBytes === null ? UNLIMITED : formatBytes(user.dataLimitBytes - user.usedBytes),
    dataLimit: user.dataLimitBytes === null ? UNLIMITED : formatBytes(user.dataLimitBytes),
    daysLeft: days === null ? UNLIMITED : String(days),
    expireDate: user.expireAtSec === null ? UNLIMITED : new Date(user.expireAtSec * 1000).toISOString().slice(0, 10),
  };
}
