import type { Db } from "../../db/client";
import type { PanelEvent } from "../../events/catalogue";
import type { DeliveryAttempt } from "../attempt";
import type { ChannelRow } from "../table";

/** Sends one event to a TELEGRAM channel's chat, in the channel's language. (Contract stub.) */
export async function sendTelegramAlert(
  _env: Env,
  _db: Db,
  _channel: ChannelRow,
  _event: PanelEvent,
): Promise<DeliveryAttempt> {
  return { ok: false, statusCode: null, error: "Telegram delivery is not built yet" };
}
