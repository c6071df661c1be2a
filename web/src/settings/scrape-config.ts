/**
 * A Prometheus scrape_config for this panel, ready to paste under `scrape_configs:`. The token
 * goes as `authorization: {credentials: …}` (Bearer is Prometheus's default type); the origin's
 * scheme and host become `scheme` and the one target.
 */
export function scrapeConfig(origin: string, metricsPath: string, token: string): string {
  const url = new URL(origin);
  return [
    "- job_name: vortexpanel",
    `  scheme: ${url.protocol.replace(":", "")}`,
    `  metrics_path: ${metricsPath}`,
    "  authorization:",
    `    credentials: ${JSON.stringify(token)}`,
    "  static_configs:",
    `    - targets: [${JSON.stringify(url.host)}]`,
    "",
  ].join("\n");
}
