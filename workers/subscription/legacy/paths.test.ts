import { describe, expect, it } from "vitest";
import { toBase64Url } from "../../lib/base64";
import { matchLegacyPath, mayBeLegacyPath, ourFormatName, type LegacyPath } from "./paths";
import { parseLegacyToken } from "./tokens";

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
