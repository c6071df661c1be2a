import { createServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from "node:http2";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { frameMessage, GRPC_STATUS, GrpcConnection, GrpcError, unframeMessage } from "./unary.ts";

type Handler = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, body: Buffer) => void;

/** A stand-in gRPC server: `handler` answers each stream once its request body is complete. */
async function serve(handler: Handler, port = 0): Promise<{ server: Http2Server; address: string; kill: () => Promise<void> }> {
  const server = createServer();
  const sessions = new Set<ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  server.on("stream", (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => handler(stream, headers, Buffer.concat(chunks)));
    stream.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  // As a core that exits: every connection drops at once.
  const kill = async () => {
    const closed = stop(server);
    for (const session of sessions) session.destroy();
    await closed;
  };
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}`, kill };
}

function reply(stream: ServerHttp2Stream, message: Buffer, trailers: Record<string, string>): void {
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers(trailers));
  stream.end(frameMessage(message));
}

const stop = (server: Http2Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe("unary gRPC over HTTP/2", () => {
  const servers: Http2Server[] = [];
  const connections: GrpcConnection[] = [];
  const connection = (address: string) => {
    const c = new GrpcConnection(address);
    connections.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of connections.splice(0)) c.close();
    for (const s of servers.splice(0)) await stop(s);
  });

  it("frames the request, sends the gRPC headers, and returns the reply's message", async () => {
    let seen: { headers: IncomingHttpHeaders; body: Buffer } | undefined;
    const { server, address } = await serve((stream, headers, body) => {
      seen = { headers, body };
      reply(stream, Buffer.from("pong"), { "grpc-status": "0" });
    });
    servers.push(server);
    const answer = await connection(address).unary("/pkg.Service/Ping", Buffer.from("ping"), 2_000);
    expect(answer.toString()).toBe("pong");
    expect(seen!.headers[":path"]).toBe("/pkg.Service/Ping");
    expect(seen!.headers["content-type"]).toBe("application/grpc");
    expect(seen!.headers["te"]).toBe("trailers");
    expect(seen!.headers["grpc-timeout"]).toBe("2000m");
    expect(unframeMessage(seen!.body).toString()).toBe("ping");
  });

  it("turns a trailers-only error into its code and decoded message", async () => {
    const { server, address } = await serve((stream) => {
      stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-status": "2", "grpc-message": "User u1 already exists%2E" }, { endStream: true });
    });
    servers.push(server);
    const call = connection(address).unary("/pkg.Service/Add", Buffer.alloc(0), 2_000);
    await expect(call).rejects.toBeInstanceOf(GrpcError);
    await expect(call).rejects.toMatchObject({ code: GRPC_STATUS.UNKNOWN, message: "User u1 already exists." });
  });

  it("fails a reply that ends without a status, and an OK reply whose frame is torn", async () => {
    let mode: "no-status" | "torn-frame" = "no-status";
    const { server, address } = await serve((stream) => {
      const framed = frameMessage(Buffer.from("abcdef"));
      if (mode === "no-status") {
        stream.respond({ ":status": 200, "content-type": "application/grpc" });
        stream.end(framed);
        return;
      }
      stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
      stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
      stream.end(framed.subarray(0, framed.length - 2));
    });
    servers.push(server);
    const c = connection(address);
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.UNAVAILABLE });
    mode = "torn-frame";
    // Status OK but the message is cut short: refused, never decoded from part of a frame.
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.INTERNAL });
  });

  it("gives up at the deadline when the server does not answer", async () => {
    const { server, address } = await serve(() => undefined);
    servers.push(server);
    await expect(connection(address).unary("/p.S/Slow", Buffer.alloc(0), 100)).rejects.toMatchObject({ code: GRPC_STATUS.DEADLINE_EXCEEDED });
  });

  it("reports a refused connection, then reconnects once the server is back (core restart)", async () => {
    const first = await serve((stream) => reply(stream, Buffer.from("one"), { "grpc-status": "0" }));
    const c = connection(first.address);
    expect((await c.unary("/p.S/M", Buffer.alloc(0), 2_000)).toString()).toBe("one");
    const port = Number(first.address.split(":")[1]);
    await first.kill();
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.UNAVAILABLE });
    const second = await serve((stream) => reply(stream, Buffer.from("two"), { "grpc-status": "0" }), port);
    servers.push(second.server);
    expect((await c.unary("/p.S/M", Buffer.alloc(0), 2_000)).toString()).toBe("two");
  });
});
