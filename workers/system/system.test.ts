import { describe, expect, it } from "vitest";
import { createUser, errorCode, gql, ok, ownerToken } from "../test/api";

describe("healthCheck", () => {
  it("answers without sign-in and reports the database", async () => {
    const { healthCheck } = ok(await gql(`{ healthCheck { ok database version time } }`));
    expect(healthCheck).toMatchObject({ ok: true, database: true });
    expect(healthCheck.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(healthCheck.time)).not.toBeNaN();
  });
});

describe("systemStatus", () => {
  it("needs a signed-in admin", async () => {
    const response = await gql(`{ systemStatus { version } }`);
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
    expect(response.data).toBeNull();
  });

  it("counts users by status", async () => {
    const token = await ownerToken();
    await createUser(token);
    await createUser(token, { status: "DISABLED" });
    await createUser(token, { status: "ON_HOLD", onHoldExpireDays: 30 });
    const { systemStatus } = ok(
      await gql(
        `{ systemStatus { users { total active disabled onHold limited expired } servers inbounds groups } }`,
        {},
        { token },
      ),
    );
    expect(systemStatus.users).toEqual({ total: 3, active: 1, disabled: 1, onHold: 1, limited: 0, expired: 0 });
    expect(systemStatus).toMatchObject({ servers: 0, inbounds: 0, groups: 0 });
  });
});
