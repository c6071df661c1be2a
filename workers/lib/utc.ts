/** Calendar arithmetic in UTC, the panel's one clock for history rows, reminders and texts. */
export const HOUR_SEC = 3600;
export const DAY_SEC = 86_400;

/** Start of the UTC hour holding `sec`. */
export const utcHour = (sec: number) => Math.floor(sec / HOUR_SEC) * HOUR_SEC;

/** The UTC day holding `sec`, as YYYY-MM-DD. */
export const utcDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
