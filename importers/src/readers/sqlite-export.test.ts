import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { marzbanFixture, writeMarzbanDb } from "../../test/fixtures/marzban";
import { pasarGuardFixture, writePasarGuardDb } from "../../test/fixtures/pasarguard";
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

  it("tells Marzban and PasarGuard databases apart by their tables and reads each with its reader", () => {
    const marzban = marzbanFixture();
    writeMarzbanDb(join(dir, "marzban.sqlite3"), marzban);
    const fromMarzban = readFile(join(dir, "marzban.sqlite3"));
    expect(fromMarzban.kind).toBe("MARZBAN");
    expect(fromMarzban.users.map((u) => u.key)).toEqual(marzban.users.map((u) => String(u.id)));
    expect(fromMarzban.header.source.subscriptionSecret).toBe(marzban.secretKey);

    const pasarguard = pasarGuardFixture();
    writePasarGuardDb(join(dir, "pasarguard.sqlite3"), pasarguard);
    const fromPasarGuard = readFile(join(dir, "pasarguard.sqlite3"));
    expect(fromPasarGuard.kind).toBe("PASARGUARD");
    expect(fromPasarGuard.users.map((u) => u.key)).toEqual(pasarguard.users.map((u) => String(u.id)));
  });

  it("refuses any other file with a sentence that names what it reads", () => {
    expect(() => withFile("other.db", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);", readFile)).toThrow(
      "not a 3x-ui, Marzban or PasarGuard database",
    );
  });
});
