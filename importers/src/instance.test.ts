import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { instanceFromDatabase, instanceFromUrl } from "./instance";
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

/** Marzban's jwt table (migration 9d5a518ae432) with its one row. */
function marzbanDb(secretKey: string) {
  const path = join(mkdtempSync(join(tmpdir(), "vortex-instance-")), "db.sqlite3");
  const db = new DatabaseSync(path);
  db.exec("CREATE TABLE jwt (id INTEGER NOT NULL, secret_key VARCHAR(64) NOT NULL, PRIMARY KEY (id))");
  db.prepare("INSERT INTO jwt (id, secret_key) VALUES (1, ?)").run(secretKey);
  db.close();
  return openSqliteFile(path);
}

describe("the default instance name", () => {
  it("is the API's host and port", () => {
    expect(instanceFromUrl("https://old.example:8000/dashboard/")).toBe("old.example:8000");
  });

  it("is the 3x-ui panel's subscription domain, else its web domain, else the host of its subscription URI", async () => {
    expect(
      await instanceFromDatabase("3x-ui", threeXUiDb({ subDomain: "sub.old.example", webDomain: "old.example" })),
    ).toBe("sub.old.example");
    expect(await instanceFromDatabase("3x-ui", threeXUiDb({ subDomain: "", webDomain: "old.example" }))).toBe(
      "old.example",
    );
    expect(await instanceFromDatabase("3x-ui", threeXUiDb({ subURI: "https://links.old.example:2096/sub/" }))).toBe(
      "links.old.example:2096",
    );
  });

  it("falls back to a fingerprint of the secret the peer made at install, the same on every run and not the secret", async () => {
    const first = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "s3cr3t-made-at-install" }));
    const again = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "s3cr3t-made-at-install" }));
    const other = await instanceFromDatabase("3x-ui", threeXUiDb({ secret: "another-panel" }));
    expect(first).toMatch(/^3x-ui-[0-9a-f]{8}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);

    const secret = "a".repeat(64);
    const marzban = await instanceFromDatabase("marzban", marzbanDb(secret));
    expect(marzban).toMatch(/^marzban-[0-9a-f]{8}$/);
    expect(marzban).not.toContain(secret.slice(0, 8));
  });

  it("is the panel's kind when the file names nothing of its own", async () => {
    expect(await instanceFromDatabase("pasarguard", threeXUiDb({}))).toBe("pasarguard");
  });
});
