/**
 * Counters are read without reset and compared with the last reading the journal holds. Reading
 * with reset would lose the bytes counted between the reset and a crash before the journal
 * write; with a baseline, the delta and the baseline advance land in one journal record, so a
 * crash either keeps both or neither and a byte is never counted twice or dropped.
 */
export interface CounterPair {
  up: number;
  down: number;
}

export interface CounterDelta {
  email: string;
  upBytes: number;
  downBytes: number;
  /** The absolute counters after this delta: the next baseline. */
  absolute: CounterPair;
}

/**
 * A counter below its baseline means the core restarted (counters live in its memory) or was
 * reset by someone else: everything it now shows is new traffic.
 */
function grew(current: number, base: number): number {
  return current >= base ? current - base : current;
}

/**
 * Deltas of `current` against `baseline`, one per email with traffic since.
 *
 * @example diffCounters(new Map([["u1", { up: 10, down: 100 }]]), new Map([["u1", { up: 15, down: 100 }]]))
 * // → [{ email: "u1", upBytes: 5, downBytes: 0, absolute: { up: 15, down: 100 } }]
 */
export function diffCounters(
  baseline: ReadonlyMap<string, CounterPair>,
  current: ReadonlyMap<string, CounterPair>,
): CounterDelta[] {
  const out: CounterDelta[] = [];
  for (const [email, now] of current) {
    const base = baseline.get(email) ?? { up: 0, down: 0 };
    const upBytes = grew(now.up, base.up);
    const downBytes = grew(now.down, base.down);
    if (upBytes === 0 && downBytes === 0 && now.up === base.up && now.down === base.down) continue;
    out.push({ email, upBytes, downBytes, absolute: { up: now.up, down: now.down } });
  }
  return out;
}
