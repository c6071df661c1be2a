import { and, desc, eq, sql } from "drizzle-orm";
import { rawStatement, runBatch, type Db } from "../db/client";
import { panelEvent, type PanelEvent } from "../events/catalogue";
import { userDevices } from "./devices-table";

/** What clients send in `x-hwid` (Remnawave's pattern, plus `_`). */
export const HWID_PATTERN = /^[A-Za-z0-9=_-]{10,64}$/;

export interface DeviceFacts {
  hwid: string;
  platform: string | null;
  osVersion: string | null;
  model: string | null;
  userAgent: string | null;
}

const clip = (value: string | null, max = 128) => (value === null ? null : value.slice(0, max));

/** The device a request comes from, or null when it sends no usable `x-hwid`. */
export function deviceFromHeaders(headers: Headers): DeviceFacts | null {
  const hwid = headers.get("x-hwid");
  if (!hwid || !HWID_PATTERN.test(hwid)) return null;
  return {
    hwid,
    platform: clip(headers.get("x-device-os")),
    osVersion: clip(headers.get("x-ver-os")),
    model: clip(headers.get("x-device-model")),
    userAgent: clip(headers.get("user-agent"), 256),
  };
}

/** Whether a device was admitted, and the news when it was stored for the first time. */
export interface DeviceAdmission {
  admitted: boolean;
  newDevice: PanelEvent<"user.new_device"> | null;
}

/**
 * Records a new device if the user is under `limit`, in one statement: the count and the insert
 * happen together, so two new devices racing cannot both take the last place. The look before it
 * shares the batch (one transaction), so of two racing fetches of one new device exactly one
 * raises user.new_device; it also names the user's owning admin, who hears the news. A device
 * already stored is admitted (and touched) even at the limit: the lookup that called it "new" may
 * have come from a replica that had not seen it yet.
 */
export async function admitNewDevice(
  db: Db,
  user: { id: number; username: string },
  device: DeviceFacts,
  limit: number,
  nowSec: number,
): Promise<DeviceAdmission> {
  const [before, stored] = (await runBatch(db, [
    rawStatement(
      db,
      sql`SELECT admin_id AS adminId, EXISTS (SELECT 1 FROM user_devices WHERE user_id = ${user.id} AND hwid = ${device.hwid}) AS known
      FROM users WHERE id = ${user.id}`,
    ),
    rawStatement(
      db,
      sql`INSERT INTO user_devices (user_id, hwid, platform, os_version, model, user_agent, first_seen_at, last_seen_at)
    SELECT ${user.id}, ${device.hwid}, ${device.platform}, ${device.osVersion}, ${device.model}, ${device.userAgent}, ${nowSec}, ${nowSec}
    WHERE (SELECT count(*) FROM user_devices WHERE user_id = ${user.id}) < ${limit}
      OR EXISTS (SELECT 1 FROM user_devices WHERE user_id = ${user.id} AND hwid = ${device.hwid})
    ON CONFLICT (user_id, hwid) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    ),
  ])) as [D1Result<{ adminId: number | null; known: number }>, D1Result];
  const admitted = (stored.meta.changes ?? 0) > 0;
  const owner = before.results[0];
  const isNew = admitted && owner !== undefined && !owner.known;
  return {
    admitted,
    newDevice: isNew
      ? panelEvent(
          "user.new_device",
          nowSec,
          { username: user.username, device: device.hwid, platform: device.platform, userAgent: device.userAgent },
          { adminId: owner.adminId, userId: user.id },
        )
      : null,
  };
}

/** Notes that a known device fetched the subscription again. */
export function touchDevice(db: Db, userId: number, device: DeviceFacts, nowSec: number) {
  return db
    .update(userDevices)
    .set({
      lastSeenAtSec: nowSec,
      userAgent: device.userAgent,
      platform: device.platform,
      osVersion: device.osVersion,
      model: device.model,
    })
    .where(and(eq(userDevices.userId, userId), eq(userDevices.hwid, device.hwid)))
    .run();
}

export function listDevices(db: Db, userId: number) {
  return db
    .select()
    .from(userDevices)
    .where(eq(userDevices.userId, userId))
    .orderBy(desc(userDevices.lastSeenAtSec))
    .all();
}
