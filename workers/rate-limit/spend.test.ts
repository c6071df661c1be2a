import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { spend } from "./spend";

describe("spend", () => {
  it("lets exactly `limit` of many concurrent calls through and refuses the rest as RATE_LIMITED", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => spend(env, "test:concurrent", 5, 60_000)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
    for (const outcome of outcomes.filter((o) => o.status === "rejected")) {
      expect(outcome.reason).toBeInstanceOf(DomainError);
      expect(outcome.reason.code).toBe("RATE_LIMITED");
    }
  });
});
