import type { ImportUserInput } from "../graphql/generated/resolvers";
import type { Protocol } from "../inbounds/table";
import {
  CREDENTIAL_FIELDS,
  type CredentialField,
  type Credentials,
  newCredentials,
  newSubscriptionToken,
  secretSchemaOf,
  subTokenSchema,
  telegramIdSchema,
} from "../users/credentials";
import { userUsernameSchema } from "../users/service";
import { deriveStatus } from "../users/status";
import type { ResetStrategy, UserRow, UserStatus } from "../users/table";
import type { ImportMapping } from "./mapping";

export const CREDENTIAL_OF_PROTOCOL: Record<Protocol, CredentialField> = {
  vless: "vlessId",
  vmess: "vmessId",
  trojan: "trojanPassword",
  shadowsocks: "shadowsocksPassword",
  hysteria2: "hysteria2Password",
};

const SECONDS_PER_DAY = 86_400;
const NOTE_MAX = 1024;

/** A user's row as the import writes it: our columns, our units. */
export interface PlannedUserRow extends Credentials {
  username: string;
  status: UserStatus;
  enabled: boolean;
  dataLimitBytes: number | null;
  usedBytes: number;
  lifetimeUsedBytes: number;
  expireAtSec: number | null;
  onHoldExpireDays: number | null;
  resetStrategy: ResetStrategy;
  periodStartedAtSec: number | null;
  deviceLimit: number | null;
  note: string;
  telegramId: string | null;
  adminId: number;
  subToken: string;
  createdAtSec: number;
}

/** The user's secret, flow or method in one inbound where it differs from what user and inbound give. */
export interface PlannedInboundCredential {
  inboundId: number | null;
  secret: string | null;
  flow: string | null;
  method: string | null;
}

export interface PlannedUser {
  key: string;
  row: PlannedUserRow;
  groupIds: (number | null)[];
  inboundCredentials: PlannedInboundCredential[];
  legacyToken: { peerUsername: string; peerUserId: string | null; notBeforeSec: number } | null;
  /** Every secret the user will hold, by protocol, for the clash check. */
  secrets: { field: CredentialField; value: string }[];
  adjustments: string[];
  statusChange: { from: UserStatus; to: UserStatus } | null;
}

export type UserPlan = { conflict: string } | { plan: PlannedUser };

/** SQLite's lower(): ASCII only, so the users' unique index and this agree on what clashes. */
export const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function validUsername(input: ImportUserInput, adjustments: string[]): string {
  if (userUsernameSchema.safeParse(input.username).success) return input.username.trim();
  const fixed = input.username
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}_.@-]/gu, "_")
    .slice(0, 64);
  const username = fixed || `user_${input.key.replace(/[^\p{L}\p{N}_.@-]/gu, "_").slice(0, 59)}`;
  adjustments.push(`username "${input.username}" is not allowed here: imported as "${username}"`);
  return username;
}

/**
 * Turns one peer user into the row, groups and per-inbound secrets it gets here, or the reason it
 * cannot be taken as it is. Pure: the batch (./users.ts) checks clashes with the database after.
 * `existing` is the user an earlier run made from the same peer user: what the peer does not say
 * (generated secrets, token, first use) is kept from it.
 */
export function planUser(
  input: ImportUserInput,
  context: { mapping: ImportMapping; callerId: number; nowSec: number; existing: UserRow | undefined },
): UserPlan {
  const { mapping, existing, nowSec } = context;
  const adjustments: string[] = [];
  const username = validUsername(input, adjustments);

  // Access: each entry names an inbound the import mapped at beginImport.
  const access = input.access.flatMap((entry) => {
    const inbound = mapping.inbounds[entry.inboundKey];
    if (inbound) return [{ entry, inbound }];
    adjustments.push(`access to inbound "${entry.inboundKey}" dropped: that inbound was not imported`);
    return [];
  });

  // The user's own secret per protocol: given, else its first inbound secret of that protocol,
  // else what it has here already, else a new one.
  const fresh = newCredentials();
  const credentials = {} as Credentials;
  for (const field of CREDENTIAL_FIELDS) {
    const given =
      input.credentials[field] ??
      access.find(({ entry, inbound }) => CREDENTIAL_OF_PROTOCOL[inbound.protocol] === field && entry.secret)?.entry
        .secret;
    if (given == null) {
      credentials[field] = existing?.[field] ?? fresh[field];
      continue;
    }
    const parsed = secretSchemaOf(field).safeParse(given);
    if (!parsed.success)
      return { conflict: `${field}: ${parsed.error.issues[0]!.message}; its clients could not connect` };
    credentials[field] = parsed.data;
  }

  const inboundCredentials: PlannedInboundCredential[] = [];
  const secrets = CREDENTIAL_FIELDS.map((field) => ({ field, value: credentials[field] }));
  for (const { entry, inbound } of access) {
    const field = CREDENTIAL_OF_PROTOCOL[inbound.protocol];
    let secret: string | null = null;
    if (entry.secret != null) {
      const parsed = secretSchemaOf(field).safeParse(entry.secret);
      if (!parsed.success)
        return { conflict: `secret in inbound "${entry.inboundKey}": ${parsed.error.issues[0]!.message}` };
      if (parsed.data !== credentials[field]) {
        secret = parsed.data;
        secrets.push({ field, value: secret });
      }
    }
    const flow = entry.flow != null && entry.flow !== inbound.flow ? entry.flow : null;
    const method = entry.method != null && entry.method !== inbound.method ? entry.method : null;
    if (secret !== null || flow !== null || method !== null) {
      inboundCredentials.push({ inboundId: inbound.id, secret, flow, method });
    }
  }
  const groupIds = [...new Set(access.map(({ inbound }) => inbound.groupId))];

  let subToken = existing?.subToken ?? newSubscriptionToken();
  if (input.subToken != null) {
    if (subTokenSchema.safeParse(input.subToken).success) subToken = input.subToken;
    else adjustments.push(`subscription token is not one this panel accepts: the user gets a new link`);
  }

  let telegramId: string | null = null;
  if (input.telegramId != null) {
    const parsed = telegramIdSchema.safeParse(input.telegramId);
    if (parsed.success) telegramId = parsed.data;
    else adjustments.push(`Telegram id "${input.telegramId}" is not a number: left out`);
  }

  let note = input.note ?? "";
  if (note.length > NOTE_MAX) {
    note = note.slice(0, NOTE_MAX);
    adjustments.push(`note cut to ${NOTE_MAX} characters`);
  }

  let deviceLimit = input.deviceLimit ?? null;
  if (deviceLimit !== null && deviceLimit < 0) {
    adjustments.push(`device limit ${deviceLimit} is not a count: the panel setting applies`);
    deviceLimit = null;
  }

  // On hold: the clock starts at first use and runs whole days here.
  let onHoldExpireDays: number | null = null;
  let expireAtSec = input.expireAt ?? null;
  if (input.onHold) {
    const seconds = input.onHoldExpireSeconds ?? 0;
    if (seconds > 0) {
      onHoldExpireDays = Math.ceil(seconds / SECONDS_PER_DAY);
      if (seconds % SECONDS_PER_DAY !== 0)
        adjustments.push(`on-hold duration of ${seconds} s rounded up to ${onHoldExpireDays} days`);
      if (expireAtSec !== null) adjustments.push(`on hold: its expiry is set at first use, the peer's date is dropped`);
      expireAtSec = null;
    } else {
      adjustments.push(`on hold without a duration: imported as not on hold`);
    }
  }

  const fields = {
    enabled: input.enabled,
    dataLimitBytes: input.dataLimit ?? null,
    usedBytes: input.usedTraffic,
    expireAtSec,
    onHoldExpireDays,
    firstUsedAtSec: onHoldExpireDays === null ? null : (existing?.firstUsedAtSec ?? null),
  };
  const status = deriveStatus(fields, nowSec);
  const ownerId = input.ownerKey == null ? undefined : mapping.admins[input.ownerKey];

  return {
    plan: {
      key: input.key,
      row: {
        ...credentials,
        ...fields,
        username,
        status,
        lifetimeUsedBytes: input.lifetimeUsedTraffic ?? input.usedTraffic,
        resetStrategy: input.resetStrategy,
        periodStartedAtSec: input.periodStartedAt ?? null,
        deviceLimit,
        note,
        telegramId,
        // A dry run has no ids for admins it would create: the caller stands in.
        adminId: ownerId ?? context.callerId,
        subToken,
        createdAtSec: input.createdAt ?? existing?.createdAtSec ?? nowSec,
      },
      groupIds,
      inboundCredentials,
      legacyToken: input.legacyToken
        ? {
            peerUsername: input.legacyToken.username,
            peerUserId: input.legacyToken.peerUserId ?? null,
            notBeforeSec: input.legacyToken.notBefore,
          }
        : null,
      secrets,
      adjustments,
      statusChange: status === input.peerStatus ? null : { from: input.peerStatus, to: status },
    },
  };
}
