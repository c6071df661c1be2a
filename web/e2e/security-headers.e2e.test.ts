/**
 * The SPA's security headers as the real panel serves them (Workers static assets read
 * web/public/_headers), and what they do in chromium: the panel cannot be framed, and script
 * injected inline does not run.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";

let panel: Panel;
let browser: Browser;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel({ vars: { ENVIRONMENT: "production" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

describe("SPA security headers", () => {
  it("sends CSP, HSTS, frame-ancestors, referrer policy and nosniff on the app and its deep links", async () => {
    for (const path of ["/", "/users/42"]) {
      // As a browser opens a page: only navigations get the app's shell, a bare fetch of /users/42 is a 404.
      const response = await fetch(`${panel.url}${path}`, {
        headers: { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html" },
      });
      expect(response.status, path).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("strict-transport-security")).toContain("max-age=");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("blocks inline script in chromium, and production refuses browser GraphQL outside the allow-list", async () => {
    const page = await openPage(browser, panel.url);
    const violations: string[] = [];
    page.on("console", (m) => violations.push(m.text()));
    await page.goto("/");
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.join("\n")).toContain("Content Security Policy");
    const body = await page.evaluate(async () => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ healthCheck { status } }" }),
      });
      return response.json();
    });
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    await page.context().close();
  });
});
