import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { DomainError } from "../errors/domain-error";
import { parseInput } from "../errors/validate";
import { parsePageArgs } from "../graphql/pagination";
import { NEVER_EXPIRES, userExpirySortKey, users, type UserRow } from "./table";

/**
 * The users list in an order the admin picks (username, used traffic or expiry, either way).
 * Cursors carry the sort value and the id, which breaks ties, so every page is one keyset
 * query: the thousandth page costs what the first does.
 */
export const USER_ORDER_FIELDS = ["username", "used_traffic", "expire_at"] as const;
type Field = (typeof USER_ORDER_FIELDS)[number];

const sortKey: Record<Field, SQL> = {
  username: sql`${users.username}`,
  used_traffic: sql`${users.usedBytes}`,
  expire_at: userExpirySortKey,
};
const rowValue: Record<Field, (row: UserRow) => string | number> = {
  username: (row) => row.username,
  used_traffic: (row) => row.usedBytes,
  expire_at: (row) => row.expireAtSec ?? NEVER_EXPIRES,
};

const orderSchema = z.object({ by: z.enum(USER_ORDER_FIELDS), descending: z.boolean().nullish() });

export interface OrderedPage {
  field: Field;
  descending: boolean;
  first: number;
  after: { value: string | number; id: number } | undefined;
}

const encode = (field: Field, value: string | number, id: number) =>
  btoa(encodeURIComponent(JSON.stringify(["o", field, value, id])));

function decode(field: Field, cursor: string): OrderedPage["after"] {
  try {
    const [tag, cursorField, value, id] = JSON.parse(decodeURIComponent(atob(cursor))) as unknown[];
    const valueOk = field === "username" ? typeof value === "string" : Number.isSafeInteger(value);
    if (tag === "o" && cursorField === field && valueOk && Number.isSafeInteger(id))
      return { value: value as string | number, id: id as number };
  } catch {
    // Falls through to the same refusal as any other foreign cursor.
  }
  throw new DomainError("BAD_USER_INPUT", "page.after is not a cursor this API issued for this order");
}

export function parseOrderedPage(rawOrder: unknown, rawPage: unknown): OrderedPage {
  const order = parseInput(orderSchema, rawOrder);
  const { first, after } = parsePageArgs(rawPage);
  return {
    field: order.by,
    descending: order.descending ?? false,
    first,
    after: after ? decode(order.by, after) : undefined,
  };
}

/** The WHERE part that starts after the cursor, and the ORDER BY, for `page`. */
export function orderedPageClauses(page: OrderedPage) {
  const key = sortKey[page.field];
  const beyond = page.descending ? lt : gt;
  const after =
    page.after && or(beyond(key, page.after.value), and(eq(key, page.after.value), beyond(users.id, page.after.id)));
  const direction = page.descending ? desc : asc;
  return { after, orderBy: [direction(key), direction(users.id)] };
}

export function orderedCursor(page: OrderedPage) {
  return (row: UserRow) => encode(page.field, rowValue[page.field](row), row.id);
}
