import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { deriveStatus, type StatusInputs } from "./status";
import { derivedStatusSql } from "./status-sql";

const NOW = 1_800_000_000;

describe("derivedStatusSql", () => {
  it("agrees with deriveStatus on every combination of the inputs", async () => {
    const db = createDb(env.DB);
    await env.DB.exec("INSERT INTO admins (id, username, password_hash, role) VALUES (1, 'o', 'x', 'owner')");
    const cases: StatusInputs[] = [];
    for (const enabled of [true, false])
      for (const [dataLimitBytes, usedBytes] of [
        [null, 5],
        [10, 9],
        [10, 10],
        [10, 11],
      ] as const)
        for (const expireAtSec of [null, NOW - 1, NOW, NOW + 1])
          for (const [onHoldExpireDays, firstUsedAtSec] of [
            [null, null],
            [7, null],
            [7, NOW - 10],
          ] as const)
            cases.push({ enabled, dataLimitBytes, usedBytes, expireAtSec, onHoldExpireDays, firstUsedAtSec });
    for (const [i, c] of cases.entries()) {
      await env.DB.prepare(
        `INSERT INTO users (id, username, status, enabled, data_limit_bytes, used_bytes, expire_at, on_hold_expire_days, first_used_at,
          admin_id, sub_token, vless_id, vmess_id, trojan_password, shadowsocks_password, hysteria2_password)
         VALUES (?, ?, 'active', ?, ?, ?, ?, ?, ?, 1, ?, 'a', 'b', 'c', 'd', 'e')`,
      )
        .bind(
          i + 1,
          `u${i}`,
          c.enabled ? 1 : 0,
          c.dataLimitBytes,
          c.usedBytes,
          c.expireAtSec,
          c.onHoldExpireDays,
          c.firstUsedAtSec,
          `t${i}`,
        )
        .run();
    }
    const rows = await db.all<{ id: number; derived: string }>(
      sql`SELECT id, ${derivedStatusSql(NOW)} AS derived FROM users ORDER BY id`,
    );
    expect(rows).toHaveLength(cases.length);
    for (const row of rows)
      expect(row.derived, JSON.stringify(cases[row.id - 1])).toBe(deriveStatus(cases[row.id - 1]!, NOW));
  });
});
