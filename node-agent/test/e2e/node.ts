/**
 * A node for Node-side stories: the bundled agent enrolled by hand with a one-time token (the
 * printed install line runs whole in test/install/install.e2e.test.ts) and running Debian's v2ray.
 */
import { execFileSync, spawn } from "node:child_process";
import { AGENT_BUNDLE, agentRunArgs } from "../../src/testing/agent-process.ts";
import type { Panel } from "./panel.ts";

export interface RunningAgent {
  /** Everything the agent wrote to stderr so far (its JSON log). */
  readonly log: string;
  stop(): Promise<void>;
}

export async function enrollAndRunAgent(
  panel: Panel,
  serverId: string,
  options: Parameters<typeof agentRunArgs>[0],
): Promise<RunningAgent> {
  const { createServerEnrollment } = await panel.gql(
    `mutation ($id: ID!) { createServerEnrollment(id: $id) { token } }`,
    { id: serverId },
  );
  execFileSync(process.execPath, [
    AGENT_BUNDLE,
    "enroll",
    panel.url,
    createServerEnrollment.token,
    "--state-dir",
    options.stateDir,
  ]);
  const child = spawn(process.execPath, agentRunArgs(options), { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return {
    get log() {
      return log;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
