import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, ownedUsersScope } from "../auth/roles";
import type { Db } from "../db/client";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { parsePageArgs } from "../graphql/pagination";
import { CATALOGUE, EVENT_KINDS, type EventKind, type PanelEvent } from "./catalogue";
import { events, notificationReads } from "./table";

export type EventRow = typeof events.$inferSelect;

/** Kinds about one user: all a reseller may hear (and then only about its own users). */
const USER_KINDS = EVENT_KINDS.filter((kind) => CATALOGUE[kind].audience === "user");

/**
 * What the caller may see: admins and the owner everything; a reseller only user news about
 * users it owns (never panel news, never another admin's users).
 */
function visibleTo(actor: Actor): SQL | undefined {
  const scope = ownedUsersScope(actor);
  return scope === undefined ? undefined : and(eq(events.adminId, scope), inArray(events.kind, USER_KINDS));
}

/** A stored row as the event it was emitted as (for texts and channels). */
export function rowToEvent(row: EventRow): PanelEvent {
  return {
    id: row.id,
    kind: row.kind as EventKind,
    atSec: row.atSec,
    adminId: row.adminId,
    userId: row.userId,
    serverId: row.nodeId,
    invoiceId: row.invoiceId,
    data: row.data as PanelEvent["data"],
  } as PanelEvent;
}

const eventIds = z.array(z.string().uuid("must be an event id")).max(500);

const filterSchema = z.object({
  unreadOnly: z.boolean().nullish(),
  kinds: z
    .array(z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]))
    .max(EVENT_KINDS.length)
    .nullish(),
});

/**
 * Cursors are opaque: inside, the instant and rowid of the last event seen. The rowid breaks ties
 * within a second in the order events were stored (ids are random), and the index on the
 * instant holds it, so a page is one index range.
 */
const rowid = sql<number>`${events}.rowid`;
const encodeCursor = (row: { atSec: number; rowid: number }) => btoa(`e:${row.atSec}:${row.rowid}`);

function decodeCursor(cursor: string): { atSec: number; rowid: number } {
  let text = "";
  try {
    text = atob(cursor);
  } catch {}
  const [prefix, at, id, ...rest] = text.split(":");
  const [atSec, rowidAt] = [Number(at), Number(id)];
  if (prefix !== "e" || rest.length || !Number.isSafeInteger(atSec) || !Number.isSafeInteger(rowidAt))
    throw new DomainError("BAD_USER_INPUT", "page.after is not a cursor this API issued");
  return { atSec, rowid: rowidAt };
}

/**
 * The notification centre, newest first, with whether `actor` has read each, and how many of the
 * events it may see (narrowed to `kinds`, not only this page) it has not read.
 */
export async function notificationFeed(db: Db, actor: Actor, page: unknown, rawFilter: unknown) {
  const { first, after } = parsePageArgs(page);
  const filter = parseInput(filterSchema, rawFilter);
  const cursor = after ? decodeCursor(after) : undefined;
  const read = and(eq(notificationReads.adminId, actor.id), eq(notificationReads.eventId, events.id));
  const unread = isNull(notificationReads.eventId);
  const narrowed = and(visibleTo(actor), filter.kinds?.length ? inArray(events.kind, filter.kinds) : undefined);
  const [rows, [unreadCount]] = await Promise.all([
    db
      .select({ event: events, rowid, readAtSec: notificationReads.readAtSec })
      .from(events)
      .leftJoin(notificationReads, read)
      .where(
        and(
          narrowed,
          filter.unreadOnly ? unread : undefined,
          cursor && or(lt(events.atSec, cursor.atSec), and(eq(events.atSec, cursor.atSec), lt(rowid, cursor.rowid))),
        ),
      )
      .orderBy(desc(events.atSec), desc(rowid))
      .limit(first + 1)
      .all(),
    db.select({ n: count() }).from(events).leftJoin(notificationReads, read).where(and(narrowed, unread)).all(),
  ]);
  const shown = rows.slice(0, first);
  const cursorOf = (r: (typeof rows)[number]) => encodeCursor({ atSec: r.event.atSec, rowid: r.rowid });
  return {
    edges: shown.map((r) => ({ cursor: cursorOf(r), node: { ...r.event, read: r.readAtSec !== null } })),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: shown.length ? cursorOf(shown[shown.length - 1]!) : null,
    },
    unreadCount: unreadCount!.n,
  };
}

/**
 * Marks events read for `actor`: those of `ids` it may see, or with `all` every one it may see.
 * Returns how many were unread before. Ids it may not see change nothing (and say nothing).
 */
export async function markRead(db: Db, actor: Actor, rawIds: unknown, all: boolean, nowSec: number) {
  const ids = rawIds == null ? undefined : parseInput(eventIds, rawIds);
  if (all === Boolean(ids)) throw new DomainError("BAD_USER_INPUT", "give either ids or all: true");
  const chosen = ids ? inArray(events.id, ids) : undefined;
  const result = await db.run(
    sql`INSERT INTO notification_reads (admin_id, event_id, read_at)
      SELECT ${actor.id}, ${events.id}, ${nowSec} FROM ${events} WHERE ${and(visibleTo(actor), chosen) ?? sql`true`}
      ON CONFLICT DO NOTHING`,
  );
  return result.meta.changes;
}

/** Marks `ids` unread again for `actor`; returns how many were read. */
export async function markUnread(db: Db, actor: Actor, rawIds: unknown) {
  const ids = parseInput(eventIds, rawIds);
  const result = await db
    .delete(notificationReads)
    .where(and(eq(notificationReads.adminId, actor.id), inArray(notificationReads.eventId, ids)))
    .run();
  return result.meta.changes;
}
