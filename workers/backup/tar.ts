/**
 * Just enough POSIX ustar to carry a backup off Cloudflare as one file an operator can list and
 * unpack with `tar` (regular files, names under 100 bytes), and to read such a file back as a stream.
 */

const BLOCK = 512;
const encoder = new TextEncoder();

function field(header: Uint8Array, offset: number, length: number, value: string): void {
  header.set(encoder.encode(value).subarray(0, length), offset);
}

const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, "0")}\0`;

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtimeSec: number): Uint8Array {
  if (encoder.encode(name).length >= 100) throw new Error(`tar name too long: ${name}`);
  const header = new Uint8Array(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, octal(0o644, 8));
  field(header, 108, 8, octal(0, 8));
  field(header, 116, 8, octal(0, 8));
  field(header, 124, 12, octal(size, 12));
  field(header, 136, 12, octal(mtimeSec, 12));
  field(header, 148, 8, "        ");
  field(header, 156, 1, "0");
  field(header, 257, 8, "ustar\u000000");
  const checksum = header.reduce((sum, b) => sum + b, 0);
  field(header, 148, 8, `${checksum.toString(8).padStart(6, "0")}\0 `);
  return header;
}

/** Zeros that bring a file of `size` bytes to a whole block. */
export const tarPadding = (size: number) => new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);

/** Two zero blocks end an archive. */
export const tarEnd = () => new Uint8Array(BLOCK * 2);

/** Reads exactly n bytes at a time from a stream; `null` at a clean end. */
class ExactReader {
  private buffered: Uint8Array[] = [];
  private length = 0;
  private ended = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async read(n: number): Promise<Uint8Array<ArrayBuffer> | null> {
    while (this.length < n && !this.ended) {
      const { done, value } = await this.reader.read();
      if (done) this.ended = true;
      else if (value.byteLength) {
        this.buffered.push(value);
        this.length += value.byteLength;
      }
    }
    if (this.length === 0 && this.ended) return null;
    if (this.length < n) throw new TarError("the file ends in the middle of an entry: it is truncated");
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.buffered[0]!;
      const take = Math.min(head.byteLength, n - filled);
      out.set(head.subarray(0, take), filled);
      filled += take;
      if (take === head.byteLength) this.buffered.shift();
      else this.buffered[0] = head.subarray(take);
    }
    this.length -= n;
    return out;
  }
}

export class TarError extends Error {}

/**
 * The entries of a tar stream, one at a time, each read whole (a backup's entries are chunks of a
 * few MB). `maxBytes` refuses an entry larger than the caller could want before reading it.
 */
export async function* tarEntries(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  const input = new ExactReader(stream.getReader());
  for (;;) {
    const header = await input.read(BLOCK);
    if (!header || header.every((b) => b === 0)) return;
    const text = (from: number, length: number) =>
      new TextDecoder().decode(header.subarray(from, from + length)).replace(/\0.*$/s, "");
    const stored = Number.parseInt(text(148, 8).trim(), 8);
    const computed = header.reduce((sum, b, i) => sum + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== computed) throw new TarError("not a tar file (a header's checksum is wrong)");
    const size = Number.parseInt(text(124, 12).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || size > maxBytes) throw new TarError(`an entry of ${size} bytes is too large`);
    const data = (await input.read(size)) ?? new Uint8Array();
    if (data.byteLength !== size) throw new TarError("the file ends in the middle of an entry: it is truncated");
    await input.read(tarPadding(size).byteLength);
    yield { name: text(0, 100), data };
  }
}
