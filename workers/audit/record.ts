import type { PanelEvent } from "../events/catalogue";
import { is, SQL, sql } from "drizzle-orm";
import type { LiveEvent } from "../live/topics";
import type { Db } from "../db/client";
import type { Actor } from "../auth/roles";
import { auditLog } from "./table";

export interface AuditEvent {
  action: string;
  targetType?: string;
  /** SQL when the target is created in the same batch and its id is known only there. */
  targetId?: string | number | SQL;
  /** What changed, without secrets: never passwords, tokens or keys. */
  details?: Record<string, unknown>;
}

/**
 * The audit insert for one event, returned unexecuted so callers put it in the same D1 batch as
 * the change it describes: the change and its record land together or not at all.
 */
export function auditInsert(
  db: Db,
  who: { actor: Pick<Actor, "id" | "username"> | null; ip: string; nowSec: number },
  event: AuditEvent,
) {
  return db.insert(auditLog).values({
    atSec: who.nowSec,
    actorId: who.actor?.id ?? null,
    actorUsername: who.actor?.username ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId:
      event.targetId === undefined
        ? null
        : is(event.targetId, SQL)
          ? sql`CAST(${event.targetId} AS TEXT)`
          : String(event.targetId),
    ip: who.ip,
    details: event.details ?? null,
  });
}

/** What a domain write needs to know about its caller: the database, who, from where, when. */
export interface ActorContext {
  db: Db;
  actor: Actor;
  client: { ip: string };
  nowSec: () => number;
  /** Live subscribers hear about writes that matter to them (live/notifications.ts). */
  publish: (events: LiveEvent[]) => void;
  /** News for the notification centre and every channel (events/emit.ts). */
  emit: (events: PanelEvent[]) => void;
}

/** `auditInsert` for the signed-in caller of a resolver. */
export function auditBy(ctx: ActorContext, event: AuditEvent) {
  return auditInsert(ctx.db, { actor: ctx.actor, ip: ctx.client.ip, nowSec: ctx.nowSec() }, event);
}
