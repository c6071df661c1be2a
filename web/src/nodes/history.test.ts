import { describe, expect, it } from "vitest";
import type { ServerConfigDiffQuery } from "../graphql/generated/graphql";
import { defaultComparison, isOperationActive, presentDiff, runsOperations } from "./history";

type Diff = ServerConfigDiffQuery["serverConfigDiff"];

const diff = (changes: Partial<Diff> = {}): Diff => ({
  from: 3,
  to: 4,
  inboundsAdded: [],
  inboundsRemoved: [],
  inboundsChanged: [],
  routingChanged: [],
  usersFrom: 10,
  usersTo: 10,
  usersAdded: [],
  usersAddedCount: 0,
  usersRemoved: [],
  usersRemovedCount: 0,
  usersChangedCount: 0,
  ...changes,
});

describe("a config diff as the node page shows it", () => {
  it("lists inbounds added, removed and changed in one list ordered by tag, with the fields that changed", () => {
    const view = presentDiff(
      diff({
        inboundsAdded: ["vless-ws"],
        inboundsRemoved: ["alpha"],
        inboundsChanged: [{ tag: "trojan", fields: ["port", "security"] }],
      }),
    );
    expect(view.inbounds).toEqual([
      { tag: "alpha", change: "removed", fields: [] },
      { tag: "trojan", change: "changed", fields: ["port", "security"] },
      { tag: "vless-ws", change: "added", fields: [] },
    ]);
    expect(view.same).toBe(false);
  });

  it("counts users exactly and says how many more there are than the names listed", () => {
    const view = presentDiff(
      diff({
        usersTo: 260,
        usersAdded: [
          { id: "1", username: "alice" },
          { id: "2", username: null },
        ],
        usersAddedCount: 250,
        usersRemoved: [{ id: "3", username: "carol" }],
        usersRemovedCount: 1,
      }),
    );
    expect(view.users.added).toEqual({ count: 250, names: ["alice", "#2"], more: 248 });
    expect(view.users.removed).toEqual({ count: 1, names: ["carol"], more: 0 });
    expect([view.users.from, view.users.to]).toEqual([10, 260]);
  });

  it("calls two versions the same only when no inbound, routing field or user differs", () => {
    expect(presentDiff(diff()).same).toBe(true);
    expect(presentDiff(diff({ routingChanged: ["blockedDomains"] })).same).toBe(false);
    expect(presentDiff(diff({ usersChangedCount: 1 })).same).toBe(false);
  });
});

describe("which versions the history compares first", () => {
  it("is the newest kept version against the kept one before it", () => {
    const history = [
      { version: 9, kept: true },
      { version: 8, kept: false },
      { version: 7, kept: true },
      { version: 2, kept: true },
    ];
    expect(defaultComparison(history)).toEqual({ from: 7, to: 9 });
  });

  it("is nothing while fewer than two versions can be read", () => {
    expect(defaultComparison([{ version: 1, kept: true }])).toBeNull();
    expect(
      defaultComparison([
        { version: 2, kept: false },
        { version: 1, kept: true },
      ]),
    ).toBeNull();
  });
});

describe("remote operations", () => {
  it("are followed until they succeed, fail or expire", () => {
    expect(["PENDING", "SENT", "RUNNING"].every((s) => isOperationActive(s as never))).toBe(true);
    expect(["SUCCEEDED", "FAILED", "EXPIRED"].some((s) => isOperationActive(s as never))).toBe(false);
  });

  it("need an agent at protocol level 2; one that never said is taken for level 1", () => {
    expect(runsOperations(2)).toBe(true);
    expect(runsOperations(1)).toBe(false);
    expect(runsOperations(null)).toBe(false);
  });
});
