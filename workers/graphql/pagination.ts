import { z } from "zod";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

const pageSchema = z
  .object({
    first: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    // Room for the users list's ordered cursors, which carry a username (./users/order.ts).
    after: z.string().max(256).nullish(),
  })
  .default({ first: DEFAULT_PAGE_SIZE });

/** Cursors are opaque to clients; inside they are the id of the last row seen. */
export function encodeCursor(id: number): string {
  return btoa(`c:${id}`);
}

function decodeCursor(cursor: string): number {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    text = "";
  }
  const id = Number(text.slice(2));
  if (!text.startsWith("c:") || !Number.isSafeInteger(id) || id < 0) {
    throw new DomainError("BAD_USER_INPUT", "page.after is not a cursor this API issued");
  }
  return id;
}

export interface PageRequest {
  first: number;
  /** Rows with an id below this come next (newest first). */
  beforeId: number | undefined;
}

/** The page size and the raw `after` cursor, for lists whose cursors are not plain ids. */
export function parsePageArgs(page: unknown): { first: number; after?: string | null } {
  return parseInput(pageSchema, page ?? undefined);
}

export function parsePage(page: unknown): PageRequest {
  const { first, after } = parsePageArgs(page);
  return { first, beforeId: after ? decodeCursor(after) : undefined };
}

/** Builds a connection from `first + 1` rows fetched newest first (or in the order `cursorOf` encodes). */
export function toConnection<T extends { id: number }>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => string = (row) => encodeCursor(row.id),
) {
  const nodes = rows.slice(0, first);
  return {
    edges: nodes.map((node) => ({ cursor: cursorOf(node), node })),
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]!) : null,
    },
  };
}
