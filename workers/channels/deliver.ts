import type { DeliveryMessage } from "../events/queues";

/**
 * The deliveries queue's consumer: one attempt per message (webhook or Telegram by channel
 * kind), recorded on its delivery row; a failure is retried with exponential backoff until the
 * queue's max_retries moves it to the dead-letter queue. (Contract stub.)
 */
export async function consumeDeliveryBatch(batch: MessageBatch<DeliveryMessage>, _env: Env): Promise<void> {
  batch.ackAll();
}

/** The dead-letter queue's consumer: marks each delivery dead, ready for replay. (Contract stub.) */
export async function consumeDeadDeliveries(batch: MessageBatch<DeliveryMessage>, _env: Env): Promise<void> {
  batch.ackAll();
}
