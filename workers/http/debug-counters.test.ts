import { describe, expect, it } from "vitest";
import { enrolledAgent } from "../test/agent";
import { createUser, gql, ok, ownerToken, unique } from "../test/api";

interface Totals {
  statements: number;
  rowsWritten: number;
  durableObjectCalls: number;
}

const totals = (response: Response) => JSON.parse(response.headers.get("x-isolate-totals") ?? "null") as Totals;

describe("debug counters (DEBUG_D1_STATEMENTS, for the scale simulator)", () => {
  it("a usage push reports the rows D1 wrote for it, its Durable Object calls and the isolate's running totals", async () => {
    const owner = await ownerToken();
    const { createServer } = ok(
      await gql(
        `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
        { input: { name: unique("debug"), address: "node.example.com" } },
        { token: owner },
      ),
    );
    const agent = await enrolledAgent(owner, createServer.id);
    const users = [await createUser(owner), await createUser(owner)];

    const idle = await agent.push([]);
    const first = await agent.push(users.map((u) => ({ userId: Number(u.id), upBytes: 10, downBytes: 90 })));
    expect(first.status).toBe(200);
    // Each user's total and daily history at least: D1's own meta, not a count of statements. The
    // usage shard writes them (tests roll up every push at once), so the isolate's totals see them.
    expect(totals(first).rowsWritten - totals(idle).rowsWritten).toBeGreaterThanOrEqual(users.length * 2);
    // SQL time is local D1's own clock, which may not advance during synchronous work here:
    // only its presence is asserted.
    expect(first.headers.get("x-d1-sql-ms")).toMatch(/^\d+\.\d{3}$/);
    // The node's own object checks the nonce and records the report, the users' shard records the
    // push, and the hub gets the traffic.
    expect(Number(first.headers.get("x-do-calls"))).toBeGreaterThanOrEqual(4);

    const second = await agent.push([{ userId: Number(users[0]!.id), upBytes: 1, downBytes: 1 }]);
    const [before, after] = [totals(first), totals(second)];
    expect(after.statements - before.statements).toBeGreaterThanOrEqual(Number(second.headers.get("x-d1-statements")));
    expect(after.rowsWritten).toBeGreaterThan(before.rowsWritten);
    expect(after.durableObjectCalls - before.durableObjectCalls).toBeGreaterThanOrEqual(
      Number(second.headers.get("x-do-calls")),
    );
  });
});
