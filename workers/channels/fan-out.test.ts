import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbFor } from "../db/client";
import { panelEvent, type PanelEvent } from "../events/catalogue";
import { adminAs, gql, ok, ownerToken } from "../test/api";
import { fanOut } from "./fan-out";

type Admin = { id: string; token: string };

let owner: string;
let admin: Admin;
let resellerA: Admin;
let resellerB: Admin;
let disabledAdmin: Admin;
const channels: Record<string, string> = {};

async function channel(token: string, name: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql<{ createWebhookChannel: { channel: { id: string } } }>(
      `mutation ($input: WebhookChannelInput!) { createWebhookChannel(input: $input) { channel { id } } }`,
      { input: { name, url: "http://127.0.0.1:9/hook", ...input } },
      { token },
    ),
  );
  channels[name] = data.createWebhookChannel.channel.id;
}

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  resellerA = await adminAs(owner, "RESELLER");
  resellerB = await adminAs(owner, "RESELLER");
  await channel(owner, "owner: everything");
  await channel(admin.token, "admin: nodes only", { eventKinds: ["server.offline"] });
  await channel(resellerA.token, "reseller A: everything it may hear");
  await channel(resellerB.token, "reseller B: disabled", { enabled: false });
  await channel(resellerB.token, "reseller B: expiries", { eventKinds: ["user.expired"] });
  disabledAdmin = await adminAs(owner, "ADMIN");
  await channel(disabledAdmin.token, "disabled admin");
  ok(
    await gql(
      `mutation ($id: ID!) { updateAdmin(id: $id, input: { disabled: true }) { id } }`,
      { id: disabledAdmin.id },
      { token: owner },
    ),
  );
});

// The deliveries queue's consumer works on what fan-out queued (the events are not stored, so each
// delivery ends dead at once); the file ends once it has, not while the consumer is mid-batch.
afterAll(async () => {
  for (let i = 0; i < 600; i++) {
    const left = await env.DB.prepare(
      `SELECT count(*) AS n FROM notification_deliveries WHERE status = 'pending'`,
    ).first<{ n: number }>();
    if (left!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 70_000);

const now = Math.floor(Date.now() / 1000);

/** Which channels (by name) got a delivery of each event. */
async function deliveredTo(events: PanelEvent[]): Promise<Record<string, string[]>> {
  const names = Object.fromEntries(Object.entries(channels).map(([name, id]) => [id, name]));
  const rows = await env.DB.prepare(
    `SELECT event_id, channel_id FROM notification_deliveries
     WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY channel_id`,
  )
    .bind(JSON.stringify(events.map((e) => e.id)))
    .all<{ event_id: string; channel_id: number }>();
  const kindOf = new Map(events.map((e) => [e.id, `${e.kind}@${e.adminId ?? "panel"}`]));
  const result: Record<string, string[]> = {};
  for (const row of rows.results) {
    const key = kindOf.get(row.event_id)!;
    result[key] = [...(result[key] ?? []), names[String(row.channel_id)]!];
  }
  return result;
}

describe("fan-out", () => {
  it("gives each event to the channels that want it and whose owner may hear it, once however often it runs", async () => {
    const a = Number(resellerA.id);
    const b = Number(resellerB.id);
    const events = [
      panelEvent("user.expired", now, { username: "a-user", expireAt: now }, { adminId: a, userId: 1 }),
      panelEvent("user.expired", now, { username: "b-user", expireAt: now }, { adminId: b, userId: 2 }),
      panelEvent("user.disabled", now, { username: "b-user" }, { adminId: b, userId: 2 }),
      panelEvent("server.offline", now, { name: "edge-1" }, { serverId: 1 }),
      // Panel news never reaches a reseller, even with its id on it.
      panelEvent("backup.failed", now, { backupId: "x", trigger: "cron", error: "boom" }, { adminId: a }),
    ];
    const db = dbFor(env);
    await fanOut(env, db, events, now);
    const expected = {
      [`user.expired@${a}`]: ["owner: everything", "reseller A: everything it may hear"],
      [`user.expired@${b}`]: ["owner: everything", "reseller B: expiries"],
      [`user.disabled@${b}`]: ["owner: everything"],
      "server.offline@panel": ["owner: everything", "admin: nodes only"],
      [`backup.failed@${a}`]: ["owner: everything"],
    };
    expect(await deliveredTo(events)).toEqual(expected);
    // The events consumer may run the same batch again: nothing is added.
    await fanOut(env, db, events, now);
    expect(await deliveredTo(events)).toEqual(expected);
  });

  it("costs the same few statements for one event as for forty", async () => {
    const counts: number[] = [];
    for (const n of [1, 40]) {
      const counter = { statements: 0 };
      // Users of no admin: only the owner's channel hears them, one delivery each.
      const events = Array.from({ length: n }, (_, i) => panelEvent("user.created", now, { username: `u${i}` }));
      await fanOut(env, dbFor(env, { counter }), events, now);
      counts.push(counter.statements);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
