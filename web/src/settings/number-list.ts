/**
 * A list of whole numbers typed as text ("80, 95"), for the reminder thresholds: separated by
 * commas or spaces (also the Persian and Chinese commas), each within [min, max], no repeats,
 * sorted. Returns the list, or why the text is not one.
 */
export type NumberListProblem = "notNumbers" | "outOfRange" | "repeated";

export function parseNumberList(
  text: string,
  min: number,
  max: number,
): { ok: true; values: number[] } | { ok: false; problem: NumberListProblem } {
  const parts = text
    .split(/[\s,،，]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return { ok: false, problem: "notNumbers" };
  const values = parts.map(Number);
  if (values.some((v) => v < min || v > max)) return { ok: false, problem: "outOfRange" };
  if (new Set(values).size !== values.length) return { ok: false, problem: "repeated" };
  return { ok: true, values: values.sort((a, b) => a - b) };
}
