/** What one attempt to deliver to a channel came to; the delivery consumer decides retries from it. */
export interface DeliveryAttempt {
  ok: boolean;
  /** HTTP status, or Telegram's error_code; null when no answer came (timeout, DNS, refused). */
  statusCode: number | null;
  error: string | null;
  /** The receiver asked to wait (Retry-After, Telegram's retry_after), in seconds. */
  retryAfterSec?: number;
  /** The receiver will never accept again (410 Gone, a chat that blocked the bot): disable the channel. */
  gone?: boolean;
}
