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
    "--state-dir",
    options.stateDir,
    // A base64url token may start with "-": after "--" it cannot read as an option.
    "--",
    panel.url,
    createServerEnrollment.token,
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

/**
 * A node serving one VLESS inbound to one user, "downloader", whose traffic may reach a loopback
 * port (the far end of a download): the routing policy lets that one private destination through.
 */
export async function downloaderNode(
  panel: Panel,
  options: { nodeName: string; inboundPort: number; targetPort: number },
): Promise<{ serverId: string; userId: string; subscriptionUrl: string }> {
  await panel.gql(`mutation ($input: RoutingPolicyInput!) { updateRoutingPolicy(input: $input) { blockPrivate } }`, {
    input: { allowedPrivate: [{ cidr: "127.0.0.1/32", ports: [String(options.targetPort)] }] },
  });
  const { createInbound } = await panel.gql(
    `mutation ($input: CreateInboundInput!) { createInbound(input: $input) { id } }`,
    { input: { tag: "vless-in", port: options.inboundPort, protocol: "VLESS", transport: "TCP", security: "NONE" } },
  );
  const { createServer } = await panel.gql(
    `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
    { input: { name: options.nodeName, address: "127.0.0.1", inboundIds: [createInbound.id] } },
  );
  const { createGroup } = await panel.gql(
    `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
    { input: { name: "g", inboundIds: [createInbound.id] } },
  );
  const { createUser } = await panel.gql(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id subscriptionUrl } }`,
    { input: { username: "downloader", groupIds: [createGroup.id] } },
  );
  return { serverId: createServer.id, userId: createUser.id, subscriptionUrl: createUser.subscriptionUrl };
}
