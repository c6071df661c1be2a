import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createUser, ownerToken } from "../test/api";
import { HSTS } from "./security-headers";

const NAVIGATE = { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html" };
const REVALIDATE = "public, max-age=0, must-revalidate";

const worker = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`http://panel.test${path}`, { headers });
/** What the assets layer, in front of the Worker, serves for a path (web/dist with its _headers). */
const asset = (path: string) => env.ASSETS.fetch(`http://panel.test${path}`);

async function subscriberToken(): Promise<string> {
  const user = await createUser(await ownerToken());
  return (await env.DB.prepare("SELECT sub_token AS t FROM users WHERE id = ?")
    .bind(Number(user.id))
    .first<{ t: string }>())!.t;
}

describe("every page the panel serves", () => {
  it("carries HSTS, nosniff, no referrer and a CSP that forbids framing: subscription page, payer pages, the SPA", async () => {
    const token = await subscriberToken();
    const pages: Record<string, Response> = {
      "subscription page": await worker(`/sub/${token}`, NAVIGATE),
      "payer's plans": await worker(`/sub/${token}/plans`, NAVIGATE),
      "SPA at /": await asset("/"),
      "SPA at a deep link": await worker("/users/12", NAVIGATE),
    };
    for (const [page, response] of Object.entries(pages)) {
      expect(response.status, page).toBe(200);
      expect(response.headers.get("content-type"), page).toBe("text/html; charset=utf-8");
      expect(response.headers.get("strict-transport-security"), page).toBe(HSTS);
      expect(response.headers.get("x-content-type-options"), page).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), page).toBe("no-referrer");
      expect(response.headers.get("content-security-policy"), page).toContain("frame-ancestors 'none'");
      await response.body?.cancel();
    }
  });
});

describe("the SPA's files", () => {
  it("are kept a year when hashed under /assets/, while index.html and unhashed files revalidate", async () => {
    const index = await asset("/index.html");
    expect(index.headers.get("cache-control")).toBe(REVALIDATE);
    const hashed = [...(await index.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+-[\w-]{8}\.(?:js|css))"/g)].map(
      (m) => m[1]!,
    );
    expect(hashed.length).toBeGreaterThan(0);
    for (const path of hashed) {
      const response = await asset(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
      await response.body?.cancel();
    }
    for (const path of ["/", "/sw.js", "/manifest.webmanifest", "/downloads/vortex-agent.mjs"]) {
      const response = await asset(path);
      expect(response.headers.get("cache-control"), path).toBe(REVALIDATE);
      await response.body?.cancel();
    }
  });

  it("answer a hashed file that is not there (an old build's) with a 404 no cache keeps", async () => {
    const response = await worker("/assets/index-00000000.js", { accept: "*/*" });
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    await response.body?.cancel();
  });
});
