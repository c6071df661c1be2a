import { describe, expect, it } from "vitest";
import { contentDisposition, subscriptionUserinfo } from "./headers";

describe("subscription headers", () => {
  it("names the file in ASCII and exactly in UTF-8 (RFC 5987)", () => {
    expect(contentDisposition("alice", "yaml")).toBe(`attachment; filename="alice.yaml"; filename*=UTF-8''alice.yaml`);
    expect(contentDisposition("Héloïse's \"vpn\"", "txt")).toBe(`attachment; filename="H_lo_se's _vpn_.txt"; filename*=UTF-8''H%C3%A9lo%C3%AFse%27s%20%22vpn%22.txt`);
    expect(contentDisposition("用户", "json")).toBe(`attachment; filename="__.json"; filename*=UTF-8''%E7%94%A8%E6%88%B7.json`);
  });

  it("puts all usage in download, 0 for unlimited and never", () => {
    expect(subscriptionUserinfo({ usedBytes: 5, dataLimitBytes: null, expireAtSec: null })).toBe("upload=0; download=5; total=0; expire=0");
    expect(subscriptionUserinfo({ usedBytes: 2 ** 40, dataLimitBytes: 2 ** 41, expireAtSec: 1_900_000_000 })).toBe(`upload=0; download=${2 ** 40}; total=${2 ** 41}; expire=1900000000`);
  });
});
