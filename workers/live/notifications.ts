import type { NodeRow } from "../nodes/table";
import { TOPICS, type LiveEvent } from "./topics";

/**
 * A server's latest state, for serverStatus subscribers of all servers and of this one. (What
 * admins are told when it moves is a catalogue event: events/status.ts.)
 */
export const serverStatusEvent = (node: NodeRow): LiveEvent => ({
  topic: TOPICS.serverStatus,
  key: node.id,
  payload: node,
});
