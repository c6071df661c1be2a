import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../log/logger.ts";
import { AccessLogIndex } from "./access-log.ts";
import { closeUserConnections } from "./cutter.ts";
import { peerKeys } from "./destroy-sockets.ts";

describe("cutting users' connections", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  /** A listening "inbound" on loopback and `n` client connections to it. */
  async function inboundWithClients(n: number): Promise<{ port: number; clients: Socket[] }> {
    const server = createServer((s) => s.on("error", () => undefined));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const clients = await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise<Socket>((resolve) => {
            const c = connect(port, "127.0.0.1", () => resolve(c));
            c.on("error", () => undefined);
          }),
      ),
    );
    cleanups.push(() => {
      for (const c of clients) c.destroy();
      server.close();
    });
    return { port, clients };
  }

  const closed = (socket: Socket) =>
    new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once("close", () => resolve())));

  it("destroys every socket of the users cut, and only theirs, and reports each user's own count", async () => {
    const { port, clients } = await inboundWithClients(4);
    const index = new AccessLogIndex("/nonexistent");
    const owners = ["u1", "u1", "u2", "u3"];
    for (const [i, c] of clients.entries()) index.remember({ ip: "127.0.0.1", port: c.localPort!, email: owners[i]! });
    const log = memoryLogger();
    const reports = await closeUserConnections(
      [
        { userId: 1, email: "u1", inboundPorts: [port] },
        { userId: 2, email: "u2", inboundPorts: [port, port] },
      ],
      index,
      log,
      "test",
    );
    expect(reports).toEqual([
      { userId: 1, endpoints: 2, destroyed: 2 },
      { userId: 2, endpoints: 1, destroyed: 1 },
    ]);
    await Promise.all(clients.slice(0, 3).map(closed));
    // u3 was not cut: its connection is untouched and still known.
    expect(clients[3]!.destroyed).toBe(false);
    expect(index.endpointsOf("u3")).toHaveLength(1);
    expect(index.endpointsOf("u1")).toEqual([]);
    expect(log.entries.filter((e) => e.event === "cut.connections_closed")).toHaveLength(2);
  });

  it("reads client endpoints from ss output, IPv4, IPv6 and IPv4-mapped", () => {
    const out = [
      "State Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
      "ESTAB 0      0      127.0.0.1:443 127.0.0.1:40000",
      "ESTAB 0      0      [::1]:443 [2001:db8::1]:5000",
      "ESTAB 0      0      [::ffff:10.0.0.1]:443 [::ffff:10.0.0.2]:6000",
    ].join("\n");
    expect(peerKeys(out)).toEqual(["127.0.0.1|40000", "2001:db8::1|5000", "::ffff:10.0.0.2|6000", "10.0.0.2|6000"]);
  });
});
