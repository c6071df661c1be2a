import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageJournal, type UsageBatch } from "./journal.ts";

const journalPath = () => join(mkdtempSync(join(tmpdir(), "vortex-journal-")), "usage.journal");
const reading = (entries: Record<string, [number, number]>) =>
  new Map(Object.entries(entries).map(([k, [up, down]]) => [k, { up, down }]));
const idOf = (email: string) => Number(email.slice(1));

/** The edge's side of the contract: apply each seq at most once. */
class FakeEdge {
  readonly applied = new Set<number>();
  readonly totals = new Map<number, { up: number; down: number }>();
  receive(batch: UsageBatch): number {
    if (!this.applied.has(batch.seq)) {
      this.applied.add(batch.seq);
      for (const d of batch.deltas) {
        const t = this.totals.get(d.userId) ?? { up: 0, down: 0 };
        t.up += d.upBytes;
        t.down += d.downBytes;
        this.totals.set(d.userId, t);
      }
    }
    return batch.seq;
  }
}

describe("usage journal", () => {
  it("turns counter readings into sequenced batches of per-user deltas", () => {
    const journal = UsageJournal.open(journalPath());
    journal.recordReading("i1", reading({ u1: [10, 100], u2: [1, 1] }), idOf, 100);
    journal.recordReading("i1", reading({ u1: [15, 300], u2: [1, 1] }), idOf, 105);
    const batch = journal.takeBatch(106);
    expect(batch.seq).toBe(1);
    expect(batch.deltas).toEqual([
      { userId: 1, upBytes: 15, downBytes: 300 },
      { userId: 2, upBytes: 1, downBytes: 1 },
    ]);
    journal.acknowledge(1);
    expect(journal.takeBatch(110)).toMatchObject({ seq: 2, deltas: [] });
  });

  it("tells the bytes a reading holds beyond the journaled baseline without recording them", () => {
    const journal = UsageJournal.open(journalPath());
    journal.recordReading("i1", reading({ u1: [10, 100] }), idOf, 100);
    expect(journal.unjournaledBytes("i1", reading({ u1: [15, 300], u2: [1, 2] }))).toEqual(
      new Map([
        ["u1", 205],
        ["u2", 3],
      ]),
    );
    // A new core instance starts from zero.
    expect(journal.unjournaledBytes("i2", reading({ u1: [15, 300] }))).toEqual(new Map([["u1", 315]]));
    // Nothing was journaled: the next reading still carries the whole delta.
    expect(journal.recordReading("i1", reading({ u1: [15, 300] }), idOf, 105)).toEqual([
      { userId: 1, email: "u1", upBytes: 5, downBytes: 200 },
    ]);
  });

  it("resends the unacknowledged batch with the same seq and bytes after a restart", () => {
    const path = journalPath();
    const first = UsageJournal.open(path);
    first.recordReading("i1", reading({ u1: [5, 50] }), idOf, 1);
    const sent = first.takeBatch(2);
    first.close(); // crash before the ack arrived

    const second = UsageJournal.open(path);
    second.recordReading("i1", reading({ u1: [6, 70] }), idOf, 3);
    expect(second.takeBatch(4)).toEqual(sent);
    second.acknowledge(sent.seq);
    expect(second.takeBatch(5)).toMatchObject({
      seq: sent.seq + 1,
      deltas: [{ userId: 1, upBytes: 1, downBytes: 20 }],
    });
  });

  it("journals inbound counters with the users' and resends them unchanged after a crash before the ack", () => {
    const path = journalPath();
    const first = UsageJournal.open(path);
    first.recordReading("i1", reading({ u1: [5, 50] }), idOf, 1, reading({ "vless-in": [7, 60] }));
    const sent = first.takeBatch(2);
    expect(sent.inbounds).toEqual([{ tag: "vless-in", upBytes: 7, downBytes: 60 }]);
    first.close(); // crash between the push and its ack

    const second = UsageJournal.open(path);
    second.recordReading("i1", reading({ u1: [5, 50] }), idOf, 3, reading({ "vless-in": [9, 60], "vmess-in": [1, 1] }));
    expect(second.takeBatch(4)).toEqual(sent);
    second.acknowledge(sent.seq);
    expect(second.takeBatch(5)).toMatchObject({
      seq: sent.seq + 1,
      deltas: [],
      inbounds: [
        { tag: "vless-in", upBytes: 2, downBytes: 0 },
        { tag: "vmess-in", upBytes: 1, downBytes: 1 },
      ],
    });
  });

  it("counts inbound bytes read just before a crash once: neither lost nor pushed twice", () => {
    const path = journalPath();
    const first = UsageJournal.open(path);
    first.recordReading("i1", new Map(), idOf, 1, reading({ "vless-in": [10, 100] }));
    first.close(); // crash between the reading and the push

    const second = UsageJournal.open(path);
    // The core's counters have not moved since: the restarted agent's reading adds nothing.
    second.recordReading("i1", new Map(), idOf, 2, reading({ "vless-in": [10, 100] }));
    const batch = second.takeBatch(3);
    expect(batch.inbounds).toEqual([{ tag: "vless-in", upBytes: 10, downBytes: 100 }]);
    second.acknowledge(batch.seq);
    second.compact();
    second.close();

    // Compaction kept the inbound baseline: a new core instance starts from zero, the same one does not.
    const third = UsageJournal.open(path);
    third.recordReading("i1", new Map(), idOf, 4, reading({ "vless-in": [10, 130] }));
    third.recordReading("i2", new Map(), idOf, 5, reading({ "vless-in": [1, 2] }));
    expect(third.takeBatch(6).inbounds).toEqual([{ tag: "vless-in", upBytes: 1, downBytes: 32 }]);
  });

  it("ignores a torn last line and counts those bytes once on the next reading", () => {
    const path = journalPath();
    const journal = UsageJournal.open(path);
    journal.recordReading("i1", reading({ u1: [0, 100] }), idOf, 1);
    journal.close();
    // Power loss in the middle of appending the reading that saw 250.
    appendFileSync(path, '{"k":"d","id":2,"at":2,"inst":"i1","u":[[1,"u1",0,150,0,2');
    let torn = 0;
    const reopened = UsageJournal.open(path, { onTornTail: (bytes) => (torn = bytes) });
    expect(torn).toBeGreaterThan(0);
    expect(reopened.baselineFor("i1").get("u1")).toEqual({ up: 0, down: 100 });
    reopened.recordReading("i1", reading({ u1: [0, 250] }), idOf, 3);
    expect(reopened.takeBatch(4).deltas).toEqual([{ userId: 1, upBytes: 0, downBytes: 250 }]);
    // The torn bytes were cut off, so later appends start on a clean line.
    expect(
      readFileSync(path, "utf8")
        .split("\n")
        .every((l) => l === "" || JSON.parse(l)),
    ).toBe(true);
  });

  it("starts from a zero baseline for a new core instance (a restart wiped the counters)", () => {
    const journal = UsageJournal.open(journalPath());
    journal.recordReading("i1", reading({ u1: [10, 1_000] }), idOf, 1);
    const deltas = journal.recordReading("i2", reading({ u1: [2, 40] }), idOf, 2);
    expect(deltas).toEqual([{ userId: 1, email: "u1", upBytes: 2, downBytes: 40 }]);
    expect(journal.takeBatch(3).deltas).toEqual([{ userId: 1, upBytes: 12, downBytes: 1_040 }]);
  });

  it("leaves emails it cannot map to a user out, without moving their baseline", () => {
    const journal = UsageJournal.open(journalPath());
    expect(journal.recordReading("i1", reading({ stranger: [5, 5] }), () => null, 1)).toEqual([]);
    expect(journal.baselineFor("i1").has("stranger")).toBe(false);
  });

  it("compacts acknowledged history but keeps baseline, seq and unacknowledged deltas", () => {
    const path = journalPath();
    const journal = UsageJournal.open(path, { compactAtBytes: 2_000 });
    const edge = new FakeEdge();
    for (let i = 1; i <= 60; i++) {
      journal.recordReading("i1", reading({ u1: [i, i * 10], u2: [0, i] }), idOf, i);
      if (i % 2 === 0) journal.acknowledge(edge.receive(journal.takeBatch(i)));
    }
    journal.recordReading("i1", reading({ u1: [61, 610], u2: [0, 60] }), idOf, 61);
    const before = journal.stats();
    expect(before.sizeBytes).toBeLessThan(2_000 + 500);
    journal.close();

    const reopened = UsageJournal.open(path);
    expect(reopened.stats()).toMatchObject({
      lastSeq: before.lastSeq,
      ackSeq: before.ackSeq,
      unackedBytes: before.unackedBytes,
    });
    reopened.acknowledge(edge.receive(reopened.takeBatch(62)));
    expect(edge.totals.get(1)).toEqual({ up: 61, down: 610 });
    expect(edge.totals.get(2)).toEqual({ up: 0, down: 60 });
  });

  it("survives kill -9 at any moment: after recovery the edge has every byte exactly once", async () => {
    const path = journalPath();
    const edge = new FakeEdge();
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [join(import.meta.dirname, "../testing/journal-writer.ts"), path], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      // Let it write a few hundred records (bounded wait), then kill it mid-loop.
      for (let i = 0; i < 200 && !(out.split("\n").length > 20 + round * 5); i++)
        await new Promise((r) => setTimeout(r, 25));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      // The edge received every batch that was printed whole, some perhaps never acknowledged.
      for (const line of out.split("\n").slice(0, -1)) edge.receive(JSON.parse(line) as UsageBatch);
    }
    expect(edge.applied.size).toBeGreaterThan(20);

    // The agent restarts: it reads the core once more (counter far above anything seen) and drains.
    const journal = UsageJournal.open(path);
    const finalDown = 1_000_000_000;
    journal.recordReading("inst-1", reading({ u1: [finalDown / 1000, finalDown] }), () => 1, 1e9);
    for (let i = 0; i < 5 && journal.stats().unackedBytes > 0; i++)
      journal.acknowledge(edge.receive(journal.takeBatch(1e9)));
    expect(journal.stats().unackedBytes).toBe(0);
    expect(edge.totals.get(1)).toEqual({ up: finalDown / 1000, down: finalDown });
    expect(statSync(path).size).toBeGreaterThan(0);
  });
});
