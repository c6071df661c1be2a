/** The Payments page (issue 16): chains and tokens with a connectivity test. */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Panel } from "../../../node-agent/test/e2e/panel.ts";

export interface ChainDraft {
  name: string;
  chainId: number;
  rpcUrl: string;
  confirmations: number;
  token: { symbol: string; address: string; currency: string };
}

/**
 * Adds a chain and one ERC-20 token through the page, testing the connection first (decimals come
 * from the contract). Asserts what the page shows; the caller reads the stored result back.
 */
export async function addChainInApp(page: Page, _panel: Panel, chain: ChainDraft): Promise<void> {
  await page.getByRole("link", { name: "Payments" }).click();
  await page.getByRole("button", { name: "Add chain" }).click();
  const chainForm = page.getByRole("dialog", { name: "Add chain" });
  await chainForm.getByLabel(/^Name/).fill(chain.name);
  await chainForm.getByLabel(/^Chain id/).fill(String(chain.chainId));
  await chainForm.getByLabel(/^RPC URL/).fill(chain.rpcUrl);
  await chainForm.getByLabel(/^Confirmations/).fill(String(chain.confirmations));
  await chainForm.getByRole("button", { name: "Test connection" }).click();
  const test = chainForm.getByRole("status").filter({ hasText: "Latest block" });
  await test.waitFor();
  expect(await test.innerText()).toMatch(
    new RegExp(`Chain id ${chain.chainId} matches ✓\\s+Latest block: [\\d,]+\\s+The connection works\\.`),
  );
  await chainForm.getByRole("button", { name: "Save" }).click();
  await chainForm.waitFor({ state: "hidden" });
  const chainRow = page.locator(`tr[data-chain="${chain.name}"]`);
  await chainRow.waitFor();
  expect(await chainRow.locator("td").allInnerTexts()).toEqual([
    chain.name,
    String(chain.chainId),
    String(chain.confirmations),
    "2,000",
    "—",
    "on",
    "Edit",
  ]);

  await page.getByRole("button", { name: `Add a token on ${chain.name}` }).click();
  const tokenForm = page.getByRole("dialog", { name: `Add a token on ${chain.name}` });
  await tokenForm.getByLabel(/^Contract address/).fill(chain.token.address);
  await tokenForm.getByRole("button", { name: "Read from contract" }).click();
  await tokenForm.getByRole("status").filter({ hasText: "The contract says" }).waitFor();
  await expect.poll(() => tokenForm.getByLabel(/^Decimals/).inputValue()).toBe("6");
  expect(await tokenForm.getByLabel(/^Symbol/).inputValue()).toBe(chain.token.symbol);
  await tokenForm.getByLabel(/^Currency/).fill(chain.token.currency);
  await tokenForm.getByRole("button", { name: "Save" }).click();
  await tokenForm.waitFor({ state: "hidden" });
  const tokens = page.getByRole("region", { name: `Tokens on ${chain.name}` });
  const tokenRow = tokens.locator(`tr[data-token="${chain.token.symbol}"]`);
  await tokenRow.waitFor();
  expect(await tokenRow.locator("td").allInnerTexts()).toEqual([
    chain.token.symbol,
    chain.token.address.toLowerCase(),
    "6",
    chain.token.currency,
    "on",
    "Edit",
  ]);
}
