/**
 * The event catalogue: every kind of news the panel emits, with what its `data` holds. Webhook
 * payloads carry CATALOGUE_VERSION; kinds and fields are only ever added within a version.
 * docs: README "Notifications" lists the same table for integrators.
 */
export const CATALOGUE_VERSION = 1;

export type Severity = "INFO" | "WARNING" | "CRITICAL";

/**
 * Who may hear an event: `user` events are about one user and reach its owning admin (a reseller
 * hears only its own) besides admins and the owner; `panel` events reach admins and the owner only.
 */
export type Audience = "user" | "panel";

interface UserRef {
  username: string;
}

/** What each kind's `data` holds (epoch seconds for instants, bytes for sizes, decimal strings for money). */
export interface EventData {
  "user.created": UserRef;
  "user.limited": UserRef & { usedBytes: number; limitBytes: number };
  "user.expired": UserRef & { expireAt: number };
  "user.disabled": UserRef;
  /** Back in service: re-enabled, renewed, a new period, or a payment. */
  "user.enabled": UserRef;
  /** Reached a reminder threshold of its data limit (settings.reminderUsagePercents). */
  "user.quota_reached": UserRef & { percent: number; usedBytes: number; limitBytes: number };
  /** Expires within a reminder threshold (settings.reminderDaysLeft). */
  "user.expires_soon": UserRef & { daysLeft: number; expireAt: number };
  "user.first_connected": UserRef & { serverId: number | null };
  /** A device (x-hwid, or a user agent when the client sends none) fetched the subscription for the first time. */
  "user.new_device": UserRef & { device: string; platform: string | null; userAgent: string | null };
  /** An hour's usage far above the user's own baseline (median + k·MAD of its hourly usage). */
  "user.usage_spike": UserRef & { hourSec: number; bytes: number; baselineBytes: number };
  /** More distinct client addresses within the detection window than the user's device limit. */
  "user.sharing_suspected": UserRef & { addresses: number; deviceLimit: number; windowSec: number };
  "server.offline": { name: string };
  /** Back after offline or degraded; `was` tells which (pending: first time online). */
  "server.online": { name: string; was: string };
  /** Reports in but its proxy core is not running. */
  "server.degraded": { name: string };
  "server.config_failed": {
    name: string;
    version: number;
    outcome: "rejected" | "failed" | "rolledBack";
    error: string | null;
  };
  "server.agent_updated": { name: string; from: string | null; to: string };
  "payment.received": {
    username: string | null;
    invoiceId: number;
    amount: string;
    currency: string;
    method: "card" | "onchain" | "manual";
  };
  "payment.refunded": { username: string | null; invoiceId: number; amount: string; currency: string };
  "payment.underpaid": {
    username: string | null;
    invoiceId: number;
    expected: string;
    received: string;
    currency: string;
  };
  "admin.new_sign_in": {
    admin: string;
    method: string;
    ip: string | null;
    country: string | null;
    userAgent: string | null;
  };
  /** Failed sign-ins over settings.failedSignInAlertThreshold within 15 minutes, for one account or address. */
  "admin.sign_in_failures": { login: string | null; ip: string | null; failures: number; windowSec: number };
  "backup.failed": { backupId: string; trigger: string; error: string };
}

export type EventKind = keyof EventData;

export interface CatalogueEntry {
  audience: Audience;
  severity: Severity;
  /** One line for the catalogue page and the README. */
  description: string;
}

export const CATALOGUE: { readonly [K in EventKind]: CatalogueEntry } = {
  "user.created": {
    audience: "user",
    severity: "INFO",
    description: "A user was created (by an admin, an import or a sale).",
  },
  "user.limited": { audience: "user", severity: "WARNING", description: "A user used up its data limit and was cut." },
  "user.expired": { audience: "user", severity: "WARNING", description: "A user's time ran out and it was cut." },
  "user.disabled": { audience: "user", severity: "INFO", description: "A user was disabled." },
  "user.enabled": { audience: "user", severity: "INFO", description: "A user is active again." },
  "user.quota_reached": {
    audience: "user",
    severity: "WARNING",
    description: "A user reached a reminder threshold of its data limit.",
  },
  "user.expires_soon": {
    audience: "user",
    severity: "WARNING",
    description: "A user expires within a reminder threshold.",
  },
  "user.first_connected": { audience: "user", severity: "INFO", description: "A user's first traffic was counted." },
  "user.new_device": { audience: "user", severity: "INFO", description: "A new device fetched a user's subscription." },
  "user.usage_spike": {
    audience: "user",
    severity: "WARNING",
    description: "A user's hourly usage is far above its own baseline.",
  },
  "user.sharing_suspected": {
    audience: "user",
    severity: "WARNING",
    description: "A user connects from more addresses than its device limit.",
  },
  "server.offline": { audience: "panel", severity: "CRITICAL", description: "A node's agent stopped reporting in." },
  "server.online": { audience: "panel", severity: "INFO", description: "A node is online (again)." },
  "server.degraded": {
    audience: "panel",
    severity: "WARNING",
    description: "A node reports in but its proxy core is not running.",
  },
  "server.config_failed": {
    audience: "panel",
    severity: "CRITICAL",
    description: "A node refused or failed to apply a config.",
  },
  "server.agent_updated": { audience: "panel", severity: "INFO", description: "A node's agent runs a new release." },
  "payment.received": { audience: "user", severity: "INFO", description: "An invoice was paid." },
  "payment.refunded": { audience: "user", severity: "WARNING", description: "A payment was refunded." },
  "payment.underpaid": {
    audience: "user",
    severity: "WARNING",
    description: "An on-chain payment arrived short of the invoice.",
  },
  "admin.new_sign_in": {
    audience: "panel",
    severity: "WARNING",
    description: "An admin signed in from a new device or network.",
  },
  "admin.sign_in_failures": {
    audience: "panel",
    severity: "CRITICAL",
    description: "Failed sign-ins went over the alert threshold.",
  },
  "backup.failed": { audience: "panel", severity: "CRITICAL", description: "A backup failed." },
};

export const EVENT_KINDS = Object.keys(CATALOGUE) as EventKind[];

/**
 * One event as emitted. `adminId` is the owning admin of the user it is about (null for panel
 * news); ids let readers link to what it is about.
 */
export interface PanelEvent<K extends EventKind = EventKind> {
  id: string;
  kind: K;
  atSec: number;
  adminId: number | null;
  userId: number | null;
  serverId: number | null;
  invoiceId: number | null;
  data: EventData[K];
}

/** Builds an event with a fresh id; ids it does not name are null. */
export function panelEvent<K extends EventKind>(
  kind: K,
  atSec: number,
  data: EventData[K],
  ids: { adminId?: number | null; userId?: number | null; serverId?: number | null; invoiceId?: number | null } = {},
): PanelEvent<K> {
  return {
    id: crypto.randomUUID(),
    kind,
    atSec,
    adminId: ids.adminId ?? null,
    userId: ids.userId ?? null,
    serverId: ids.serverId ?? null,
    invoiceId: ids.invoiceId ?? null,
    data,
  };
}
