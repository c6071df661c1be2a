/**
 * A node's config history as the page shows it: which two versions to compare first, and a diff
 * between two versions laid out for reading (inbounds by tag, routing fields, users with counts
 * and names). The panel computes the diff; this decides only its presentation.
 */
import type { NodeOperationStatus, ServerConfigDiffQuery } from "../graphql/generated/graphql";

type Diff = ServerConfigDiffQuery["serverConfigDiff"];

export interface UserChanges {
  /** Exact, even when fewer names came (the panel lists at most 200). */
  count: number;
  /** Usernames, or `#id` for a user deleted since. */
  names: string[];
  /** Users counted but not named. */
  more: number;
}

export interface DiffView {
  inbounds: { tag: string; change: "added" | "removed" | "changed"; fields: string[] }[];
  routing: string[];
  users: { from: number; to: number; added: UserChanges; removed: UserChanges; changed: number };
  /** Nothing that a node serves differs. */
  same: boolean;
}

const userChanges = (refs: Diff["usersAdded"], count: number): UserChanges => {
  const names = refs.map((user) => user.username ?? `#${user.id}`);
  return { count, names, more: Math.max(0, count - names.length) };
};

export function presentDiff(diff: Diff): DiffView {
  const inbounds: DiffView["inbounds"] = [
    ...diff.inboundsAdded.map((tag) => ({ tag, change: "added" as const, fields: [] })),
    ...diff.inboundsRemoved.map((tag) => ({ tag, change: "removed" as const, fields: [] })),
    ...diff.inboundsChanged.map((c) => ({ tag: c.tag, change: "changed" as const, fields: c.fields })),
  ].sort((a, b) => a.tag.localeCompare(b.tag));
  const users = {
    from: diff.usersFrom,
    to: diff.usersTo,
    added: userChanges(diff.usersAdded, diff.usersAddedCount),
    removed: userChanges(diff.usersRemoved, diff.usersRemovedCount),
    changed: diff.usersChangedCount,
  };
  const same =
    inbounds.length === 0 &&
    diff.routingChanged.length === 0 &&
    users.added.count === 0 &&
    users.removed.count === 0 &&
    users.changed === 0;
  return { inbounds, routing: diff.routingChanged, users, same };
}

/**
 * What to compare when the history opens: the newest version against the one before it, among
 * versions whose config is still kept (an aged-out one cannot be read). Null with fewer than two.
 */
export function defaultComparison(history: readonly { version: number; kept: boolean }[]): {
  from: number;
  to: number;
} | null {
  const kept = history
    .filter((h) => h.kept)
    .map((h) => h.version)
    .sort((a, b) => b - a);
  return kept.length >= 2 ? { from: kept[1]!, to: kept[0]! } : null;
}

/** Operations the node has yet to finish: while any is, the page keeps asking. */
export const isOperationActive = (status: NodeOperationStatus): boolean =>
  status === "PENDING" || status === "SENT" || status === "RUNNING";

/** Remote operations ride on protocol level 2; a node that never said (or said 1) cannot run them. */
export const runsOperations = (agentProtocol: number | null | undefined): boolean => (agentProtocol ?? 1) >= 2;
