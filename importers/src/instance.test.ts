import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { instanceFromDatabase, instanceFromUrl } from "./instance";
import type { PeerExport } from "./model";
import { openSqliteFile } from "./node-sqlite";

/** A 3x-ui settings table (GORM's Setting model) holding `settings`. */
function threeXUiDb(settings: Record<string, string>) {
  const path = join(mkdtempSync(join(tmpdir(), "vortex-instance-")), "x-ui.db");
  const db = new DatabaseSync(path);
  db.exec("CREATE TABLE settings (id integer PRIMARY KEY AUTOINCREMENT, key text, value text)");
  for (const [key, value] of Object.entries(settings))
    db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)").run(key, value);
  db.close();
  return openSqliteFile(path);
}

const exported = (subscriptionSecret?: string): PeerExport => ({
  header: {
    source: { kind: "MARZBAN", instance: "", subscriptionSecret },
    inbounds: [],
    nodes: [],
    admins: [],
    unmapped: [],
  },
  users: [],
});

describe("the default instance name", () => {
  it("is the API's host and port", () => {
    expect(instanceFromUrl("https://old.example:8000/dashboard/")).toBe("old.example:8000");
  });

  it("is the 3x-ui panel's subscription domain, else its web domain, else the host of its subscription URI", async () => {
    expect(
      await instanceFromDatabase(
        "3x-ui",
        threeXUiDb({ subDomain: "sub.old.example", webDomain: "old.example" }),
        exported(),
      ),
    ).toBe("sub.old.example");
    expect(
      await instanceFromDatabase("3x-ui", threeXUiDb({ subDomain: "", webDomain: "old.example" }), exported()),
    ).toBe("old.example");
    expect(
      await instanceFromDatabase("3x-ui", threeXUiDb({ subURI: "https://links.old.example:2096/sub/" }), exported()),
    ).toBe("links.old.example:2096");
  });

  it("falls back to a fingerprint of the secret the peer made at install, the same on every run and not the secret", async () => {
    const first = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "s3cr3t-made-at-install" }), exported());
    const again = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "s3cr3t-made-at-install" }), exported());
    const other = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "another-panel" }), exported());
    expect(first).toMatch(/^3x-ui-[0-9a-f]{8}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);

    const secret = "a".repeat(64);
    const marzban = await instanceFromDatabase("marzban", threeXUiDb({}), exported(secret));
    expect(marzban).toMatch(/^marzban-[0-9a-f]{8}$/);
    expect(marzban).not.toContain(secret.slice(0, 8));
  });

  it("is the panel's kind when the file names nothing of its own", async () => {
    expect(await instanceFromDatabase("pasarguard", threeXUiDb({}), exported())).toBe("pasarguard");
  });
});
