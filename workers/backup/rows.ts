/**
 * The canonical form of a row, defined once: the backup writes it, the restore reads it back and
 * verification hashes it. A row is one JSON array of its column values, in the manifest's column
 * order; a chunk is those lines, each ended by "\n" (NDJSON).
 *
 * SQLite values map to JSON losslessly except integers beyond 2^53, which D1 itself hands to
 * JavaScript as doubles (the panel stores none: byte counters stay far below). BLOBs (no panel
 * column has one today, but SQLite lets any column hold one) become {"x": "<hex>"}.
 */

export type CellValue = null | number | string | { x: string };

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function cell(value: unknown): CellValue {
  if (value === null || typeof value === "number" || typeof value === "string") return value;
  if (value instanceof ArrayBuffer) return { x: hex(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) return { x: hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  // D1 hands BLOBs over as arrays of byte values.
  if (Array.isArray(value)) return { x: hex(Uint8Array.from(value as number[])) };
  if (typeof value === "bigint") return Number(value);
  throw new Error(`a D1 value of type ${typeof value} has no backup form`);
}

/** One row as its NDJSON line (with the newline). */
export function rowLine(values: unknown[]): string {
  return `${JSON.stringify(values.map(cell))}\n`;
}

/**
 * SQL that turns `json_each(?)` over an array of such rows back into column values: json_extract
 * gives INTEGER, REAL, TEXT or NULL as JSON had them, and hex objects become BLOBs again.
 */
export function cellsFromJson(columnCount: number): string {
  return Array.from(
    { length: columnCount },
    (_, i) =>
      `CASE json_type(value, '$[${i}]') WHEN 'object' THEN unhex(json_extract(value, '$[${i}].x')) ELSE json_extract(value, '$[${i}]') END`,
  ).join(", ");
}

const encoder = new TextEncoder();

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

/**
 * A table's checksum is a chain over its chunks: it starts from the table's name and each chunk's
 * NDJSON moves it on. WebCrypto cannot carry a running SHA-256 across Workflow steps, a hex
 * string can; verification reads the same rows in the same groups (the manifest's chunks) and
 * must arrive at the same value.
 */
export function tableDigestStart(table: string): Promise<string> {
  return sha256Hex(`vortexpanel-backup-1 ${table}`);
}

export function nextTableDigest(previous: string, ndjson: string): Promise<string> {
  return sha256Hex(previous + ndjson);
}

/** Gzip through the runtime's CompressionStream (no library in the bundle). */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}
