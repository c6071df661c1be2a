import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { ownerToken } from "../test/api";
import { subscribe } from "../test/sse";
import { HUB_NAME, TOPICS } from "./topics";

const hub = () => env.HUB.getByName(HUB_NAME);

describe("live updates", () => {
  it("bridges a subscription to the hub and closes the hub socket when the client leaves", async () => {
    const owner = await ownerToken();
    const stream = await subscribe(`subscription { notifications { id kind severity message at serverId userId } }`, {}, owner);
    expect(stream.response.status).toBe(200);
    const first = stream.next();
    await vi.waitFor(async () => expect(await hub().connections(TOPICS.notifications)).toBe(1));
    await hub().publish([{ topic: TOPICS.notifications, payload: { id: "n1", kind: "test", severity: "INFO", message: "hello", at: 0, serverId: null, userId: "5" } }]);
    expect((await first).data.notifications).toMatchObject({ id: "n1", kind: "test", severity: "INFO", message: "hello", at: "1970-01-01T00:00:00.000Z", userId: "5" });
    await stream.cancel();
    await vi.waitFor(async () => expect(await hub().connections()).toBe(0));
  });
});
