import { lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "./schema";

/** The schema as SDL, sorted so the printed contract only changes when the API does. */
export function printContract(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
