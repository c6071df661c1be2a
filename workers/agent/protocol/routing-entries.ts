/**
 * The entries a routing policy is made of, checked the way the cores read them, so a policy the
 * edge accepts is one Xray and v2ray 4.34 accept too. Shared by the edge's input validation and
 * the agent's payload parsing (see routingPolicySchema in messages.ts).
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  // The URL parser is the standard's own IPv6 grammar, present in both the Worker and Node.
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(":")) return false;
  try {
    new URL(`http://[${text}]/`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why `text` is not a CIDR (or bare address) the cores accept, or null. IPv4-mapped IPv6
 * (`::ffff:a.b.c.d`) is refused: both cores treat it as IPv4 and reject a /96-style mask.
 */
export function cidrProblem(text: string): string | null {
  const [address = "", prefix, extra] = text.split("/");
  if (extra !== undefined) return `"${text}" is not a CIDR (one "/" at most)`;
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return `"${text}" is not an IPv4 or IPv6 CIDR (write IPv4-mapped addresses as IPv4)`;
  if (prefix === undefined) return null;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${text}": the prefix length must be 0 to ${max}`;
  return null;
}

/** Why `text` is not a port or an ascending `low-high` range within 1–65535, or null. */
export function portRangeProblem(text: string): string | null {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) return `"${text}" is not a port or a port range such as 8000-8100`;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (low < 1 || high > 65535) return `"${text}": ports run from 1 to 65535`;
  if (low > high) return `"${text}": the range must go from low to high`;
  return null;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/i;

/**
 * Why `text` is not a domain matcher both cores accept, or null: `domain:` (the domain and its
 * subdomains), `full:` (exactly), `keyword:` (a substring) or `regexp:` (RE2 syntax, which has no
 * look-around or back-references; the cores compile it at start and refuse the whole config if
 * it fails). geosite:/ext: need data files the agent does not ship.
 */
export function domainMatcherProblem(text: string): string | null {
  const colon = text.indexOf(":");
  const kind = colon < 0 ? "" : text.slice(0, colon);
  const value = text.slice(colon + 1);
  switch (kind) {
    case "domain":
    case "full":
      return HOST_NAME.test(value) ? null : `"${text}": "${value}" is not a domain name`;
    case "keyword":
      return /^[^\s,]{1,253}$/.test(value)
        ? null
        : `"${text}": a keyword is 1 to 253 characters without spaces or commas`;
    case "regexp": {
      if (value.length === 0) return `"${text}": the regular expression is empty`;
      if (/\(\?<?[=!]|\\[1-9]|\(\?</.test(value))
        return `"${text}": look-around, back-references and named groups are not in the cores' RE2 syntax`;
      const counts = [...value.matchAll(/\{(\d+)(?:,(\d*))?\}/g)]
        .flatMap((m) => [m[1], m[2]])
        .filter(Boolean)
        .map(Number);
      if (counts.some((n) => n > 1000)) return `"${text}": RE2 allows at most 1000 repetitions`;
      try {
        // Unicode mode refuses the loose escapes (\Z, \q) RE2 refuses; a leading RE2 flag group
        // such as (?i) is valid there but not in JavaScript, so it is checked without it.
        new RegExp(value.replace(/^\(\?[imsU]+\)/, ""), "u");
      } catch (err) {
        return `"${text}": not a valid regular expression (${(err as Error).message})`;
      }
      return null;
    }
    default:
      return `"${text}" must start with domain:, full:, keyword: or regexp:`;
  }
}
