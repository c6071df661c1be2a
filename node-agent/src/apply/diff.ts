/**
 * What it takes to go from the config the core runs to a new one. Users change at runtime
 * through HandlerService (about 1 ms each, nobody disturbed); anything else — an inbound added,
 * removed or changed, the routing policy changed, or users of an inbound the core cannot change at runtime (Shadowsocks on
 * v2ray 4.34) — needs a restart, which drops every live connection and wipes the counters.
 */
import { createHash } from "node:crypto";
import { DEFAULT_ROUTING_POLICY, type AgentInbound, type AgentUser } from "../../../workers/agent/protocol/messages.ts";
import { CORE_PROFILES } from "../core/profile.ts";
import { accountKey } from "./credentials.ts";
import {
  renderCoreConfig,
  usersOfInbound,
  type RenderOptions,
  type ServedUsers,
  type SkippedInbound,
} from "../core/render.ts";

export type UserOp =
  | { kind: "add"; inbound: AgentInbound; user: AgentUser }
  | { kind: "remove"; inbound: AgentInbound; email: string; userId: number };

export interface ApplyPlan {
  restart: boolean;
  /** Why a restart is needed, for the log. */
  restartReasons: string[];
  /** Runtime user changes (empty when restarting: the new config carries every user). */
  ops: UserOp[];
  /** Inbounds of the next config this core cannot serve, with why (the same as rendering it would say). */
  skipped: SkippedInbound[];
}

/**
 * The rendered config with the clients of runtime-manageable inbounds removed: if this differs,
 * only a restart gets the core there.
 */
function shapeOf(
  served: ServedUsers,
  options: RenderOptions,
): { json: string; inbounds: Map<string, string>; routing: string; served: AgentInbound[]; skipped: SkippedInbound[] } {
  const profile = CORE_PROFILES[options.core];
  const runtimeTags = new Set(
    served.inbounds.filter((i) => profile.runtimeUserProtocols.has(i.protocol)).map((i) => i.tag),
  );
  // Clients of runtime inbounds are dropped below; not rendering them keeps a 10k-user diff cheap.
  const users = served.users.filter((u) => u.inboundTags.some((tag) => !runtimeTags.has(tag)));
  // Which inbounds are served does not depend on runtime inbounds' users (only v2ray's
  // single-user Shadowsocks looks at users, and its users are kept here), so this render also
  // answers served/skipped without rendering 10k clients a second time.
  const {
    config,
    served: rendered,
    skipped,
  } = renderCoreConfig({ inbounds: served.inbounds, users, routing: served.routing }, options);
  const inbounds = new Map<string, string>();
  // renderCoreConfig writes every inbound with a tag and settings (clients among them).
  for (const inbound of config.inbounds as Array<{ tag: string; settings: { clients?: unknown } }>) {
    const copy = structuredClone(inbound);
    if (runtimeTags.has(copy.tag)) delete copy.settings.clients;
    inbounds.set(copy.tag, JSON.stringify(copy));
  }
  const rest = { ...config, inbounds: [...inbounds.values()] };
  return {
    json: JSON.stringify(rest),
    inbounds,
    routing: JSON.stringify(served.routing ?? DEFAULT_ROUTING_POLICY),
    served: rendered,
    skipped,
  };
}

/**
 * A digest of everything in the config `served` renders to that only a restart can change
 * (inbounds, routing, core settings; not the users of runtime inbounds). Two configs with the
 * same digest run on the same core process: how a restarted agent knows it may adopt the core
 * its predecessor left running (apply/adoption.ts).
 */
export function shapeDigest(served: ServedUsers, options: RenderOptions): string {
  return createHash("sha256").update(shapeOf(served, options).json).digest("hex");
}

/**
 * @example
 * const plan = planApply(running, next, renderOptions);
 * if (plan.restart) ...; else for (const op of plan.ops) ...
 */
export function planApply(running: ServedUsers | null, next: ServedUsers, options: RenderOptions): ApplyPlan {
  if (!running)
    return {
      restart: true,
      restartReasons: ["core not running a config yet"],
      ops: [],
      skipped: shapeOf(next, options).skipped,
    };
  const before = shapeOf(running, options);
  const after = shapeOf(next, options);
  if (before.json !== after.json) {
    const reasons: string[] = [];
    for (const [tag, shape] of after.inbounds) {
      if (!before.inbounds.has(tag)) reasons.push(`inbound ${tag} added`);
      else if (before.inbounds.get(tag) !== shape) reasons.push(`inbound ${tag} changed`);
    }
    for (const tag of before.inbounds.keys()) if (!after.inbounds.has(tag)) reasons.push(`inbound ${tag} removed`);
    // Neither core can change routing at runtime that we can test here (4.34 has no such API).
    if (before.routing !== after.routing) reasons.push("routing policy changed");
    if (reasons.length === 0) reasons.push("core settings changed");
    return { restart: true, restartReasons: reasons, ops: [], skipped: after.skipped };
  }
  const profile = CORE_PROFILES[options.core];
  const ops: UserOp[] = [];
  for (const inbound of after.served) {
    if (!profile.runtimeUserProtocols.has(inbound.protocol)) continue;
    const was = new Map(usersOfInbound(inbound, running.users, options.core).map((u) => [u.email, u]));
    const now = new Map(usersOfInbound(inbound, next.users, options.core).map((u) => [u.email, u]));
    for (const [email, user] of was) {
      const successor = now.get(email);
      if (!successor || accountKey(inbound, successor) !== accountKey(inbound, user))
        ops.push({ kind: "remove", inbound, email, userId: user.id });
    }
    for (const [email, user] of now) {
      const previous = was.get(email);
      if (!previous || accountKey(inbound, previous) !== accountKey(inbound, user))
        ops.push({ kind: "add", inbound, user });
    }
  }
  // Removes first: a changed account (secret, flow, method) is a remove then an add of the same email.
  ops.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "remove" ? -1 : 1));
  return { restart: false, restartReasons: [], ops, skipped: after.skipped };
}

/**
 * The plan for a core that runs one of `possible` user sets without knowing which (a runtime
 * apply cut short by a crash has done some of its ops): every op any of them needs. Safe because
 * the applier's ops are idempotent (removing a missing user is ignored, adding a present one
 * replaces it), so the core converges on `next` from any of them.
 */
export function planConverge(possible: readonly ServedUsers[], next: ServedUsers, options: RenderOptions): ApplyPlan {
  const plans = possible.map((running) => planApply(running, next, options));
  const restart = plans.find((p) => p.restart);
  if (restart) return restart;
  const seen = new Set<string>();
  const ops: UserOp[] = [];
  for (const op of plans.flatMap((p) => p.ops)) {
    const key = `${op.kind} ${op.inbound.tag} ${op.kind === "add" ? op.user.email : op.email}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ops.push(op);
  }
  ops.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "remove" ? -1 : 1));
  return { restart: false, restartReasons: [], ops, skipped: plans[0]?.skipped ?? [] };
}
