import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headerOf, httpRequest } from "./http.ts";

const run = promisify(execFile);

describe("edge HTTP requests (node:http)", () => {
  let server: Server;
  let base = "";
  const received: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        if (req.url === "/hang") return; // never answers: only the caller's signal ends it
        if (req.url === "/missing") {
          res.writeHead(404, "Not Found", { "content-type": "application/json" }).end('{"error":{"code":"NOPE"}}');
          return;
        }
        res
          .writeHead(200, { etag: '"5"', "content-type": "application/json" })
          .end(JSON.stringify({ echo: Buffer.concat(chunks).toString() }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends method, path with query, headers and body, and returns status, headers and body", async () => {
    const body = new TextEncoder().encode('{"seq":1}');
    const answer = await httpRequest(`${base}/agent/v1/usage?x=1`, {
      method: "POST",
      headers: { "x-vortex-node": "7" },
      body,
    });
    expect(answer.status).toBe(200);
    expect(headerOf(answer, "ETag")).toBe('"5"');
    expect(JSON.parse(answer.body)).toEqual({ echo: '{"seq":1}' });
    const seen = received.at(-1)!;
    expect(seen).toMatchObject({ method: "POST", url: "/agent/v1/usage?x=1", body: '{"seq":1}' });
    expect(seen.headers["x-vortex-node"]).toBe("7");
    expect(seen.headers["content-length"]).toBe(String(body.byteLength));
  });

  it("returns error statuses as answers, for the caller to read the edge's error body", async () => {
    const answer = await httpRequest(`${base}/missing`, { method: "GET", headers: {} });
    expect(answer).toMatchObject({ status: 404, statusText: "Not Found", body: '{"error":{"code":"NOPE"}}' });
  });

  it("stops a request (e.g. a long-poll) when its signal aborts", async () => {
    const abort = new AbortController();
    const pending = httpRequest(`${base}/hang`, { method: "GET", headers: {}, signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("does not load undici (fetch's HTTP stack, 14 MB) into the agent", async () => {
    // A fresh Node process: this one (vitest) has undici loaded already. Node strips the types.
    const script = `await import(${JSON.stringify(fileURLToPath(new URL("./http.ts", import.meta.url)))}); console.log(JSON.stringify(process.moduleLoadList.filter((m) => m.includes("undici"))));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("refuses schemes other than http and https", async () => {
    await expect(httpRequest("ftp://127.0.0.1/", { method: "GET", headers: {} })).rejects.toThrow(/scheme/);
  });
});
