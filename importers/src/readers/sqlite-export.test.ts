import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { buildThreeXUiDb } from "../../test/fixtures/three-x-ui";
import { openSqliteFile } from "../node-sqlite";
import { readSqliteExport } from "./sqlite-export";

const dir = mkdtempSync(join(tmpdir(), "sqlite-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withFile<T>(name: string, ddl: string, use: (path: string) => T): T {
  const path = join(dir, name);
  const db = new DatabaseSync(path);
  db.exec(ddl);
  db.close();
  return use(path);
}

const readFile = (path: string) => {
  const db = openSqliteFile(path);
  try {
    return readSqliteExport(db, { instance: "old.example.com" });
  } finally {
    db.close();
  }
};

describe("readSqliteExport", () => {
  it("recognises a 3x-ui database of either layout and reads it", () => {
    for (const layout of ["classic", "v3"] as const) {
      const fixture = buildThreeXUiDb(join(dir, `x-ui-${layout}.db`), { layout });
      const exported = readFile(fixture.path);
      expect(exported.kind).toBe("THREE_X_UI");
      expect(exported.users.map((u) => u.key)).toEqual(fixture.people.map((p) => p.key));
    }
  });

  it("tells Marzban and PasarGuard databases apart by their tables", () => {
    const marzban =
      "CREATE TABLE jwt (id INTEGER PRIMARY KEY, secret_key VARCHAR(64)); CREATE TABLE proxies (id INTEGER PRIMARY KEY, user_id INTEGER, type VARCHAR(11), settings JSON);";
    const pasarguard =
      "CREATE TABLE jwt (id INTEGER PRIMARY KEY, secret_key VARCHAR(64)); CREATE TABLE users (id INTEGER PRIMARY KEY, username VARCHAR(128), proxy_settings JSON);";
    expect(() => withFile("marzban.sqlite3", marzban, readFile)).toThrow("this is a Marzban database");
    expect(() => withFile("pasarguard.sqlite3", pasarguard, readFile)).toThrow("this is a PasarGuard database");
  });

  it("refuses any other file with a sentence that names what it reads", () => {
    expect(() => withFile("other.db", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);", readFile)).toThrow(
      "not a 3x-ui, Marzban or PasarGuard database",
    );
  });
});
