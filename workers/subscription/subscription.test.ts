import { env, exports } from "cloudflare:workers";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../app";
import { createInbound, createUser, errorCode, gql, ok, ownerToken, unique } from "../test/api";
import { nextRefillAtSec } from "./refill";

// One database for the file: an owner, six inbounds in one group, four nodes serving them
// (two online, one offline, one never enrolled), and users made per test.

const FRANKFURT = { latitude: 50.1, longitude: 8.7 };
const SINGAPORE = { latitude: 1.35, longitude: 103.8 };
const UPDATE_SETTINGS = `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { subscriptionTitle } }`;
const UPDATE_RULES = `mutation ($rules: [SubscriptionRuleInput!]!) { updateSubscriptionRules(rules: $rules) { name action format } }`;
const RESET_RULES = `mutation { resetSubscriptionRules { name } }`;

let owner: string;
let groupId: string;
/** The group's inbounds, in creation order: vless REALITY vision, vmess, trojan, ss classic, ss 2022, hysteria2. */
let inboundIds: number[];
const nodeIds: Record<string, number> = {};
let port = 30000;

interface SubResponse {
  status: number;
  headers: Headers;
  body: string;
}

async function fetchSub(
  path: string,
  init: { headers?: Record<string, string>; method?: string; cf?: Record<string, unknown> } = {},
): Promise<SubResponse> {
  const response = await exports.default.fetch(`http://panel.test/sub/${path}`, {
    method: init.method ?? "GET",
    headers: { "user-agent": "v2rayN/7.10.5", ...init.headers },
    ...(init.cf ? { cf: init.cf } : {}),
  } as RequestInit);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const fromBase64 = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));

async function tokenOf(userId: string): Promise<string> {
  return (await env.DB.prepare(`SELECT sub_token AS t FROM users WHERE id = ?`)
    .bind(Number(userId))
    .first<{ t: string }>())!.t;
}

async function subscriber(input: Record<string, unknown> = {}) {
  const user = await createUser(owner, { groupIds: [groupId], ...input });
  return { ...user, token: await tokenOf(user.id) };
}

async function setUser(id: string, columns: Record<string, unknown>) {
  const keys = Object.keys(columns);
  await env.DB.prepare(`UPDATE users SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
    .bind(...keys.map((k) => columns[k]), Number(id))
    .run();
}

async function createNode(
  name: string,
  inboundIds: string[],
  location: { latitude: number; longitude: number } | null,
  status: string,
) {
  const { createServer } = ok(
    await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id latitude longitude } }`,
      { input: { name, address: `${name}.example.com`, inboundIds, ...location } },
      { token: owner },
    ),
  );
  expect(createServer).toMatchObject({ latitude: location?.latitude ?? null, longitude: location?.longitude ?? null });
  await env.DB.prepare(`UPDATE nodes SET status = ? WHERE id = ?`).bind(status, Number(createServer.id)).run();
  nodeIds[name] = Number(createServer.id);
}

beforeAll(async () => {
  owner = await ownerToken();
  const inbounds = [
    await createInbound(owner, {
      port: ++port,
      protocol: "VLESS",
      transport: "TCP",
      security: "REALITY",
      protocolSettings: { flow: "xtls-rprx-vision" },
      securitySettings: { realityDest: "www.microsoft.com:443", realityServerNames: ["www.microsoft.com"] },
    }),
    await createInbound(owner, {
      port: ++port,
      protocol: "VMESS",
      transport: "WS",
      security: "TLS",
      transportSettings: { path: "/vm", host: "cdn.example.com" },
      securitySettings: { serverName: "cdn.example.com" },
    }),
    await createInbound(owner, {
      port: ++port,
      protocol: "TROJAN",
      transport: "GRPC",
      security: "TLS",
      securitySettings: { serverName: "t.example.com" },
    }),
    await createInbound(owner, {
      port: ++port,
      protocol: "SHADOWSOCKS",
      protocolSettings: { method: "chacha20-ietf-poly1305" },
    }),
    await createInbound(owner, {
      port: ++port,
      protocol: "SHADOWSOCKS",
      protocolSettings: { method: "2022-blake3-aes-128-gcm" },
    }),
    await createInbound(owner, {
      port: ++port,
      protocol: "HYSTERIA2",
      security: "TLS",
      securitySettings: { serverName: "h.example.com" },
      protocolSettings: { obfsPassword: "salt" },
    }),
  ];
  const ids = inbounds.map((i) => i.id);
  inboundIds = ids.map(Number);
  groupId = ok(
    await gql(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
      { input: { name: unique("subs"), inboundIds: ids } },
      { token: owner },
    ),
  ).createGroup.id;
  await createNode("fra", ids, FRANKFURT, "online");
  await createNode("sin", ids, SINGAPORE, "online");
  await createNode("down", ids, FRANKFURT, "offline");
  await createNode("new", ids, null, "pending");
});

describe("GET /sub/:token", () => {
  it("serves base64 links of every inbound on the online nodes only, nearest node first", async () => {
    const user = await subscriber();
    const fromAsia = await fetchSub(user.token, { cf: SINGAPORE });
    expect(fromAsia.status).toBe(200);
    expect(fromAsia.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const links = fromBase64(fromAsia.body).split("\n");
    expect(links).toHaveLength(12);
    const hosts = links.map((l) =>
      l.startsWith("vmess://") ? JSON.parse(fromBase64(l.slice(8))).add : new URL(l).hostname,
    );
    expect(hosts).toEqual([...Array(6).fill("sin.example.com"), ...Array(6).fill("fra.example.com")]);
    expect(links.map((l) => l.split("://")[0])).toEqual(
      Array(2).fill(["vless", "vmess", "trojan", "ss", "ss", "hysteria2"]).flat(),
    );
    const fromEurope = fromBase64((await fetchSub(user.token, { cf: FRANKFURT })).body).split("\n");
    expect(new URL(fromEurope[0]!).hostname).toBe("fra.example.com");
    // Without a location the order is by node id: fra was created first.
    expect(new URL(fromBase64((await fetchSub(user.token)).body).split("\n")[0]!).hostname).toBe("fra.example.com");
  });

  it("falls back to every node, healthiest first, when none is online", async () => {
    const user = await subscriber();
    await env.DB.prepare(`UPDATE nodes SET status = 'offline' WHERE id IN (?, ?)`).bind(nodeIds.fra, nodeIds.sin).run();
    try {
      const links = fromBase64((await fetchSub(user.token)).body).split("\n");
      expect(links).toHaveLength(24);
      expect(new URL(links.at(-1)!).hostname).toBe("new.example.com");
    } finally {
      await env.DB.prepare(`UPDATE nodes SET status = 'online' WHERE id IN (?, ?)`)
        .bind(nodeIds.fra, nodeIds.sin)
        .run();
    }
  });

  it("names servers by the remark template and carries every header value", async () => {
    const expireAt = Math.floor(Date.now() / 1000) + 10 * 86400 - 60;
    const user = await subscriber({
      username: unique("heloise"),
      dataLimit: 10 * 2 ** 30,
      expireAt: new Date(expireAt * 1000).toISOString(),
      resetStrategy: "MONTH",
    });
    await setUser(user.id, { used_bytes: 3 * 2 ** 30 });
    ok(
      await gql(
        UPDATE_SETTINGS,
        {
          input: {
            subscriptionTitle: "VPN of {username}",
            subscriptionUpdateIntervalHours: 6,
            subscriptionSupportUrl: "https://t.me/support",
            subscriptionAnnounce: "Привет, {daysLeft} days left",
            subscriptionRemarkTemplate: "{statusEmoji} {node} {protocol} {dataLeft} {daysLeft}d",
          },
        },
        { token: owner },
      ),
    );
    try {
      const { headers, body } = await fetchSub(user.token);
      const row = (await env.DB.prepare(`SELECT created_at, period_started_at FROM users WHERE id = ?`)
        .bind(Number(user.id))
        .first<{ created_at: number; period_started_at: number | null }>())!;
      expect(headers.get("subscription-userinfo")).toBe(
        `upload=0; download=${3 * 2 ** 30}; total=${10 * 2 ** 30}; expire=${expireAt}`,
      );
      expect(headers.get("profile-update-interval")).toBe("6");
      expect(headers.get("profile-title")).toBe(
        `base64:${btoa(String.fromCharCode(...new TextEncoder().encode(`VPN of ${user.username}`)))}`,
      );
      expect(headers.get("support-url")).toBe("https://t.me/support");
      expect(headers.get("profile-web-page-url")).toBe(`http://panel.test/sub/${user.token}`);
      expect(fromBase64(headers.get("announce")!.replace(/^base64:/, ""))).toBe("Привет, 10 days left");
      expect(headers.get("subscription-refill-date")).toBe(
        String(nextRefillAtSec("month", row.period_started_at, row.created_at)),
      );
      const file = `${user.username}.txt`;
      expect(headers.get("content-disposition")).toBe(
        `attachment; filename="${file.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file)}`,
      );
      expect(headers.get("etag")).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
      const first = fromBase64(body).split("\n")[0]!;
      expect(decodeURIComponent(new URL(first).hash.slice(1))).toBe("✅ fra vless 7 GB 10d");
    } finally {
      ok(
        await gql(
          UPDATE_SETTINGS,
          {
            input: {
              subscriptionTitle: "VortexPanel",
              subscriptionUpdateIntervalHours: 12,
              subscriptionSupportUrl: "",
              subscriptionAnnounce: "",
              subscriptionRemarkTemplate: "{node} {protocol}",
            },
          },
          { token: owner },
        ),
      );
    }
  });

  it("leaves the refill date, support URL and announce out when they do not apply", async () => {
    const { headers } = await fetchSub((await subscriber()).token);
    for (const name of ["subscription-refill-date", "support-url", "announce", "x-hwid-active"])
      expect(headers.get(name), name).toBeNull();
    expect(headers.get("subscription-userinfo")).toBe("upload=0; download=0; total=0; expire=0");
  });

  it("computes the refill date exactly as the housekeeping SQL does, month ends and leap days included", async () => {
    for (const start of [
      "2025-01-31T10:00:00Z",
      "2024-02-29T00:00:00Z",
      "2024-12-31T23:59:59Z",
      "2025-03-30T01:30:00Z",
    ]) {
      const sec = Date.parse(start) / 1000;
      for (const [strategy, modifier] of [
        ["day", "+1 day"],
        ["week", "+7 days"],
        ["month", "+1 month"],
        ["year", "+1 year"],
      ] as const) {
        const sqlite = (await env.DB.prepare(`SELECT unixepoch(?, 'unixepoch', ?) AS t`)
          .bind(sec, modifier)
          .first<{ t: number }>())!.t;
        expect(nextRefillAtSec(strategy, sec, 0), `${start} ${strategy}`).toBe(sqlite);
      }
    }
  });

  it("answers HEAD with the same headers and no body", async () => {
    const user = await subscriber();
    const get = await fetchSub(user.token);
    const head = await fetchSub(user.token, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    for (const name of ["subscription-userinfo", "profile-title", "etag", "content-type"])
      expect(head.headers.get(name)).toBe(get.headers.get(name));
  });

  it("answers 304 to a matching If-None-Match and a fresh body once anything changes", async () => {
    const user = await subscriber();
    const first = await fetchSub(user.token);
    const etag = first.headers.get("etag")!;
    const again = await fetchSub(user.token, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.get("subscription-userinfo")).toBe(first.headers.get("subscription-userinfo"));
    expect(
      (await fetchSub(user.token, { headers: { "if-none-match": `"other", ${etag.replace("W/", "")}` } })).status,
    ).toBe(304);

    const changes: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ["usage", () => setUser(user.id, { used_bytes: 5 }), () => setUser(user.id, { used_bytes: 0 })],
      [
        "a node going offline",
        () => env.DB.prepare(`UPDATE nodes SET status = 'offline' WHERE id = ?`).bind(nodeIds.sin).run(),
        () => env.DB.prepare(`UPDATE nodes SET status = 'online' WHERE id = ?`).bind(nodeIds.sin).run(),
      ],
      [
        "a node's address",
        () => env.DB.prepare(`UPDATE nodes SET address = 'moved.example.com' WHERE id = ?`).bind(nodeIds.sin).run(),
        () => env.DB.prepare(`UPDATE nodes SET address = 'sin.example.com' WHERE id = ?`).bind(nodeIds.sin).run(),
      ],
      [
        "the remark template",
        () => gql(UPDATE_SETTINGS, { input: { subscriptionRemarkTemplate: "{node}/{protocol}" } }, { token: owner }),
        () => gql(UPDATE_SETTINGS, { input: { subscriptionRemarkTemplate: "{node} {protocol}" } }, { token: owner }),
      ],
    ];
    for (const [what, change, undo] of changes) {
      await change();
      try {
        const after = await fetchSub(user.token, { headers: { "if-none-match": etag } });
        expect(after.status, what).toBe(200);
        expect(after.headers.get("etag"), what).not.toBe(etag);
        if (what !== "usage") expect(after.body, what).not.toBe(first.body);
      } finally {
        await undo();
      }
    }
    // Undone, the same inputs give the same body again.
    expect((await fetchSub(user.token)).body).toBe(first.body);
  });
});

describe("forced formats", () => {
  it("serves each format at /sub/:token/:format with its media type and file name", async () => {
    const user = await subscriber();
    const expected: [string, string, string][] = [
      ["links", "text/plain; charset=utf-8", "txt"],
      ["base64", "text/plain; charset=utf-8", "txt"],
      ["xray-json", "application/json; charset=utf-8", "json"],
      ["sing-box", "application/json; charset=utf-8", "json"],
      ["clash-meta", "text/yaml; charset=utf-8", "yaml"],
      ["clash", "text/yaml; charset=utf-8", "yaml"],
      ["outline", "text/plain; charset=utf-8", "txt"],
    ];
    for (const [format, type, extension] of expected) {
      const { status, headers, body } = await fetchSub(`${user.token}/${format}`, {
        headers: { "user-agent": "clash-verge/v2" },
      });
      expect(status, format).toBe(200);
      expect(headers.get("content-type"), format).toBe(type);
      expect(headers.get("content-disposition"), format).toContain(`filename="${user.username}.${extension}"`);
      expect(headers.get("subscription-userinfo"), format).not.toBeNull();
      if (format === "links") expect(body.split("\n")).toHaveLength(12);
      if (format === "xray-json") expect((JSON.parse(body) as unknown[]).length).toBe(10);
      if (format === "sing-box") expect(JSON.parse(body).outbounds.length).toBe(2 + 12 + 1);
      if (format === "clash-meta") expect(parseYaml(body).proxies).toHaveLength(12);
      if (format === "clash")
        expect(parseYaml(body).proxies.map((p: { type: string }) => p.type)).toEqual([
          "vmess",
          "trojan",
          "ss",
          "vmess",
          "trojan",
          "ss",
        ]);
      if (format === "outline") expect(body).toMatch(/^ss:\/\/[A-Za-z0-9_-]+@fra\.example\.com:\d+#/);
    }
  });

  it("picks the format by the client's user agent when none is forced", async () => {
    const user = await subscriber();
    const cases: [string, (body: string) => unknown][] = [
      ["mihomo/1.19", (b) => parseYaml(b)["proxy-groups"]],
      ["SFA/1.11.4", (b) => JSON.parse(b).route],
      ["Stash/2.4", (b) => parseYaml(b).proxies.every((p: { type: string }) => p.type !== "vless")],
      ["Outline/1.15", (b) => b.startsWith("ss://")],
      ["Happ/3.2.0", (b) => fromBase64(b).startsWith("vless://")],
    ];
    for (const [agent, check] of cases) {
      const { status, body } = await fetchSub(user.token, { headers: { "user-agent": agent } });
      expect(status, agent).toBe(200);
      expect(check(body), agent).toBeTruthy();
    }
  });

  it("reads a trailing slash as no format, an encoded format by its name, and a deeper path as no link at all", async () => {
    const user = await subscriber();
    const plain = await fetchSub(user.token);
    const slashed = await fetchSub(`${user.token}/`);
    expect([slashed.status, slashed.body, slashed.headers.get("etag")]).toEqual([
      200,
      plain.body,
      plain.headers.get("etag"),
    ]);
    const encoded = await fetchSub(`${user.token}/clash%2Dmeta`);
    expect(encoded.body).toBe((await fetchSub(`${user.token}/clash-meta`)).body);
    const deeper = await fetchSub(`${user.token}/clash-meta/more`);
    expect(deeper.status).toBe(404);
    expect(JSON.parse(deeper.body).error.message).toMatch(/^no route for GET/);
  });

  it("serves JSON info with usage, limits, expiry and status", async () => {
    const user = await subscriber({ dataLimit: 1000, resetStrategy: "WEEK" });
    await setUser(user.id, { used_bytes: 400 });
    const { status, headers, body } = await fetchSub(`${user.token}/info`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(body)).toMatchObject({
      username: user.username,
      status: "active",
      usedBytes: 400,
      dataLimitBytes: 1000,
      remainingBytes: 600,
      expireAt: null,
      daysLeft: null,
      resetStrategy: "week",
      subscriptionUrl: `http://panel.test/sub/${user.token}`,
    });
    expect(JSON.parse(body).nextResetAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe("imported users with a secret of their own on some inbounds", () => {
  const OVERRIDES = {
    vless: "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
    vmess: "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968",
    trojan: "old trojan pass",
    shadowsocks: "old-ss-pass",
    hysteria2: "old hy2 pass",
  };

  async function override(
    userId: string,
    inboundId: number,
    columns: { secret?: string; flow?: string; method?: string },
  ) {
    await env.DB.prepare(
      `INSERT INTO user_inbound_credentials (user_id, inbound_id, secret, flow, method) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, inbound_id) DO UPDATE SET secret = excluded.secret, flow = excluded.flow, method = excluded.method`,
    )
      .bind(Number(userId), inboundId, columns.secret ?? null, columns.flow ?? null, columns.method ?? null)
      .run();
  }

  /** A user as an import leaves it: its own secrets, and others on every inbound but the 2022 one. */
  async function importedSubscriber() {
    const user = await subscriber();
    const [vless, vmess, trojan, classic, , hysteria2] = inboundIds;
    await override(user.id, vless!, { secret: OVERRIDES.vless, flow: "" });
    await override(user.id, vmess!, { secret: OVERRIDES.vmess });
    await override(user.id, trojan!, { secret: OVERRIDES.trojan });
    await override(user.id, classic!, { secret: OVERRIDES.shadowsocks, method: "aes-256-gcm" });
    await override(user.id, hysteria2!, { secret: OVERRIDES.hysteria2 });
    const own = (await env.DB.prepare(
      `SELECT vless_id, vmess_id, trojan_password, hysteria2_password FROM users WHERE id = ?`,
    )
      .bind(Number(user.id))
      .first<Record<string, string>>())!;
    return { ...user, own: Object.values(own) };
  }

  /** Share links as a client reads them: vmess JSON and classic ss userinfo decoded, the rest percent-decoded. */
  const readable = (body: string) =>
    body
      .split("\n")
      .map((line) => {
        if (line.startsWith("vmess://")) return fromBase64(line.slice(8));
        const ss = /^ss:\/\/([A-Za-z0-9_-]+)@/.exec(line);
        if (ss)
          return fromBase64(
            ss[1]!
              .replace(/-/g, "+")
              .replace(/_/g, "/")
              .padEnd(Math.ceil(ss[1]!.length / 4) * 4, "="),
          );
        return decodeURIComponent(line);
      })
      .join("\n");

  // What each format carries of the six inbounds (see forced formats above).
  const CARRIED: [string, (keyof typeof OVERRIDES)[]][] = [
    ["links", ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]],
    ["base64", ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]],
    ["xray-json", ["vless", "vmess", "trojan", "shadowsocks"]],
    ["sing-box", ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]],
    ["clash-meta", ["vless", "vmess", "trojan", "shadowsocks", "hysteria2"]],
    ["clash", ["vmess", "trojan", "shadowsocks"]],
    ["outline", ["shadowsocks"]],
  ];

  it("get their own UUID, password, flow and method for those inbounds in every format, in the same single statement", async () => {
    const user = await importedSubscriber();
    for (const [format, protocols] of CARRIED) {
      const response = await fetchSub(`${user.token}/${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("x-d1-statements"), format).toBe("1");
      const body = readable(format === "base64" ? fromBase64(response.body) : response.body);
      for (const protocol of protocols) expect(body, `${format} ${protocol}`).toContain(OVERRIDES[protocol]);
      for (const secret of user.own) expect(body, format).not.toContain(secret);
      // The vision inbound's flow is "" for this user, and its classic ss cipher is its own.
      expect(body, format).not.toContain("xtls-rprx-vision");
      expect(body, format).not.toContain("chacha20-ietf-poly1305");
      if (protocols.includes("shadowsocks")) expect(body, format).toContain("aes-256-gcm");
    }
  });

  it("leave users without overrides as they were", async () => {
    await importedSubscriber();
    const plain = await subscriber();
    const body = readable((await fetchSub(`${plain.token}/links`)).body);
    for (const secret of Object.values(OVERRIDES)) expect(body).not.toContain(secret);
    expect(body).toContain("flow=xtls-rprx-vision");
    expect(body).toContain("chacha20-ietf-poly1305:");
  });

  it("lose them when the admin rotates the user's credentials after a leak", async () => {
    const user = await importedSubscriber();
    ok(
      await gql(`mutation ($id: ID!) { rotateUserCredentials(userId: $id) { id } }`, { id: user.id }, { token: owner }),
    );
    const body = readable((await fetchSub(`${user.token}/links`)).body);
    for (const secret of Object.values(OVERRIDES)) expect(body).not.toContain(secret);
    expect(body).toContain("flow=xtls-rprx-vision");
  });

  it("serve a fresh body as soon as an override changes", async () => {
    const user = await importedSubscriber();
    const first = await fetchSub(`${user.token}/links`);
    await override(user.id, inboundIds[1]!, { secret: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" });
    const second = await fetchSub(`${user.token}/links`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(second.status).toBe(200);
    expect(readable(second.body)).toContain("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    expect(readable(second.body)).not.toContain(OVERRIDES.vmess);
  });
});

describe("links that lead nowhere", () => {
  it("answers unknown, rotated and malformed tokens and unknown formats with one identical 404, every unknown token after the same statements", async () => {
    const user = await subscriber();
    const known = await fetchSub(user.token);
    const rotated = user.token;
    ok(
      await gql(
        `mutation ($id: ID!) { rotateSubscriptionToken(userId: $id) { id } }`,
        { id: user.id },
        { token: owner },
      ),
    );
    const answers = [
      await fetchSub(rotated),
      await fetchSub("A".repeat(32)),
      await fetchSub("x"),
      await fetchSub(`${"%27 OR 1=1 --".repeat(3)}`),
      await fetchSub("b".repeat(500)),
      await fetchSub(`${await tokenOf(user.id)}/nonsense`),
      await fetchSub(`${rotated}/clash-meta`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toBe(JSON.stringify({ error: { code: "NOT_FOUND", message: "no such subscription" } }));
      // All but the date and the benchmark counters (DEBUG_D1_STATEMENTS) beyond the statement count,
      // which is compared: rows read follow each token's index walk and are not sent in production.
      const same = ([k]: [string, string]) => k !== "date" && k !== "x-isolate-totals" && !k.startsWith("x-d1-");
      expect([...answer.headers].filter(same)).toEqual([...answers[0]!.headers].filter(same));
    }
    // A known link is read from a replica; a token no replica knows is asked of the primary too,
    // as a link made seconds ago may not have reached the replica: every unknown shape alike.
    expect(known.headers.get("x-d1-statements")).toBe("1");
    const statements = answers.map((a) => a.headers.get("x-d1-statements"));
    expect(statements).toEqual(["2", "2", "2", "2", "2", "1", "2"]);
  });

  it("rotating a token makes the new link work at once and records who did it", async () => {
    const user = await subscriber();
    const before = await tokenOf(user.id);
    const { rotateSubscriptionToken } = ok(
      await gql(
        `mutation ($id: ID!) { rotateSubscriptionToken(userId: $id) { subscriptionUrl } }`,
        { id: user.id },
        { token: owner },
      ),
    );
    const after = await tokenOf(user.id);
    expect(after).not.toBe(before);
    expect(after.length * 6).toBeGreaterThanOrEqual(128);
    expect(rotateSubscriptionToken.subscriptionUrl).toBe(`http://panel.test/sub/${after}`);
    expect((await fetchSub(after)).status).toBe(200);
    expect((await fetchSub(before)).status).toBe(404);
    const audit = await env.DB.prepare(
      `SELECT action, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1`,
    ).first<Record<string, unknown>>();
    expect(audit).toMatchObject({ action: "user.rotate_subscription_token", target_id: user.id });
    expect(String(audit!.details)).not.toContain(after);
  });

  it("refuses token rotation to callers who may not change the user", async () => {
    const user = await subscriber();
    const mutation = `mutation ($id: ID!) { rotateSubscriptionToken(userId: $id) { id } }`;
    expect(errorCode(await gql(mutation, { id: user.id }))).toBe("UNAUTHENTICATED");
    const reseller = ok(
      await gql(
        `mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id } }`,
        { input: { username: unique("rs"), password: "a-long-password-123", role: "RESELLER" } },
        { token: owner },
      ),
    );
    expect(reseller).toBeDefined();
    expect(errorCode(await gql(mutation, { id: "999999" }, { token: owner }))).toBe("NOT_FOUND");
    expect(await tokenOf(user.id)).toBe(user.token);
  });
});

describe("format rules", () => {
  it("blocks, hides and reroutes clients by the admin's rules, then goes back to the defaults", async () => {
    const user = await subscriber();
    const rules = [
      {
        name: "no old v2rayNG",
        conditions: [{ header: "user-agent", operator: "REGEX", value: "^v2rayNG/1\\.[0-7]\\." }],
        action: "BLOCK",
      },
      {
        name: "hide scanners",
        match: "ANY",
        conditions: [
          { header: "user-agent", operator: "CONTAINS", value: "python" },
          { header: "x-scan", operator: "EQUALS", value: "1" },
        ],
        action: "NOT_FOUND",
      },
      {
        name: "Happ gets JSON",
        conditions: [{ header: "user-agent", operator: "CONTAINS", value: "happ/" }],
        action: "SERVE",
        format: "XRAY_JSON",
      },
    ];
    expect(ok(await gql(UPDATE_RULES, { rules }, { token: owner })).updateSubscriptionRules).toEqual([
      { name: "no old v2rayNG", action: "BLOCK", format: null },
      { name: "hide scanners", action: "NOT_FOUND", format: null },
      { name: "Happ gets JSON", action: "SERVE", format: "XRAY_JSON" },
    ]);
    try {
      const blocked = await fetchSub(user.token, { headers: { "user-agent": "v2rayNG/1.7.0" } });
      expect(blocked.status).toBe(403);
      expect(JSON.parse(blocked.body).error.code).toBe("FORBIDDEN");
      // Blocked even where a format is forced.
      expect((await fetchSub(`${user.token}/clash`, { headers: { "user-agent": "v2rayNG/1.7.0" } })).status).toBe(403);
      const hidden = await fetchSub(user.token, { headers: { "user-agent": "python-requests/2" } });
      const unknown = await fetchSub("nope", { headers: { "user-agent": "python-requests/2" } });
      expect([hidden.status, hidden.body]).toEqual([unknown.status, unknown.body]);
      expect((await fetchSub(user.token, { headers: { "user-agent": "curl", "x-scan": "1" } })).status).toBe(404);
      expect(JSON.parse((await fetchSub(user.token, { headers: { "user-agent": "Happ/3.2" } })).body)[0].remarks).toBe(
        "fra vless",
      );
      // The defaults are gone: a browser now gets links, since no rule names it.
      expect(
        (await fetchSub(user.token, { headers: { "user-agent": "Mozilla/5.0", accept: "text/html" } })).headers.get(
          "content-type",
        ),
      ).toBe("text/plain; charset=utf-8");
    } finally {
      expect(ok(await gql(RESET_RULES, {}, { token: owner })).resetSubscriptionRules[0].name).toBe("Browsers");
    }
    expect((await fetchSub(user.token, { headers: { "user-agent": "v2rayNG/1.7.0" } })).status).toBe(200);
    const actions = (
      await env.DB.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 2`).all<{ action: string }>()
    ).results.map((r) => r.action);
    expect(actions).toEqual(["subscription.rules.reset", "subscription.rules.update"]);
  });

  it("lets only settings writers change the rules, and refuses broken rules without changing them", async () => {
    const before = ok(await gql(`{ subscriptionRules { name } }`, {}, { token: owner })).subscriptionRules;
    expect(errorCode(await gql(`{ subscriptionRules { name } }`))).toBe("UNAUTHENTICATED");
    const resellerName = unique("rs");
    ok(
      await gql(
        `mutation ($input: CreateAdminInput!) { createAdmin(input: $input) { id } }`,
        { input: { username: resellerName, password: "a-long-password-123", role: "RESELLER" } },
        { token: owner },
      ),
    );
    const login = ok(
      await gql(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { username: resellerName, password: "a-long-password-123" } },
        { ip: "198.51.100.9" },
      ),
    );
    expect(errorCode(await gql(RESET_RULES, {}, { token: login.login.accessToken }))).toBe("FORBIDDEN");
    const broken = [
      [{ name: "x", conditions: [{ header: "user-agent", operator: "REGEX", value: "(" }], action: "BLOCK" }],
      [{ name: "x", conditions: [{ header: "user-agent", operator: "CONTAINS", value: "a" }], action: "SERVE" }],
      [{ name: "x", conditions: [], action: "BLOCK" }],
    ];
    for (const rules of broken)
      expect(errorCode(await gql(UPDATE_RULES, { rules }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(ok(await gql(`{ subscriptionRules { name } }`, {}, { token: owner })).subscriptionRules).toEqual(before);
  });
});

describe("a lookup window (SUBSCRIPTION_LOOKUP_CACHE_SEC: 5 s deployed, 0 in these tests)", () => {
  it("answers a link fetched again inside it without a statement, and a disabled user gets the placeholder once it ends", async () => {
    const user = await subscriber();
    const windowed = { ...env, SUBSCRIPTION_LOOKUP_CACHE_SEC: "2" };
    const fetchWindowed = async (token: string) => {
      const response = await app.request(
        `http://panel.test/sub/${token}`,
        { headers: { "user-agent": "v2rayN/7.10.5" } },
        windowed,
      );
      return {
        status: response.status,
        statements: response.headers.get("x-d1-statements"),
        body: await response.text(),
      };
    };
    const first = await fetchWindowed(user.token);
    expect([first.status, first.statements]).toEqual([200, "1"]);
    expect(await fetchWindowed(user.token)).toEqual({ ...first, statements: "0" });
    // Made-up tokens are never kept: each costs its statements (a replica, then the primary).
    for (let i = 0; i < 2; i++) expect((await fetchWindowed("A".repeat(32))).statements).toBe("2");

    await setUser(user.id, { enabled: 0, status: "disabled" });
    let body = first.body;
    while (!decodeURIComponent(fromBase64(body)).includes("Subscription disabled")) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      body = (await fetchWindowed(user.token)).body;
    }
    expect(fromBase64(body)).not.toContain("example.com");
  });

  it("starts afresh in the isolate where an admin's mutation ran: an app refreshing a rotated config gets the new one", async () => {
    const user = await subscriber();
    const windowed = { ...env, SUBSCRIPTION_LOOKUP_CACHE_SEC: "600" };
    const fetchApp = async () => {
      const response = await app.request(
        `http://panel.test/sub/${user.token}`,
        { headers: { "user-agent": "v2rayN/7.10.5" } },
        windowed,
      );
      return { statements: response.headers.get("x-d1-statements"), body: fromBase64(await response.text()) };
    };
    const before = await fetchApp();
    expect((await fetchApp()).statements).toBe("0");
    const { rotateUserCredentials } = ok(
      await gql(
        `mutation ($id: ID!) { rotateUserCredentials(userId: $id) { credentials { vlessId } } }`,
        { id: user.id },
        { token: owner },
      ),
    );
    const { vlessId } = rotateUserCredentials.credentials;
    expect(before.body).not.toContain(vlessId);
    expect(await fetchApp()).toEqual({ statements: "1", body: expect.stringContaining(vlessId) });
  });

  it("never answers a browser from it: a person looking sees a change at once, an app inside the window does not", async () => {
    const user = await subscriber();
    const windowed = { ...env, SUBSCRIPTION_LOOKUP_CACHE_SEC: "600" };
    const fetchAs = async (headers: Record<string, string>) => {
      const response = await app.request(`http://panel.test/sub/${user.token}`, { headers }, windowed);
      return { statements: response.headers.get("x-d1-statements"), body: await response.text() };
    };
    const v2rayN = { "user-agent": "v2rayN/7.10.5" };
    const browser = { "user-agent": "Mozilla/5.0", accept: "text/html,application/xhtml+xml" };
    const first = await fetchAs(v2rayN);
    expect((await fetchAs(browser)).body).toContain('<p class="status ok">Active</p>');

    await setUser(user.id, { enabled: 0, status: "disabled" });
    expect(await fetchAs(v2rayN)).toEqual({ ...first, statements: "0" });
    expect(await fetchAs(browser)).toEqual({
      statements: "1",
      body: expect.stringContaining('<p class="status bad">Disabled</p>'),
    });
    expect(await fetchAs(v2rayN)).toEqual({ ...first, statements: "0" });
  });
});

describe("users who may not connect", () => {
  const states: [string, Record<string, unknown>, string][] = [
    ["disabled", { enabled: 0, status: "disabled" }, "Subscription disabled"],
    ["limited", { data_limit_bytes: 100, used_bytes: 100 }, "Data limit of 100 B reached"],
    ["expired", { expire_at: 1_000_000 }, "Subscription expired on 1970-01-12"],
  ];

  for (const [state, columns, reason] of states) {
    it(`gives a ${state} user a placeholder that explains itself in every format, never a working config`, async () => {
      const user = await subscriber();
      await setUser(user.id, columns);
      const secrets = (await env.DB.prepare(
        `SELECT vless_id, vmess_id, trojan_password, shadowsocks_password, hysteria2_password FROM users WHERE id = ?`,
      )
        .bind(Number(user.id))
        .first<Record<string, string>>())!;
      for (const format of ["links", "base64", "xray-json", "sing-box", "clash-meta", "clash", "outline"]) {
        const { status, body } = await fetchSub(`${user.token}/${format}`);
        expect(status, format).toBe(200);
        const text = format === "base64" ? fromBase64(body) : body;
        for (const secret of Object.values(secrets)) expect(text, format).not.toContain(secret);
        expect(text, format).not.toContain("example.com");
        expect(decodeURIComponent(text), format).toContain(reason);
      }
      const info = JSON.parse((await fetchSub(`${user.token}/info`)).body);
      expect(info.status).toBe(state);
    });
  }

  it("answers 403 or the unknown-token 404 instead when the admin chooses so", async () => {
    const user = await subscriber();
    await setUser(user.id, { expire_at: 1_000_000 });
    ok(await gql(UPDATE_SETTINGS, { input: { inactiveUserResponse: "FORBIDDEN" } }, { token: owner }));
    try {
      expect((await fetchSub(user.token)).status).toBe(403);
      ok(await gql(UPDATE_SETTINGS, { input: { inactiveUserResponse: "NOT_FOUND" } }, { token: owner }));
      const hidden = await fetchSub(user.token);
      const unknown = await fetchSub("no-such-token");
      expect([hidden.status, hidden.body]).toEqual([unknown.status, unknown.body]);
    } finally {
      ok(await gql(UPDATE_SETTINGS, { input: { inactiveUserResponse: "PLACEHOLDER" } }, { token: owner }));
    }
  });

  it("serves users on hold normally: their time starts at first use", async () => {
    const user = await subscriber({ status: "ON_HOLD", onHoldExpireDays: 30 });
    const links = fromBase64((await fetchSub(user.token)).body).split("\n");
    expect(links).toHaveLength(12);
    expect(JSON.parse((await fetchSub(`${user.token}/info`)).body)).toMatchObject({ status: "on_hold", daysLeft: 30 });
  });
});

describe("the end-user page", () => {
  it("gives browsers a small page with status, usage, links with copy and QR, and import deep links", async () => {
    const user = await subscriber({ dataLimit: 2 ** 30 });
    const { status, headers, body } = await fetchSub(user.token, {
      headers: { "user-agent": "Mozilla/5.0 (Linux; Android 14)", accept: "text/html,*/*" },
    });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(body).toContain('<html lang="en" dir="ltr">');
    expect(body).toContain("Active");
    expect(body).toContain('aria-valuenow="0"');
    expect(body.match(/<svg /g)!.length).toBe(1);
    expect(body.match(/<canvas data-qr="\d+:[A-Za-z0-9+/=]+"/g)!.length).toBe(12);
    expect(body.match(/data-copy="vless:\/\//g)!.length).toBe(2);
    expect(body).toContain(`happ://add/http://panel.test/sub/${user.token}`);
    expect(body).toContain(`v2rayng://install-sub?url=${encodeURIComponent(`http://panel.test/sub/${user.token}`)}`);
    expect(body).toContain('data-slot="renew"');
    expect(body.length).toBeLessThan(40_000);
  });

  it("speaks Russian, Persian (right to left) and Chinese", async () => {
    const user = await subscriber();
    const page = async (lang: string) =>
      (await fetchSub(user.token, { headers: { accept: "text/html", "accept-language": lang } })).body;
    expect(await page("ru-RU,ru;q=0.9")).toContain("Ваша подписка");
    const fa = await page("fa");
    expect(fa).toContain('<html lang="fa" dir="rtl">');
    expect(fa).toContain("اشتراک شما");
    expect(await page("zh-CN")).toContain("您的订阅");
    expect(await page("de")).toContain("Your subscription");
    expect(
      (await fetchSub(`${user.token}?lang=zh`, { headers: { accept: "text/html", "accept-language": "ru" } })).body,
    ).toContain("您的订阅");
  });

  it("escapes what users and admins typed", async () => {
    const user = await subscriber();
    ok(await gql(UPDATE_SETTINGS, { input: { subscriptionTitle: "<script>alert(1)</script>" } }, { token: owner }));
    try {
      const { body } = await fetchSub(user.token, { headers: { accept: "text/html" } });
      expect(body).not.toContain("<script>alert(1)");
      expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    } finally {
      ok(await gql(UPDATE_SETTINGS, { input: { subscriptionTitle: "VortexPanel" } }, { token: owner }));
    }
  });

  it("shows an inactive user its state without any link", async () => {
    const user = await subscriber();
    await setUser(user.id, { expire_at: 1_000_000 });
    const { body } = await fetchSub(user.token, { headers: { accept: "text/html" } });
    expect(body).toContain("Expired");
    expect(body).not.toContain("vless://");
    expect(body).not.toContain("happ://");
  });
});
