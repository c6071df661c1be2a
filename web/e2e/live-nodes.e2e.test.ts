/**
 * Live node status in the browser: an admin adds a node and gets its enrollment command; an agent
 * (the real enrollment call and signed usage pushes with health, no proxy core) reports in, and
 * the open Nodes page follows ONLINE → DEGRADED → OFFLINE without a reload. OFFLINE comes from
 * the NodeObject's alarm after 30 s of silence, so this story takes a little under a minute.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKeyPair, importPrivateKey } from "../../workers/agent/protocol/signing.ts";
import { EdgeClient, requestEnrollment } from "../../node-agent/src/edge/client.ts";
import { startPanel, type Panel } from "../../node-agent/test/e2e/panel.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { signIn } from "./sign-in.ts";

let panel: Panel;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanel(), launchBrowser()]);
  page = await openPage(browser, panel.url, { locale: "en-US" });
  page.setDefaultTimeout(10_000);
  await signIn(page);
});

afterAll(async () => {
  await browser?.close();
  await panel?.stop();
});

const health = (coreRunning: boolean) => ({
  cpuPercent: 12,
  memUsedBytes: 512 * 2 ** 20,
  memTotalBytes: 2 * 2 ** 30,
  netRxBytes: 0,
  netTxBytes: 0,
  coreRunning,
  coreVersion: "v2ray 5.22.0",
  agentVersion: "e2e",
  uptimeSec: 3600,
  appliedConfigVersion: 0,
  capabilities: {
    core: "v2ray" as const,
    version: "5.22.0",
    protocols: ["vless" as const, "vmess" as const],
    transports: ["tcp" as const, "ws" as const],
    securities: ["none" as const, "tls" as const],
    shadowsocksMethods: [],
    tlsCertificate: false,
    skipped: [],
  },
});

describe("a node's status, live", () => {
  it("follows the agent from enrollment to silence without a reload", { timeout: 120_000 }, async () => {
    await panel.gql(`mutation { createInbound(input: { tag: "live-in", port: 25443, protocol: VLESS }) { id } }`);
    await page.getByRole("link", { name: "Nodes" }).click();
    await page.getByText("Live", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Add node" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Name/).fill("edge-1");
    // An address only the API can judge: its refusal stands beside the field, not below the form.
    const address = dialog.getByLabel(/^Address/);
    await address.fill("edge 1!");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("must be a host name or an IP address").waitFor();
    expect(await address.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await address.getAttribute("aria-describedby");
    await expect(dialog.locator(`#${describedBy}`).textContent()).resolves.toBe("must be a host name or an IP address");
    await expect(dialog.locator(".error-box, [role=alert]").count()).resolves.toBe(1);
    await address.fill("127.0.0.1");
    await dialog.getByRole("button", { name: "Create" }).click();
    const command = (await page.getByTestId("enroll-command").textContent())!;
    // The install line hands install.sh the origin, the token and the panel key, each single-quoted.
    const token = /bash "\$f" '[^']+' '([^']+)' '[^']+'\)$/.exec(command.trim())?.[1];
    expect(token, command).toBeTruthy();
    await page.getByRole("button", { name: "Close" }).click();

    const status = page.locator('tr[data-node="edge-1"] [data-testid="node-status"]');
    await expect(status.textContent()).resolves.toBe("Pending");
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const keys = await generateSigningKeyPair();
    const { nodeId } = await requestEnrollment({
      panelUrl: panel.url,
      token: token!,
      publicKey: keys.publicKey,
      agentVersion: "e2e",
    });
    const agent = new EdgeClient({ panelUrl: panel.url, nodeId, nodeKey: await importPrivateKey(keys.privateKey) });
    let seq = 0;
    const push = (coreRunning: boolean) =>
      agent.pushUsage({
        nodeId,
        seq: ++seq,
        fromSec: 0,
        toSec: Math.floor(Date.now() / 1000),
        deltas: [],
        health: health(coreRunning),
      });

    await push(true);
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe("Online");
    await expect(page.locator('tr[data-node="edge-1"]').textContent()).resolves.toContain("v2ray 5.22.0");
    // What the core can serve arrives with the first report, without a reload.
    await expect
      .poll(() => page.locator('tr[data-node="edge-1"] [data-testid="node-capabilities"]').textContent(), {
        timeout: 5_000,
      })
      .toBe("serves: vless, vmess · tcp, ws · none, tls");

    await push(false);
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe("Degraded");

    await push(true);
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe("Online");
    // Now silence: the node's alarm marks it offline after 30 s, and the page hears of it.
    await expect.poll(() => status.textContent(), { timeout: 60_000, interval: 1000 }).toBe("Offline");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });
});
