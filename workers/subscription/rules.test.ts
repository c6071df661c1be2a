import { describe, expect, it } from "vitest";
import { chooseFormat, DEFAULT_RULES, rulesFromStored, rulesSchema, type FormatRule } from "./rules";

const request = (userAgent: string | null, accept = "*/*") => {
  const headers = new Headers({ accept });
  if (userAgent !== null) headers.set("user-agent", userAgent);
  return headers;
};
const formatFor = (userAgent: string | null, accept?: string) => {
  const decision = chooseFormat(DEFAULT_RULES, request(userAgent, accept));
  return decision.action === "serve" ? decision.format : decision.action;
};

// Real user agents as each client sends them (or their documented prefix).
const CLIENTS: [string, string, string][] = [
  ["Clash Verge", "clash-verge/v2.2.3", "clash-meta"],
  ["Clash Verge Rev", "clash-verge/v1.7.7 mihomo/1.19", "clash-meta"],
  ["mihomo", "mihomo/1.19.2", "clash-meta"],
  ["Clash.Meta", "Clash.Meta/1.18", "clash-meta"],
  ["ClashMeta for Android", "ClashMetaForAndroid/2.11.5.Meta", "clash-meta"],
  ["FlClash", "FlClash/v0.8.80 clash-verge Platform/android", "clash-meta"],
  ["Clash Nyanpasu", "clash-nyanpasu/v1.6.1", "clash-meta"],
  ["Stash", "Stash/2.4.7 Clash/1.9.0", "clash"],
  ["Clash for Windows", "ClashforWindows/0.20.39", "clash"],
  ["classic Clash", "clash/1.18.0", "clash"],
  ["sing-box for Android", "SFA/1.11.4 (Android 14; sing-box 1.11.4)", "sing-box"],
  ["sing-box for iOS", "SFI/1.11.4 (Build 1; sing-box 1.11.4; language en)", "sing-box"],
  ["sing-box for macOS", "SFM/1.11.4", "sing-box"],
  ["sing-box for tvOS", "SFT/1.11.4", "sing-box"],
  ["sing-box CLI", "sing-box 1.12.0", "sing-box"],
  ["Karing", "karing/1.1.2.606 android", "sing-box"],
  ["Outline", "Outline/1.15 (Android)", "outline"],
  ["Shadowsocks", "ShadowsocksAndroid/5.3.4", "base64"],
  ["SSconf", "SSconf/1.0", "outline"],
  ["v2rayN", "v2rayN/7.10.5", "base64"],
  ["v2rayNG", "v2rayNG/1.9.40", "base64"],
  ["Streisand", "Streisand/1.6.48", "base64"],
  ["Shadowrocket", "Shadowrocket/2070 CFNetwork/1496.0.7 Darwin/23.5.0", "base64"],
  ["Hiddify", "HiddifyNext/2.5.7 (android) like ClashMeta v2ray sing-box", "base64"],
  ["NekoBox", "NekoBox/Android/1.3.3 (Prefer ClashMeta Format)", "base64"],
  ["Happ", "Happ/3.2.0", "base64"],
  ["v2RayTun", "v2RayTun/5.14.63 (Android)", "base64"],
  ["an unknown client", "curl/8.5.0", "base64"],
  ["a client that sends no user agent", "", "base64"],
];

describe("format rules", () => {
  for (const [client, userAgent, format] of CLIENTS) {
    it(`serves ${client} ${format}`, () => {
      expect(formatFor(userAgent)).toBe(format);
    });
  }

  it("serves the page to a browser, whatever its user agent", () => {
    expect(
      formatFor(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15",
        "text/html,application/xhtml+xml,*/*;q=0.8",
      ),
    ).toBe("page");
    expect(formatFor("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0", "TEXT/HTML")).toBe("page");
  });

  it("has a named default rule for every client the issue lists", () => {
    const names = DEFAULT_RULES.map((r) => r.name).join(" | ");
    for (const client of [
      "v2rayN",
      "v2rayNG",
      "Streisand",
      "Shadowrocket",
      "Hiddify",
      "NekoBox",
      "Happ",
      "v2RayTun",
      "Karing",
      "Clash Verge",
      "mihomo",
      "FlClash",
      "Stash",
      "SFA",
      "SFI",
      "SFM",
      "SFT",
      "Outline",
      "Browsers",
    ]) {
      expect(names).toContain(client);
    }
    expect(rulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it("applies the first matching rule: block, not found, any-of and all-of conditions", () => {
    const rules: FormatRule[] = rulesSchema.parse([
      {
        name: "old v2rayNG",
        conditions: [{ header: "user-agent", operator: "regex", value: "^v2rayNG/1\\.[0-7]\\." }],
        action: "block",
      },
      {
        name: "scanner",
        match: "any",
        conditions: [
          { header: "user-agent", operator: "contains", value: "python-requests" },
          { header: "x-scanner", operator: "equals", value: "yes" },
        ],
        action: "not_found",
      },
      {
        name: "Happ with hwid",
        match: "all",
        conditions: [
          { header: "user-agent", operator: "contains", value: "happ" },
          { header: "x-hwid", operator: "regex", value: "." },
        ],
        action: "serve",
        format: "xray-json",
      },
      {
        name: "exact",
        conditions: [{ header: "user-agent", operator: "equals", value: "Exact/1", caseSensitive: true }],
        action: "serve",
        format: "clash",
      },
    ]);
    const decide = (headers: Record<string, string>) => chooseFormat(rules, new Headers(headers));
    expect(decide({ "user-agent": "v2rayNG/1.7.3" })).toEqual({ action: "block", rule: "old v2rayNG" });
    expect(decide({ "user-agent": "v2rayNG/1.9.0" })).toEqual({ action: "serve", format: "base64", rule: null });
    expect(decide({ "user-agent": "Python-Requests/2.31" })).toEqual({ action: "not_found", rule: "scanner" });
    expect(decide({ "user-agent": "x", "x-scanner": "YES" })).toEqual({ action: "not_found", rule: "scanner" });
    expect(
      decide({ "user-agent": "Happ/3.0" }).action === "serve" && decide({ "user-agent": "Happ/3.0" }),
    ).toMatchObject({ format: "base64" });
    expect(decide({ "user-agent": "Happ/3.0", "x-hwid": "abc" })).toEqual({
      action: "serve",
      format: "xray-json",
      rule: "Happ with hwid",
    });
    expect(decide({ "user-agent": "Exact/1" })).toMatchObject({ format: "clash" });
    expect(decide({ "user-agent": "exact/1" })).toMatchObject({ format: "base64" });
  });

  it("matches only the first 512 characters of a header", () => {
    const rules = rulesSchema.parse([
      { name: "tail", conditions: [{ header: "user-agent", operator: "contains", value: "needle" }], action: "block" },
    ]);
    expect(chooseFormat(rules, new Headers({ "user-agent": `${"a".repeat(600)}needle` })).action).toBe("serve");
    expect(chooseFormat(rules, new Headers({ "user-agent": `${"a".repeat(500)}needle` })).action).toBe("block");
  });

  it("refuses rules that cannot work", () => {
    const bad = [
      { name: "no format", conditions: [{ header: "user-agent", operator: "contains", value: "x" }], action: "serve" },
      {
        name: "format on block",
        conditions: [{ header: "user-agent", operator: "contains", value: "x" }],
        action: "block",
        format: "clash",
      },
      { name: "bad regex", conditions: [{ header: "user-agent", operator: "regex", value: "(" }], action: "block" },
      { name: "bad header", conditions: [{ header: "user agent", operator: "contains", value: "x" }], action: "block" },
      { name: "no conditions", conditions: [], action: "block" },
      { name: "", conditions: [{ header: "user-agent", operator: "contains", value: "x" }], action: "block" },
    ];
    for (const rule of bad) expect(rulesSchema.safeParse([rule]).success, rule.name).toBe(false);
  });

  it("falls back to the defaults when nothing valid is stored", () => {
    expect(rulesFromStored(undefined)).toBe(DEFAULT_RULES);
    expect(rulesFromStored([{ name: "broken" }])).toBe(DEFAULT_RULES);
    expect(rulesFromStored([])).toEqual([]);
  });
});
