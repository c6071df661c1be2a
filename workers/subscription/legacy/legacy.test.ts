import { env, exports } from "cloudflare:workers";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { toBase64Url } from "../../lib/base64";
import { secretBox } from "../../lib/secret-box";
import { createGroup, createInbound, createServer, createUser, errorCode, gql, ok, ownerToken } from "../../test/api";
import { subscriptionSecretContext } from "../../import/table";
import { matchLegacyPath, mayBeLegacyPath, ourFormatName, type LegacyPath } from "./paths";
import { parseLegacyToken } from "./tokens";

// One database: an owner, a vless inbound served by one online node, users imported "by hand"
// (rows written as an import would), and old links built in each test with the peer's own algorithm.

const UPDATE_SETTINGS = `mutation ($input: UpdateSettingsInput!) {
  updateSettings(input: $input) { legacySubscriptionPaths { prefix format } }
}`;
const CURL = { "user-agent": "curl/8.5.0", accept: "*/*" };
const NAVIGATE = { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html" };
/** What each peer's database holds in `jwt.secret_key`: os.urandom(32).hex(). */
const MARZBAN_SECRET = "5f1c0e7b9a2d4c6e8f0a1b3c5d7e9f11223344556677889900aabbccddeeff00";
const PASARGUARD_SECRET = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b";
const NOT_BEFORE = 1_700_000_000;

let owner: string;
let groupId: string;
let marzbanSource: number;
let pasarguardSource: number;

const encode = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", encode(text)));

/** Marzban's app/utils/jwt.py: b64url("username,t") unpadded, then the first 10 chars of b64url(sha256(P + secret)); PasarGuard also took hex. */
async function marzbanToken(username: string, t: number, secret: string, digest: "base64" | "hex" = "base64") {
  const payload = toBase64Url(encode(`${username},${t}`));
  const hash = await sha256(payload + secret);
  return payload + (digest === "base64" ? toBase64Url(hash) : hex(hash)).slice(0, 10);
}

/** PasarGuard's current form: b64url("v3,id,t") + "." + b64url(HMAC-SHA256(secret, payload)). */
async function pasarguardToken(userId: number, t: number, secret: string) {
  const payload = toBase64Url(encode(`v3,${userId},${t}`));
  const key = await crypto.subtle.importKey("raw", encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `${payload}.${toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encode(payload))))}`;
}

/** The HS256 subscription JWTs both panels once gave out. */
const jwtToken = (username: string, iat: number, secret: string) =>
  new SignJWT({ access: "subscription" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(username)
    .setIssuedAt(iat)
    .sign(encode(secret));

async function importSource(kind: string, secret: string): Promise<number> {
  const instance = `${kind}.example.com`;
  const sealed = await (await secretBox(env.SECRETS_KEY)).seal(secret, subscriptionSecretContext(kind, instance));
  return (await env.DB.prepare(
    `INSERT INTO import_sources (kind, instance, subscription_secret) VALUES (?, ?, ?) RETURNING id`,
  )
    .bind(kind, instance, sealed)
    .first<{ id: number }>())!.id;
}

/** A user of ours in the served group, with its token and vless UUID. */
async function subscriber() {
  const user = await createUser(owner, { groupIds: [groupId] });
  const row = (await env.DB.prepare(`SELECT sub_token, vless_id FROM users WHERE id = ?`)
    .bind(Number(user.id))
    .first<{ sub_token: string; vless_id: string }>())!;
  return { ...user, token: row.sub_token, vlessId: row.vless_id };
}

/** A user imported from `sourceId`, where it was `peerUsername` (with id `peerUserId`), as the import writes it. */
async function importedUser(sourceId: number, peerUsername: string, peerUserId: number | null = null) {
  const user = await subscriber();
  await env.DB.prepare(
    `INSERT INTO legacy_subscription_tokens (source_id, peer_username, peer_user_id, user_id, not_before) VALUES (?, ?, ?, ?, ?)`,
  )
    .bind(sourceId, peerUsername, peerUserId === null ? null : String(peerUserId), Number(user.id), NOT_BEFORE)
    .run();
  return user;
}

/** A URL on the panel as a client (or curl) fetches it. */
async function get(path: string, headers: Record<string, string> = CURL) {
  const response = await exports.default.fetch(`http://panel.test${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const fromBase64 = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
/** Headers that differ between any two answers, or say how they were made. */
/** The answers must match but for the clock and the benchmark counters (DEBUG_D1_STATEMENTS), which differ per request. */
const comparable = (headers: Headers) =>
  [...headers].filter(([name]) => name !== "date" && !name.startsWith("x-d1-") && name !== "x-isolate-totals");

async function setLegacyPaths(paths: { prefix: string; format?: string | null }[]) {
  return gql(UPDATE_SETTINGS, { input: { legacySubscriptionPaths: paths } }, { token: owner });
}

beforeAll(async () => {
  owner = await ownerToken();
  const inbound = await createInbound(owner, { port: 44301 });
  groupId = (await createGroup(owner, { inboundIds: [inbound.id] })).id;
  const server = await createServer(owner, { address: "de.example.com", inboundIds: [inbound.id] });
  await env.DB.prepare(`UPDATE nodes SET status = 'online' WHERE id = ?`).bind(Number(server.id)).run();
  marzbanSource = await importSource("marzban", MARZBAN_SECRET);
  pasarguardSource = await importSource("pasarguard", PASARGUARD_SECRET);
});

describe("Marzban links", () => {
  it("a token minted with Marzban's algorithm and secret serves the imported user, with our /sub headers", async () => {
    const user = await importedUser(marzbanSource, "Alice_1");
    const token = await marzbanToken("Alice_1", NOT_BEFORE + 3600, MARZBAN_SECRET);
    const legacy = await get(`/sub/${token}`);
    const own = await get(`/sub/${user.token}`);
    expect(legacy.status).toBe(200);
    expect(fromBase64(legacy.body)).toContain(`vless://${user.vlessId}@de.example.com:44301`);
    expect(legacy.body).toBe(own.body);
    expect(legacy.headers.get("subscription-userinfo")).toBe("upload=0; download=0; total=0; expire=0");
    expect(comparable(legacy.headers)).toEqual(comparable(own.headers));
  });

  it("answers Marzban's other forms: a trailing slash, /info and its client types", async () => {
    const user = await importedUser(marzbanSource, "bob");
    const token = await marzbanToken("bob", NOT_BEFORE, MARZBAN_SECRET);
    expect((await get(`/sub/${token}/`)).body).toBe((await get(`/sub/${user.token}`)).body);
    const info = await get(`/sub/${token}/info`);
    expect(JSON.parse(info.body)).toMatchObject({
      status: "active",
      subscriptionUrl: `http://panel.test/sub/${user.token}`,
    });
    const xray = await get(`/sub/${token}/v2ray-json`);
    expect(xray.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(JSON.stringify(JSON.parse(xray.body))).toContain(user.vlessId);
    expect((await get(`/sub/${token}/clash-meta`)).headers.get("content-type")).toBe("text/yaml; charset=utf-8");
    expect(fromBase64((await get(`/sub/${token}/v2ray`)).body)).toContain(user.vlessId);
  });

  it("refuses a token minted before not_before, wrongly signed, signed with another secret, or naming the user in another case, exactly as an unknown token", async () => {
    await importedUser(marzbanSource, "carol");
    const good = await marzbanToken("carol", NOT_BEFORE, MARZBAN_SECRET);
    expect((await get(`/sub/${good}`)).status).toBe(200);
    const unknown = await get(`/sub/${"Q".repeat(32)}`);
    const refused = [
      await marzbanToken("carol", NOT_BEFORE - 1, MARZBAN_SECRET),
      `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`,
      await marzbanToken("carol", NOT_BEFORE, PASARGUARD_SECRET),
      await marzbanToken("Carol", NOT_BEFORE, MARZBAN_SECRET),
      await marzbanToken("nobody", NOT_BEFORE, MARZBAN_SECRET),
      // Marzban never signed with the hex digest: only PasarGuard accepts that.
      await marzbanToken("carol", NOT_BEFORE, MARZBAN_SECRET, "hex"),
      await jwtToken("carol", NOT_BEFORE - 1, MARZBAN_SECRET),
    ];
    for (const token of refused) {
      const answer = await get(`/sub/${token}`);
      expect(answer.status, token).toBe(404);
      expect(answer.body).toBe(unknown.body);
      expect(comparable(answer.headers)).toEqual(comparable(unknown.headers));
    }
  });

  it("takes the old HS256 subscription JWTs signed with the same secret", async () => {
    const user = await importedUser(marzbanSource, "dave");
    const token = await jwtToken("dave", NOT_BEFORE + 5, MARZBAN_SECRET);
    expect(token.startsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.")).toBe(true);
    expect((await get(`/sub/${token}`)).body).toBe((await get(`/sub/${user.token}`)).body);
    expect((await get(`/sub/${await jwtToken("dave", NOT_BEFORE + 5, PASARGUARD_SECRET)}`)).status).toBe(404);
  });
});

describe("Marzban links under its own subscription path", () => {
  it("resolve once the path is mapped, with its trailing slash and client types", async () => {
    const user = await importedUser(marzbanSource, "heidi");
    const token = await marzbanToken("heidi", NOT_BEFORE, MARZBAN_SECRET);
    expect((await get(`/my-sub/${token}`)).status).toBe(404);
    ok(await setLegacyPaths([{ prefix: "/my-sub/" }]));
    const own = (await get(`/sub/${user.token}`)).body;
    expect((await get(`/my-sub/${token}`)).body).toBe(own);
    expect((await get(`/my-sub/${token}/`)).body).toBe(own);
    expect((await get(`/my-sub/${token}/sing-box`)).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
    expect((await get(`/my-sub/${await jwtToken("heidi", NOT_BEFORE, MARZBAN_SECRET)}`)).body).toBe(own);
    expect((await get(`/my-sub/${await marzbanToken("heidi", NOT_BEFORE, "wrong")}`)).status).toBe(404);
    ok(await setLegacyPaths([]));
  });
});

describe("PasarGuard links", () => {
  it("resolve in its v3 HMAC form by user id, its hex- and base64-signed older forms and JWTs", async () => {
    const user = await importedUser(pasarguardSource, "erin", 42);
    const own = (await get(`/sub/${user.token}`)).body;
    const tokens = [
      await pasarguardToken(42, NOT_BEFORE, PASARGUARD_SECRET),
      await marzbanToken("erin", NOT_BEFORE, PASARGUARD_SECRET, "hex"),
      await marzbanToken("erin", NOT_BEFORE, PASARGUARD_SECRET),
      await jwtToken("erin", NOT_BEFORE, PASARGUARD_SECRET),
    ];
    for (const token of tokens) expect((await get(`/sub/${token}`)).body, token).toBe(own);
    for (const token of [
      await pasarguardToken(42, NOT_BEFORE - 1, PASARGUARD_SECRET),
      await pasarguardToken(43, NOT_BEFORE, PASARGUARD_SECRET),
      await pasarguardToken(42, NOT_BEFORE, MARZBAN_SECRET),
      `${(await pasarguardToken(42, NOT_BEFORE, PASARGUARD_SECRET)).slice(0, -2)}AA`,
    ]) {
      expect((await get(`/sub/${token}`)).status, token).toBe(404);
    }
  });
});

describe("what a legacy lookup costs", () => {
  it("adds no statement to our own links or to unknown tokens, and runs only for tokens in a peer's form", async () => {
    const user = await importedUser(marzbanSource, "frank");
    const statements = async (path: string) => (await get(path)).headers.get("x-d1-statements");
    expect(await statements(`/sub/${user.token}`)).toBe("1");
    // Unknown on a replica, then asked of the primary (route.ts readLookup): one statement each.
    expect(await statements(`/sub/${"Q".repeat(32)}`)).toBe("2");
    expect(await statements(`/sub/${"%27 OR 1=1 --"}`)).toBe("2");
    // A token in Marzban's form: ours misses, the legacy lookup runs, then the user's subscription loads.
    expect(await statements(`/sub/${await marzbanToken("frank", NOT_BEFORE, MARZBAN_SECRET)}`)).toBe("3");
    expect(await statements(`/sub/${await marzbanToken("frank", NOT_BEFORE, "wrong")}`)).toBe("4");
  });
});

describe("3x-ui and Remnawave links", () => {
  it("serves a 3x-ui subId, imported as the user's token, at /sub/ and at a mapped /json/ as Xray JSON", async () => {
    const user = await subscriber();
    const subId = "k3j9x0a2m4q8w1e5";
    await env.DB.prepare(`UPDATE users SET sub_token = ? WHERE id = ?`).bind(subId, Number(user.id)).run();
    expect(fromBase64((await get(`/sub/${subId}`)).body)).toContain(user.vlessId);
    expect((await get(`/json/${subId}`)).status).toBe(404);

    ok(await setLegacyPaths([{ prefix: "/json/", format: "XRAY_JSON" }, { prefix: "/xui-sub/" }]));
    const json = await get(`/json/${subId}`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("subscription-userinfo")).toBe("upload=0; download=0; total=0; expire=0");
    // The mapped prefixes (one setting), then the subscription's one statement.
    expect(json.headers.get("x-d1-statements")).toBe("2");
    expect(JSON.stringify(JSON.parse(json.body))).toContain(user.vlessId);
    expect(fromBase64((await get(`/xui-sub/${subId}`)).body)).toContain(user.vlessId);
    expect((await get(`/xui-sub/${subId}/clash`)).headers.get("content-type")).toBe("text/yaml; charset=utf-8");
    expect((await get(`/json/${"Q".repeat(32)}`)).status).toBe(404);
    expect((await get(`/elsewhere/${subId}`)).status).toBe(404);
    ok(await setLegacyPaths([]));
  });

  it("serves imported tokens of 16 to 128 characters, payer pages included, and nothing longer", async () => {
    const user = await subscriber();
    for (const token of ["a-B_".repeat(4), "x".repeat(64), `${"Yz_-".repeat(31)}tail`]) {
      await env.DB.prepare(`UPDATE users SET sub_token = ? WHERE id = ?`).bind(token, Number(user.id)).run();
      expect(fromBase64((await get(`/sub/${token}`)).body), token).toContain(user.vlessId);
      expect((await get(`/sub/${token}/plans`, NAVIGATE)).status, token).toBe(200);
    }
    const tooLong = "z".repeat(129);
    await env.DB.prepare(`UPDATE users SET sub_token = ? WHERE id = ?`).bind(tooLong, Number(user.id)).run();
    expect((await get(`/sub/${tooLong}`)).status).toBe(404);
  });

  it("serves a Remnawave shortUuid at /api/sub/ with its client types, and at / once mapped, never over the SPA's pages", async () => {
    const user = await subscriber();
    const shortUuid = "Zk_3-xQ9pL2mN7vB";
    await env.DB.prepare(`UPDATE users SET sub_token = ? WHERE id = ?`).bind(shortUuid, Number(user.id)).run();
    expect(fromBase64((await get(`/api/sub/${shortUuid}`)).body)).toContain(user.vlessId);
    expect((await get(`/api/sub/${shortUuid}/mihomo`)).headers.get("content-type")).toBe("text/yaml; charset=utf-8");
    expect((await get(`/api/sub/${shortUuid}/json`)).headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );

    const spaBefore = await get("/users", NAVIGATE);
    const missBefore = await get("/no-such-page-at-all", NAVIGATE);
    // The SPA's shell (web/dist, built by `npm run check` before the tests), for its routes and its own not-found page alike.
    expect([spaBefore.status, spaBefore.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
    expect(missBefore.body).toBe(spaBefore.body);
    ok(await setLegacyPaths([{ prefix: "/" }]));
    const spaPage = async (path: string) => {
      const answer = await get(path, NAVIGATE);
      return [answer.status, answer.headers.get("content-type"), answer.body];
    };
    expect(await spaPage("/users")).toEqual([spaBefore.status, spaBefore.headers.get("content-type"), spaBefore.body]);
    expect(await spaPage("/no-such-page-at-all")).toEqual([
      missBefore.status,
      missBefore.headers.get("content-type"),
      missBefore.body,
    ]);
    expect(await spaPage(`/${"Q".repeat(32)}`)).toEqual([
      missBefore.status,
      missBefore.headers.get("content-type"),
      missBefore.body,
    ]);

    expect(fromBase64((await get(`/${shortUuid}`)).body)).toContain(user.vlessId);
    const page = await get(`/${shortUuid}`, NAVIGATE);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.body).toContain(user.username);
    expect((await get(`/${"Q".repeat(32)}`)).status).toBe(404);
    // Only one segment at the root: deeper paths stay the SPA's.
    expect((await get(`/${shortUuid}/clash`)).status).toBe(404);
    ok(await setLegacyPaths([]));
  });
});

describe("the legacySubscriptionPaths setting", () => {
  it("refuses prefixes that are malformed or the panel's own, and keeps a valid list as given", async () => {
    for (const prefix of [
      "/api/sub/",
      "/graphql/",
      "/sub/",
      "/users/",
      "/assets/",
      "xui/",
      "/xui",
      "/a b/",
      "//",
      "/../",
    ]) {
      expect(errorCode(await setLegacyPaths([{ prefix }])), prefix).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await setLegacyPaths([{ prefix: "/json/", format: "PAGE" }]))).toBe("BAD_USER_INPUT");
    expect(errorCode(await setLegacyPaths([{ prefix: "/x/" }, { prefix: "/x/" }]))).toBe("BAD_USER_INPUT");
    const { updateSettings } = ok(
      await setLegacyPaths([{ prefix: "/json/", format: "XRAY_JSON" }, { prefix: "/" }, { prefix: "/a/b/" }]),
    );
    expect(updateSettings.legacySubscriptionPaths).toEqual([
      { prefix: "/json/", format: "XRAY_JSON" },
      { prefix: "/", format: null },
      { prefix: "/a/b/", format: null },
    ]);
    ok(await setLegacyPaths([]));
  });
});

describe("revoking a link", () => {
  it("ends the user's legacy tokens with its own token, in the same write", async () => {
    const user = await importedUser(marzbanSource, "grace");
    const token = await marzbanToken("grace", NOT_BEFORE, MARZBAN_SECRET);
    expect((await get(`/sub/${token}`)).status).toBe(200);
    ok(
      await gql(
        `mutation ($id: ID!) { rotateSubscriptionToken(userId: $id) { id } }`,
        { id: user.id },
        { token: owner },
      ),
    );
    expect((await get(`/sub/${token}`)).status).toBe(404);
    expect((await get(`/sub/${user.token}`)).status).toBe(404);
    const { not_before } = (await env.DB.prepare(`SELECT not_before FROM legacy_subscription_tokens WHERE user_id = ?`)
      .bind(Number(user.id))
      .first<{ not_before: number }>())!;
    expect(not_before).toBeGreaterThan(NOT_BEFORE);
  });
});

const TOKEN = "k3j9x0a2m4q8w1e5";
const PATHS: LegacyPath[] = [
  { prefix: "/", format: null },
  { prefix: "/json/", format: "xray-json" },
  { prefix: "/old/sub/", format: null },
];

describe("matching an old link's path", () => {
  it("takes the token under the longest mapped prefix, with a trailing slash or a client type", () => {
    expect(matchLegacyPath(`/json/${TOKEN}`, PATHS)).toEqual({ token: TOKEN, requested: "xray-json", root: false });
    expect(matchLegacyPath(`/old/sub/${TOKEN}/`, PATHS)).toEqual({ token: TOKEN, requested: undefined, root: false });
    expect(matchLegacyPath(`/old/sub/${TOKEN}/sing-box`, PATHS)).toMatchObject({ requested: "sing-box" });
    expect(matchLegacyPath(`/json/${TOKEN}/clash`, PATHS)).toMatchObject({ requested: "clash" });
  });

  it("at the root takes one token-shaped segment only, never one of the panel's pages", () => {
    expect(matchLegacyPath(`/${TOKEN}`, PATHS)).toEqual({ token: TOKEN, requested: undefined, root: true });
    expect(matchLegacyPath(`/${TOKEN}/clash`, PATHS)).toBeNull();
    expect(matchLegacyPath("/users", PATHS)).toBeNull();
    expect(matchLegacyPath("/short", PATHS)).toBeNull();
    expect(matchLegacyPath(`/old/${TOKEN}`, [{ prefix: "/old/sub/", format: null }])).toBeNull();
    expect(matchLegacyPath(`/json/${TOKEN}/a/b`, PATHS)).toBeNull();
  });

  it("reads the mapped prefixes only for paths that could hold a token, outside the panel's own", () => {
    expect(mayBeLegacyPath(`/json/${TOKEN}`)).toBe(true);
    expect(mayBeLegacyPath("/users/12")).toBe(false);
    expect(mayBeLegacyPath("/assets/index-0123456789abcdef.js")).toBe(false);
    expect(mayBeLegacyPath("/favicon.ico")).toBe(false);
  });

  it("names the peers' client types by our formats and leaves our own names alone", () => {
    expect(
      ["v2ray", "v2ray-json", "json", "singbox", "mihomo", "stash", "clash-meta", "info", "toString"].map(
        ourFormatName,
      ),
    ).toEqual([
      "base64",
      "xray-json",
      "xray-json",
      "sing-box",
      "clash-meta",
      "clash",
      "clash-meta",
      "info",
      "toString",
    ]);
  });
});

describe("reading a peer's token", () => {
  const payload = (text: string) => toBase64Url(new TextEncoder().encode(text));

  it("reads Marzban's username form, PasarGuard's id forms and its HMAC form", () => {
    expect(parseLegacyToken(`${payload("alice,1700000000")}0123456789`)).toMatchObject({
      form: "truncated-sha256",
      peer: { username: "alice" },
      mintedAtSec: 1_700_000_000,
      signature: "0123456789",
    });
    expect(parseLegacyToken(`${payload("v2,007,1700000000")}0123456789`)).toMatchObject({ peer: { userId: "7" } });
    expect(parseLegacyToken(`${payload("v3,42,1700000000")}.c2lnbmF0dXJl`)).toMatchObject({
      form: "hmac",
      peer: { userId: "42" },
    });
  });

  it("is no token at all when short, not base64url, not UTF-8, or not `who,when`", () => {
    for (const token of [
      "abc",
      `${payload("alice,17000x0000")}0123456789`,
      `${payload("alice")}0123456789`,
      `${payload("a,b,1700000000")}0123456789`,
      `${toBase64Url(new Uint8Array([0xff, 0xfe, 0xfd, 0x2c, 0x31, 0x32]))}0123456789`,
      `${payload("alice,1700000000")}=0123456789`,
      `${"A".repeat(32)}`,
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.not-a-jwt",
    ]) {
      expect(parseLegacyToken(token), token).toBeNull();
    }
  });
});
