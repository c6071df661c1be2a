import { and, eq, lt, sql } from "drizzle-orm";
import { admins } from "../../admins/table";
import { auditInsert } from "../../audit/record";
import { randomToken, sha256Hex } from "../../auth/crypto";
import { runBatch, type Db } from "../../db/client";
import { LANGUAGES, type Language } from "../../events/texts";
import { notificationChannels, telegramLinks, telegramLinkTokens } from "../table";

/** How long a deep link stays valid. */
export const LINK_TTL_SEC = 15 * 60;

/** Whose chat a token links: an end user's subscription or an admin's alerts. */
export type LinkOwner = { userId: number } | { adminId: number };

/**
 * Mints a one-time token for `https://t.me/<bot>?start=<token>` (43 URL-safe characters, within
 * the 64 Telegram allows). Only its SHA-256 is stored; expired tokens are swept on the way, so the
 * table holds at most a quarter-hour of offers.
 */
export async function mintLinkToken(db: Db, owner: LinkOwner, nowSec: number) {
  const token = randomToken(32);
  const expiresAtSec = nowSec + LINK_TTL_SEC;
  await runBatch(db, [
    db.delete(telegramLinkTokens).where(lt(telegramLinkTokens.expiresAtSec, nowSec)),
    db.insert(telegramLinkTokens).values({
      tokenHash: await sha256Hex(token),
      userId: "userId" in owner ? owner.userId : null,
      adminId: "adminId" in owner ? owner.adminId : null,
      expiresAtSec,
    }),
  ]);
  return { token, expiresAtSec };
}

/**
 * Spends a token: deleted in the same statement that reads it, so two chats racing for one token
 * cannot both win. Null for a token that is unknown, already used or expired.
 */
export async function redeemLinkToken(db: Db, token: string, nowSec: number): Promise<LinkOwner | null> {
  const row = await db
    .delete(telegramLinkTokens)
    .where(eq(telegramLinkTokens.tokenHash, await sha256Hex(token)))
    .returning()
    .get();
  if (!row || row.expiresAtSec < nowSec) return null;
  if (row.userId !== null) return { userId: row.userId };
  if (row.adminId !== null) return { adminId: row.adminId };
  return null;
}

/** The chat's language when we have texts in it (Telegram's language_code is an IETF tag such as "ru" or "zh-hans"), else English. */
export function chatLanguage(languageCode: string | undefined): Language {
  const primary = (languageCode ?? "").toLowerCase().split("-")[0];
  return (LANGUAGES as readonly string[]).includes(primary!) ? (primary as Language) : "en";
}

export interface ChatFacts {
  chatId: string;
  language: Language;
  /** How the channel is named in the SPA: the chat's @username or title. */
  title: string;
}

/**
 * Links the chat to an end user's subscription; a chat already linked to an admin stays linked to
 * it too. Linking anew unmutes the chat's notices: it is how a user who blocked the bot (which
 * muted the chat) and came back starts over.
 */
export async function linkUserChat(db: Db, chat: ChatFacts, userId: number, nowSec: number) {
  await db
    .insert(telegramLinks)
    .values({ chatId: chat.chatId, userId, language: chat.language, linkedAtSec: nowSec })
    .onConflictDoUpdate({
      target: telegramLinks.chatId,
      set: { userId, language: chat.language, linkedAtSec: nowSec, muted: false },
    })
    .run();
}

/**
 * Links the chat to an admin: the link (for /user) and a TELEGRAM channel of that admin, which
 * fan-out then sends the admin's events to. Linking the same chat again re-enables its channel
 * rather than adding a second one. Audited as the admin's own act. False when the admin is gone.
 */
export async function linkAdminChat(db: Db, chat: ChatFacts, adminId: number, nowSec: number): Promise<boolean> {
  const admin = await db.select().from(admins).where(eq(admins.id, adminId)).get();
  if (!admin) return false;
  const existing = await db
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.adminId, adminId),
        eq(notificationChannels.kind, "telegram"),
        eq(notificationChannels.telegramChatId, chat.chatId),
      ),
    )
    .get();
  const channel = existing
    ? db
        .update(notificationChannels)
        .set({ enabled: true, disabledReason: null, language: chat.language, updatedAtSec: nowSec })
        .where(eq(notificationChannels.id, existing.id))
    : db.insert(notificationChannels).values({
        adminId,
        kind: "telegram",
        name: `Telegram ${chat.title}`.slice(0, 100),
        telegramChatId: chat.chatId,
        language: chat.language,
        createdAtSec: nowSec,
        updatedAtSec: nowSec,
      });
  await runBatch(db, [
    db
      .insert(telegramLinks)
      .values({ chatId: chat.chatId, adminId, language: chat.language, linkedAtSec: nowSec })
      .onConflictDoUpdate({
        target: telegramLinks.chatId,
        set: { adminId, language: chat.language, linkedAtSec: nowSec },
      }),
    channel,
    auditInsert(
      db,
      { actor: { id: admin.id, username: admin.username }, ip: "telegram", nowSec },
      { action: "telegram.link_chat", targetType: "admin", targetId: admin.id, details: { chat: chat.title } },
    ),
  ]);
  return true;
}

/** Which of these users have a linked chat: one statement for a whole page of users. */
export async function linkedUserIds(db: Db, userIds: readonly number[]): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ userId: telegramLinks.userId })
    .from(telegramLinks)
    .where(sql`${telegramLinks.userId} IN (SELECT value FROM json_each(${JSON.stringify(userIds)}))`)
    .all();
  return new Set(rows.map((r) => r.userId!));
}

export function findLink(db: Db, chatId: string) {
  return db.select().from(telegramLinks).where(eq(telegramLinks.chatId, chatId)).get();
}
