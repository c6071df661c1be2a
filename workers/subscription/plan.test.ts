import { describe, expect, it } from "vitest";
import type { SubscriptionLookup, SubscriptionUser } from "./load";
import { planResponse, type PlanInput, type ResponsePlan, type ServePlan } from "./plan";
import { subscriptionUser } from "../test/subscription-user";

const NOW_SEC = 1_800_000_000;
const HWID = "device-0123456789";

/** A request for alice's link: settings as stored rows, headers as the client sent them. */
function request(
  options: {
    user?: SubscriptionUser | null;
    settings?: Record<string, unknown>;
    headers?: Record<string, string>;
    requested?: string;
    deviceKnown?: boolean;
    deviceAdmitted?: boolean;
  } = {},
): PlanInput {
  const lookup: SubscriptionLookup = {
    user: options.user === undefined ? subscriptionUser() : options.user,
    settingsText: JSON.stringify(Object.entries(options.settings ?? {})),
    servedText: "[]",
    deviceCount: 0,
    deviceKnown: options.deviceKnown ?? false,
  };
  return {
    lookup,
    requested: options.requested,
    headers: new Headers({ "user-agent": "v2rayNG/1.9.0", ...options.headers }),
    url: new URL(`https://panel.example.com/sub/${"a".repeat(32)}`),
    nowSec: NOW_SEC,
    deviceAdmitted: options.deviceAdmitted,
  };
}

function served(plan: ResponsePlan): ServePlan {
  if (plan.kind !== "serve") throw new Error(`expected a plan to serve, got ${JSON.stringify(plan)}`);
  return plan;
}

const refusal = (plan: ResponsePlan) => (plan.kind === "refuse" ? plan.error.code : plan.kind);

describe("planning a subscription answer", () => {
  it("serves the format the client's rules choose, with the subscription's headers, and cache revalidation", () => {
    const plan = served(planResponse(request()));
    expect(plan.target).toBe("base64");
    expect(plan.placeholder).toBeNull();
    expect(plan.headers).toMatchObject({
      "subscription-userinfo": "upload=0; download=0; total=0; expire=0",
      "profile-web-page-url": `https://panel.example.com/sub/${"a".repeat(32)}`,
      "cache-control": "private, no-cache",
    });
    expect(plan.contentHeaders["content-disposition"]).toContain('filename="alice.txt"');
  });

  it("answers an unknown token, an unknown format and a rule's 404 alike, and a blocked client with FORBIDDEN", () => {
    expect(refusal(planResponse(request({ user: null })))).toBe("NOT_FOUND");
    expect(refusal(planResponse(request({ requested: "nope" })))).toBe("NOT_FOUND");
    const rules = [
      { name: "scanners", conditions: [{ header: "x-scan", operator: "contains", value: "1" }], action: "not_found" },
      { name: "old", conditions: [{ header: "user-agent", operator: "contains", value: "old" }], action: "block" },
    ];
    expect(refusal(planResponse(request({ settings: { subscriptionRules: rules }, headers: { "x-scan": "1" } })))).toBe(
      "NOT_FOUND",
    );
    expect(
      refusal(planResponse(request({ settings: { subscriptionRules: rules }, headers: { "user-agent": "old" } }))),
    ).toBe("FORBIDDEN");
  });

  it("gives an inactive user a placeholder, or the refusal the settings choose", () => {
    const expired = subscriptionUser({ expireAtSec: NOW_SEC - 1 });
    expect(served(planResponse(request({ user: expired }))).placeholder?.remark).toMatch(/expired/i);
    expect(refusal(planResponse(request({ user: expired, settings: { inactiveUserResponse: "not_found" } })))).toBe(
      "NOT_FOUND",
    );
    expect(refusal(planResponse(request({ user: expired, settings: { inactiveUserResponse: "forbidden" } })))).toBe(
      "FORBIDDEN",
    );
  });

  it("serves the page to browsers with its own CSP, HSTS and the language asked for, whatever the device limit", () => {
    const plan = served(
      planResponse(
        request({
          settings: { deviceLimit: 1 },
          headers: { "user-agent": "Mozilla/5.0", accept: "text/html", "accept-language": "fa" },
        }),
      ),
    );
    expect(plan.target).toBe("page");
    expect(plan.language).toBe("fa");
    expect(plan.headers["x-hwid-active"]).toBeUndefined();
    expect(plan.contentHeaders).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
    expect(plan.contentHeaders["content-security-policy"]).toContain("default-src 'none'");
  });

  describe("under a device limit", () => {
    const limited = { settings: { deviceLimit: 2 } };

    it("lets a known device through, to be marked as seen", () => {
      const plan = served(planResponse(request({ ...limited, headers: { "x-hwid": HWID }, deviceKnown: true })));
      expect(plan.placeholder).toBeNull();
      expect(plan.touchDevice?.hwid).toBe(HWID);
      expect(plan.headers).toMatchObject({ "x-hwid-active": "true", "x-hwid-limit": "2" });
    });

    it("asks the database to admit a new device, and serves or refuses by its answer", () => {
      const input = request({ ...limited, headers: { "x-hwid": HWID } });
      expect(planResponse(input)).toMatchObject({ kind: "admit-device", userId: 7, limit: 2, device: { hwid: HWID } });
      expect(served(planResponse({ ...input, deviceAdmitted: true })).placeholder).toBeNull();
      const refused = served(planResponse({ ...input, deviceAdmitted: false }));
      expect(refused.placeholder?.remark).toBe("📵 Device limit of 2 reached: remove a device to add this one");
      expect(refused.headers["x-hwid-max-devices-reached"]).toBe("true");
    });

    it("gives a client without a device id a placeholder saying so, and asks nothing of the database", () => {
      const plan = served(planResponse(request(limited)));
      expect(plan.placeholder?.remark).toBe("📵 This app does not send a device id: use one that does");
      expect(plan.headers["x-hwid-not-supported"]).toBe("true");
    });

    it("is off for a user whose own limit is 0", () => {
      const plan = served(planResponse(request({ ...limited, user: subscriptionUser({ deviceLimit: 0 }) })));
      expect(plan.placeholder).toBeNull();
      expect(plan.headers["x-hwid-active"]).toBeUndefined();
    });
  });
});
