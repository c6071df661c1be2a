/** Loopback helpers for integration tests: free ports, a local HTTP target, a SOCKS5 client. */
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, connect, type Socket, type AddressInfo } from "node:net";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * A port free now, for a listener a test starts later (a core's inbound, a panel). Taken below
 * the kernel's ephemeral range: a port the kernel handed out for `listen(0)` is one it also hands
 * out as the source port of outgoing connections, and one may take it before the test binds it
 * (a restarted core then fails to start; seen in CI).
 */
export async function freePort(): Promise<number> {
  const ephemeralStart = Number(readFileSync(EPHEMERAL_RANGE, "utf8").trim().split(/\s+/)[0]);
  const low = 10_000;
  for (let attempt = 0; attempt < 100 && ephemeralStart > low + 1000; attempt++) {
    const port = low + Math.floor(Math.random() * (ephemeralStart - low));
    if (await canListen(port)) return port;
  }
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const EPHEMERAL_RANGE = "/proc/sys/net/ipv4/ip_local_port_range";

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface HttpTarget {
  port: number;
  /** /slow responses still streaming: the far end of a user's connection, as the node sees it. */
  openSlowStreams(): number;
  close(): Promise<void>;
}

/**
 * `/bytes/N` answers N bytes; `/slow` streams 64 KiB every 50 ms for at most 60 s, so a test has
 * a live transfer to cut (the server paces it: client-side rate limits were unreliable).
 */
export async function startHttpTarget(host = "127.0.0.1"): Promise<HttpTarget> {
  let slowOpen = 0;
  const server: Server = createHttpServer((req, res) => {
    const url = req.url ?? "/";
    const bytes = /^\/bytes\/(\d+)$/.exec(url);
    if (bytes) {
      const n = Number(bytes[1]);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(n) });
      res.end(Buffer.alloc(n, 0x61));
      return;
    }
    if (url === "/slow") {
      slowOpen++;
      res.once("close", () => slowOpen--);
      res.writeHead(200, { "content-type": "application/octet-stream" });
      let ticks = 0;
      const timer = setInterval(() => {
        if (ticks++ >= 1200 || res.destroyed) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(Buffer.alloc(64 * 1024, 0x62));
      }, 50);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, host, r));
  return {
    port: (server.address() as AddressInfo).port,
    openSlowStreams: () => slowOpen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Opens a SOCKS5 (no auth) tunnel to host:targetPort (an IPv4 address or a name) through the client core. */
export function socksConnect(socksPort: number, targetPort: number, host = "127.0.0.1"): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port: socksPort, host: "127.0.0.1" });
    let stage = 0;
    let buf = Buffer.alloc(0);
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(10_000, () => fail(new Error("socks handshake timed out")));
    socket.once("error", fail);
    socket.on("connect", () => socket.write(Buffer.from([5, 1, 0])));
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (stage === 0 && buf.length >= 2) {
        if (buf[1] !== 0) return fail(new Error("socks auth refused"));
        buf = buf.subarray(2);
        stage = 1;
        const port = Buffer.alloc(2);
        port.writeUInt16BE(targetPort);
        // An IPv4 address as such (ATYP 1); anything else as a name the far end resolves (ATYP 3).
        const address = /^\d+\.\d+\.\d+\.\d+$/.test(host)
          ? Buffer.from([1, ...host.split(".").map(Number)])
          : Buffer.concat([Buffer.from([3, host.length]), Buffer.from(host)]);
        socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address, port]));
      }
      if (stage === 1 && buf.length >= 10) {
        if (buf[1] !== 0) return fail(new Error(`socks connect failed: ${buf[1]}`));
        socket.off("data", onData);
        socket.off("error", fail);
        socket.setTimeout(0);
        const rest = buf.subarray(10);
        if (rest.length) socket.unshift(rest);
        resolve(socket);
      }
    };
    socket.on("data", onData);
  });
}

export interface FetchResult {
  requestBytes: number;
  responseBytes: number;
  status: number | null;
  /** How the connection ended: "end" (server closed cleanly) or the error code. */
  ending: string;
}

/**
 * A raw HTTP/1.1 GET through SOCKS: returns the exact bytes written and read on the tunnel, which
 * is what the core's per-user counters must equal (uplink = request, downlink = response).
 */
export async function fetchThroughSocks(
  socksPort: number,
  targetPort: number,
  path: string,
  timeoutMs = 15_000,
  host = "127.0.0.1",
): Promise<FetchResult> {
  const socket = await socksConnect(socksPort, targetPort, host);
  const request = `GET ${path} HTTP/1.1\r\nHost: ${host}:${targetPort}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve) => {
    let responseBytes = 0;
    let head = "";
    const finish = (ending: string) => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve({ requestBytes: Buffer.byteLength(request), responseBytes, status: m ? Number(m[1]) : null, ending });
    };
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      if (head.length < 64) head += chunk.subarray(0, 64).toString("latin1");
      responseBytes += chunk.length;
    });
    socket.once("end", () => finish("end"));
    socket.once("error", (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
    socket.write(request);
  });
}

/** A self-signed certificate for 127.0.0.1/localhost, for TLS inbounds in tests. */
export function makeSelfSignedCert(dir: string): { certificateFile: string; keyFile: string } {
  const certificateFile = join(dir, "server.crt");
  const keyFile = join(dir, "server.key");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-keyout",
      keyFile,
      "-out",
      certificateFile,
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { certificateFile, keyFile };
}
