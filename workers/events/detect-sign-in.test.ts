import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { gql, login, OWNER, ownerToken } from "../test/api";
import { newSignInEvent, signInFailureEvents, signInNetwork, userAgentFamily } from "./detect-sign-in";

const db = createDb(env.DB);
const now = () => Math.floor(Date.now() / 1000);

describe("what counts as a new place", () => {
  it("networks are /24 for IPv4 (mapped too) and /48 for IPv6, however the address is written", () => {
    expect(signInNetwork("198.51.100.7")).toBe("198.51.100.0/24");
    expect(signInNetwork("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
    expect(signInNetwork("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(signInNetwork("2001:0db8:abcd:0099:0:0:0:2")).toBe("2001:db8:abcd::/48");
    expect(signInNetwork("2001:db8::1")).toBe("2001:db8:0::/48");
  });

  it("a browser update keeps its family; another browser or system is a new one", () => {
    const chrome = (v: string) =>
      `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`;
    expect(userAgentFamily(chrome("120.0.0.0"))).toBe(userAgentFamily(chrome("131.0.0.0")));
    expect(userAgentFamily(chrome("120.0.0.0"))).toBe("Chrome on Windows");
    expect(
      userAgentFamily("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15"),
    ).toBe("Safari on macOS");
    expect(userAgentFamily("curl/8.5.0")).toBe("curl");
    expect(userAgentFamily(null)).toBe("unknown");
  });
});

describe("admin.new_sign_in", () => {
  it("a sign-in from a new network is news; from the same network and client it is not; the first ever is not", async () => {
    const token = await ownerToken();
    const me = (await gql(`{ me { id } }`, {}, { token })).data as { me: { id: string } };
    const admin = { id: Number(me.me.id), username: OWNER.username };
    // ownerToken signed in from 198.51.100.1 with no user agent.
    const facts = { admin, method: "password", userAgent: null, country: null };
    expect(await newSignInEvent(db, { ...facts, ip: "198.51.100.200" }, now())).toBeNull();
    expect(await newSignInEvent(db, { ...facts, ip: "203.0.113.9" }, now())).toMatchObject({
      kind: "admin.new_sign_in",
      data: { admin: OWNER.username, method: "password", ip: "203.0.113.9" },
    });
    expect(
      await newSignInEvent(
        db,
        { ...facts, ip: "198.51.100.200", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" },
        now(),
      ),
    ).toMatchObject({ kind: "admin.new_sign_in" });
    expect(
      await newSignInEvent(db, { ...facts, admin: { id: 999_999, username: "nobody" }, ip: "203.0.113.9" }, now()),
    ).toBeNull();
  });
});

describe("admin.sign_in_failures", () => {
  it("fires exactly once, on the failure that reaches the threshold, for the login and for the address", async () => {
    await ownerToken();
    const ip = "192.0.2.44";
    for (let i = 0; i < 7; i++) {
      const response = await gql(
        `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { username: OWNER.username, password: "wrong-password" } },
        { ip },
      );
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const failures = (
      await env.DB.prepare(`SELECT id FROM audit_log WHERE action = 'auth.login_failed' AND ip = ? ORDER BY id`)
        .bind(ip)
        .all<{ id: number }>()
    ).results;
    expect(failures).toHaveLength(7);
    const alerts = await Promise.all(
      failures.map(({ id }) => signInFailureEvents(db, { auditId: id, login: OWNER.username, ip }, now())),
    );
    expect(alerts.map((a) => a.length)).toEqual([0, 0, 0, 0, 2, 0, 0]);
    expect(alerts[4]?.map((e) => e.data)).toEqual([
      { login: OWNER.username, ip: null, failures: 5, windowSec: 900 },
      { login: null, ip, failures: 5, windowSec: 900 },
    ]);
    // Failures older than the window do not count.
    expect(
      await signInFailureEvents(db, { auditId: failures[4]!.id, login: OWNER.username, ip }, now() + 3600),
    ).toEqual([]);
    // A right password still signs in (the run was below the account's rate limit).
    expect((await login(OWNER.username, OWNER.password, ip)).accessToken).toBeTruthy();
  });
});
