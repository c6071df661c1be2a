import type { Protocol } from "../inbounds/table";

/** A peer inbound as user batches need it; ids are null in a dry run, which creates nothing. */
export interface MappedInbound {
  id: number | null;
  /** The group "<peer>: <inbound>" whose members reach it. */
  groupId: number | null;
  protocol: Protocol;
  /** The inbound's vless flow here ("" for none) and shadowsocks method: per-user values that differ are kept per inbound. */
  flow: string;
  method: string;
}

/**
 * Peer keys → what beginImport made (or found) for them, stored on the run so that each user
 * batch resolves inbounds and owners without a lookup.
 */
export interface ImportMapping {
  inbounds: Record<string, MappedInbound>;
  /** Peer admin key → admin id (null in a dry run for admins it would create). */
  admins: Record<string, number | null>;
  /** Peer node key → node id. */
  nodes: Record<string, number | null>;
  /** Hashes of the user batches already applied: a batch sent again is answered, not applied twice. */
  batches: string[];
}
