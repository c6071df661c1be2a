import type { Role } from "../admins/table";
import { DomainError } from "../errors/domain-error";

/** Who is signed in, as every resolver sees it. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  sessionId: string;
  maxUsers: number | null;
  maxDataLimitBytes: number | null;
  /** The role requires TOTP and the admin has none: only enrollment is open to it. */
  mustEnrollTotp: boolean;
}

export type Permission =
  | "users:read"
  | "users:write"
  | "users:reassign"
  | "groups:read"
  | "groups:write"
  | "inbounds:read"
  | "inbounds:write"
  | "nodes:read"
  | "nodes:write"
  | "settings:read"
  | "settings:write"
  | "admins:manage"
  | "audit:read"
  | "system:read"
  /** Panel-wide figures (all users, all servers, total traffic): not for resellers. */
  | "metrics:read"
  /** Plans to sell, and invoices of the users the actor may see (a reseller: its own). */
  | "sales:read"
  /** Issue and void invoices for those users. */
  | "sales:write"
  /** Panel-wide money: edit plans, chains and tokens, Stripe, revenue; mark paid and refund. */
  | "billing:read"
  | "billing:write"
  /** Take and list backups. */
  | "backups:write"
  /** Owner only: what can replace the whole panel or run code on every node (restore, download or upload a backup, agent releases). */
  | "system:manage";

const RESELLER: Permission[] = [
  "users:read",
  "users:write",
  "groups:read",
  "audit:read",
  "system:read",
  "sales:read",
  "sales:write",
];
const ADMIN: Permission[] = [
  ...RESELLER,
  "users:reassign",
  "groups:write",
  "inbounds:read",
  "inbounds:write",
  "nodes:read",
  "nodes:write",
  "settings:read",
  "settings:write",
  "metrics:read",
  "billing:read",
  "billing:write",
  "backups:write",
];
const OWNER: Permission[] = [...ADMIN, "admins:manage", "system:manage"];

/** owner > admin > reseller: each role holds everything the one below it holds. */
const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  reseller: new Set(RESELLER),
  admin: new Set(ADMIN),
  owner: new Set(OWNER),
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) {
    throw new DomainError("FORBIDDEN", `the ${actor.role} role may not do this (${permission})`);
  }
}

/**
 * The owning admin a query over VPN users is confined to: a reseller sees only its own users,
 * admins and the owner see all (undefined means "no confinement").
 */
export function ownedUsersScope(actor: Pick<Actor, "id" | "role">): number | undefined {
  return actor.role === "reseller" ? actor.id : undefined;
}
