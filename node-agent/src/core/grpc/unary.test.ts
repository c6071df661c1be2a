import type { IncomingHttpHeaders } from "node:http2";
import { afterEach, describe, expect, it } from "vitest";
import { replyGrpc as reply, serveGrpc as serve, type StandInGrpcServer } from "../../testing/grpc-server.ts";
import { frameMessage, GRPC_STATUS, GrpcConnection, GrpcError, unframeMessage } from "./unary.ts";

describe("unary gRPC over HTTP/2", () => {
  const servers: StandInGrpcServer[] = [];
  const connections: GrpcConnection[] = [];
  const connection = (address: string) => {
    const c = new GrpcConnection(address);
    connections.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of connections.splice(0)) c.close();
    for (const s of servers.splice(0)) await s.kill();
  });

  it("frames the request, sends the gRPC headers, and returns the reply's message", async () => {
    let seen: { headers: IncomingHttpHeaders; body: Buffer } | undefined;
    const server = await serve((stream, headers, body) => {
      seen = { headers, body };
      reply(stream, Buffer.from("pong"), { "grpc-status": "0" });
    });
    servers.push(server);
    const answer = await connection(server.address).unary("/pkg.Service/Ping", Buffer.from("ping"), 2_000);
    expect(answer.toString()).toBe("pong");
    expect(seen!.headers[":path"]).toBe("/pkg.Service/Ping");
    expect(seen!.headers["content-type"]).toBe("application/grpc");
    expect(seen!.headers.te).toBe("trailers");
    expect(seen!.headers["grpc-timeout"]).toBe("2000m");
    expect(unframeMessage(seen!.body).toString()).toBe("ping");
  });

  it("turns a trailers-only error into its code and decoded message", async () => {
    const server = await serve((stream) => {
      stream.respond(
        {
          ":status": 200,
          "content-type": "application/grpc",
          "grpc-status": "2",
          "grpc-message": "User u1 already exists%2E",
        },
        { endStream: true },
      );
    });
    servers.push(server);
    const call = connection(server.address).unary("/pkg.Service/Add", Buffer.alloc(0), 2_000);
    await expect(call).rejects.toBeInstanceOf(GrpcError);
    await expect(call).rejects.toMatchObject({ code: GRPC_STATUS.UNKNOWN, message: "User u1 already exists." });
  });

  it("fails a reply that ends without a status, and an OK reply whose frame is torn", async () => {
    let mode: "no-status" | "torn-frame" = "no-status";
    const server = await serve((stream) => {
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
    const c = connection(server.address);
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.UNAVAILABLE });
    mode = "torn-frame";
    // Status OK but the message is cut short: refused, never decoded from part of a frame.
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.INTERNAL });
  });

  it("gives up at the deadline when the server does not answer", async () => {
    const server = await serve(() => undefined);
    servers.push(server);
    await expect(connection(server.address).unary("/p.S/Slow", Buffer.alloc(0), 100)).rejects.toMatchObject({
      code: GRPC_STATUS.DEADLINE_EXCEEDED,
    });
  });

  it("reports a refused connection, then reconnects once the server is back (core restart)", async () => {
    const first = await serve((stream) => reply(stream, Buffer.from("one"), { "grpc-status": "0" }));
    const c = connection(first.address);
    expect((await c.unary("/p.S/M", Buffer.alloc(0), 2_000)).toString()).toBe("one");
    const port = Number(first.address.split(":")[1]);
    await first.kill();
    await expect(c.unary("/p.S/M", Buffer.alloc(0), 2_000)).rejects.toMatchObject({ code: GRPC_STATUS.UNAVAILABLE });
    const second = await serve((stream) => reply(stream, Buffer.from("two"), { "grpc-status": "0" }), port);
    servers.push(second);
    expect((await c.unary("/p.S/M", Buffer.alloc(0), 2_000)).toString()).toBe("two");
  });
});
