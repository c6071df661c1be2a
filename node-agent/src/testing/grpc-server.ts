/** A stand-in gRPC server on loopback for tests of the agent's unary client (node:http2, no framework). */
import {
  createServer,
  type Http2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from "node:http2";
import type { AddressInfo } from "node:net";
import { frameMessage } from "../core/grpc/unary.ts";

/** Answers each stream once its request body (still framed) is complete. */
export type GrpcHandler = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, body: Buffer) => void;

export interface StandInGrpcServer {
  address: string;
  /** Closes the server and drops every connection at once, as a core that exits. */
  kill(): Promise<void>;
}

export async function serveGrpc(handler: GrpcHandler, port = 0): Promise<StandInGrpcServer> {
  const server: Http2Server = createServer();
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
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    kill: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.destroy();
      await closed;
    },
  };
}

/** A successful unary reply: `message` framed, then grpc-status 0 (or `trailers`) in the trailers. */
export function replyGrpc(
  stream: ServerHttp2Stream,
  message: Uint8Array,
  trailers: Record<string, string> = { "grpc-status": "0" },
): void {
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers(trailers));
  stream.end(frameMessage(message));
}
