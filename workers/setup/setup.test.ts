import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countRows, login } from "../test/api";

const post = (body: unknown, token?: string) =>
  exports.default.fetch("http://panel.test/api/setup", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

// One story on one fresh database: strangers fail, bad input fails, then exactly one owner is made.
describe("POST /api/setup", () => {
  it("refuses a wrong or missing setup token without creating anything", async () => {
    const wrong = await post({ username: "intruder", password: "intruder-password" }, "not-the-token");
    expect(wrong.status).toBe(401);
    const missing = await post({ username: "intruder", password: "intruder-password" });
    expect(missing.status).toBe(401);
    expect(await countRows("admins")).toBe(0);
  });

  it("explains what is wrong with bad input and creates nothing", async () => {
    const response = await post({ username: "x", password: "short" }, env.VORTEX_SETUP_TOKEN);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(body.error.code).toBe("BAD_USER_INPUT");
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(["password", "username"]);
    const broken = await exports.default.fetch("http://panel.test/api/setup", {
      method: "POST",
      headers: { authorization: `Bearer ${env.VORTEX_SETUP_TOKEN}` },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
    expect(await countRows("admins")).toBe(0);
  });

  it("makes exactly one owner when two requests race, and that owner signs in", async () => {
    const [a, b] = await Promise.all([
      post({ username: "first", password: "first-password-1" }, env.VORTEX_SETUP_TOKEN),
      post({ username: "second", password: "second-password-1" }, env.VORTEX_SETUP_TOKEN),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner =
      a.status === 201
        ? { username: "first", password: "first-password-1" }
        : { username: "second", password: "second-password-1" };
    expect(await countRows("admins")).toBe(1);
    const session = await login(winner.username, winner.password);
    expect(session.admin.role).toBe("OWNER");
    const audit = await env.DB.prepare(
      `SELECT action, actor_username FROM audit_log WHERE action = 'setup.create_owner'`,
    ).all();
    expect(audit.results).toEqual([{ action: "setup.create_owner", actor_username: winner.username }]);
  });

  it("refuses to run again once an owner exists", async () => {
    const again = await post({ username: "third", password: "third-password-1" }, env.VORTEX_SETUP_TOKEN);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("CONFLICT");
    expect(await countRows("admins")).toBe(1);
  });
});
