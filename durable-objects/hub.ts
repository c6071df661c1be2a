import { DurableObject } from "cloudflare:workers";
import { dbFor } from "../workers/db/client";
import { loadSystemMetrics } from "../workers/live/metrics";
import {
  TOPICS,
  tagOf,
  tagsFor,
  type LiveEvent,
  type TrafficBatch,
  type UserTrafficPayload,
} from "../workers/live/topics";

/** Panel-wide upload/download rates are averaged over the pushes of this window. */
export const RATE_WINDOW_MS = 10_000;
/** systemMetrics subscribers get at most one update this often. */
export const METRICS_INTERVAL_MS = 1_000;

/**
 * The fan-out point for live GraphQL subscriptions. Each subscription (an SSE request in the
 * Worker) holds one hibernatable WebSocket here, tagged with what it listens to; publishers call
 * `publish` over RPC with a batch of events and the hub sends each socket the events for its tag.
 *
 * Sharding: ONE hub for the panel (`HUB.getByName(HUB_NAME)`). A usage push concerns thousands
 * of users at once, so per-topic hubs would turn one push into thousands of calls; one hub takes
 * a whole batch in one call and filters it against its sockets in memory. Its load is one call
 * per usage shard a second (LIVE_TRAFFIC_INTERVAL_MS: 123 at 1M users) and per quiet node every
 * LIVE_HEARTBEAT_MS at most (133 at 2,000 nodes), plus news and admin-driven events; the sockets
 * are admins' open dashboards, not end users. If that ever stops holding, shard by topic family
 * (docs/scale.md, design item 3).
 */
export class HubObject extends DurableObject<Env> {
  /** In memory only: after hibernation the next change may go out at once, which is harmless. */
  private lastMetricsAtMs = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        `CREATE TABLE IF NOT EXISTS samples (at_ms INTEGER NOT NULL, up INTEGER NOT NULL, down INTEGER NOT NULL)`,
      );
    });
    // Keep-alives are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** A subscriber connects: `GET /?tag=<tag>` with `Upgrade: websocket`. Only the Worker can reach this. */
  override fetch(request: Request): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return new Response("expected a WebSocket upgrade", { status: 426 });
    const tag = new URL(request.url).searchParams.get("tag");
    if (!tag) return new Response("tag is required", { status: 400 });
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server!, [tag]);
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Sends each event to the sockets listening on its tags, one message (a JSON array) per socket.
   * `traffic` is what a usage push charged: it feeds the panel-wide rates and the userTraffic
   * subscribers of the users in it. Returns how many payloads were delivered.
   */
  async publish(events: LiveEvent[], traffic?: TrafficBatch): Promise<number> {
    if (traffic) this.recordSample(traffic);
    const listening = new Map<string, WebSocket[]>();
    for (const ws of this.ctx.getWebSockets()) {
      const [tag] = this.ctx.getTags(ws);
      if (tag) append(listening, tag, ws);
    }
    const outgoing = new Map<string, unknown[]>();
    for (const [userId, upload, download, usedTraffic] of traffic?.users ?? []) {
      const tag = tagOf(TOPICS.userTraffic, userId);
      if (listening.has(tag))
        append(outgoing, tag, {
          userId: String(userId),
          upload,
          download,
          usedTraffic,
          at: traffic!.atSec,
        } satisfies UserTrafficPayload);
    }
    for (const event of events) {
      // systemMetrics events only say "recompute"; the figures go out below.
      if (event.topic === TOPICS.systemMetrics) continue;
      for (const tag of tagsFor(event)) {
        if (listening.has(tag)) append(outgoing, tag, event.payload);
      }
    }
    let delivered = 0;
    for (const [tag, payloads] of outgoing) {
      const message = JSON.stringify(payloads);
      for (const ws of listening.get(tag)!) if (send(ws, message)) delivered += payloads.length;
    }
    if (listening.has(TOPICS.systemMetrics)) await this.metricsChanged();
    return delivered;
  }

  private recordSample(traffic: TrafficBatch): void {
    let up = 0;
    let down = 0;
    for (const [, u, d] of traffic.users) {
      up += u;
      down += d;
    }
    const now = Date.now();
    // Older samples never count again: dropping them here keeps the table at one window's pushes.
    this.ctx.storage.sql.exec(`DELETE FROM samples WHERE at_ms < ?`, now - RATE_WINDOW_MS);
    this.ctx.storage.sql.exec(`INSERT INTO samples (at_ms, up, down) VALUES (?, ?, ?)`, now, up, down);
  }

  /** Bytes per second over the latest pushes, panel-wide. */
  rates(): { uploadRate: number; downloadRate: number } {
    const since = Date.now() - RATE_WINDOW_MS;
    const [row] = this.ctx.storage.sql
      .exec<{ up: number; down: number }>(
        `SELECT coalesce(sum(up), 0) AS up, coalesce(sum(down), 0) AS down FROM samples WHERE at_ms >= ?`,
        since,
      )
      .toArray();
    const seconds = RATE_WINDOW_MS / 1000;
    return { uploadRate: Math.round((row?.up ?? 0) / seconds), downloadRate: Math.round((row?.down ?? 0) / seconds) };
  }

  /** Open subscriber sockets, on one tag or in all. */
  connections(tag?: string): number {
    return this.ctx.getWebSockets(tag).length;
  }

  /** Sends fresh figures now, or once the interval since the last send has passed. */
  private async metricsChanged(): Promise<void> {
    const dueAtMs = this.lastMetricsAtMs + METRICS_INTERVAL_MS;
    if (Date.now() >= dueAtMs) return this.sendMetrics();
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(dueAtMs);
  }

  private async sendMetrics(): Promise<void> {
    const sockets = this.ctx.getWebSockets(TOPICS.systemMetrics);
    if (!sockets.length) return;
    this.lastMetricsAtMs = Date.now();
    const metrics = await loadSystemMetrics(dbFor(this.env), Math.floor(Date.now() / 1000), this.rates());
    const message = JSON.stringify([metrics]);
    for (const ws of sockets) send(ws, message);
  }

  override async alarm(): Promise<void> {
    await this.sendMetrics();
  }

  override webSocketMessage(): void {
    // Subscribers only listen; pings are answered by the auto-response.
  }

  override webSocketClose(ws: WebSocket, code: number, reason: string): void {
    // Completing the close handshake frees the socket; 1005/1006 are not codes one may send.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override webSocketError(ws: WebSocket): void {
    this.webSocketClose(ws, 1011, "socket error");
  }
}

/** A socket that went away between listing and sending is simply skipped. */
function send(ws: WebSocket, message: string): boolean {
  try {
    ws.send(message);
    return true;
  } catch {
    return false;
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
