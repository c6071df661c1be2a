import { consumeDeadDeliveries, consumeDeliveryBatch } from "../channels/deliver";
import { consumeEventBatch } from "./consume";
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
export async function consumeQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  switch (batch.queue) {
    case QUEUES.events:
      return consumeEventBatch(batch as MessageBatch<EventMessage>, env);
    case QUEUES.deliveries:
      return consumeDeliveryBatch(batch as MessageBatch<DeliveryMessage>, env);
    case QUEUES.deadDeliveries:
      return consumeDeadDeliveries(batch as MessageBatch<DeliveryMessage>, env);
    default:
      throw new Error(`no consumer for queue ${batch.queue}`);
  }
}
