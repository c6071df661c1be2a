import { describe, expect, it } from "vitest";
import { scrapeConfig } from "./scrape-config";

describe("the Prometheus scrape config offered with a new token", () => {
  it("targets the panel's host with its scheme, path and the token as bearer credentials", () => {
    expect(scrapeConfig("https://panel.example.com", "/metrics", "tok_123")).toBe(
      [
        "- job_name: vortexpanel",
        "  scheme: https",
        "  metrics_path: /metrics",
        "  authorization:",
        '    credentials: "tok_123"',
        "  static_configs:",
        '    - targets: ["panel.example.com"]',
        "",
      ].join("\n"),
    );
  });

  it("keeps a port and plain http, as a local panel has", () => {
    expect(scrapeConfig("http://127.0.0.1:8787", "/metrics", "t")).toContain('targets: ["127.0.0.1:8787"]');
    expect(scrapeConfig("http://127.0.0.1:8787", "/metrics", "t")).toContain("scheme: http\n");
  });
});
