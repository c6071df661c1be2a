/**
 * The bundled CLI as an operator meets it before any panel answers: usage, and the failures that
 * must say what is wrong and exit with their own code (a script branches on them). The import
 * itself, against a real panel, is node-agent/test/e2e/import.e2e.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../node-agent/src/testing/net.ts";
import { progressPrinter } from "../src/cli.ts";
import { buildThreeXUiDb } from "./fixtures/three-x-ui.ts";

const importers = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vortexpanel-cli-"));

/** The bundle through its bin, as `npx vortexpanel …` runs it (node-agent/test/e2e/import.e2e.test.ts goes through npx itself). */
function vortexpanel(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(importers, "bin/vortexpanel.mjs"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, VORTEX_TOKEN: "", VORTEX_PASSWORD: "", ...env },
    input: "",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: importers, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the CLI did not build:\n${build.stderr}`);
});

describe("vortexpanel import", () => {
  it("prints its usage with --help and exits 0", () => {
    const run = vortexpanel(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("vortexpanel import 3x-ui ./x-ui.db --panel URL");
    expect(run.stdout).toContain("--api-token");
  });

  it("exits 2 with the reason when the command line is incomplete or contradictory", () => {
    for (const [args, reason] of [
      [["import", "xui", "./x-ui.db", "--panel", "https://panel.example", "--token", "t"], /name the panel/],
      [["import", "3x-ui", "./x-ui.db", "--token", "t"], /--panel URL/],
      [["import", "3x-ui", "./x-ui.db", "--panel", "https://panel.example"], /--token/],
      [["import", "remnawave", "./db", "--panel", "https://panel.example", "--token", "t"], /through its API/],
      [
        ["import", "marzban", "--url", "https://old.example", "--panel", "https://panel.example", "--token", "t"],
        /--api-token/,
      ],
      [["import", "3x-ui", "./x-ui.db", "--panel", "panel.example", "--token", "t"], /must be a URL/],
      [
        ["import", "3x-ui", "./x-ui.db", "--panel", "https://panel.example", "--token", "t", "--frobnicate"],
        /frobnicate/,
      ],
    ] as const) {
      const run = vortexpanel([...args]);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(reason);
    }
  });

  it("exits 3 when the file cannot be read, is not SQLite, or is no panel's database, before asking for any password", () => {
    const notSqlite = join(dir, "notes.txt");
    writeFileSync(notSqlite, "not a database\n".repeat(100));
    const otherSqlite = join(dir, "other.db");
    new DatabaseSync(otherSqlite).exec("CREATE TABLE recipes (id integer primary key, name text)");
    for (const [file, reason] of [
      [join(dir, "missing.db"), /cannot read .*missing\.db: ENOENT/],
      [notSqlite, /not an SQLite database/],
      [otherSqlite, /not a 3x-ui, Marzban or PasarGuard database/],
    ] as const) {
      const run = vortexpanel(["import", "3x-ui", file, "--panel", "https://panel.example", "--username", "owner"]);
      expect(run.code, file).toBe(3);
      expect(run.stderr, file).toMatch(reason);
      expect(run.stderr).not.toMatch(/Password/);
    }
  });

  it("says which panel's database it was given when it is not the one named", () => {
    const file = join(dir, "x-ui-named-wrong.db");
    buildThreeXUiDb(file, { users: 2 });
    const run = vortexpanel(["import", "marzban", file, "--panel", "https://panel.example", "--token", "t"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`is a 3x-ui database, not Marzban: run \`vortexpanel import 3x-ui ${file}`);
  });

  it("exits 4 when nothing answers at the panel's address, without printing the token", async () => {
    const file = join(dir, "x-ui.db");
    buildThreeXUiDb(file, { users: 2 });
    const port = await freePort();
    const token = "secret-access-token-value";
    const run = vortexpanel(["import", "3x-ui", file, "--panel", `http://127.0.0.1:${port}`], { VORTEX_TOKEN: token });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(new RegExp(`could not reach http://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
    expect(run.stdout + run.stderr).not.toContain(token);
  });
});

describe("the progress bar", () => {
  /** What a stream was sent, as a terminal (isTTY) or a log file would get it. */
  function stream(isTTY: boolean) {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { sink: Object.assign(sink, { isTTY }), chunks };
  }
  const batches = [0, 1000, 2000, 2500].map((processedUsers) => ({ processedUsers, totalUsers: 2500 }));

  it("redraws one line at a terminal and ends it when every user is sent", () => {
    const { sink, chunks } = stream(true);
    const report = progressPrinter(sink, "Importing");
    for (const progress of batches) report(progress);
    expect(chunks.every((chunk) => chunk.startsWith("\r") || chunk === "\n")).toBe(true);
    expect(chunks.at(-2)).toContain("100% 2,500/2,500 users");
    expect(chunks.at(-1)).toBe("\n");
  });

  it("writes one line per batch to a log", () => {
    const { sink, chunks } = stream(false);
    const report = progressPrinter(sink, "Importing");
    for (const progress of batches) report(progress);
    expect(chunks).toEqual([
      "Importing: 40% 1,000/2,500 users\n",
      "Importing: 80% 2,000/2,500 users\n",
      "Importing: 100% 2,500/2,500 users\n",
    ]);
  });
});
