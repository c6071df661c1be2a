/**
 * Unary gRPC calls over node:http2, the only kind the core's API needs. This replaces
 * @grpc/grpc-js, whose channels, resolvers, load balancers and keep-alive machinery cost the
 * agent ~11 MB of RSS for a handful of local calls (README "Resource use"). Messages stay
 * protobufjs' job; this file only does the gRPC wire format over HTTP/2:
 *
 *   request:  POST /<package>.<Service>/<Method>, content-type application/grpc, te: trailers,
 *             body = one length-prefixed message (1 byte "compressed" = 0, 4 bytes length BE, bytes)
 *   response: the same framing; the outcome is `grpc-status` (0 = OK) and `grpc-message` in the
 *             trailers, or in the headers for an error without a body ("trailers-only")
 */
import {
  connect,
  constants,
  type ClientHttp2Session,
  type ClientHttp2Stream,
  type IncomingHttpHeaders,
} from "node:http2";

/** Status codes this agent produces itself (https://grpc.github.io/grpc/core/md_doc_statuscodes.html). */
export const GRPC_STATUS = {
  OK: 0,
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  INTERNAL: 13,
  UNAVAILABLE: 14,
} as const;

export class GrpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** `message` with its 5-byte gRPC prefix (uncompressed). */
export function frameMessage(message: Uint8Array): Buffer {
  const framed = Buffer.allocUnsafe(5 + message.length);
  framed[0] = 0;
  framed.writeUInt32BE(message.length, 1);
  framed.set(message, 5);
  return framed;
}

/** The single message of a unary reply; throws on compression, truncation or trailing bytes. */
export function unframeMessage(body: Buffer): Buffer {
  if (body.length < 5) throw new GrpcError(`reply of ${body.length} bytes has no message`, GRPC_STATUS.INTERNAL);
  if (body[0] !== 0) throw new GrpcError("compressed reply (no compression was offered)", GRPC_STATUS.INTERNAL);
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length)
    throw new GrpcError(`reply frame says ${length} bytes, body has ${body.length - 5}`, GRPC_STATUS.INTERNAL);
  return body.subarray(5);
}

/** grpc-message is percent-encoded (RFC 3986 unreserved characters stay as they are). */
function statusMessage(raw: string | string[] | undefined): string {
  const text = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function statusOf(headers: IncomingHttpHeaders): { code: number; message: string } | null {
  const raw = headers["grpc-status"];
  if (raw === undefined) return null;
  const code = Number(raw);
  return { code: Number.isInteger(code) ? code : GRPC_STATUS.UNKNOWN, message: statusMessage(headers["grpc-message"]) };
}

/**
 * One HTTP/2 connection to `host:port`, opened on the first call and again after the core closed
 * it (restart, GOAWAY). The session is unref'd: an idle client never keeps the process alive;
 * a call in flight does, through its deadline timer.
 */
export class GrpcConnection {
  private session: ClientHttp2Session | null = null;

  constructor(readonly address: string) {}

  private open(): ClientHttp2Session {
    const current = this.session;
    if (current && !current.closed && !current.destroyed) return current;
    const session = connect(`http://${this.address}`);
    // Errors surface on the streams that were in flight; the next call opens a new session.
    session.on("error", () => undefined);
    const forget = () => {
      if (this.session === session) this.session = null;
    };
    session.once("close", forget);
    session.once("goaway", forget);
    session.unref();
    this.session = session;
    return session;
  }

  /** Sends `request` (an encoded message) to `path` and resolves with the encoded reply. */
  unary(path: string, request: Uint8Array, deadlineMs: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (err: GrpcError | null, reply?: Buffer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(reply!);
      };
      let stream: ClientHttp2Stream;
      try {
        stream = this.open().request({
          [constants.HTTP2_HEADER_METHOD]: "POST",
          [constants.HTTP2_HEADER_PATH]: path,
          [constants.HTTP2_HEADER_CONTENT_TYPE]: "application/grpc",
          [constants.HTTP2_HEADER_TE]: "trailers",
          "grpc-timeout": `${Math.max(1, Math.ceil(deadlineMs))}m`,
        });
      } catch (err) {
        // The session was torn down under us: the next call opens a new one.
        this.session = null;
        return reject(new GrpcError((err as Error).message, GRPC_STATUS.UNAVAILABLE));
      }
      const timer = setTimeout(() => {
        finish(new GrpcError(`deadline of ${deadlineMs} ms exceeded`, GRPC_STATUS.DEADLINE_EXCEEDED));
        stream.close(constants.NGHTTP2_CANCEL);
      }, deadlineMs);
      const chunks: Buffer[] = [];
      let status: { code: number; message: string } | null = null;
      stream.on("response", (headers) => {
        const httpStatus = Number(headers[constants.HTTP2_HEADER_STATUS]);
        if (httpStatus !== 200) status = { code: GRPC_STATUS.UNKNOWN, message: `HTTP status ${httpStatus}` };
        // Trailers-only: an error answered in the headers, no body follows.
        else status = statusOf(headers);
      });
      stream.on("trailers", (trailers) => {
        status = statusOf(trailers) ?? status;
      });
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (err) => finish(new GrpcError(err.message, GRPC_STATUS.UNAVAILABLE)));
      stream.on("close", () => {
        if (!status)
          return finish(
            new GrpcError(`stream closed without a status (code ${stream.rstCode})`, GRPC_STATUS.UNAVAILABLE),
          );
        if (status.code !== GRPC_STATUS.OK)
          return finish(new GrpcError(status.message || `status ${status.code}`, status.code));
        try {
          finish(null, unframeMessage(Buffer.concat(chunks)));
        } catch (err) {
          finish(err as GrpcError);
        }
      });
      stream.end(frameMessage(request));
    });
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }
}
