/**
 * True when `error` (or an error it was caused by) is the refusal `marker` names. SQLite can abort a
 * D1 batch on purpose only with an error message (RAISE in a trigger, a function given bad input),
 * so code that refuses that way keeps the message in a named constant and recognises it here.
 */
export function batchAbortedWith(error: unknown, marker: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes(marker)) return true;
  }
  return false;
}
