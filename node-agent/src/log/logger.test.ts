import { describe, expect, it } from "vitest";
import { memoryLogger } from "./logger.ts";

describe("logger", () => {
  it("writes one JSON object per event with the reason and masks secret-looking fields", () => {
    const log = memoryLogger();
    log.warn("config.rejected", { reason: "expired", nodePrivateKey: "abc", nested: { password: "p", port: 1 } });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      level: "warn",
      event: "config.rejected",
      reason: "expired",
      nodePrivateKey: "[redacted]",
      nested: { password: "[redacted]", port: 1 },
    });
  });
});
