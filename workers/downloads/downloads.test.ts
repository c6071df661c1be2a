import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { panelSigningKey } from "../agent/keys";
import { importPublicKey } from "../agent/protocol/signing";
import { DomainError } from "../errors/domain-error";
import { fromBase64Url } from "../lib/base64";
import { sha256Hex } from "../lib/sha256";
import { gql, ok, ownerToken, unique } from "../test/api";
import { installLine } from "./install-script";
import { AGENT_DOWNLOAD_PATH, currentRelease, releaseSigningText, type ReleaseManifest } from "./release";

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`http://panel.test${path}`, { headers });

describe("the install line", () => {
  it("pins the hash of the script the panel serves and hands it the origin, token and panel key as quoted arguments", async () => {
    const owner = await ownerToken();
    const server = ok(
      await gql(
        `mutation { createServer(input: {name: "${unique("i")}", address: "10.0.0.2"}) { id } }`,
        {},
        { token: owner },
      ),
    ).createServer;
    const { createServerEnrollment } = ok(
      await gql(
        `mutation ($id: ID!) { createServerEnrollment(id: $id) { token command } }`,
        { id: server.id },
        { token: owner },
      ),
    );
    const { publicKey } = await panelSigningKey(env);

    const script = await get("/agent/install.sh");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/shellscript/);
    const sha = await sha256Hex(await script.text());
    expect(createServerEnrollment.command).toBe(
      `(f="$(mktemp)" && trap 'rm -f "$f"' EXIT && curl -fsSL 'http://panel.test/agent/install.sh' -o "$f" && ` +
        `echo "${sha}  $f" | sha256sum -c --quiet - && bash "$f" 'http://panel.test' '${createServerEnrollment.token}' '${publicKey}')`,
    );
  });

  it("refuses an origin, token or key that could leave its quotes in a root shell", async () => {
    const good = { origin: "https://panel.example.com:8443", token: "A".repeat(32), panelPublicKey: "B".repeat(43) };
    await expect(installLine(good)).resolves.toContain("'https://panel.example.com:8443'");
    await expect(installLine({ ...good, origin: "http://[::1]:8787" })).resolves.toContain("'http://[::1]:8787'");
    for (const bad of [
      { origin: "https://evil'$(reboot)'.example" },
      { origin: "https://panel.example.com/path" },
      { origin: "https://panel.example.com; rm -rf /" },
      { token: `${"A".repeat(20)}'; reboot; '` },
      { token: "short" },
      { panelPublicKey: `${"B".repeat(42)}'` },
    ]) {
      const attempt = installLine({ ...good, ...bad });
      await expect(attempt, JSON.stringify(bad)).rejects.toBeInstanceOf(DomainError);
      await expect(attempt, JSON.stringify(bad)).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    }
  });
});

describe("the agent release", () => {
  it("is signed with the panel key over the SHA-256 of the bundle the assets serve", async () => {
    const response = await get("/agent/release.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const manifest = (await response.json()) as ReleaseManifest;
    const bundle = new Uint8Array(
      await (await env.ASSETS.fetch(`http://panel.test${AGENT_DOWNLOAD_PATH}`)).arrayBuffer(),
    );
    const { publicKey } = await panelSigningKey(env);
    expect(manifest).toMatchObject({
      path: AGENT_DOWNLOAD_PATH,
      sha256: await sha256Hex(bundle),
      panelPublicKey: publicKey,
    });
    const valid = await crypto.subtle.verify(
      { name: "Ed25519" },
      await importPublicKey(publicKey),
      fromBase64Url(manifest.signature),
      new TextEncoder().encode(releaseSigningText(manifest.sha256)),
    );
    expect(valid).toBe(true);
    // A second request is the same manifest (memoised by the asset's ETag), not a re-signed variant.
    expect(await (await get("/agent/release.json")).json()).toEqual(manifest);
  });

  it("is never made of HTML an SPA fallback served in the bundle's place", async () => {
    // The assets layer as it was configured when this broke: index.html, 200, for any missing file.
    const spaFallback = {
      fetch: async () =>
        new Response('<!doctype html><div id="root"></div>', {
          headers: { "content-type": "text/html; charset=utf-8" },
        }),
    };
    await expect(
      currentRelease(spaFallback, "http://panel.test/agent/release.json", await panelSigningKey(env)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("paths nothing serves", () => {
  it("are a 404 for scripts, downloads and curl, while a page navigation gets the SPA", async () => {
    for (const path of ["/downloads/nope.mjs", "/assets/missing.js", "/users/12"]) {
      const response = await get(path, { accept: "*/*" });
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
    const page = await get("/users/12", {
      "sec-fetch-mode": "navigate",
      "sec-fetch-dest": "document",
      accept: "text/html",
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const script = await get("/assets/missing.js", {
      "sec-fetch-mode": "no-cors",
      "sec-fetch-dest": "script",
      accept: "*/*",
    });
    expect(script.status).toBe(404);
    // A browser too old for Fetch Metadata still gets the page it asked for as HTML.
    const legacy = await get("/users/12", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(legacy.status).toBe(200);
    await legacy.body?.cancel();
    // The installed app's service worker re-fetches a reload of a deep link: mode same-origin, destination document.
    const throughServiceWorker = await get("/users/12", {
      "sec-fetch-mode": "same-origin",
      "sec-fetch-dest": "document",
      accept: "text/html,application/xhtml+xml,*/*;q=0.8",
    });
    expect(throughServiceWorker.status).toBe(200);
    await throughServiceWorker.body?.cancel();
  });
});
