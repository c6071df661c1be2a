import { createPrivateKey } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createOwner,
  DEPLOY_CONFIG,
  DeployError,
  deploy,
  parseWranglerJson,
  type Run,
  type RunOptions,
} from "./steps.mjs";

/**
 * A Cloudflare account as wrangler shows it, standing in for the real API (not reachable from
 * tests): each command answers with the output wrangler 4.164 prints for it, from this state.
 */
function fakeAccount(state: {
  accounts?: { id: string; name: string }[];
  loggedIn?: boolean;
  databases?: string[];
  buckets?: string[];
  queues?: string[];
  workerExists?: boolean;
  secrets?: string[];
  owners?: number;
}) {
  const account = {
    accounts: [{ id: "acc-1", name: "Operator's account" }],
    loggedIn: true,
    databases: [] as string[],
    buckets: [] as string[],
    queues: [] as string[],
    workerExists: false,
    secrets: [] as string[],
    owners: 0,
    ...state,
  };
  const calls: { line: string; options: RunOptions }[] = [];
  const ok = (stdout = "") => ({ status: 0, stdout, stderr: "" });
  const databaseId = (name: string) => `d1-${name}-0000-4000-8000-000000000001`;
  const run: Run = async (command, args, options = {}) => {
    const line = [command, ...args].join(" ");
    calls.push({ line, options });
    if (line === "npm run build:web") return ok();
    const [, ...wrangler] = args;
    const sub = wrangler.slice(0, 2).join(" ");
    if (sub === "whoami --json")
      return account.loggedIn
        ? ok(
            JSON.stringify({
              loggedIn: true,
              authType: "OAuth Token",
              email: "op@example.com",
              accounts: account.accounts,
            }),
          )
        : { status: 1, stdout: '{"loggedIn":false}\n', stderr: "" };
    if (sub === "d1 list")
      return ok(
        JSON.stringify(
          account.databases.map((name) => ({
            uuid: databaseId(name),
            name,
            created_at: "2026-12-01T10:00:00.000Z",
            version: "production",
            num_tables: 0,
            file_size: 12288,
          })),
        ),
      );
    if (sub === "d1 create") {
      account.databases.push(wrangler[2] as string);
      return ok(`✅ Successfully created DB '${wrangler[2]}' in region WEUR\nCreated your new D1 database.\n`);
    }
    if (wrangler.slice(0, 3).join(" ") === "r2 bucket list")
      return ok(
        `Listing buckets...\n${account.buckets.map((name) => `name:           ${name}\ncreation_date:  2026-12-01T10:00:00.000Z`).join("\n\n")}\n`,
      );
    if (wrangler.slice(0, 3).join(" ") === "r2 bucket create") {
      account.buckets.push(wrangler[3] as string);
      return ok(
        `Creating bucket '${wrangler[3]}'...\n✅ Created bucket '${wrangler[3]}' with default storage class of Standard.\n`,
      );
    }
    if (sub === "queues list") {
      // The API's pages hold 20 queues; wrangler prints each page as a table, an empty one past the end.
      const page = Number(wrangler[3] ?? "1");
      const rows = account.queues.slice((page - 1) * 20, page * 20).map((name, i) => ({
        id: (page * 1000 + i).toString(16).padStart(32, "0"),
        name,
        created_on: "2026-12-01T10:00:00.000Z",
      }));
      if (!rows.length) return ok("┌┐\n└┘\n");
      const cell = (value: string) => ` ${value.padEnd(40)} `;
      const line = (cells: string[]) => `│${cells.map(cell).join("│")}│`;
      return ok(
        [
          "┌" + "─".repeat(130) + "┐",
          line(["id", "name", "created_on"]),
          "├" + "─".repeat(130) + "┤",
          ...rows.map((row) => line([row.id, row.name, row.created_on])),
          "└" + "─".repeat(130) + "┘",
        ].join("\n"),
      );
    }
    if (sub === "queues create") {
      account.queues.push(wrangler[2] as string);
      return ok(`🌀 Creating queue '${wrangler[2]}'\n✅ Created queue '${wrangler[2]}'\n`);
    }
    if (sub === "d1 migrations") return ok();
    if (sub === "d1 execute")
      return ok(JSON.stringify([{ results: [{ owners: account.owners }], success: true, meta: { duration: 0.2 } }]));
    if (sub === "secret list")
      return account.workerExists
        ? ok(JSON.stringify(account.secrets.map((name) => ({ name, type: "secret_text" }))))
        : {
            status: 1,
            stdout: "",
            stderr: `✘ [ERROR] Worker "vortexpanel" not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.\n`,
          };
    if (sub === "secret bulk") {
      // Without a Worker, `secret bulk` creates a draft one to hold the secrets.
      account.workerExists = true;
      for (const name of Object.keys(JSON.parse(options.input ?? "{}")))
        if (!account.secrets.includes(name)) account.secrets.push(name);
      return ok();
    }
    if (sub === "deploy --config") {
      account.workerExists = true;
      const output = options.env?.WRANGLER_OUTPUT_FILE_PATH;
      if (output)
        writeFileSync(
          output,
          `${JSON.stringify({ version: 1, type: "wrangler-session", wrangler_version: "4.164.0" })}\n${JSON.stringify({ type: "deploy", version: 1, worker_name: "vortexpanel", targets: ["https://vortexpanel.op.workers.dev"] })}\n`,
        );
      return ok();
    }
    throw new Error(`the fake account does not know \`${line}\``);
  };
  /** Which wrangler subcommands ran, in order ("d1 list", "secret bulk", …). */
  const steps = () =>
    calls.map((call) =>
      call.line
        .split(" ")
        .slice(2, 4)
        .join(" ")
        .replace(/ --.*$/, ""),
    );
  return { account, run, calls, steps, databaseId };
}

/** The deployed panel's /api/setup, as the Worker answers it: 201 once, 409 after. */
function fakePanel() {
  const requests: { url: string; token: string; body: { username: string; password: string } }[] = [];
  const answer = (async (url: string, init: RequestInit) => {
    requests.push({
      url,
      token: new Headers(init.headers).get("authorization")?.replace("Bearer ", "") ?? "",
      body: JSON.parse(String(init.body)),
    });
    return new Response(requests.length === 1 ? '{"owner":{}}' : '{"error":"CONFLICT"}', {
      status: requests.length === 1 ? 201 : 409,
    });
  }) as typeof globalThis.fetch;
  return { fetch: answer, requests };
}

/** A checkout with the project's own wrangler.toml. */
function checkout() {
  const root = mkdtempSync(join(tmpdir(), "vortex-deploy-"));
  copyFileSync(join(import.meta.dirname, "../../wrangler.toml"), join(root, "wrangler.toml"));
  return root;
}

async function deployWith(
  root: string,
  fake: ReturnType<typeof fakeAccount>,
  panel = fakePanel(),
  env: Record<string, string> = {},
) {
  const lines: string[] = [];
  await deploy({ root, run: fake.run, fetch: panel.fetch, log: (line) => lines.push(line), env });
  return lines.join("\n");
}

describe("npm run deploy", () => {
  it("takes an empty account to a running panel: database, bucket, the four secrets from stdin, then the owner, printed once", async () => {
    const root = checkout();
    const fake = fakeAccount({});
    const panel = fakePanel();
    const log = await deployWith(root, fake, panel);

    expect(fake.steps()).toEqual([
      "whoami",
      "build:web",
      "d1 list",
      "d1 create",
      "d1 list",
      "r2 bucket",
      "r2 bucket",
      "queues list",
      "queues create",
      "queues create",
      "queues create",
      "d1 migrations",
      "d1 execute",
      "secret list",
      "secret bulk",
      "deploy",
    ]);
    expect(fake.account.buckets).toEqual(["vortexpanel"]);
    expect(fake.account.queues).toEqual([
      "vortexpanel-events",
      "vortexpanel-deliveries",
      "vortexpanel-deliveries-dead",
    ]);
    // Every call after sign-in goes to the one account, without wrangler asking which.
    expect(fake.calls.slice(1).every((call) => call.options.env?.CLOUDFLARE_ACCOUNT_ID === "acc-1")).toBe(true);

    const generated = readFileSync(join(root, DEPLOY_CONFIG), "utf8");
    expect(generated).toContain(`database_id = "${fake.databaseId("vortexpanel")}"`);
    expect(generated).not.toContain("00000000-0000-0000-0000-000000000000");
    expect(readFileSync(join(root, "wrangler.toml"), "utf8")).toContain("00000000-0000-0000-0000-000000000000");

    const bulk = fake.calls.find((call) => call.line.includes("secret bulk"));
    const secrets = JSON.parse(bulk?.options.input ?? "{}");
    expect(Object.keys(secrets).sort()).toEqual([
      "CONFIG_SIGNING_KEY",
      "JWT_SECRET",
      "SECRETS_KEY",
      "VORTEX_SETUP_TOKEN",
    ]);
    expect(secrets.SECRETS_KEY).toMatch(/^k1:[\w-]{43}$/);
    expect(
      createPrivateKey({ key: Buffer.from(secrets.CONFIG_SIGNING_KEY, "base64url"), format: "der", type: "pkcs8" })
        .asymmetricKeyType,
    ).toBe("ed25519");
    for (const value of Object.values(secrets)) expect(log).not.toContain(value);

    expect(panel.requests).toHaveLength(1);
    expect(panel.requests[0]?.url).toBe("https://vortexpanel.op.workers.dev/api/setup");
    expect(panel.requests[0]?.token).toBe(secrets.VORTEX_SETUP_TOKEN);
    const { username, password } = panel.requests[0]?.body ?? { username: "", password: "" };
    expect(log).toContain(`owner account created: ${username} / ${password}  (shown once`);
    expect(log.split(password)).toHaveLength(2);
    // What only the operator can provide is left to them, as a checklist.
    expect(log).toMatch(/\[ \] STRIPE_SECRET_KEY/);
    expect(log).toMatch(/\[ \] ONCHAIN_XPUB/);
  });

  it("run again, it migrates and ships the code, creates nothing and sets no secret", async () => {
    const root = checkout();
    const fake = fakeAccount({});
    await deployWith(root, fake);
    const secretsAfterFirst = [...fake.account.secrets];
    fake.account.owners = 1;
    fake.calls.length = 0;
    const panel = fakePanel();

    const log = await deployWith(root, fake, panel);

    expect(fake.steps()).toEqual([
      "whoami",
      "build:web",
      "d1 list",
      "r2 bucket",
      "queues list",
      "d1 migrations",
      "d1 execute",
      "secret list",
      "deploy",
    ]);
    expect(fake.account.secrets).toEqual(secretsAfterFirst);
    expect(panel.requests).toEqual([]);
    expect(log).toContain("all set; none changed");
    expect(log).toContain("the owner account exists: nothing to create");
  });

  it("a deploy that stopped before the owner was made gets a fresh setup token next time, and the owner with it", async () => {
    const root = checkout();
    const fake = fakeAccount({
      databases: ["vortexpanel"],
      buckets: ["vortexpanel"],
      workerExists: true,
      secrets: ["JWT_SECRET", "SECRETS_KEY", "CONFIG_SIGNING_KEY", "VORTEX_SETUP_TOKEN", "STRIPE_SECRET_KEY"],
    });
    const panel = fakePanel();

    const log = await deployWith(root, fake, panel, {
      VORTEX_ADMIN_USERNAME: "root",
      VORTEX_ADMIN_PASSWORD: "chosen-Pass-123",
    });

    const bulk = fake.calls.find((call) => call.line.includes("secret bulk"));
    const secrets = JSON.parse(bulk?.options.input ?? "{}");
    expect(Object.keys(secrets)).toEqual(["VORTEX_SETUP_TOKEN"]);
    expect(panel.requests[0]?.token).toBe(secrets.VORTEX_SETUP_TOKEN);
    expect(panel.requests[0]?.body).toEqual({ username: "root", password: "chosen-Pass-123" });
    // A password the operator chose is not echoed back.
    expect(log).toContain("owner account created: root\n");
    expect(log).not.toContain("chosen-Pass-123");
    expect(log).not.toMatch(/\[ \] STRIPE_SECRET_KEY/);
  });

  it("finds queues on later pages of the account's list and creates only the one missing", async () => {
    const others = Array.from({ length: 25 }, (_, i) => `another-app-${i}`);
    const fake = fakeAccount({ queues: [...others, "vortexpanel-events", "vortexpanel-deliveries"] });

    const log = await deployWith(checkout(), fake);

    const queueCalls = fake.calls.filter((call) => call.line.includes(" queues ")).map((call) => call.line);
    expect(queueCalls).toEqual([
      "npx wrangler queues list --page 1",
      "npx wrangler queues list --page 2",
      // Only an empty page says the last queue is missing.
      "npx wrangler queues list --page 3",
      "npx wrangler queues create vortexpanel-deliveries-dead",
    ]);
    expect(log).toContain("created vortexpanel-deliveries-dead; found vortexpanel-events, vortexpanel-deliveries");
  });

  it("signed out, it stops before touching anything and says how to sign in", async () => {
    const fake = fakeAccount({ loggedIn: false });

    const failure = deployWith(checkout(), fake);

    await expect(failure).rejects.toBeInstanceOf(DeployError);
    await expect(failure).rejects.toThrow(/npx wrangler login[\s\S]*CLOUDFLARE_API_TOKEN/);
    expect(fake.steps()).toEqual(["whoami"]);
  });

  it("a token Cloudflare refuses is reported in wrangler's words, not as signed out", async () => {
    const fake = fakeAccount({});
    const refusing: Run = async (command, args, options) =>
      args.includes("whoami")
        ? {
            status: 1,
            stdout: "",
            stderr: "✘ [ERROR] A request to the Cloudflare API failed.\n  Invalid API Token [code: 1000]\n",
          }
        : fake.run(command, args, options);

    const failure = deploy({ root: checkout(), run: refusing, fetch: fakePanel().fetch, log: () => {}, env: {} });

    await expect(failure).rejects.toThrow(/`npx wrangler whoami --json` failed \(exit 1\):\n.*\n\s+Invalid API Token/);
  });

  it("a login with several accounts has to name one, and every call then goes to it", async () => {
    const accounts = [
      { id: "acc-1", name: "Personal" },
      { id: "acc-2", name: "VPN business" },
    ];
    const unnamed = fakeAccount({ accounts });
    await expect(deployWith(checkout(), unnamed)).rejects.toThrow(
      /CLOUDFLARE_ACCOUNT_ID=<id>[\s\S]*acc-2 {2}VPN business/,
    );
    expect(unnamed.steps()).toEqual(["whoami"]);

    const named = fakeAccount({ accounts });
    await deployWith(checkout(), named, fakePanel(), { CLOUDFLARE_ACCOUNT_ID: "acc-2" });
    expect(named.calls.slice(1).every((call) => call.options.env?.CLOUDFLARE_ACCOUNT_ID === "acc-2")).toBe(true);
  });
});

describe("creating the owner on a new workers.dev name", () => {
  it("asks again while the name does not answer yet, then creates the owner", async () => {
    const answers = [
      new TypeError("fetch failed"),
      new Response("Not found", { status: 404 }),
      new Response("{}", { status: 201 }),
    ];
    const fetch = (async () => {
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    }) as unknown as typeof globalThis.fetch;

    const outcome = await createOwner({
      fetch,
      url: "https://vortexpanel.op.workers.dev",
      setupToken: "token",
      username: "admin",
      password: "a-long-password",
      pause: async () => {},
    });

    expect(outcome).toBe("created");
    expect(answers).toEqual([]);
  });

  it("stops at once when the panel refuses the token", async () => {
    const fetch = (async () =>
      new Response('{"error":"UNAUTHENTICATED"}', { status: 401 })) as unknown as typeof globalThis.fetch;

    await expect(
      createOwner({
        fetch,
        url: "https://p.example",
        setupToken: "t",
        username: "a",
        password: "p",
        pause: async () => {},
      }),
    ).rejects.toThrow(/refused to create the owner \(401/);
  });
});

describe("reading wrangler's JSON", () => {
  it("finds it between wrangler's warnings and says what it got when there is none", () => {
    const printed = `▲ [WARNING] Processing wrangler.deploy.toml configuration:\n[\n  { "name": "JWT_SECRET", "type": "secret_text" }\n]\n\nUpdate available: wrangler 4.165.0\n`;
    const schema = z.array(z.object({ name: z.string() }));

    expect(parseWranglerJson(schema, printed)).toEqual([{ name: "JWT_SECRET" }]);
    expect(() => parseWranglerJson(schema, "✘ [ERROR] Authentication error [code: 10000]\n")).toThrow(
      /expected JSON from wrangler, got:\n✘ \[ERROR\] Authentication error/,
    );
  });
});
