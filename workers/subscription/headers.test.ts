import { describe, expect, it } from "vitest";
import { settingsSchema } from "../settings/settings";
import { contentDisposition, subscriptionHeaders, subscriptionUserinfo } from "./headers";
import { userValues } from "./remarks";
import { subscriptionUser } from "../test/subscription-user";

const NOW = 1_800_000_000;
const USER = subscriptionUser({ id: 1, createdAtSec: NOW, updatedAtSec: NOW, subToken: "t" });
const headersWith = (settings: Record<string, unknown>) =>
  subscriptionHeaders(USER, settingsSchema.parse(settings), userValues(USER, NOW), "https://p/sub/t");

describe("subscription headers", () => {
  it("names the file in ASCII and exactly in UTF-8 (RFC 5987)", () => {
    expect(contentDisposition("alice", "yaml")).toBe(`attachment; filename="alice.yaml"; filename*=UTF-8''alice.yaml`);
    expect(contentDisposition('Héloïse\'s "vpn"', "txt")).toBe(
      `attachment; filename="H_lo_se's _vpn_.txt"; filename*=UTF-8''H%C3%A9lo%C3%AFse%27s%20%22vpn%22.txt`,
    );
    expect(contentDisposition("用户", "json")).toBe(
      `attachment; filename="__.json"; filename*=UTF-8''%E7%94%A8%E6%88%B7.json`,
    );
  });

  it("puts all usage in download, 0 for unlimited and never", () => {
    expect(subscriptionUserinfo({ usedBytes: 5, dataLimitBytes: null, expireAtSec: null })).toBe(
      "upload=0; download=5; total=0; expire=0",
    );
    expect(subscriptionUserinfo({ usedBytes: 2 ** 40, dataLimitBytes: 2 ** 41, expireAtSec: 1_900_000_000 })).toBe(
      `upload=0; download=${2 ** 40}; total=${2 ** 41}; expire=1900000000`,
    );
  });

  it("sends Happ's routing with routing-enable and hide-settings only when set", () => {
    const plain = headersWith({});
    expect(plain).not.toHaveProperty("routing");
    expect(plain).not.toHaveProperty("routing-enable");
    expect(plain).not.toHaveProperty("hide-settings");
    const routed = headersWith({
      subscriptionRouting: "happ://routing/onadd/eyJOYW1lIjoiUlUifQ",
      subscriptionHideSettings: true,
    });
    expect(routed).toMatchObject({
      routing: "happ://routing/onadd/eyJOYW1lIjoiUlUifQ",
      "routing-enable": "true",
      "hide-settings": "1",
    });
  });

  it("refuses a routing payload that could not travel as one header line", () => {
    expect(settingsSchema.safeParse({ subscriptionRouting: "happ://x\r\nset-cookie: a=b" }).success).toBe(false);
  });
});
