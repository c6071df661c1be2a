/**
 * The usage journal keeps every byte the core counted safe until the edge acknowledges it.
 * An append-only file of JSON lines, each appended with one write and fsynced before the agent
 * acts on it, so it survives kill -9 and power loss:
 *
 *   d  a counter reading: per-user deltas AND the new baseline, in one record (so a crash keeps
 *      both or neither: nothing counted twice, nothing lost); the core's per-inbound counters
 *      (level 3) ride in the same record, with their own baseline, the same way
 *   b  a sequenced batch (a UsagePush's deltas), written before it is sent, so a resend after a
 *      crash carries the same seq and the same bytes and the edge can dedupe it
 *   a  an acknowledgement from the edge
 *   s  compaction snapshot (first line only): baseline and counters of a compacted journal
 *   q  deltas carried over by compaction, not yet in a batch (their baseline is in the snapshot)
 *
 * A torn last line (power loss mid-write) is ignored and cut off: its reading was never acted on,
 * and since the baseline did not advance either, the next reading counts those bytes once.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import type { InboundDelta, UsageDelta } from "../../../workers/agent/protocol/messages.ts";
import { writeFileAtomic } from "../state/atomic-file.ts";
import { diffCounters, type CounterPair } from "./baseline.ts";

/** The edge accepts at most this many deltas in one push. */
const MAX_DELTAS_PER_BATCH = 50_000;

type Entry = [userId: number, email: string, upBytes: number, downBytes: number, absUp: number, absDown: number];
type InboundEntry = [tag: string, upBytes: number, downBytes: number, absUp: number, absDown: number];

interface ReadingRecord {
  k: "d" | "q";
  id: number;
  at: number;
  inst: string;
  u: Entry[];
  /** Inbound counters read with the users' (absent in journals older than level 3). */
  i?: InboundEntry[];
}
interface BatchRecord {
  k: "b";
  seq: number;
  /** Readings with id <= upTo are in this or an earlier batch. */
  upTo: number;
  from: number;
  to: number;
  d: Array<[userId: number, upBytes: number, downBytes: number]>;
  i?: Array<[tag: string, upBytes: number, downBytes: number]>;
}
interface AckRecord {
  k: "a";
  seq: number;
}
interface SnapshotRecord {
  k: "s";
  nextId: number;
  lastSeq: number;
  ackSeq: number;
  upTo: number;
  lastTo: number;
  inst: string | null;
  base: Array<[email: string, up: number, down: number]>;
  ib?: Array<[tag: string, up: number, down: number]>;
}
type JournalRecord = ReadingRecord | BatchRecord | AckRecord | SnapshotRecord;

export interface UsageBatch {
  seq: number;
  fromSec: number;
  toSec: number;
  deltas: UsageDelta[];
  inbounds: InboundDelta[];
}

export interface RecordedDelta {
  userId: number;
  email: string;
  upBytes: number;
  downBytes: number;
}

export interface JournalStats {
  lastSeq: number;
  ackSeq: number;
  pendingReadings: number;
  openBatchSeq: number | null;
  unackedBytes: number;
  sizeBytes: number;
}

export interface JournalOptions {
  /** Rewrite the file once it grows past this and everything old is acknowledged. */
  compactAtBytes?: number;
  /** Told when a torn tail was cut off on open (for the log). */
  onTornTail?: (bytes: number) => void;
}

class JournalCorruptError extends Error {
  readonly code = "JOURNAL_CORRUPT";
}

export class UsageJournal {
  readonly path: string;
  private fd: number;
  private readonly compactAtBytes: number;
  private baselineInst: string | null = null;
  private baseline = new Map<string, CounterPair>();
  /** By inbound tag, for the same core instance as `baseline`. */
  private inboundBaseline = new Map<string, CounterPair>();
  private nextReadingId = 1;
  private lastSeq = 0;
  private ackSeq = 0;
  private batchedUpTo = 0;
  private lastBatchToSec = 0;
  private pending: ReadingRecord[] = [];
  private openBatch: BatchRecord | null = null;

  private constructor(path: string, options: JournalOptions) {
    this.path = path;
    this.compactAtBytes = options.compactAtBytes ?? 1 << 20;
    const validLength = this.load();
    this.fd = openSync(path, "a+", 0o600);
    if (fstatSync(this.fd).size > validLength) {
      options.onTornTail?.(fstatSync(this.fd).size - validLength);
      ftruncateSync(this.fd, validLength);
      fsyncSync(this.fd);
    }
  }

  /** Opens (or creates) the journal at `path` and replays it. */
  static open(path: string, options: JournalOptions = {}): UsageJournal {
    return new UsageJournal(path, options);
  }

  /** Replays the file; returns the length of its intact prefix (whole lines only). */
  private load(): number {
    if (!existsSync(this.path)) return 0;
    const text = readFileSync(this.path, "utf8");
    const lastNewline = text.lastIndexOf("\n");
    if (lastNewline < 0) return 0;
    const intact = text.slice(0, lastNewline + 1);
    const lines = intact.split("\n");
    lines.pop();
    lines.forEach((line, i) => {
      let record: JournalRecord;
      try {
        record = JSON.parse(line) as JournalRecord;
      } catch {
        // Only the unterminated tail can be torn; a bad line inside means the disk lied.
        throw new JournalCorruptError(`usage journal ${this.path} line ${i + 1} is not valid JSON`);
      }
      this.apply(record);
    });
    return Buffer.byteLength(intact);
  }

  private apply(record: JournalRecord): void {
    switch (record.k) {
      case "s":
        this.nextReadingId = record.nextId;
        this.lastSeq = record.lastSeq;
        this.ackSeq = record.ackSeq;
        this.batchedUpTo = record.upTo;
        this.lastBatchToSec = record.lastTo;
        this.baselineInst = record.inst;
        this.baseline = new Map(record.base.map(([email, up, down]) => [email, { up, down }]));
        this.inboundBaseline = new Map((record.ib ?? []).map(([tag, up, down]) => [tag, { up, down }]));
        break;
      case "d":
      case "q":
        // A fresh reading moves the baseline; a carried-over one's baseline is in the snapshot.
        if (record.k === "d") {
          if (record.inst !== this.baselineInst) {
            this.baselineInst = record.inst;
            this.baseline = new Map();
            this.inboundBaseline = new Map();
          }
          for (const [, email, , , absUp, absDown] of record.u) this.baseline.set(email, { up: absUp, down: absDown });
          for (const [tag, , , absUp, absDown] of record.i ?? [])
            this.inboundBaseline.set(tag, { up: absUp, down: absDown });
        }
        // Either way its deltas wait for a batch.
        this.nextReadingId = Math.max(this.nextReadingId, record.id + 1);
        if (record.id > this.batchedUpTo) this.pending.push(record);
        break;
      case "b":
        this.lastSeq = Math.max(this.lastSeq, record.seq);
        this.batchedUpTo = Math.max(this.batchedUpTo, record.upTo);
        this.lastBatchToSec = record.to;
        this.pending = this.pending.filter((r) => r.id > record.upTo);
        this.openBatch = record.seq > this.ackSeq ? record : null;
        break;
      case "a":
        this.ackSeq = Math.max(this.ackSeq, record.seq);
        if (this.openBatch && this.openBatch.seq <= this.ackSeq) this.openBatch = null;
        break;
    }
  }

  private append(record: JournalRecord): void {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    // Durable before anyone acts on it: the baseline in memory moves only after this returns.
    fsyncSync(this.fd);
    this.apply(record);
  }

  /** The baseline that applies to counters of core instance `inst` (empty for a new instance). */
  baselineFor(inst: string): ReadonlyMap<string, CounterPair> {
    return inst === this.baselineInst ? this.baseline : new Map();
  }

  /** Bytes per email that `counters` (of instance `inst`) hold beyond the journaled baseline; nothing is recorded. */
  unjournaledBytes(inst: string, counters: ReadonlyMap<string, CounterPair>): Map<string, number> {
    return new Map(diffCounters(this.baselineFor(inst), counters).map((d) => [d.email, d.upBytes + d.downBytes]));
  }

  /**
   * Journals one reading of the core's counters (instance `inst`) and returns the new user deltas.
   * Emails `resolveUserId` cannot map are left out and their baseline does not move. The core's
   * per-inbound counters by tag (`inbounds`, level 3), read at the same moment, are journaled in
   * the same record against their own baseline.
   */
  recordReading(
    inst: string,
    counters: ReadonlyMap<string, CounterPair>,
    resolveUserId: (email: string) => number | null,
    atSec: number,
    inbounds: ReadonlyMap<string, CounterPair> = new Map(),
  ): RecordedDelta[] {
    const entries: Entry[] = [];
    for (const d of diffCounters(this.baselineFor(inst), counters)) {
      const userId = resolveUserId(d.email);
      if (userId === null) continue;
      entries.push([userId, d.email, d.upBytes, d.downBytes, d.absolute.up, d.absolute.down]);
    }
    const inboundBase = inst === this.baselineInst ? this.inboundBaseline : new Map<string, CounterPair>();
    const inboundEntries = diffCounters(inboundBase, inbounds).map(
      (d): InboundEntry => [d.email, d.upBytes, d.downBytes, d.absolute.up, d.absolute.down],
    );
    if (entries.length === 0 && inboundEntries.length === 0) return [];
    this.append({
      k: "d",
      id: this.nextReadingId,
      at: atSec,
      inst,
      u: entries,
      ...(inboundEntries.length ? { i: inboundEntries } : {}),
    });
    return entries
      .filter((e) => e[2] > 0 || e[3] > 0)
      .map(([userId, email, upBytes, downBytes]) => ({ userId, email, upBytes, downBytes }));
  }

  /**
   * The batch to push now: the unacknowledged one again (same seq, same bytes) if there is one,
   * otherwise a new one from all readings not yet batched (possibly empty: pushes double as the
   * node's heartbeat, and every seq ever sent must be journaled so it is never reused).
   */
  takeBatch(nowSec: number): UsageBatch {
    if (!this.openBatch) {
      const totals = new Map<number, { up: number; down: number }>();
      const inboundTotals = new Map<string, { up: number; down: number }>();
      let upTo = this.batchedUpTo;
      for (const reading of this.pending) {
        const newUsers = reading.u.filter(([userId]) => !totals.has(userId)).length;
        if (totals.size + newUsers > MAX_DELTAS_PER_BATCH && upTo > this.batchedUpTo) break;
        for (const [userId, , up, down] of reading.u) {
          const t = totals.get(userId) ?? { up: 0, down: 0 };
          t.up += up;
          t.down += down;
          totals.set(userId, t);
        }
        for (const [tag, up, down] of reading.i ?? []) {
          const t = inboundTotals.get(tag) ?? { up: 0, down: 0 };
          t.up += up;
          t.down += down;
          inboundTotals.set(tag, t);
        }
        upTo = reading.id;
      }
      const from = this.lastBatchToSec || this.pending[0]?.at || nowSec;
      const d = [...totals]
        .filter(([, t]) => t.up > 0 || t.down > 0)
        .map(([userId, t]): [number, number, number] => [userId, t.up, t.down]);
      const i = [...inboundTotals]
        .filter(([, t]) => t.up > 0 || t.down > 0)
        .map(([tag, t]): [string, number, number] => [tag, t.up, t.down]);
      this.append({
        k: "b",
        seq: this.lastSeq + 1,
        upTo,
        from,
        to: Math.max(from, nowSec),
        d,
        ...(i.length ? { i } : {}),
      });
    }
    const batch = this.openBatch!;
    return {
      seq: batch.seq,
      fromSec: batch.from,
      toSec: batch.to,
      deltas: batch.d.map(([userId, upBytes, downBytes]) => ({ userId, upBytes, downBytes })),
      inbounds: (batch.i ?? []).map(([tag, upBytes, downBytes]) => ({ tag, upBytes, downBytes })),
    };
  }

  /** Records the edge's ack; compacts when the file has grown. True if the open batch is done. */
  acknowledge(ackSeq: number): boolean {
    if (ackSeq <= this.ackSeq) return this.openBatch === null;
    this.append({ k: "a", seq: Math.min(ackSeq, this.lastSeq) });
    if (fstatSync(this.fd).size >= this.compactAtBytes) this.compact();
    return this.openBatch === null;
  }

  /** Rewrites the journal as snapshot + what is still unacknowledged, atomically. */
  compact(): void {
    const snapshot: SnapshotRecord = {
      k: "s",
      nextId: this.nextReadingId,
      lastSeq: this.lastSeq,
      ackSeq: this.ackSeq,
      upTo: this.batchedUpTo,
      lastTo: this.lastBatchToSec,
      inst: this.baselineInst,
      base: [...this.baseline].map(([email, c]) => [email, c.up, c.down]),
      ib: [...this.inboundBaseline].map(([tag, c]) => [tag, c.up, c.down]),
    };
    const lines: JournalRecord[] = [
      snapshot,
      ...(this.openBatch ? [this.openBatch] : []),
      ...this.pending.map((r): ReadingRecord => ({ ...r, k: "q" })),
    ];
    writeFileAtomic(this.path, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    closeSync(this.fd);
    this.fd = openSync(this.path, "a+", 0o600);
  }

  stats(): JournalStats {
    const pendingBytes = this.pending.reduce((sum, r) => sum + r.u.reduce((s, e) => s + e[2] + e[3], 0), 0);
    const batchBytes = this.openBatch ? this.openBatch.d.reduce((s, [, up, down]) => s + up + down, 0) : 0;
    return {
      lastSeq: this.lastSeq,
      ackSeq: this.ackSeq,
      pendingReadings: this.pending.length,
      openBatchSeq: this.openBatch?.seq ?? null,
      unackedBytes: pendingBytes + batchBytes,
      sizeBytes: fstatSync(this.fd).size,
    };
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** `u<id>` → id: the email convention the edge uses for every user (see AgentUser.email). */
export function userIdFromEmail(email: string): number | null {
  const m = /^u(\d+)$/.exec(email);
  return m ? Number(m[1]) : null;
}
