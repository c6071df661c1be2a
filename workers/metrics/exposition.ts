/**
 * Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): one `# HELP` and one `# TYPE`
 * line per family, then its samples, `\n` after every line including the last.
 */
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface Sample {
  labels?: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: "gauge" | "counter";
  samples: Sample[];
}

/** A label value as the format requires: backslash, double quote and line feed escaped. */
export const escapeLabelValue = (value: string) =>
  value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");

/** HELP text escapes only backslash and line feed. */
const escapeHelp = (text: string) => text.replaceAll("\\", "\\\\").replaceAll("\n", "\\n");

function sampleLine(name: string, { labels, value }: Sample): string {
  const pairs = Object.entries(labels ?? {}).map(([key, v]) => `${key}="${escapeLabelValue(v)}"`);
  return `${name}${pairs.length ? `{${pairs.join(",")}}` : ""} ${Number.isFinite(value) ? value : "NaN"}`;
}

/**
 * The families as one exposition body.
 *
 * @example
 * exposition([{ name: "vortex_build_info", help: "…", type: "gauge", samples: [{ labels: { version: "1.0.0" }, value: 1 }] }])
 */
export function exposition(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) lines.push(sampleLine(family.name, sample));
  }
  return `${lines.join("\n")}\n`;
}
