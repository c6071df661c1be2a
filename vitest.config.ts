import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Test-only secrets; the config-signing key is fresh for every run. */
export const TEST_SECRETS = {
  JWT_SECRET: "test-jwt-secret-that-is-long-enough-0123456789",
  VORTEX_SETUP_TOKEN: "test-setup-token",
  CONFIG_SIGNING_KEY: generateKeyPairSync("ed25519")
    .privateKey.export({ format: "der", type: "pkcs8" })
    .toString("base64url"),
  DEBUG_D1_STATEMENTS: "1",
  STRIPE_SECRET_KEY: "sk_test_vortexpanel_tests",
  STRIPE_WEBHOOK_SECRET: "whsec_vortexpanel_tests_0123456789",
  // The BIP-32 test vector 1 master key's public half: a valid xpub nobody uses for money.
  ONCHAIN_XPUB:
    "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
  SECRETS_KEY: `k1:${randomBytes(32).toString("base64url")}`,
};

const WORKER_TESTS = ["workers/**/*.test.ts", "durable-objects/**/*.test.ts"];
/**
 * Files whose stories depend on Durable Object or queue state starting empty (live hub sockets, a
 * node's last announced status or config version, rate-limit windows, checkout alarms, events in
 * flight): the database is reset per file, Durable Objects and queues are not, so these keep a
 * workerd of their own.
 */
const STATEFUL_DURABLE_OBJECT_TESTS = [
  "durable-objects/**/*.test.ts",
  "workers/live/live.test.ts",
  "workers/auth/login.test.ts",
  "workers/agent/agent.test.ts",
  "workers/billing/onchain/onchain.test.ts",
  // Events still queued by an earlier file would land in this file's fresh tables.
  "workers/events/events.test.ts",
  // ...and fan out to this file's channels, whose delivery logs the tests count.
  "workers/channels/channels.test.ts",
  "workers/backup/engine.test.ts",
];

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  /** The Worker's tests in local workerd with the repository's wrangler.toml, D1 migrated before each file. */
  const workerProject = (name: string, files: { isolate: boolean; include?: string[]; exclude?: string[] }) => ({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // ENVIRONMENT as deployed, even when `npm start` left ENVIRONMENT=development in .dev.vars.
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ...TEST_SECRETS,
            ENVIRONMENT: "production",
            NOTIFY_ALLOW_PRIVATE_TARGETS: "true",
            // Every push reaches D1 before it is answered, as the tests read it back at once;
            // usage-shard.test.ts drives the interval itself.
            USAGE_ROLLUP_SEC: "0",
            // Tests change a user and fetch the link again at once, as an app would not within
            // seconds; subscription.test.ts tests the window itself.
            SUBSCRIPTION_LOOKUP_CACHE_SEC: "0",
          },
        },
      }),
    ],
    test: {
      name,
      isolate: files.isolate,
      include: files.include ?? WORKER_TESTS,
      exclude: files.exclude ?? [],
      setupFiles: ["./workers/test/apply-migrations.ts"],
    },
  });
  return {
    test: {
      projects: [
        workerProject("worker", { isolate: false, exclude: STATEFUL_DURABLE_OBJECT_TESTS }),
        workerProject("worker-isolated", { isolate: true, include: STATEFUL_DURABLE_OBJECT_TESTS }),
        // The node agent and end-to-end tests run in Node with real v2ray, ss and wrangler dev.
        "node-agent/vitest.config.ts",
        // The repository's scripts (`npm run deploy`), in Node.
        "scripts/vitest.config.ts",
        // What the benches seed, against the current schema.
        "bench/vitest.config.ts",
        // Peer-panel readers and the import CLI, in Node.
        "importers/vitest.config.ts",
        // The SPA: client logic, and stories in Debian's chromium against a real panel.
        "web/vitest.config.ts",
      ],
    },
  };
});
