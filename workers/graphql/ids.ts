import { z } from "zod";

/** GraphQL IDs are decimal strings of positive row ids; anything else is bad input. */
export const idSchema = z.coerce
  .string()
  .regex(/^[1-9]\d{0,15}$/, "must be a positive whole-number id")
  .transform(Number);

export const idListSchema = z
  .array(idSchema)
  .max(1000)
  .transform((ids) => [...new Set(ids)]);
