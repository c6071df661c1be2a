import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { createInbound, createUser, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { admitNewDevice, type DeviceFacts } from "./devices";

// The device limit on its own database: one vless inbound on one online node, limit 2.

let owner: string;
let user: { id: string; token: string };

const DEVICES = `query ($id: ID!) { userDevices(userId: $id) { hwid platform model lastSeenAt } }`;
const REMOVE = `mutation ($id: ID!, $hwid: String!) { removeUserDevice(userId: $id, hwid: $hwid) }`;

async function fetchAs(hwid: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "user-agent": "Happ/3.2.0", ...extra };
  if (hwid)
    Object.assign(headers, { "x-hwid": hwid, "x-device-os": "Android", "x-ver-os": "14", "x-device-model": "Pixel 8" });
  const response = await exports.default.fetch(`http://panel.test/sub/${user.token}/links`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

beforeAll(async () => {
  owner = await ownerToken();
  const inbound = await createInbound(owner, { port: 24001 });
  const group = ok(
    await gql(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
      { input: { name: unique("dev"), inboundIds: [inbound.id] } },
      { token: owner },
    ),
  ).createGroup;
  const node = ok(
    await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: unique("n"), address: "n.example.com", inboundIds: [inbound.id] } },
      { token: owner },
    ),
  ).createServer;
  await env.DB.prepare(`UPDATE nodes SET status = 'online' WHERE id = ?`).bind(Number(node.id)).run();
  const created = await createUser(owner, { groupIds: [group.id] });
  const token = (await env.DB.prepare(`SELECT sub_token AS t FROM users WHERE id = ?`)
    .bind(Number(created.id))
    .first<{ t: string }>())!.t;
  user = { id: created.id, token };
});

describe("device limit", () => {
  it("is off by default: no x-hwid headers, any client served", async () => {
    const { status, headers, body } = await fetchAs(null);
    expect(status).toBe(200);
    expect(headers.get("x-hwid-active")).toBeNull();
    expect(body).toMatch(/^vless:\/\/.*@n\.example\.com:24001/);
  });

  it("admits devices up to the limit, serves known ones again, and gives the next a placeholder", async () => {
    ok(await gql(`mutation { updateSettings(input: { deviceLimit: 2 }) { deviceLimit } }`, {}, { token: owner }));
    const first = await fetchAs("device-one-0001");
    expect(first.headers.get("x-hwid-active")).toBe("true");
    expect(first.headers.get("x-hwid-limit")).toBe("2");
    expect(first.body).toContain("n.example.com");
    expect((await fetchAs("device-two-0002")).body).toContain("n.example.com");
    expect((await fetchAs("device-one-0001")).body).toContain("n.example.com");

    const third = await fetchAs("device-three-03");
    expect(third.status).toBe(200);
    expect(third.headers.get("x-hwid-max-devices-reached")).toBe("true");
    expect(third.body).not.toContain("n.example.com");
    expect(decodeURIComponent(third.body)).toContain("Device limit of 2 reached");

    const noId = await fetchAs(null);
    expect(noId.headers.get("x-hwid-not-supported")).toBe("true");
    expect(noId.body).not.toContain("n.example.com");

    const devices = ok(await gql(DEVICES, { id: user.id }, { token: owner })).userDevices;
    expect(devices.map((d: { hwid: string }) => d.hwid).sort()).toEqual(["device-one-0001", "device-two-0002"]);
    expect(devices[0]).toMatchObject({ platform: "Android", model: "Pixel 8" });
  });

  it("frees a place when an admin removes a device, and records it", async () => {
    expect(ok(await gql(REMOVE, { id: user.id, hwid: "device-two-0002" }, { token: owner })).removeUserDevice).toBe(
      true,
    );
    expect(ok(await gql(REMOVE, { id: user.id, hwid: "device-two-0002" }, { token: owner })).removeUserDevice).toBe(
      false,
    );
    const audit = await env.DB.prepare(
      `SELECT action, target_id FROM audit_log WHERE action = 'user.device.remove' ORDER BY id DESC LIMIT 1`,
    ).first();
    expect(audit).toEqual({ action: "user.device.remove", target_id: user.id });
    expect((await fetchAs("device-three-03")).body).toContain("n.example.com");
  });

  it("keeps device lists from anonymous callers and other resellers' eyes", async () => {
    expect(errorCode(await gql(DEVICES, { id: user.id }))).toBe("UNAUTHENTICATED");
    const name = unique("rs");
    ok(
      await gql(
        `mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id } }`,
        { input: { username: name, password: "a-long-password-123", role: "RESELLER" } },
        { token: owner },
      ),
    );
    const token = ok(
      await gql(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { username: name, password: "a-long-password-123" } },
        { ip: "198.51.100.7" },
      ),
    ).login.accessToken;
    expect(errorCode(await gql(DEVICES, { id: user.id }, { token }))).toBe("NOT_FOUND");
    expect(errorCode(await gql(REMOVE, { id: user.id, hwid: "device-one-0001" }, { token }))).toBe("NOT_FOUND");
  });

  it("follows a user's own limit over the panel's: lower, higher, or 0 for none", async () => {
    // The panel allows 2 and the user holds two devices (one and three) from the stories above.
    const set = async (deviceLimit: number | null) =>
      ok(
        await gql(
          `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { deviceLimit } }`,
          { id: user.id, input: { deviceLimit } },
          { token: owner },
        ),
      ).updateUser;
    expect(await set(3)).toEqual({ deviceLimit: 3 });
    const fourth = await fetchAs("device-four-004");
    expect(fourth.headers.get("x-hwid-limit")).toBe("3");
    expect(fourth.body).toContain("n.example.com");
    expect((await fetchAs("device-five-005")).headers.get("x-hwid-max-devices-reached")).toBe("true");
    await set(0);
    const unlimited = await fetchAs("device-five-005");
    expect(unlimited.headers.get("x-hwid-active")).toBeNull();
    expect(unlimited.body).toContain("n.example.com");
    await set(null);
    expect((await fetchAs("device-five-005")).headers.get("x-hwid-limit")).toBe("2");
    expect(
      errorCode(
        await gql(
          `mutation ($id: ID!) { updateUser(id: $id, input: {deviceLimit: -1}) { id } }`,
          { id: user.id },
          { token: owner },
        ),
      ),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("new device news", () => {
  const facts = (hwid: string): DeviceFacts => ({
    hwid,
    platform: "iOS",
    osVersion: "18",
    model: "iPhone",
    userAgent: "Happ/3.2.0",
  });

  it("a device admitted for the first time is news once; seen again or refused, it is not", async () => {
    const db = createDb(env.DB);
    const named = await createUser(owner);
    const subject = { id: Number(named.id), username: named.username };
    const now = Math.floor(Date.now() / 1000);
    const first = await admitNewDevice(db, subject, facts("news-device-0001"), 2, now);
    expect(first.admitted).toBe(true);
    expect(first.newDevice).toMatchObject({
      kind: "user.new_device",
      userId: subject.id,
      data: { username: subject.username, device: "news-device-0001", platform: "iOS", userAgent: "Happ/3.2.0" },
    });
    // A racing second fetch of the same new device is admitted but is not news again.
    expect(await admitNewDevice(db, subject, facts("news-device-0001"), 2, now + 1)).toEqual({
      admitted: true,
      newDevice: null,
    });
    expect(await admitNewDevice(db, subject, facts("news-device-0002"), 1, now + 2)).toEqual({
      admitted: false,
      newDevice: null,
    });
    // A stored device called new by a lookup from a lagging replica is admitted at the limit too.
    expect(await admitNewDevice(db, subject, facts("news-device-0001"), 1, now + 3)).toEqual({
      admitted: true,
      newDevice: null,
    });
  });
});
