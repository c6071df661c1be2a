/**
 * A download through a user's tunnel that a test holds open across whatever it does to the node
 * (an agent crash, a reload, a self-update), with the bytes counted on the wire as the core
 * counts them. The far end sends `parts` parts of `partBytes`, each after the first only when the
 * test calls `release()`, so the transfer is provably in flight, without guessing durations.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { CoreApi } from "../core/grpc/client.ts";
import type { CoreKind } from "../core/profile.ts";

export interface GatedTarget {
  port: number;
  partBytes: number;
  parts: number;
  /** Lets the next part go. */
  release(): void;
  close(): void;
}

export function startGatedTarget(partBytes = 2 * 1024 * 1024, parts = 3): Promise<GatedTarget> {
  const waiting: Array<() => void> = [];
  const server: Server = createServer(async (_req, res) => {
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(parts * partBytes) });
    for (let part = 0; part < parts; part++) {
      if (part > 0) await new Promise<void>((resume) => waiting.push(resume));
      res.write(Buffer.alloc(partBytes, 0x61));
    }
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        partBytes,
        parts,
        release: () => waiting.shift()?.(),
        close: () => {
          while (waiting.length) waiting.shift()?.();
          server.close();
        },
      }),
    ),
  );
}

export interface HeldDownload {
  requestBytes: number;
  readonly received: number;
  /** The first bytes of the answer (its status line and headers). */
  readonly head: string;
  /** "end" when the answer finished cleanly, else the socket's error code. */
  ended: Promise<string>;
  /** Bytes of the answer's header block. */
  headerBytes(): number;
}

/** Sends GET /parts through `socket` (a SOCKS connection to the target) and counts what comes back. */
export function startDownload(socket: Socket, target: GatedTarget): HeldDownload {
  const request = `GET /parts HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\nConnection: close\r\n\r\n`;
  let received = 0;
  let head = "";
  const ended = new Promise<string>((resolve) => {
    socket.once("end", () => resolve("end"));
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
  socket.on("data", (chunk: Buffer) => {
    if (head.length < 1024) head += chunk.subarray(0, 1024).toString("latin1");
    received += chunk.length;
  });
  socket.write(request);
  return {
    requestBytes: Buffer.byteLength(request),
    get received() {
      return received;
    },
    get head() {
      return head;
    },
    ended,
    headerBytes: () => head.indexOf("\r\n\r\n") + 4,
  };
}

/** What the node's core counted for `u<userId>`, both directions. */
export async function coreCounted(core: CoreKind, apiPort: number, userId: string | number): Promise<number> {
  const api = new CoreApi({ core, address: `127.0.0.1:${apiPort}` });
  try {
    const own = (await api.queryUserCounters()).get(`u${userId}`);
    return own ? own.up + own.down : 0;
  } finally {
    api.close();
  }
}
