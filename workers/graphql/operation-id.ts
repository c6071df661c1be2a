import { sha256Hex } from "../lib/sha256";

/**
 * A persisted operation's id: the SHA-256 (hex) of its exact text. Dependency-free so the SPA's
 * request function and the Worker's allow-list compute it with the same code.
 */
export const operationId = (document: string): Promise<string> => sha256Hex(document);
