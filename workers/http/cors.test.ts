import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { errorCode, gql, ok, ownerToken } from "../test/api";

const PANEL = "http://panel.test";
const LISTED = "https://dash.example.com";
const FOREIGN = "https://evil.example";
const HEALTH = JSON.stringify({ query: "{ healthCheck { ok } }" });

const preflight = (origin: string) =>
  exports.default.fetch(`${PANEL}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });
const post = (origin: string) =>
  exports.default.fetch(`${PANEL}/graphql`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: HEALTH,
  });
const setOrigins = async (owner: string, corsAllowedOrigins: string[]) =>
  gql(
    `mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { corsAllowedOrigins } }`,
    { input: { corsAllowedOrigins } },
    { token: owner },
  );

describe("CORS on /graphql", () => {
  it("answers a foreign origin's preflight and request without Access-Control-Allow-Origin", async () => {
    await ownerToken();
    for (const response of [await preflight(FOREIGN), await post(FOREIGN)]) {
      expect(response.headers.get("access-control-allow-origin"), response.status.toString()).toBeNull();
    }
  });

  it("allows the panel's own origin, whose pages are the SPA", async () => {
    expect((await preflight(PANEL)).headers.get("access-control-allow-origin")).toBe(PANEL);
    expect((await post(PANEL)).headers.get("access-control-allow-origin")).toBe(PANEL);
  });

  it("allows an origin an admin listed, and stops when it is taken off the list", async () => {
    const owner = await ownerToken();
    expect(
      ok(await setOrigins(owner, [LISTED, "HTTPS://Other.example.com:8443", LISTED])).updateSettings.corsAllowedOrigins,
    ).toEqual([LISTED, "https://other.example.com:8443"]);
    const allowed = await preflight(LISTED);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(LISTED);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await post(LISTED)).headers.get("access-control-allow-origin")).toBe(LISTED);
    expect((await post(FOREIGN)).headers.get("access-control-allow-origin")).toBeNull();

    ok(await setOrigins(owner, []));
    expect((await post(LISTED)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("takes only origins, never paths, wildcards or plain http beyond localhost", async () => {
    const owner = await ownerToken();
    for (const bad of [
      "https://dash.example.com/",
      "https://dash.example.com/app",
      "*",
      "null",
      "http://dash.example.com",
      "dash.example.com",
      "https://user@dash.example.com",
    ]) {
      expect(errorCode(await setOrigins(owner, [bad])), bad).toBe("BAD_USER_INPUT");
    }
    expect(ok(await setOrigins(owner, ["http://localhost:5173"])).updateSettings.corsAllowedOrigins).toEqual([
      "http://localhost:5173",
    ]);
  });
});
