import { env } from "cloudflare:workers";
import { createInbound, createUser, gql, ok, unique } from "../test/api";

/** Fixtures the billing tests share: a user served by a node, and plans to sell it. */

export const PLAN_FIELDS = `id name description prices { currency amount } dataLimit durationDays resetStrategy deviceLimit groups { id name } visible sortOrder`;

export async function createPlan(token: string, input: Record<string, unknown> = {}) {
  const data = ok(
    await gql(
      `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { ${PLAN_FIELDS} } }`,
      {
        input: {
          name: unique("plan"),
          prices: [{ currency: "USD", amount: "5.00" }],
          dataLimit: 10_000,
          durationDays: 30,
          ...input,
        },
      },
      { token },
    ),
  );
  return data.createPlan as { id: string; name: string; prices: { currency: string; amount: string }[] };
}

/** A user in a group whose inbound a node serves, so applying a plan must re-version that node. */
export async function servedUser(token: string, userInput: Record<string, unknown> = {}) {
  const inbound = await createInbound(token);
  const group = ok(
    await gql(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { id } }`,
      { input: { name: unique("g"), inboundIds: [inbound.id] } },
      { token },
    ),
  ).createGroup as { id: string };
  const server = ok(
    await gql(
      `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
      { input: { name: unique("srv"), address: "198.51.100.7", inboundIds: [inbound.id] } },
      { token },
    ),
  ).createServer as { id: string };
  const user = await createUser(token, { groupIds: [group.id], ...userInput });
  return { user, group, server };
}

export async function configVersion(serverId: string): Promise<number> {
  return (await env.DB.prepare("SELECT config_version AS v FROM nodes WHERE id = ?")
    .bind(Number(serverId))
    .first<{ v: number }>())!.v;
}

export async function storedUser(id: string) {
  return env.DB.prepare(
    "SELECT status, data_limit_bytes, used_bytes, expire_at, reset_strategy, device_limit, period_started_at FROM users WHERE id = ?",
  )
    .bind(Number(id))
    .first<{
      status: string;
      data_limit_bytes: number | null;
      used_bytes: number;
      expire_at: number | null;
      reset_strategy: string;
      device_limit: number | null;
      period_started_at: number | null;
    }>();
}

/** Sets stored usage and expiry directly, as usage ingest and the clock would. */
export async function setUsage(id: string, usedBytes: number, expireAtSec: number | null, status: string) {
  await env.DB.prepare("UPDATE users SET used_bytes = ?, expire_at = ?, status = ? WHERE id = ?")
    .bind(usedBytes, expireAtSec, status, Number(id))
    .run();
}
