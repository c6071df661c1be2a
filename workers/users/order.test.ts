import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Actor } from "../auth/roles";
import { createDb } from "../db/client";
import { orderedCursor, parseOrderedPage } from "./order";
import { listUsersOrdered } from "./service";
import type { UserRow } from "./table";

const OWNER_ACTOR = {
  id: 1,
  username: "owner",
  role: "owner",
  sessionId: "s",
  maxUsers: null,
  maxDataLimitBytes: null,
  mustEnrollTotp: false,
} satisfies Actor;

/** The statements a call sends to D1, with their bound values, so the test can ask SQLite how it would run them. */
function recordingD1(sent: { query: string; values: unknown[] }[]): D1Database {
  return new Proxy(env.DB, {
    get(target, property) {
      if (property !== "prepare") return Reflect.get(target, property, target);
      return (query: string) => {
        const statement = target.prepare(query);
        return new Proxy(statement, {
          get(s, p) {
            if (p === "bind")
              return (...values: unknown[]) => {
                sent.push({ query, values });
                return s.bind(...values);
              };
            const value = Reflect.get(s, p, s);
            return typeof value === "function" ? value.bind(s) : value;
          },
        });
      };
    },
  });
}

describe("the users list's sort orders", () => {
  // Used traffic is left to a sort on purpose: see the users table's indexes.
  it("walk an index by name and by expiry, either way, first page or after a cursor: no sort of every user", async () => {
    for (const by of ["username", "expire_at"] as const) {
      for (const descending of [false, true]) {
        const sent: { query: string; values: unknown[] }[] = [];
        const db = createDb(recordingD1(sent));
        const first = parseOrderedPage({ by, descending }, { first: 1 });
        await listUsersOrdered(db, OWNER_ACTOR, undefined, first);
        const cursor = orderedCursor(first)({ id: 7, username: "m", usedBytes: 5, expireAtSec: 5 } as UserRow);
        await listUsersOrdered(
          db,
          OWNER_ACTOR,
          undefined,
          parseOrderedPage({ by, descending }, { first: 1, after: cursor }),
        );
        expect(sent).toHaveLength(2);
        for (const { query, values } of sent) {
          const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
            .bind(...values)
            .all<{ detail: string }>();
          const details = plan.results.map((row) => row.detail).join("; ");
          expect(details, `${by} ${descending ? "desc" : "asc"}: ${details}`).toMatch(
            /USING (COVERING )?INDEX users_(username|expiry)_idx/,
          );
          expect(details).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });
});
