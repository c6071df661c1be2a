/**
 * Usage ingest: one signed push carrying 10,000 users' deltas, as an agent sends it, timed end to
 * end and counted in D1 statements. Runs against a panel that bench/run.mjs started and seeded.
 * The push's bytes reach D1 through the usage shards' rollups (durable-objects/usage-shard.ts),
 * not the request, so statements are counted over the whole isolate (x-isolate-totals, which
 * local workerd shares with the Durable Objects): the request's own and its shards'.
 */
import {
  generateSigningKeyPair,
  importPrivateKey,
  REQUEST_HEADERS,
  requestSigningText,
  signText,
} from "../workers/agent/protocol/signing.ts";
import { serverEnrollmentToken } from "./lib/graphql.mjs";

async function enrollNode(url, token, name) {
  const enrollment = await serverEnrollmentToken(url, token, { name });
  const keys = await generateSigningKeyPair();
  const response = await fetch(`${url}/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: enrollment, publicKey: keys.publicKey, agentVersion: "bench" }),
  });
  const { nodeId } = await response.json();
  return { nodeId, privateKey: await importPrivateKey(keys.privateKey) };
}

async function signedPost(url, node, path, payload) {
  const body = new TextEncoder().encode(JSON.stringify(payload));
  const parts = {
    method: "POST",
    pathWithQuery: path,
    nodeId: node.nodeId,
    timestampSec: Math.floor(Date.now() / 1000),
    nonce: crypto.randomUUID().replace(/-/g, ""),
    body,
  };
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      [REQUEST_HEADERS.node]: String(node.nodeId),
      [REQUEST_HEADERS.timestamp]: String(parts.timestampSec),
      [REQUEST_HEADERS.nonce]: parts.nonce,
      [REQUEST_HEADERS.signature]: await signText(node.privateKey, await requestSigningText(parts)),
    },
    body,
  });
  const reply = await response.json();
  if (!response.ok) throw new Error(`push failed: ${response.status} ${JSON.stringify(reply)}`);
  const isolate = JSON.parse(response.headers.get("x-isolate-totals") ?? "null");
  return { ms: performance.now() - started, isolateStatements: isolate?.statements ?? Number.NaN, reply };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median push time over `rounds` pushes of `users` deltas each, and the D1 statements one costs:
 * the first push (its users are new to their shards, which roll them up at once) and the median
 * of the rest (recorded by the shards, rolled up later).
 * With `nextEvent` (a function returning a promise of the next live event a push causes), also
 * the median time from sending a push to that event reaching a subscriber.
 */
export async function benchIngest({ url, token, users = 10_000, rounds = 5, nodeName = "bench-node", nextEvent }) {
  const node = await enrollNode(url, token, nodeName);
  const times = [];
  const eventTimes = [];
  const statements = [];
  let isolateBefore = (
    await signedPost(url, node, "/agent/v1/usage", { nodeId: node.nodeId, seq: 1, fromSec: 0, toSec: 0, deltas: [] })
  ).isolateStatements;
  for (let seq = 2; seq <= rounds + 1; seq++) {
    const deltas = Array.from({ length: users }, (_, i) => ({
      userId: i + 1,
      upBytes: 1000 + seq,
      downBytes: 5000 + i,
    }));
    const event = nextEvent?.();
    const started = performance.now();
    const push = await signedPost(url, node, "/agent/v1/usage", {
      nodeId: node.nodeId,
      seq,
      fromSec: 0,
      toSec: Math.floor(Date.now() / 1000),
      deltas,
    });
    times.push(push.ms);
    statements.push(push.isolateStatements - isolateBefore);
    isolateBefore = push.isolateStatements;
    if (event) {
      await event;
      eventTimes.push(performance.now() - started);
    }
  }
  return {
    users,
    rounds,
    medianMs: median(times),
    maxMs: Math.max(...times),
    firstPushStatements: statements[0],
    // A single push is its node's first: bench:analytics enrolls a node per push.
    statementsPerPush: median(rounds > 1 ? statements.slice(1) : statements),
    ...(eventTimes.length
      ? { pushToEventMedianMs: median(eventTimes), pushToEventMaxMs: Math.max(...eventTimes) }
      : {}),
  };
}
