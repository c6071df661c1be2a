/**
 * CIDR parsing and matching for IPv4 and IPv6, on addresses as 128-bit integers (IPv4 is
 * mapped into ::ffff:0:0/96, so an IPv4 client arriving as ::ffff:a.b.c.d matches too).
 */

export interface Cidr {
  /** The network as written back in canonical form, e.g. 203.0.113.0/24 or 2001:db8::/32. */
  text: string;
  network: bigint;
  mask: bigint;
}

const V4_MAPPED = 0xffffn << 32n;
const ALL = (1n << 128n) - 1n;

function parseV4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  // An embedded IPv4 tail (::ffff:192.0.2.1) is rewritten as its two hextets first.
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let body = text;
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    if (v4 === undefined) return undefined;
    body = `${text.slice(0, dotted.index + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const words = (half: string) => (half === "" ? [] : half.split(":"));
  const head = words(halves[0]!);
  const tail = halves.length === 2 ? words(halves[1]!) : [];
  const given = head.length + tail.length;
  // Without "::" all eight hextets are written; with it, at least one is left out.
  if (halves.length === 1 ? given !== 8 : given > 7) return undefined;
  let value = 0n;
  for (const h of [...head, ...Array<string>(8 - given).fill("0"), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(h)) return undefined;
    value = (value << 16n) | BigInt(parseInt(h, 16));
  }
  return value;
}

/** An address as a 128-bit integer (IPv4 mapped), or undefined when it is not an IP address. */
export function parseAddress(text: string): bigint | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(":")) return parseV6(trimmed.replace(/^\[|\]$/g, ""));
  const v4 = parseV4(trimmed);
  return v4 === undefined ? undefined : V4_MAPPED | v4;
}

/** Parses `a.b.c.d/n`, `x:y::/n` or a bare address (a /32 or /128); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined || !address) return undefined;
  const isV6 = address.includes(":");
  const bits = isV6 ? 128 : 32;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  const value = parseAddress(address);
  if (value === undefined) return undefined;
  const prefix128 = isV6 ? prefix : prefix + 96;
  const mask = prefix128 === 0 ? 0n : (ALL << BigInt(128 - prefix128)) & ALL;
  const network = value & mask;
  return { text: `${formatNetwork(network, isV6)}/${prefix}`, network, mask };
}

function formatNetwork(network: bigint, isV6: boolean): string {
  if (!isV6) return [24n, 16n, 8n, 0n].map((shift) => String((network >> shift) & 0xffn)).join(".");
  const hextets = Array.from({ length: 8 }, (_, i) => ((network >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // Collapse the longest run of zero hextets, as RFC 5952 asks.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (hextets[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && hextets[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return hextets.join(":");
  return `${hextets.slice(0, best.start).join(":")}::${hextets.slice(best.start + best.length).join(":")}`;
}

/** True when the list is empty (no restriction) or the address falls in one of its networks. */
export function addressAllowed(allowlist: readonly string[] | null | undefined, address: string): boolean {
  if (!allowlist || allowlist.length === 0) return true;
  const value = parseAddress(address);
  if (value === undefined) return false;
  return allowlist.some((entry) => {
    const cidr = parseCidr(entry);
    return cidr !== undefined && (value & cidr.mask) === cidr.network;
  });
}
