import { describe, expect, it } from "vitest";
import { healthSchema } from "../../../workers/agent/protocol/messages.ts";
import { coreCapabilities } from "../core/profile.ts";
import { HealthSampler } from "./health.ts";

describe("HealthSampler", () => {
  it("produces a health record the edge's schema accepts", () => {
    const capabilities = {
      ...coreCapabilities("v2ray", "V2Ray 4.34.0", false),
      skipped: [{ tag: "hy2", reason: "protocol hysteria2 is not supported on v2ray 4.34.0" }],
    };
    const health = new HealthSampler().sample({
      coreRunning: true,
      coreVersion: "V2Ray 4.34.0",
      agentVersion: "0.1.0",
      appliedConfigVersion: 3,
      capabilities,
    });
    expect(healthSchema.parse(health)).toEqual(health);
    expect(health.memTotalBytes).toBeGreaterThan(0);
  });
});
