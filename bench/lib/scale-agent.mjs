/**
 * One simulated node for the scale simulator: enrolled through the real one-time token, then
 * speaking the real signed agent protocol through the node agent's own EdgeClient (config
 * long-poll and usage pushes), with what each answer cost recorded from the panel's debug
 * headers (DEBUG_D1_STATEMENTS). Loopback only: `panelUrl` is the local edge.
 */
import { EdgeClient, requestEnrollment } from "../../node-agent/src/edge/client.ts";
import { httpRequest } from "../../node-agent/src/edge/http.ts";
import { generateSigningKeyPair, importPrivateKey } from "../../workers/agent/protocol/signing.ts";
import { serverEnrollmentToken } from "./graphql.mjs";

const MB = 1024 * 1024;

/** The figures a counted response carries (workers/http/debug-counters.ts). */
export function costsOf(headers) {
  const number = (name) => Number(headers[name] ?? headers.get?.(name) ?? 0);
  return {
    statements: number("x-d1-statements"),
    rowsWritten: number("x-d1-rows-written"),
    rowsRead: number("x-d1-rows-read"),
    sqlMs: number("x-d1-sql-ms"),
    durableObjectCalls: number("x-do-calls"),
    queueSends: number("x-queue-sends"),
  };
}

export class SimAgent {
  /**
   * @param {{ url: string, token: string, name: string, userIds: number[], inboundIds?: string[] }} options
   * `userIds`: the users whose traffic this node carries (a slice of all users, as on a real fleet).
   */
  constructor({ url, token, name, userIds, inboundIds = [] }) {
    Object.assign(this, { url, token, name, inboundIds });
    this.users = userIds;
    this.cut = new Set();
    /** Every user this node ever charged: the database's growth is divided by them (bytes per user-day). */
    this.charged = new Set();
    this.seq = 0;
    this.configVersion = 0;
    this.lastPushSec = Math.floor(Date.now() / 1000);
  }

  async enroll() {
    const enrollment = await serverEnrollmentToken(this.url, this.token, {
      name: this.name,
      inboundIds: this.inboundIds,
    });
    const keys = await generateSigningKeyPair();
    const { nodeId } = await requestEnrollment({
      panelUrl: this.url,
      token: enrollment,
      publicKey: keys.publicKey,
      agentVersion: "scale-sim",
    });
    this.nodeId = nodeId;
    this.client = new EdgeClient({
      panelUrl: this.url,
      nodeId,
      nodeKey: await importPrivateKey(keys.privateKey),
      // The real transport, with each answer's headers kept for the costs the panel reports.
      request: async (target, init) => {
        const answer = await httpRequest(target, init);
        this.lastHeaders = answer.headers;
        return answer;
      },
    });
  }

  /**
   * One usage push: `activeShare` of the node's users that are still in service moved traffic
   * since the last push (a few MB down, a tenth of it up, as on a busy node); users the reply
   * cuts are dropped from the node's traffic, as the real agent removes them from its core.
   */
  async push({ activeShare, record }) {
    const deltas = [];
    for (const userId of this.users) {
      if (this.cut.has(userId) || Math.random() >= activeShare) continue;
      const down = Math.floor(Math.random() * 4 * MB);
      deltas.push({ userId, upBytes: Math.floor(down / 10), downBytes: down });
      this.charged.add(userId);
    }
    const toSec = Math.floor(Date.now() / 1000);
    this.seq += 1;
    const started = performance.now();
    const reply = await this.client.pushUsage({
      nodeId: this.nodeId,
      seq: this.seq,
      fromSec: this.lastPushSec,
      toSec,
      deltas,
    });
    record({ kind: "push", ms: performance.now() - started, deltas: deltas.length, ...costsOf(this.lastHeaders) });
    this.lastPushSec = toSec;
    for (const userId of reply.cut) this.cut.add(userId);
    return reply;
  }

  /** Long-polls for config until `signal` aborts; each answer (200 or 304) is recorded. */
  async pollLoop({ signal, record }) {
    while (!signal.aborted) {
      const started = performance.now();
      try {
        const answer = await this.client.pollConfig(this.configVersion, 25, signal);
        if (answer.status === 200) this.configVersion = Number(/\d+/.exec(answer.etag ?? "")?.[0] ?? 0);
        record({ kind: answer.status === 200 ? "config" : "poll", ms: performance.now() - started });
      } catch (error) {
        if (signal.aborted) return;
        record({ kind: "error", what: `config: ${error.message}` });
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}
