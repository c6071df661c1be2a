/**
 * Rendered subscription bodies, kept in the isolate (and, with `sizeOf`, any other value whose
 * size is known: route.ts keeps lookups in one).
 *
 * Why an in-isolate LRU and not the Cache API: every request must reach D1 anyway (the token has
 * to be checked there so a rotated token stops at once), and that one statement already returns
 * everything the body depends on. Hashing that content gives the key, so a change of any input
 * (user, usage, groups, inbounds, nodes, node health, settings) changes the key by construction:
 * nothing to invalidate, no bump that could be forgotten, nothing stale across isolates. A hit
 * then costs a Map lookup; the Cache API would add a per-colo round trip and a put per miss to
 * save only the render itself. Entries and bytes are capped so an isolate's memory stays small.
 */
export class RenderCache<V = string> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 16 * 1024 * 1024,
    private readonly sizeOf: (value: V) => number = (value) => (value as string).length,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (this.sizeOf(value) > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, value);
    this.bytes += this.sizeOf(value);
    for (const [oldest, body] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= this.sizeOf(body);
    }
  }

  delete(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.bytes -= this.sizeOf(old);
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
