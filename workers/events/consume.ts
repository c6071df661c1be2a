import type { EventMessage } from "./emit";

/**
 * The events queue's consumer: persists each event once (its id is the key, so a redelivered
 * message adds nothing) for the notification centre, then fans it out into deliveries
 * (channels/fan-out.ts). (Contract stub.)
 */
export async function consumeEventBatch(batch: MessageBatch<EventMessage>, _env: Env): Promise<void> {
  batch.ackAll();
}
