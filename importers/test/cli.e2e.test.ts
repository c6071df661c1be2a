/**
 * The CLI run exactly as README prints it (`npx vortexpanel import 3x-ui ./x-ui.db --panel URL`,
 * with the owner's token in VORTEX_TOKEN) against the real panel under wrangler dev: the users of
 * a 3x-ui database arrive with their own UUIDs, a second run changes nothing, and a wrong
 * password is refused with its exit code. Needs `npm run build:web` first (the panel serves the SPA).
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER, type Panel, startPanel } from "../../node-agent/test/e2e/panel.ts";
import { openSqliteFile } from "../src/node-sqlite.ts";
import { readSqliteExport } from "../src/readers/sqlite-export.ts";
import { buildThreeXUiDb } from "./fixtures/three-x-ui.ts";

const repo = resolve(import.meta.dirname, "../..");
const USERS = 120;
let panel: Panel;
let file: string;

/** `npx vortexpanel …` in the repository, as an operator types it. */
function vortexpanel(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn("npx", ["vortexpanel", ...args], {
      cwd: repo,
      env: { ...process.env, VORTEX_TOKEN: "", VORTEX_PASSWORD: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

interface PanelUser {
  username: string;
  credentials: { vlessId: string };
}

interface UsersPage {
  users: { edges: { node: PanelUser }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function panelUsers(): Promise<PanelUser[]> {
  const users: PanelUser[] = [];
  let after: string | null = null;
  do {
    const page: UsersPage = await panel.gql(
      `query ($after: String) { users(page: { first: 100, after: $after }) {
        edges { node { username credentials { vlessId } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    users.push(...page.users.edges.map((edge) => edge.node));
    after = page.users.pageInfo.hasNextPage ? page.users.pageInfo.endCursor : null;
  } while (after);
  return users;
}

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), "vortexpanel-e2e-")), "x-ui.db");
  buildThreeXUiDb(file, { users: USERS });
  panel = await startPanel();
}, 180_000);

afterAll(async () => {
  await panel?.stop();
});

describe("npx vortexpanel import 3x-ui", () => {
  it("dry-runs, imports with --yes and leaves every user of the file on the panel with its own UUID", async () => {
    const run = await vortexpanel(["import", "3x-ui", file, "--panel", panel.url, "--yes"], {
      VORTEX_TOKEN: panel.token,
    });
    expect(run.stderr).not.toMatch(/vortexpanel:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dry run: 3x-ui /m);
    expect(run.stdout).toMatch(/^Imported 3x-ui /m);
    // Not at a terminal: one progress line per batch, the last at 100%.
    expect(run.stderr).toMatch(/Importing: 100% [\d,]+\/[\d,]+ users/);
    expect(run.stdout + run.stderr).not.toContain(panel.token);

    const source = openSqliteFile(file);
    const expected = readSqliteExport(source, { instance: "e2e" }).users;
    source.close();
    const imported = await panelUsers();
    expect(imported).toHaveLength(expected.length);
    const importedIds = new Set(imported.map((user) => user.credentials.vlessId));
    for (const user of expected)
      if (user.credentials.vlessId) expect(importedIds, user.username).toContain(user.credentials.vlessId);
  });

  it("finds nothing to change on a second run, signed in with a username and VORTEX_PASSWORD", async () => {
    const before = await panelUsers();
    const run = await vortexpanel(
      ["import", "3x-ui", file, "--panel", panel.url, "--username", OWNER.username, "--dry-run"],
      {
        VORTEX_PASSWORD: OWNER.password,
      },
    );
    expect(run.code).toBe(0);
    // The counts row for users: nothing created or updated, all unchanged.
    expect(run.stdout).toMatch(/^\s+users\s+0\s+0\s+[\d,]+\s+0$/m);
    expect(run.stdout).not.toMatch(/^Imported/m);
    expect(run.stdout + run.stderr).not.toContain(OWNER.password);
    expect(await panelUsers()).toHaveLength(before.length);
  });

  it("exits 5 when the panel refuses the password, and imports nothing", async () => {
    const run = await vortexpanel(
      ["import", "3x-ui", file, "--panel", panel.url, "--username", OWNER.username, "--yes"],
      {
        VORTEX_PASSWORD: "not-the-password",
      },
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("refused the username, password or code");
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("not-the-password");
  });
});
