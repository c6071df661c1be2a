/**
 * Whether a webhook URL may be posted to. A deployed panel posts only over https and never to an
 * address literal inside a private network (loopback, RFC 1918, link-local, CGNAT, ULA) or to
 * `localhost`: a channel must not become a way to reach the network the panel runs beside.
 * `allowPrivate` (NOTIFY_ALLOW_PRIVATE_TARGETS="true") lifts both rules for tests and a local
 * panel. Checked when a channel is saved and again before every send.
 *
 * A host name that resolves to a private address is not caught here: Workers cannot resolve
 * names, and Cloudflare's fetch does not reach private networks from the edge anyway.
 *
 * @example
 * targetUrlProblem("https://hooks.example.com/in", false) // null
 * targetUrlProblem("https://10.0.0.5/in", false) // "…private address…"
 */
export function targetUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "url is not a valid URL";
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return allowPrivate ? "url must use http or https" : "url must use https";
  if (url.username || url.password) return "url must not carry a user name or password";
  if (allowPrivate) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "url must not point at localhost";
  if (isPrivateAddress(host)) return "url must not point at a loopback, private or link-local address";
  return null;
}

/** wrangler types the var as its committed value (""); tests and `npm start` set "true". */
export const allowsPrivateTargets = (env: Env) => (env.NOTIFY_ALLOW_PRIVATE_TARGETS as string) === "true";

/** A hostname as URL parses it (IPv6 in brackets, IPv4 already normalised from 0x7f.1 or 2130706433) in a private range. */
function isPrivateAddress(host: string): boolean {
  const v4 = parseIPv4(host);
  if (v4) return isPrivateIPv4(v4);
  if (!host.startsWith("[")) return false;
  const v6 = parseIPv6(host.slice(1, -1));
  if (!v6) return true; // URL accepted it, so it is an address; refuse what we cannot classify.
  if (v6.slice(0, 7).every((word) => word === 0) && (v6[7] === 0 || v6[7] === 1)) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address in the last 32 bits.
  const mapped = v6.slice(0, 5).every((w) => w === 0) && v6[5] === 0xffff;
  const nat64 = v6[0] === 0x64 && v6[1] === 0xff9b && v6.slice(2, 6).every((w) => w === 0);
  if (mapped || nat64) return isPrivateIPv4([v6[6]! >> 8, v6[6]! & 0xff, v6[7]! >> 8, v6[7]! & 0xff]);
  const first = v6[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 site-local (deprecated, still routed inside some networks)
    (first & 0xff00) === 0xff00 // multicast
  );
}

function isPrivateIPv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // 100.64/10 CGNAT
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking, used inside networks
    a! >= 224 // multicast and reserved
  );
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** Eight 16-bit words, or null. URL has already normalised the text (lower case, compressed). */
function parseIPv6(text: string): number[] | null {
  let tail = text;
  const words: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!);
    if (!v4) return null;
    tail = `${text.slice(0, dotted.index)}:${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = tail.split("::");
  if (halves.length > 2) return null;
  const read = (half: string) => (half ? half.split(":").map((w) => Number.parseInt(w, 16)) : []);
  const head = read(halves[0]!);
  const rest = halves.length === 2 ? read(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  words.push(...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest);
  return words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}
