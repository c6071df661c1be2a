/**
 * `vortexpanel import <panel> …`: reads a peer panel (its database file or its API), signs in to
 * this panel, shows the dry run's report, asks, imports with a progress bar and prints each new
 * node's enrollment line. Everything goes over the panel's GraphQL with a Bearer token, as any
 * script may (only browsers are held to the persisted operations). Secrets (passwords, tokens,
 * the peer's jwt secret) are never printed.
 */
import { accessSync, constants, readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { type ImportApi, type ImportProgress, runImport } from "./driver";
import type { ImportIssue, ImportReport, ImportRun } from "./generated/graphql";
import { instanceFromDatabase, instanceFromUrl } from "./instance";
import type { PeerExport } from "./model";
import { openSqliteFile } from "./node-sqlite";
import { apiSourceKind, isPeerKind, PEERS, type PeerApiKind, type PeerKind, peerOfSource } from "./peers";
import { readApiExport } from "./readers/api-export";
import { readSqliteExport } from "./readers/sqlite-export";
import { tableNames } from "./sqlite";

export const USAGE = `Usage:
  vortexpanel import 3x-ui ./x-ui.db --panel URL
  vortexpanel import marzban ./db.sqlite3 [--xray-config ./xray_config.json] --panel URL
  vortexpanel import pasarguard ./db.sqlite3 --panel URL
  vortexpanel import marzban|pasarguard|remnawave --url SOURCE_URL --api-token TOKEN --panel URL
  vortexpanel import marzban|pasarguard --url SOURCE_URL --api-username NAME --panel URL

Moves users, inbounds and nodes from another panel into VortexPanel, keeping every client's
UUIDs, passwords and subscription links. Always shows a dry run's report first, then asks.

Options:
  --panel URL          this VortexPanel (required)
  --token TOKEN        an access token of the panel's owner (or env VORTEX_TOKEN)
  --username NAME      sign in instead; the password comes from env VORTEX_PASSWORD or a prompt
  --totp CODE          the authenticator code, for an owner with two-step sign-in
  --url URL            the source panel's API (Marzban/PasarGuard on MySQL, Remnawave)
  --api-token TOKEN    the source panel's admin API token
  --api-username NAME  Marzban/PasarGuard: sign in to the source instead; the password comes from
                       env SOURCE_PASSWORD or a prompt
  --xray-config PATH   Marzban/PasarGuard: their xray_config.json, which holds the inbounds
  --node-address HOST  3x-ui: the address its server is reached at, for the node it becomes
  --instance NAME      names the source for re-runs (default: its domain, else its install's fingerprint)
  --dry-run            show the report and stop
  --yes                import without asking
  --help               this text

Marzban and PasarGuard never reveal jwt.secret_key through their API, and their old
subscription links need it: set env SOURCE_JWT_SECRET to it (SELECT secret_key FROM jwt)
when reading them with --url.

Exit codes: 0 done (conflicts are reported, not fatal), 1 failed or not confirmed, 2 usage,
3 the source could not be read, 4 the panel could not be reached, 5 the panel refused the sign-in.`;

export const EXIT = { ok: 0, failed: 1, usage: 2, source: 3, unreachable: 4, refused: 5 } as const;

/** A failure the operator can act on: its message is the whole story, printed without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export type Source = { kind: PeerKind; file: string; xrayConfig?: string; nodeAddress?: string } | ApiSource;
type ApiSource = {
  kind: PeerApiKind;
  url: string;
  apiToken?: string;
  apiUsername?: string;
  apiPassword?: string;
  subscriptionSecret?: string;
  nodeAddress?: string;
};

export type SignIn = { token: string } | { username: string; password?: string; totp?: string };

export interface ImportCommand {
  source: Source;
  panel: string;
  signIn: SignIn;
  instance?: string;
  dryRun: boolean;
  yes: boolean;
}

/** The command line as a command, or "help"; a CliError with EXIT.usage says what is wrong. */
export function parseCommand(argv: string[], env: Record<string, string | undefined>): ImportCommand | "help" {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return "help";
  const [verb, kind, file, ...rest] = positionals;
  if (verb !== "import") throw new CliError(`unknown command "${verb}": only "import" exists`, EXIT.usage);
  if (!kind || !isPeerKind(kind))
    throw new CliError(`name the panel to import from: ${Object.keys(PEERS).join(", ")}`, EXIT.usage);
  const peer = PEERS[kind];
  if (rest.length > 0) throw new CliError(`unexpected argument "${rest[0]}"`, EXIT.usage);
  if (!values.panel) throw new CliError("say which VortexPanel to import into: --panel URL", EXIT.usage);
  const panel = httpUrl(values.panel, "--panel");

  let source: Source;
  if (file !== undefined && values.url !== undefined)
    throw new CliError("give either a database file or --url, not both", EXIT.usage);
  if (file !== undefined) {
    if (!peer.readsFile)
      throw new CliError(`${peer.name} is read through its API: --url URL --api-token TOKEN`, EXIT.usage);
    source = { kind, file, xrayConfig: values["xray-config"], nodeAddress: values["node-address"] };
  } else if (values.url !== undefined) {
    if (!peer.readsApi)
      throw new CliError(`${peer.name} is read from its database file: import ${kind} ./x-ui.db`, EXIT.usage);
    const apiUsername = values["api-username"];
    if (apiUsername !== undefined && kind === "remnawave")
      throw new CliError("Remnawave is read with an API token: --api-token TOKEN", EXIT.usage);
    if (!values["api-token"] && apiUsername === undefined)
      throw new CliError("--url needs the source panel's --api-token (or --api-username)", EXIT.usage);
    source = {
      kind: kind as PeerApiKind,
      url: httpUrl(values.url, "--url"),
      apiToken: values["api-token"],
      apiUsername,
      apiPassword: env.SOURCE_PASSWORD || undefined,
      subscriptionSecret: env.SOURCE_JWT_SECRET || undefined,
      nodeAddress: values["node-address"],
    };
  } else {
    throw new CliError(
      peer.readsFile
        ? `give ${peer.name}'s database file${peer.readsApi ? " or --url" : ""}`
        : `give ${peer.name}'s --url`,
      EXIT.usage,
    );
  }

  const token = values.token ?? env.VORTEX_TOKEN;
  let signIn: SignIn;
  if (values.username) signIn = { username: values.username, password: env.VORTEX_PASSWORD, totp: values.totp };
  else if (token) signIn = { token };
  else throw new CliError("sign in with --token (or env VORTEX_TOKEN), or --username", EXIT.usage);

  return { source, panel, signIn, instance: values.instance, dryRun: values["dry-run"], yes: values.yes };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      panel: { type: "string" },
      token: { type: "string" },
      username: { type: "string" },
      totp: { type: "string" },
      url: { type: "string" },
      "api-token": { type: "string" },
      "api-username": { type: "string" },
      "xray-config": { type: "string" },
      "node-address": { type: "string" },
      instance: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      yes: { type: "boolean", short: "y", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function httpUrl(text: string, option: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`${option} must be a URL such as https://panel.example.com, not "${text}"`, EXIT.usage);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new CliError(`${option} must be an http(s) URL, not "${text}"`, EXIT.usage);
  return url.href.replace(/\/+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Talking to the panel

/** A GraphQL error as the panel coded it (extensions.code), or the transport's own failure. */
export class PanelError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const TRANSIENT_CODES = new Set(["NETWORK", "UNAVAILABLE", "RATE_LIMITED", "HTTP_5XX"]);

/** One GraphQL call with the token; network failures and 5xx pages come back as PanelError too. */
export function panelGraphql(panel: string, token: string | null) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${panel}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new PanelError(`could not reach ${panel}: ${causeOf(error)}`, "NETWORK");
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    if (body === null || (body.data === undefined && body.errors === undefined)) {
      const code = response.status >= 500 ? "HTTP_5XX" : "NOT_A_PANEL";
      throw new PanelError(`${panel} does not answer GraphQL as a VortexPanel does (HTTP ${response.status})`, code);
    }
    const error = body.errors?.[0];
    if (error) throw new PanelError(error.message, error.extensions?.code ?? "UNKNOWN");
    return body.data as T;
  };
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** A PanelError as the operator's next step: unreachable, refused, or what the panel said. */
function explainPanelError(error: unknown, panel: string, signedInWith: "token" | "password"): never {
  if (!(error instanceof PanelError)) throw error;
  if (error.code === "NETWORK" || error.code === "NOT_A_PANEL" || error.code === "HTTP_5XX")
    throw new CliError(error.message, EXIT.unreachable);
  if (error.code === "UNAUTHENTICATED")
    throw new CliError(
      signedInWith === "token"
        ? `${panel} refused the access token: it may have expired; sign in again or use --username`
        : `${panel} refused the username, password or code`,
      EXIT.refused,
    );
  if (error.code === "FORBIDDEN")
    throw new CliError(`only the panel's owner may import: ${error.message}`, EXIT.refused);
  throw new CliError(`${panel} refused the import (${error.code}): ${error.message}`, EXIT.failed);
}

const SIGN_IN = `mutation ($input: LoginInput!) {
  signIn(input: $input) { __typename ... on AuthPayload { accessToken } ... on SecondFactorChallenge { challengeToken } }
}`;
const COMPLETE_SECOND_FACTOR = `mutation ($input: SecondFactorInput!) { completeSecondFactor(input: $input) { accessToken } }`;

async function accessToken(command: ImportCommand, io: CliIo): Promise<string> {
  const { signIn, panel } = command;
  if ("token" in signIn) return signIn.token;
  const password = signIn.password ?? (await io.promptHidden(`Password for ${signIn.username} at ${panel}: `));
  const gql = panelGraphql(panel, null);
  type SignedIn = { signIn: { __typename: string; accessToken?: string; challengeToken?: string } };
  const { signIn: result } = await gql<SignedIn>(SIGN_IN, { input: { username: signIn.username, password } });
  if (result.accessToken) return result.accessToken;
  const code = signIn.totp ?? (await io.promptLine("Code from your authenticator app (or a backup code): "));
  const input = { challengeToken: result.challengeToken, code };
  return (await gql<{ completeSecondFactor: { accessToken: string } }>(COMPLETE_SECOND_FACTOR, { input }))
    .completeSecondFactor.accessToken;
}

const RUN_FIELDS = `id processedUsers totalUsers report {
  counts { kind created updated unchanged conflicts }
  conflicts { kind key name reason }
  unmapped { kind key name reason }
  adjusted { kind key name reason }
  statusChanges { key username from to }
  truncated
  enrollments { key name serverId command }
}`;

type Report = Omit<ImportReport, "__typename">;

/** The driver's ImportApi over plain GraphQL text. */
export function cliImportApi(panel: string, token: string): ImportApi<Report> {
  const gql = panelGraphql(panel, token);
  return {
    beginImport: async (input) =>
      (
        await gql<{ beginImport: ImportRun }>(
          `mutation ($input: BeginImportInput!) { beginImport(input: $input) { id } }`,
          { input },
        )
      ).beginImport,
    importUsers: (runId, users) =>
      gql(
        `mutation ($runId: ID!, $users: [ImportUserInput!]!) { importUsers(runId: $runId, users: $users) { id processedUsers } }`,
        {
          runId,
          users,
        },
      ),
    finishImport: async (runId) =>
      (
        await gql<{ finishImport: ImportRun }>(
          `mutation ($runId: ID!) { finishImport(runId: $runId) { ${RUN_FIELDS} } }`,
          { runId },
        )
      ).finishImport.report,
    isTransient: (error) => error instanceof PanelError && TRANSIENT_CODES.has(error.code),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the source

/** The peer's export, read under the operator's instance name or the stable default. */
export async function readSource(command: ImportCommand, io: CliIo): Promise<PeerExport> {
  const { source } = command;
  if ("url" in source) {
    const instance = command.instance ?? instanceFromUrl(source.url);
    const password =
      source.apiUsername === undefined
        ? undefined
        : (source.apiPassword ?? (await io.promptHidden(`Password for ${source.apiUsername} at ${source.url}: `)));
    if (source.kind !== "remnawave" && !source.subscriptionSecret)
      io.err.write(
        `vortexpanel: warning: without SOURCE_JWT_SECRET (${PEERS[source.kind].name}'s jwt.secret_key) its old subscription links will not open here\n`,
      );
    try {
      return await readApiExport({
        kind: apiSourceKind(source.kind),
        url: source.url,
        token: source.apiToken,
        username: source.apiUsername,
        password,
        instance,
        subscriptionSecret: source.subscriptionSecret,
        nodeAddress: source.nodeAddress,
      });
    } catch (error) {
      throw new CliError(
        `could not read ${PEERS[source.kind].name} at ${source.url}: ${(error as Error).message}`,
        EXIT.source,
      );
    }
  }
  const db = openDatabase(source.file);
  try {
    const xrayConfig = source.xrayConfig === undefined ? undefined : readJson(source.xrayConfig);
    const instance = command.instance ?? (await instanceFromDatabase(source.kind, db));
    let read: ReturnType<typeof readSqliteExport>;
    try {
      read = readSqliteExport(db, { instance, nodeAddress: source.nodeAddress, xrayConfig });
    } catch (error) {
      throw new CliError(
        `${source.file} is not a 3x-ui, Marzban or PasarGuard database we can read: ${(error as Error).message}`,
        EXIT.source,
      );
    }
    const found = peerOfSource(read.kind);
    if (found !== source.kind)
      throw new CliError(
        `${source.file} is a ${PEERS[found].name} database, not ${PEERS[source.kind].name}: run \`vortexpanel import ${found} ${source.file} …\``,
        EXIT.usage,
      );
    return read;
  } finally {
    db.close();
  }
}

function openDatabase(file: string) {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      EXIT.source,
    );
  }
  let db: ReturnType<typeof openSqliteFile> | undefined;
  try {
    db = openSqliteFile(file);
    // SQLite opens any file; the first read of its schema is where a file that is not a database fails.
    tableNames(db);
    return db;
  } catch (error) {
    db?.close();
    throw new CliError(`${file} is not an SQLite database: ${(error as Error).message}`, EXIT.source);
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`cannot read ${file} as JSON: ${(error as Error).message}`, EXIT.source);
  }
}

// ---------------------------------------------------------------------------------------------
// What the operator sees

const KIND_PLURAL: Record<string, string> = {
  USER: "users",
  INBOUND: "inbounds",
  NODE: "nodes",
  ADMIN: "admins",
  GROUP: "groups",
};

/** The report as text: counts per kind, then each list that has entries. */
export function formatReport(report: Report): string {
  const lines: string[] = [];
  const header = ["", "created", "updated", "unchanged", "conflicts"];
  const rows = report.counts.map((c) => [
    KIND_PLURAL[c.kind] ?? c.kind.toLowerCase(),
    ...[c.created, c.updated, c.unchanged, c.conflicts].map((n) => n.toLocaleString("en-US")),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    lines.push(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")}`);
  const list = (title: string, issues: ImportIssue[]) => {
    if (issues.length === 0) return;
    lines.push("", `${title} (${issues.length}):`);
    for (const issue of issues)
      lines.push(`  ${issue.kind.toLowerCase()} ${JSON.stringify(issue.name)} [${issue.key}]: ${issue.reason}`);
  };
  list("Conflicts, left as they are here", report.conflicts);
  list("Not mapped, not imported", report.unmapped);
  list("Taken with a change", report.adjusted);
  if (report.statusChanges.length > 0) {
    lines.push("", `Users whose status changes (${report.statusChanges.length}):`);
    for (const change of report.statusChanges)
      lines.push(
        `  ${JSON.stringify(change.username)} [${change.key}]: ${change.from.toLowerCase()} → ${change.to.toLowerCase()}`,
      );
  }
  if (report.truncated) lines.push("", "(each list shows its first entries only; the counts are whole)");
  return lines.join("\n");
}

export function formatEnrollments(report: Report): string {
  if (report.enrollments.length === 0) return "";
  const lines = ["", "New nodes: run each line on its host to enroll it (shown once):"];
  for (const e of report.enrollments) lines.push(`  ${e.name} [${e.key}]:`, `    ${e.command}`);
  return lines.join("\n");
}

const conflictCount = (report: Report): number => report.counts.reduce((sum, c) => sum + c.conflicts, 0);

/** A bar redrawn on one line at a terminal; one line per batch in a log. */
export function progressPrinter(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string) {
  return ({ processedUsers, totalUsers }: ImportProgress) => {
    const fraction = totalUsers === 0 ? 1 : processedUsers / totalUsers;
    const percent = Math.floor(fraction * 100);
    const counts = `${processedUsers.toLocaleString("en-US")}/${totalUsers.toLocaleString("en-US")} users`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${counts}\x1b[K`);
      if (processedUsers === totalUsers) stream.write("\n");
    } else if (processedUsers > 0 || totalUsers === 0) {
      stream.write(`${label}: ${percent}% ${counts}\n`);
    }
  };
}

/** The process's terminal, replaceable so nothing here reaches for globals. */
export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
  interactive: boolean;
  promptLine(question: string): Promise<string>;
  promptHidden(question: string): Promise<string>;
}

export function processIo(): CliIo {
  const interactive = Boolean(process.stdin.isTTY);
  const notInteractive = (what: string) =>
    Promise.reject(new CliError(`${what} is needed and there is no terminal to ask at`, EXIT.usage));
  return {
    out: process.stdout,
    err: process.stderr,
    interactive,
    async promptLine(question) {
      if (!interactive) return notInteractive(question.replace(/:\s*$/, ""));
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
    promptHidden(question) {
      if (!interactive) return notInteractive("a password (set VORTEX_PASSWORD)");
      return readHidden(question);
    },
  };
}

/** Reads a line at the terminal without echoing it. */
function readHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          finish();
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          finish();
          reject(new CliError("cancelled", EXIT.failed));
          return;
        }
        typed = char === "\u007f" || char === "\b" ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on("data", onData);
  });
}

// ---------------------------------------------------------------------------------------------

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo(), env = process.env): Promise<number> {
  try {
    const command = parseCommand(argv, env);
    if (command === "help") {
      io.out.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    return await importCommand(command, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err.write(`vortexpanel: ${error.message}\n`);
      if (error.exitCode === EXIT.usage) io.err.write("Run `vortexpanel --help` for usage.\n");
      return error.exitCode;
    }
    io.err.write(`vortexpanel: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}

async function importCommand(command: ImportCommand, io: CliIo): Promise<number> {
  const { panel } = command;
  const signedInWith = "token" in command.signIn ? "token" : "password";
  // Before signing in: an unreadable file should not cost a password prompt.
  const peerExport = await readSource(command, io);
  const peer = PEERS[command.source.kind].name;
  const what = `${peer} "${peerExport.header.source.instance}" (${peerExport.users.length.toLocaleString("en-US")} users)`;
  const token = await accessToken(command, io).catch((error) => explainPanelError(error, panel, signedInWith));
  const api = cliImportApi(panel, token);
  const run = (dryRun: boolean, label: string) =>
    runImport(api, peerExport, { dryRun, onProgress: progressPrinter(io.err, label) }).catch((error) =>
      explainPanelError(error, panel, signedInWith),
    );

  const plan = await run(true, "Planning");
  io.out.write(`Dry run: ${what} into ${panel}\n\n${formatReport(plan)}\n`);
  if (conflictCount(plan) > 0)
    io.out.write(`\n${conflictCount(plan)} conflicting records will be left as they are here; the rest imports.\n`);
  if (command.dryRun) return EXIT.ok;

  if (!command.yes) {
    if (!io.interactive)
      throw new CliError("not at a terminal to confirm: add --yes to import after the dry run", EXIT.usage);
    const answer = await io.promptLine(`\nImport ${what} into ${panel}? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) {
      io.err.write("Nothing imported.\n");
      return EXIT.failed;
    }
  }

  const report = await run(false, "Importing");
  io.out.write(`\nImported ${what} into ${panel}\n\n${formatReport(report)}\n${formatEnrollments(report)}\n`);
  const conflicts = conflictCount(report);
  if (conflicts > 0)
    io.out.write(
      `\nDone, with ${conflicts} conflicting records left as they are here (listed above): resolve them and run the same command again.\n`,
    );
  return EXIT.ok;
}
