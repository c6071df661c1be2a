import type { EventMessage } from "./emit";

/** Queue names as wrangler.toml declares them; the consumer dispatches on `batch.queue`. */
export const QUEUES = {
  events: "vortexpanel-events",
  deliveries: "vortexpanel-deliveries",
  deadDeliveries: "vortexpanel-deliveries-dead",
} as const;

/** One delivery of one event to one channel (notification_deliveries.id). */
export interface DeliveryMessage {
  deliveryId: number;
}

/**
 * The Worker's queue handler: events are persisted and fanned out into deliveries; deliveries are
 * sent with retries; what exhausts its retries lands in the dead-letter queue and is marked dead.
 * (Contract stub: the events and webhooks helpers write the consumers.)
 */
export async function consumeQueue(batch: MessageBatch<unknown>, _env: Env, _ctx: ExecutionContext): Promise<void> {
  switch (batch.queue) {
    case QUEUES.events:
      (batch as MessageBatch<EventMessage>).ackAll();
      return;
    case QUEUES.deliveries:
    case QUEUES.deadDeliveries:
      (batch as MessageBatch<DeliveryMessage>).ackAll();
      return;
    default:
      throw new Error(`no consumer for queue ${batch.queue}`);
  }
}
