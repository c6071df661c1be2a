import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, auditRowsSince, countRows, errorCode, gql, lastAuditId, ok, ownerToken } from "../../test/api";

let owner: string;
beforeAll(async () => {
  owner = await ownerToken();
});

const CHAIN = `mutation ($i: CreateChainInput!) { createChain(input: $i) { id explorerUrl } }`;
const UPDATE_CHAIN = `mutation ($id: ID!, $i: UpdateChainInput!) { updateChain(id: $id, input: $i) { explorerUrl } }`;
const TOKEN = `mutation ($i: CreateChainTokenInput!) { createChainToken(input: $i) { id } }`;
const UPDATE_TOKEN = `mutation ($id: ID!, $i: UpdateChainTokenInput!) {
  updateChainToken(id: $id, input: $i) { symbol address decimals currency enabled chain { chainId } }
}`;
const TEST = `mutation ($i: TestChainInput!) {
  testChain(input: $i) { ok reportedChainId latestBlock tokenDecimals tokenSymbol problems }
}`;

const chainWith = async (chainId: number, explorerUrl?: string) =>
  gql(CHAIN, { i: { name: `c${chainId}`, chainId, rpcUrl: "https://rpc.example", explorerUrl } }, { token: owner });

describe("a chain's explorer link", () => {
  it("is kept without a trailing slash, so transaction links have one slash", async () => {
    expect(ok(await chainWith(5001, " https://etherscan.io/ ")).createChain.explorerUrl).toBe("https://etherscan.io");
    expect(ok(await chainWith(5002, "https://explorer.example/base//")).createChain.explorerUrl).toBe(
      "https://explorer.example/base",
    );
    expect(ok(await chainWith(5003)).createChain.explorerUrl).toBeNull();
  });

  it("refuses relative, non-http and query-carrying URLs, and stores nothing", async () => {
    const before = await countRows("chains");
    for (const bad of [
      "etherscan.io",
      "/tx",
      "javascript:alert(1)",
      "ftp://explorer.example",
      "https://e.example/?a=1",
      "https://e.example/#x",
    ])
      expect(errorCode(await chainWith(5100, bad)), bad).toBe("BAD_USER_INPUT");
    expect(await countRows("chains")).toBe(before);
  });

  it("is changed by an update and cleared by an empty string", async () => {
    const { id } = ok(await chainWith(5200, "https://old.example")).createChain;
    const update = async (explorerUrl: string) => gql(UPDATE_CHAIN, { id, i: { explorerUrl } }, { token: owner });
    expect(ok(await update("http://new.example/")).updateChain.explorerUrl).toBe("http://new.example");
    expect(errorCode(await update("new.example"))).toBe("BAD_USER_INPUT");
    expect(ok(await update("")).updateChain.explorerUrl).toBeNull();
  });
});

describe("editing a token", () => {
  it("changes symbol, decimals, currency and enabled, and is audited like its creation", async () => {
    const chain = ok(await chainWith(5300)).createChain;
    const address = `0x${"cd".repeat(20)}`;
    const token = ok(
      await gql(
        TOKEN,
        { i: { chainId: chain.id, symbol: "USDC", address, decimals: 18, currency: "USD" } },
        { token: owner },
      ),
    ).createChainToken;
    const lastId = await lastAuditId();
    const edited = await gql(
      UPDATE_TOKEN,
      { id: token.id, i: { symbol: "USDC.e", decimals: 6, currency: "EUR", enabled: false } },
      { token: owner },
    );
    expect(ok(edited).updateChainToken).toEqual({
      symbol: "USDC.e",
      address,
      decimals: 6,
      currency: "EUR",
      enabled: false,
      chain: { chainId: 5300 },
    });
    expect(await auditRowsSince(lastId)).toEqual([
      expect.objectContaining({ action: "chain_token.update", target_type: "chain", target_id: chain.id }),
    ]);
  });

  it("answers unknown ids, bad values and an empty change with a clear error, and refuses resellers", async () => {
    const chain = ok(await chainWith(5400)).createChain;
    const { id } = ok(
      await gql(TOKEN, { i: { chainId: chain.id, symbol: "ETH", decimals: 18, currency: "ETH" } }, { token: owner }),
    ).createChainToken;
    const edit = (tokenId: string, i: Record<string, unknown>, token = owner) =>
      gql(UPDATE_TOKEN, { id: tokenId, i }, { token });
    expect(errorCode(await edit("999999", { decimals: 6 }))).toBe("NOT_FOUND");
    expect(errorCode(await edit(id, { decimals: 37 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await edit(id, { currency: "US$" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await edit(id, { symbol: " " }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await edit(id, {}))).toBe("BAD_USER_INPUT");
    const reseller = await adminAs(owner, "RESELLER");
    expect(errorCode(await edit(id, { decimals: 6 }, reseller.token))).toBe("FORBIDDEN");
    const lastId = await lastAuditId();
    expect(errorCode(await edit(id, { enabled: false }, reseller.token))).toBe("FORBIDDEN");
    expect(await auditRowsSince(lastId)).toEqual([]);
  });
});

describe("testing a chain before saving it", () => {
  it("refuses a URL that is not http(s) and an address that is not 20 bytes of hex", async () => {
    const test = (i: Record<string, unknown>) => gql(TEST, { i: { chainId: 1, ...i } }, { token: owner });
    expect(errorCode(await test({ rpcUrl: "file:///etc/passwd" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await test({ rpcUrl: "rpc.example" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await test({ rpcUrl: "https://rpc.example", tokenAddress: "0x1234" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await test({ rpcUrl: "https://rpc.example", chainId: 0 }))).toBe("BAD_USER_INPUT");
  });

  it("reports an RPC that cannot be reached as a problem in words, not an error", async () => {
    const result = ok(await gql(TEST, { i: { rpcUrl: "http://127.0.0.1:9", chainId: 1 } }, { token: owner }));
    expect(result.testChain).toEqual({
      ok: false,
      reportedChainId: null,
      latestBlock: null,
      tokenDecimals: null,
      tokenSymbol: null,
      problems: [expect.stringMatching(/^the RPC could not be read: /)],
    });
    expect(result.testChain.problems[0]).not.toContain("127.0.0.1");
  });

  it("is for admins: a reseller cannot make the panel call URLs", async () => {
    const reseller = await adminAs(owner, "RESELLER");
    const refused = await gql(TEST, { i: { rpcUrl: "http://127.0.0.1:9", chainId: 1 } }, { token: reseller.token });
    expect(errorCode(refused)).toBe("FORBIDDEN");
  });
});
