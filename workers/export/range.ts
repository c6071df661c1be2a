import { z } from "zod";
import { periodWindow } from "../analytics/window";
import { parseInput } from "../errors/validate";
import { utcDay } from "../lib/utc";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD (UTC), e.g. 2026-01-31")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "is not a date in the calendar",
    },
  );

/** The analytics periods made of whole days (DAY is 24 hours, not a day). */
const PERIODS = { week: "WEEK", month: "MONTH", quarter: "QUARTER", year: "YEAR" } as const;

const rangeSchema = z
  .object({ from: day.optional(), to: day.optional(), period: z.enum(["week", "month", "quarter", "year"]).optional() })
  .refine(({ from, to }) => !from || !to || from <= to, { message: "from must not be after to", path: ["to"] })
  .refine(({ from, to, period }) => !period || (!from && !to), {
    message: "give either a period or from/to, not both",
    path: ["period"],
  });

/** Whole UTC days, both ends included; a missing end is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` as a DayRange, or BAD_USER_INPUT saying which one is wrong.
 * `?period=week|month|quarter|year` is the days of the analytics window of that name ending
 * today, so a file matches the page that offered it.
 */
export function parseDayRange(query: Record<string, string | undefined>, nowSec: number): DayRange {
  const { from, to, period } = parseInput(rangeSchema, { from: query.from, to: query.to, period: query.period });
  if (!period) return { from, to };
  return { from: utcDay(periodWindow(PERIODS[period], nowSec).fromSec), to: utcDay(nowSec) };
}

/** The range as epoch seconds: from its first day's midnight up to (excluding) the midnight after its last day. */
export function rangeSeconds(range: DayRange): { fromSec?: number; untilSec?: number } {
  const midnight = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;
  return {
    fromSec: range.from === undefined ? undefined : midnight(range.from),
    untilSec: range.to === undefined ? undefined : midnight(range.to) + 86_400,
  };
}
