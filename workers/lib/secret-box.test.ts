import { describe, expect, it } from "vitest";
import { toBase64Url } from "./base64";
import { secretBox } from "./secret-box";

const key = (id: string) => `${id}:${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;

describe("secretBox", () => {
  it("opens what it sealed, only under the same context, and never shows the plaintext", async () => {
    const box = await secretBox(key("k1"));
    const sealed = await box.seal("JBSWY3DPEHPK3PXP", "totp:admin:1");
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(await box.open(sealed, "totp:admin:1")).toBe("JBSWY3DPEHPK3PXP");
    await expect(box.open(sealed, "totp:admin:2")).rejects.toThrow();
    // Each seal has its own IV.
    expect(await box.seal("JBSWY3DPEHPK3PXP", "totp:admin:1")).not.toBe(sealed);
  });

  it("rotates: a new first key seals, the old one still opens, and old values ask to be resealed", async () => {
    const old = key("k1");
    const sealedOld = await (await secretBox(old)).seal("s", "c");
    const rotated = await secretBox(`${key("k2")},${old}`);
    expect(rotated.currentKeyId).toBe("k2");
    expect(await rotated.open(sealedOld, "c")).toBe("s");
    expect(rotated.needsResealing(sealedOld)).toBe(true);
    expect(rotated.needsResealing(await rotated.seal("s", "c"))).toBe(false);
    // Once the old key is dropped, its values no longer open.
    await expect((await secretBox(key("k2"))).open(sealedOld, "c")).rejects.toThrow(/no longer holds/);
  });

  it("refuses a missing or malformed key", async () => {
    await expect(secretBox(undefined)).rejects.toThrow(/SECRETS_KEY is not set/);
    await expect(secretBox("k1:short")).rejects.toThrow(/32 bytes/);
    await expect(secretBox(`bad id!:${toBase64Url(new Uint8Array(32))}`)).rejects.toThrow();
  });
});
