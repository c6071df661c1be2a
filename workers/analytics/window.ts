import { z } from "zod";
import { DAY_SEC, HOUR_SEC } from "../lib/utc";

export const TIME_PERIODS = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"] as const;
export const timePeriodSchema = z.enum(TIME_PERIODS);
export type TimePeriod = (typeof TIME_PERIODS)[number];

const WEEK_SEC = 7 * DAY_SEC;

/** A window ending now, cut into `points` buckets of `bucketSec`; the last is the current (partial) one. */
export interface PeriodWindow {
  period: TimePeriod;
  fromSec: number;
  toSec: number;
  bucketSec: number;
  points: number;
}

const SHAPES: Record<TimePeriod, { bucketSec: number; points: number }> = {
  DAY: { bucketSec: HOUR_SEC, points: 24 },
  WEEK: { bucketSec: DAY_SEC, points: 7 },
  MONTH: { bucketSec: DAY_SEC, points: 30 },
  QUARTER: { bucketSec: DAY_SEC, points: 90 },
  YEAR: { bucketSec: WEEK_SEC, points: 52 },
};

/**
 * Start of the bucket holding `sec`. Weeks start on Monday (UTC): the epoch's day 0 was a
 * Thursday, three days after one.
 */
function bucketStart(sec: number, bucketSec: number): number {
  if (bucketSec !== WEEK_SEC) return Math.floor(sec / bucketSec) * bucketSec;
  const day = Math.floor(sec / DAY_SEC);
  return (day - ((day + 3) % 7)) * DAY_SEC;
}

export function periodWindow(period: TimePeriod, nowSec: number): PeriodWindow {
  const { bucketSec, points } = SHAPES[period];
  return {
    period,
    fromSec: bucketStart(nowSec, bucketSec) - (points - 1) * bucketSec,
    toSec: nowSec,
    bucketSec,
    points,
  };
}

/** Whether the window reaches further back than hourly rows are kept by default (30 days). */
export const needsDailyRows = (window: PeriodWindow) => window.period === "QUARTER" || window.period === "YEAR";

export interface TrafficPoint {
  /** Start of the bucket, epoch seconds (UTC). */
  at: number;
  upload: number;
  download: number;
}

/** Sums rows (hourly or daily, dated by their start) into the window's buckets, zeros where none fell. */
export function intoBuckets(window: PeriodWindow, rows: { at: number; up: number; down: number }[]): TrafficPoint[] {
  const points = Array.from({ length: window.points }, (_, i) => ({
    at: window.fromSec + i * window.bucketSec,
    upload: 0,
    download: 0,
  }));
  for (const row of rows) {
    const point = points[Math.floor((row.at - window.fromSec) / window.bucketSec)];
    if (!point) continue;
    point.upload += row.up;
    point.download += row.down;
  }
  return points;
}

export const dayStartSec = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
