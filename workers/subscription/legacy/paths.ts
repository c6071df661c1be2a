/**
 * The URLs old panels gave out, so a moved phone's link keeps answering: path prefixes the admin
 * maps (setting `legacySubscriptionPaths`) and the client types those panels took as the last
 * path segment. Pure: the glue is in routes.ts.
 */
import { z } from "zod";
import { FORMATS, type Format } from "../formats";

/**
 * First path segments the panel itself answers (API, agent, assets, the SPA's pages): a mapped
 * prefix may not start with one, and a root (`/`) mapping never takes one as a token.
 */
export const PANEL_SEGMENTS: ReadonlySet<string> = new Set([
  "graphql",
  "api",
  "agent",
  "sub",
  "webhooks",
  "assets",
  "downloads",
  "__scheduled",
  // The SPA's pages (web/src/App.tsx).
  "login",
  "users",
  "nodes",
  "inbounds",
  "groups",
  "admins",
  "audit",
  "settings",
  "account",
  "import",
]);

/** Our tokens, the 3x-ui subIds and Remnawave shortUuids imported as ours, and the peers' signed tokens (JWTs hold dots). */
const TOKEN_SEGMENT = /^[A-Za-z0-9_.-]{15,1024}$/;

export const legacyPathSchema = z.object({
  prefix: z
    .string()
    .trim()
    .max(64)
    // Segments of dots alone never reach us: URLs are normalised before routing.
    .regex(/^\/((?!\.+\/)[A-Za-z0-9._~-]+\/)*$/, 'must start and end with "/", e.g. /xui-sub/, /json/ or /')
    .refine(
      (prefix) => !PANEL_SEGMENTS.has(prefix.split("/")[1] ?? ""),
      "is one of the panel's own paths (/sub/ is always served)",
    ),
  /** Forces one format (3x-ui's /json/ is Xray JSON); null lets the client's rules choose, as /sub/ does. */
  format: z
    .enum(FORMATS)
    .nullish()
    .transform((format) => format ?? null),
});

export const legacyPathsSchema = z
  .array(legacyPathSchema)
  .max(10, "at most 10 paths")
  .superRefine((paths, ctx) => {
    const seen = new Set<string>();
    for (const [i, { prefix }] of paths.entries()) {
      if (seen.has(prefix)) ctx.addIssue({ code: "custom", path: [i, "prefix"], message: `${prefix} is listed twice` });
      seen.add(prefix);
    }
  });

export type LegacyPath = z.output<typeof legacyPathSchema>;

/**
 * The client types old links carry as their last segment (Marzban/PasarGuard `/sub/<token>/<type>`,
 * Remnawave `/api/sub/<shortUuid>/<type>`), as our formats; our own names need no entry.
 */
const PEER_CLIENT_TYPES = new Map<string, Format>([
  ["v2ray", "base64"],
  ["v2ray-json", "xray-json"],
  ["json", "xray-json"],
  ["singbox", "sing-box"],
  ["singbox-legacy", "sing-box"],
  ["mihomo", "clash-meta"],
  ["stash", "clash"],
]);

/** A path's last segment as we name it: a peer's client type becomes our format, anything else is left as it is. */
export const ourFormatName = (requested: string) => PEER_CLIENT_TYPES.get(requested) ?? requested;

export interface LegacyPathMatch {
  token: string;
  /** The client type the path names, else the prefix's format. */
  requested: string | undefined;
  /** Mapped at `/`: a page navigation with an unknown token belongs to the SPA, not to us. */
  root: boolean;
}

/**
 * Could this path be an old link at all (a token-shaped segment, not under the panel's own
 * paths)? Checked before the mapped prefixes are read, so other misses cost no statement.
 */
export function mayBeLegacyPath(pathname: string): boolean {
  const segments = pathname.split("/");
  return !PANEL_SEGMENTS.has(segments[1] ?? "") && segments.some((s) => TOKEN_SEGMENT.test(s));
}

/**
 * The token (and format) of `pathname` under the longest mapped prefix: `<prefix><token>`,
 * `<prefix><token>/` and `<prefix><token>/<client type>`; under `/`, only `/<token>`, never one
 * of the SPA's pages.
 *
 * @example matchLegacyPath("/json/abcdefgh12345678", [{ prefix: "/json/", format: "xray-json" }]) // { token: "abcdefgh12345678", requested: "xray-json", root: false }
 */
export function matchLegacyPath(pathname: string, paths: readonly LegacyPath[]): LegacyPathMatch | null {
  const longestFirst = [...paths].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { prefix, format } of longestFirst) {
    if (!pathname.startsWith(prefix)) continue;
    const [token = "", requested, ...more] = pathname.slice(prefix.length).split("/");
    if (!TOKEN_SEGMENT.test(token) || more.length) continue;
    const root = prefix === "/";
    if (root && (requested !== undefined || PANEL_SEGMENTS.has(token))) continue;
    return { token, requested: requested || (format ?? undefined), root };
  }
  return null;
}
