import { sha256Hex } from "../auth/crypto";

/**
 * What a peer record looked like when it was applied: a re-run rewrites a record only when this
 * changes. GraphQL hands input objects over with their fields in the schema's order, so the same
 * record always serialises the same way.
 */
export const fingerprintOf = (record: unknown): Promise<string> => sha256Hex(JSON.stringify(record));
