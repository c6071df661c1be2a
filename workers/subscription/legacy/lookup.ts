import { subscriptionSecretContext } from "../../import/table";
/**
 * Which of our users a Marzban/PasarGuard token names, if any: the import wrote, per peer user, a
 * `legacy_subscription_tokens` row (who, and from when its tokens are good) and, per source, the
 * peer's `jwt.secret_key` sealed in `import_sources.subscription_secret`.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { legacySubscriptionTokens } from "../../import/table";
import { secretBox } from "../../lib/secret-box";
import { mintedBy, type PeerKind, PEER_KINDS, parseLegacyToken, signatureMatches } from "./tokens";

/**
 * The context a source's subscription secret is sealed under (lib/secret-box.ts binds it as
 * additional data): the source's kind and instance, which are known before its row is written.
 */

interface CandidateRow {
  kind: PeerKind;
  instance: string;
  sealed: string;
  not_before: number | null;
  sub_token: string | null;
}

/**
 * The subscription token of the user a legacy token names, or null. The token is good only when a
 * source's secret signed it, the peer user was imported from that source (Marzban usernames match
 * case-sensitively, as on the peer), and it was minted at or after the row's not_before.
 *
 * One statement, and only for tokens in a peer's form: every source that could have minted the
 * token, each with the named user's row if there is one (found through the row's primary key or
 * its unique peer-id index). Every source's signature is checked whether or not the user exists,
 * so the time spent does not tell a wrong name from a wrong signature.
 */
export async function resolveLegacyToken(
  db: Db,
  secretsKey: string | undefined,
  token: string,
): Promise<string | null> {
  const legacy = parseLegacyToken(token);
  if (!legacy) return null;
  const named =
    "username" in legacy.peer
      ? sql`l.peer_username = ${legacy.peer.username}`
      : sql`l.peer_user_id = ${legacy.peer.userId}`;
  const kinds = PEER_KINDS.filter((kind) => mintedBy(legacy, kind));
  const rows = await db.all<CandidateRow>(sql`SELECT s.kind, s.instance, s.subscription_secret AS sealed,
      l.not_before, u.sub_token
    FROM import_sources s
    LEFT JOIN legacy_subscription_tokens l ON l.source_id = s.id AND ${named}
    LEFT JOIN users u ON u.id = l.user_id
    WHERE s.subscription_secret IS NOT NULL AND s.kind IN (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )})
    ORDER BY s.id`);
  if (!rows.length) return null;
  const box = await secretBox(secretsKey);
  let found: string | null = null;
  for (const row of rows) {
    const secret = await box.open(row.sealed, subscriptionSecretContext(row.kind, row.instance));
    const signed = await signatureMatches(legacy, row.kind, secret);
    if (signed && found === null && row.sub_token !== null && legacy.mintedAtSec >= row.not_before!)
      found = row.sub_token;
  }
  return found;
}

/**
 * Revoking a user's link here ends the links it held on the peer too: tokens minted before now
 * stop resolving. A statement for the caller's batch, so it commits with the new token.
 */
export const revokeLegacyTokens = (db: Db, userId: number, nowSec: number) =>
  db.update(legacySubscriptionTokens).set({ notBeforeSec: nowSec }).where(eq(legacySubscriptionTokens.userId, userId));
