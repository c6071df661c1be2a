/**
 * Rendered subscription bodies, kept in the isolate.
 *
 * Why an in-isolate LRU and not the Cache API: every request must reach D1 anyway (the token has
 * to be checked there so a rotated token stops at once), and that one statement already returns
 * everything the body depends on. Hashing that content gives the key, so a change of any input
 * (user, usage, groups, inbounds, nodes, node health, settings) changes the key by construction:
 * nothing to invalidate, no bump that could be forgotten, nothing stale across isolates. A hit
 * then costs a Map lookup; the Cache API would add a per-colo round trip and a put per miss to
 * save only the render itself. Entries and bytes are capped so an isolate's memory stays small.
 */
export class RenderCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    readonly maxEntries = 2000,
    readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    if (value.length > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldest, body] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
