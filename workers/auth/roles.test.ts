import { describe, expect, it } from "vitest";
import { hasPermission, ownedUsersScope, type Actor, type Permission } from "./roles";

const ALL: Permission[] = [
  "users:read",
  "users:write",
  "users:reassign",
  "groups:read",
  "groups:write",
  "inbounds:read",
  "inbounds:write",
  "nodes:read",
  "nodes:write",
  "settings:read",
  "settings:write",
  "admins:manage",
  "audit:read",
  "system:read",
  "metrics:read",
  "sales:read",
  "sales:write",
  "billing:read",
  "billing:write",
];

const actor = (role: Actor["role"]): Actor => ({
  id: 7,
  username: "a",
  role,
  sessionId: "s",
  maxUsers: null,
  maxDataLimitBytes: null,
  mustEnrollTotp: false,
});

describe("roles", () => {
  it("let a reseller sell (plans to read, invoices for its users) but not run the panel's money", () => {
    expect(hasPermission("reseller", "sales:read")).toBe(true);
    expect(hasPermission("reseller", "sales:write")).toBe(true);
    expect(hasPermission("reseller", "billing:write")).toBe(false);
  });

  it("rank owner > admin > reseller: each holds everything the one below holds", () => {
    for (const permission of ALL) {
      if (hasPermission("reseller", permission)) expect(hasPermission("admin", permission)).toBe(true);
      if (hasPermission("admin", permission)) expect(hasPermission("owner", permission)).toBe(true);
    }
  });

  it("let only the owner manage admins", () => {
    expect(hasPermission("owner", "admins:manage")).toBe(true);
    expect(hasPermission("admin", "admins:manage")).toBe(false);
    expect(hasPermission("reseller", "admins:manage")).toBe(false);
  });

  it("keep resellers to their own users and away from infrastructure", () => {
    expect(ownedUsersScope(actor("reseller"))).toBe(7);
    expect(ownedUsersScope(actor("admin"))).toBeUndefined();
    for (const permission of [
      "inbounds:read",
      "nodes:write",
      "settings:read",
      "groups:write",
      "users:reassign",
      "metrics:read",
      "billing:read",
      "billing:write",
    ] as const) {
      expect(hasPermission("reseller", permission)).toBe(false);
    }
  });
});
