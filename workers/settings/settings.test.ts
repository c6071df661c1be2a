import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, countRows, createUser, errorCode, gql, ok, ownerToken } from "../test/api";

// One story on one database: the prefix starts empty, is set, kept, refused and cleared in turn.

const READ = `{ settings { subscriptionUrlPrefix } }`;
const UPDATE = `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { subscriptionUrlPrefix } }`;
const SUB_URL = `query ($id: ID!) { user(id: $id) { subscriptionUrl } }`;
const IP = "203.0.113.99";

let owner: string;
let admin: { id: string; username: string; token: string };
let reseller: { id: string; token: string };
let user: { id: string };
let resellersUser: { id: string };
let subToken: string;

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
  user = await createUser(admin.token);
  resellersUser = await createUser(reseller.token, { dataLimit: 1_000_000 });
  subToken = (await env.DB.prepare(`SELECT sub_token AS t FROM users WHERE id = ?`)
    .bind(Number(user.id))
    .first<{ t: string }>())!.t;
});

const subscriptionUrl = async (id = user.id, token = admin.token) =>
  ok(await gql(SUB_URL, { id }, { token })).user.subscriptionUrl as string;

async function snapshot() {
  const stored = await env.DB.prepare(`SELECT key, value FROM settings ORDER BY key`).all();
  return { settings: stored.results, audit: await countRows("audit_log") };
}

describe("settings", () => {
  it("turns away anonymous callers and resellers, changing nothing", async () => {
    const before = await snapshot();
    for (const response of [
      await gql(READ),
      await gql(UPDATE, { input: { subscriptionUrlPrefix: "https://evil.example" } }),
    ]) {
      expect(errorCode(response)).toBe("UNAUTHENTICATED");
      expect(response.data).toBeNull();
    }
    const token = reseller.token;
    for (const response of [
      await gql(READ, {}, { token }),
      await gql(UPDATE, { input: { subscriptionUrlPrefix: "https://evil.example" } }, { token }),
    ]) {
      expect(errorCode(response)).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("starts with no prefix, so subscription links use the address the panel is reached on", async () => {
    expect(ok(await gql(READ, {}, { token: admin.token })).settings).toEqual({ subscriptionUrlPrefix: "" });
    expect(await subscriptionUrl()).toBe(`http://panel.test/sub/${subToken}`);
  });

  it("sets the prefix for every subscription link, without a trailing slash, and records it", async () => {
    const auditBefore = await countRows("audit_log");
    const { updateSettings } = ok(
      await gql(
        UPDATE,
        { input: { subscriptionUrlPrefix: " https://sub.example.com/ " } },
        { token: admin.token, ip: IP },
      ),
    );
    expect(updateSettings).toEqual({ subscriptionUrlPrefix: "https://sub.example.com" });
    expect(ok(await gql(READ, {}, { token: owner })).settings).toEqual({
      subscriptionUrlPrefix: "https://sub.example.com",
    });
    expect(await subscriptionUrl()).toBe(`https://sub.example.com/sub/${subToken}`);
    expect(await subscriptionUrl(resellersUser.id, reseller.token)).toMatch(
      /^https:\/\/sub\.example\.com\/sub\/[A-Za-z0-9_-]+$/,
    );

    expect(await countRows("audit_log")).toBe(auditBefore + 1);
    const audit = await env.DB.prepare(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`).first<
      Record<string, unknown>
    >();
    expect(audit).toMatchObject({
      action: "settings.update",
      target_type: "settings",
      actor_id: Number(admin.id),
      actor_username: admin.username,
      ip: IP,
    });
    expect(JSON.parse(audit!.details as string)).toEqual({ subscriptionUrlPrefix: "https://sub.example.com" });
  });

  it("keeps the prefix when an update leaves it out", async () => {
    expect(ok(await gql(UPDATE, { input: {} }, { token: admin.token })).updateSettings).toEqual({
      subscriptionUrlPrefix: "https://sub.example.com",
    });
    expect(await subscriptionUrl()).toBe(`https://sub.example.com/sub/${subToken}`);
  });

  it("refuses anything that is not an http(s) URL and changes nothing", async () => {
    const before = await snapshot();
    const bad = [
      "sub.example.com",
      "ftp://sub.example.com",
      "javascript:alert(1)",
      "https://",
      "https://sub example.com",
      "https://sub.example.com/?token=1",
      "https://sub.example.com/#top",
      `https://${"a".repeat(250)}.com`,
    ];
    for (const subscriptionUrlPrefix of bad) {
      const response = await gql(UPDATE, { input: { subscriptionUrlPrefix } }, { token: admin.token });
      expect(errorCode(response), subscriptionUrlPrefix).toBe("BAD_USER_INPUT");
      expect((response.errors![0]!.extensions!.fields as { path: string }[])[0]!.path).toBe("subscriptionUrlPrefix");
    }
    expect(errorCode(await gql(UPDATE, { input: { subscriptionUrlPrefix: null } }, { token: admin.token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(await snapshot()).toEqual(before);
    expect(await subscriptionUrl()).toBe(`https://sub.example.com/sub/${subToken}`);
  });

  it("accepts a prefix with a path and an http prefix", async () => {
    ok(await gql(UPDATE, { input: { subscriptionUrlPrefix: "https://example.com/vpn/" } }, { token: owner }));
    expect(await subscriptionUrl()).toBe(`https://example.com/vpn/sub/${subToken}`);
    ok(await gql(UPDATE, { input: { subscriptionUrlPrefix: "http://10.0.0.1:8080" } }, { token: owner }));
    expect(await subscriptionUrl()).toBe(`http://10.0.0.1:8080/sub/${subToken}`);
  });

  it("goes back to the panel's own address when the prefix is cleared", async () => {
    expect(
      ok(await gql(UPDATE, { input: { subscriptionUrlPrefix: "" } }, { token: admin.token })).updateSettings,
    ).toEqual({ subscriptionUrlPrefix: "" });
    expect(await subscriptionUrl()).toBe(`http://panel.test/sub/${subToken}`);
  });
});
