/**
 * A stand-in for the Worker's /agent/v1/* endpoints, for agent tests: enrollment, signed config
 * long-poll with ETag/304, usage push deduped per seq, and request signatures checked with the
 * shared protocol code.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  usagePushSchema,
  type ConfigEnvelope,
  type ConfigPayload,
  type UsagePush,
} from "../../../workers/agent/protocol/messages.ts";
import {
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  REQUEST_HEADERS,
  requestSigningText,
  signText,
  verifyText,
} from "../../../workers/agent/protocol/signing.ts";

export class FakeEdge {
  port = 0;
  nodeId = 1;
  panelPublicKey = "";
  private panelPrivate!: CryptoKey;
  private nodeKey: CryptoKey | null = null;
  private server!: Server;
  private current: { version: number; envelope: ConfigEnvelope } | null = null;
  private waiters = new Set<() => void>();
  private readonly appliedSeqs = new Set<number>();
  readonly pushes: UsagePush[] = [];
  readonly totals = new Map<number, { up: number; down: number }>();

  async start(): Promise<void> {
    const pair = await generateSigningKeyPair();
    this.panelPublicKey = pair.publicKey;
    this.panelPrivate = await importPrivateKey(pair.privateKey);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        res.writeHead(500).end(JSON.stringify({ error: { code: "INTERNAL", message: String(err) } }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters) w();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Signs and serves `payload` as the node's current config; wakes long-polls. */
  async publish(payload: ConfigPayload): Promise<ConfigEnvelope> {
    const text = JSON.stringify(payload);
    return this.publishEnvelope(payload.version, { payload: text, signature: await signText(this.panelPrivate, text) });
  }

  publishEnvelope(version: number, envelope: ConfigEnvelope): ConfigEnvelope {
    this.current = { version, envelope };
    for (const w of this.waiters) w();
    return envelope;
  }

  async signWithPanelKey(text: string): Promise<string> {
    return signText(this.panelPrivate, text);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  }

  private async body(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)) as Uint8Array<ArrayBuffer>;
  }

  private async verified(req: IncomingMessage, body: Uint8Array<ArrayBuffer>): Promise<boolean> {
    if (!this.nodeKey) return false;
    const h = (name: string) => String(req.headers[name] ?? "");
    const text = await requestSigningText({
      method: req.method!,
      pathWithQuery: req.url!,
      nodeId: Number(h(REQUEST_HEADERS.node)),
      timestampSec: Number(h(REQUEST_HEADERS.timestamp)),
      nonce: h(REQUEST_HEADERS.nonce),
      body,
    });
    return (
      Number(h(REQUEST_HEADERS.node)) === this.nodeId &&
      (await verifyText(this.nodeKey, text, h(REQUEST_HEADERS.signature)))
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.body(req);
    const url = new URL(req.url!, this.url);
    if (req.method === "POST" && url.pathname === "/agent/v1/enroll") {
      const { token, publicKey } = JSON.parse(Buffer.from(body).toString()) as { token: string; publicKey: string };
      if (token !== "enroll-token")
        return this.json(res, 401, { error: { code: "BAD_TOKEN", message: "unknown token" } });
      this.nodeKey = await importPublicKey(publicKey);
      return this.json(res, 200, { nodeId: this.nodeId, panelPublicKey: this.panelPublicKey });
    }
    if (!(await this.verified(req, body)))
      return this.json(res, 401, { error: { code: "BAD_SIGNATURE", message: "request signature invalid" } });
    if (req.method === "GET" && url.pathname === "/agent/v1/config") {
      const known = Number(String(req.headers["if-none-match"] ?? '"0"').replace(/"/g, ""));
      const waitSec = Math.min(25, Number(url.searchParams.get("wait") ?? 0));
      if (!this.current || this.current.version === known) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(t);
            this.waiters.delete(done);
            resolve();
          };
          const t = setTimeout(done, waitSec * 1000);
          this.waiters.add(done);
        });
      }
      if (!this.current || this.current.version === known) return void res.writeHead(304).end();
      return this.json(res, 200, this.current.envelope, { etag: `"${this.current.version}"` });
    }
    if (req.method === "POST" && url.pathname === "/agent/v1/usage") {
      const push = usagePushSchema.parse(JSON.parse(Buffer.from(body).toString()));
      this.pushes.push(push);
      if (!this.appliedSeqs.has(push.seq)) {
        this.appliedSeqs.add(push.seq);
        for (const d of push.deltas) {
          const t = this.totals.get(d.userId) ?? { up: 0, down: 0 };
          t.up += d.upBytes;
          t.down += d.downBytes;
          this.totals.set(d.userId, t);
        }
      }
      return this.json(res, 200, {
        ackSeq: Math.max(0, ...this.appliedSeqs),
        configVersion: this.current?.version ?? 0,
        cut: [],
      });
    }
    this.json(res, 404, { error: { code: "NOT_FOUND", message: url.pathname } });
  }
}
