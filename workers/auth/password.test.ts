import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import {
  hashPassword,
  importedBcryptHash,
  NO_PASSWORD_HASH,
  needsRehash,
  PBKDF2_MAX_ITERATIONS,
  verifyPassword,
} from "./password";

describe("password hashing", () => {
  it("stores its parameters with the hash and verifies the right password only", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(
      new RegExp(`^pbkdf2-sha256\\$${PBKDF2_MAX_ITERATIONS}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`),
    );
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterz", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same", 1000)).not.toBe(await hashPassword("same", 1000));
  });

  it("verifies hashes made with fewer iterations, so parameters can change later", async () => {
    const stored = await hashPassword("older hash", 1000);
    expect(await verifyPassword("older hash", stored)).toBe(true);
  });

  it("refuses more iterations than Workers allow in production", async () => {
    await expect(hashPassword("x", PBKDF2_MAX_ITERATIONS + 1)).rejects.toThrow(RangeError);
    const tooMany = (await hashPassword("x", 1000)).replace("$1000$", `$${PBKDF2_MAX_ITERATIONS + 1}$`);
    expect(await verifyPassword("x", tooMany)).toBe(false);
  });

  it("treats malformed stored hashes as a mismatch, never an error", async () => {
    for (const stored of ["", "plain", "md5$1$a$b", "pbkdf2-sha256$abc$AA==$AA==", "pbkdf2-sha256$1000$$"]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });

  it("verifies a peer panel's bcrypt hash, and asks for it to be replaced by ours", async () => {
    const peerHash = await bcrypt.hash("marzban-password", 4);
    const stored = importedBcryptHash(peerHash)!;
    expect(stored).toBe(`bcrypt$${peerHash}`);
    expect(await verifyPassword("marzban-password", stored)).toBe(true);
    expect(await verifyPassword("marzban-passworx", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(await hashPassword("x", 1000))).toBe(false);
    expect(importedBcryptHash("not a bcrypt hash")).toBeUndefined();
    expect(await verifyPassword("x", "bcrypt$garbage")).toBe(false);
  });

  it("matches no password at all for an admin imported without a hash", async () => {
    for (const guess of ["", "none", "none$"]) expect(await verifyPassword(guess, NO_PASSWORD_HASH)).toBe(false);
  });
});
