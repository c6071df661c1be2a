import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createServer, connect, type AddressInfo } from "node:net";
import { AccessLogIndex, endpointKey, parseAccessLine } from "./access-log.ts";
import { liveClientEndpoints, ssFilter } from "./destroy-sockets.ts";

describe("access log", () => {
  it("parses v2ray and Xray lines, IPv4 and IPv6, and ignores lines without a user", () => {
    expect(parseAccessLine("2026/11/27 13:17:19 127.0.0.1:42578 accepted tcp:127.0.0.1:18555 email: u1")).toEqual({
      ip: "127.0.0.1",
      port: 42578,
      email: "u1",
    });
    expect(
      parseAccessLine(
        "2026/11/27 13:17:19 from [2001:db8::1]:5000 accepted tcp:example.com:443 [vless-in >> direct] email: U2",
      ),
    ).toEqual({ ip: "2001:db8::1", port: 5000, email: "u2" });
    expect(
      parseAccessLine(
        "2026/11/27 13:17:19 from tcp:10.0.0.2:6000 accepted tcp:example.com:443 [in -> direct] email: u3",
      ),
    ).toEqual({ ip: "10.0.0.2", port: 6000, email: "u3" });
    expect(parseAccessLine("2026/11/27 13:17:19 127.0.0.1:40000 accepted tcp:127.0.0.1:10085 [api]")).toBeNull();
  });

  it("follows the file as it grows, including a line written in two parts", () => {
    const path = join(mkdtempSync(join(tmpdir(), "vortex-access-")), "access.log");
    writeFileSync(
      path,
      "2026/11/27 13:17:19 127.0.0.1:1001 accepted tcp:127.0.0.1:80 email: u1\n2026/11/27 13:17:19 127.0.0.1:1002 acc",
    );
    const index = new AccessLogIndex(path);
    index.poll();
    expect(index.endpointsOf("u1")).toEqual([{ ip: "127.0.0.1", port: 1001 }]);
    appendFileSync(path, "epted tcp:127.0.0.1:80 email: u1\n");
    index.poll();
    expect(index.endpointsOf("u1")).toHaveLength(2);
  });

  it("hands each user's client address, without port, to a listener as lines arrive", () => {
    const path = join(mkdtempSync(join(tmpdir(), "vortex-access-")), "access.log");
    writeFileSync(
      path,
      [
        "2026/11/27 13:17:19 from 127.0.0.2:51234 accepted tcp:example.com:443 [vless-in >> direct] email: u1",
        "2026/11/27 13:17:19 from [::1]:40000 accepted tcp:example.com:443 [vless-in >> direct] email: u1",
        "2026/11/27 13:17:19 127.0.0.1:40001 accepted tcp:127.0.0.1:10085 [api]",
        "2026/11/27 13:17:20 127.0.0.1:40002 accepted tcp:127.0.0.1:80 email: u2",
        "",
      ].join("\n"),
    );
    const seen: string[] = [];
    const index = new AccessLogIndex(path);
    index.onEntry((entry) => seen.push(`${entry.email} ${entry.ip}`));
    index.poll();
    expect(seen).toEqual(["u1 127.0.0.2", "u1 ::1", "u2 127.0.0.1"]);
  });

  it("gives a reused client port to its newest user, so the wrong user is never cut", () => {
    const index = new AccessLogIndex("/nonexistent");
    index.remember({ ip: "198.51.100.7", port: 40000, email: "u1" });
    index.remember({ ip: "198.51.100.7", port: 40000, email: "u2" });
    expect(index.endpointsOf("u1")).toEqual([]);
    expect(index.endpointsOf("u2")).toEqual([{ ip: "198.51.100.7", port: 40000 }]);
  });

  it("prunes to the connections still open once large, keeping lines read while it asked the kernel", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "vortex-access-")), "access.log");
    const line = (port: number, email: string) =>
      `2026/11/27 13:17:19 127.0.0.1:${port} accepted tcp:127.0.0.1:80 email: ${email}\n`;
    writeFileSync(path, line(1001, "u1") + line(1002, "u1") + line(1003, "u2"));
    const index = new AccessLogIndex(path, { pruneAtEndpoints: 4 });
    expect(await index.pruneIfLarge(async () => new Set())).toBeNull(); // 3 < 4: not yet
    appendFileSync(path, line(1004, "u3"));
    const forgotten = await index.pruneIfLarge(async () => {
      // A connection accepted while ss runs is not in its list, and must survive the prune.
      appendFileSync(path, line(1005, "u3"));
      index.poll();
      return new Set([endpointKey({ ip: "127.0.0.1", port: 1002 })]);
    });
    expect(forgotten).toBe(3);
    expect(index.endpointsOf("u1")).toEqual([{ ip: "127.0.0.1", port: 1002 }]);
    expect(index.endpointsOf("u2")).toEqual([]);
    expect(index.endpointsOf("u3")).toEqual([{ ip: "127.0.0.1", port: 1005 }]);
    // The next prune waits until the index is twice what this one kept, or the threshold.
    expect(await index.pruneIfLarge(async () => new Set())).toBeNull();
  });

  it("keeps everything when the kernel's list cannot be had, and does not retry every tick", async () => {
    const index = new AccessLogIndex("/nonexistent", { pruneAtEndpoints: 2 });
    for (const port of [1, 2, 3]) index.remember({ ip: "127.0.0.1", port, email: "u1" });
    await expect(index.pruneIfLarge(async () => Promise.reject(new Error("ss: not permitted")))).rejects.toThrow(
      /not permitted/,
    );
    expect(index.endpointsOf("u1")).toHaveLength(3);
    let asked = false;
    const listLive = async () => {
      asked = true;
      return new Set<string>();
    };
    expect(await index.pruneIfLarge(listLive)).toBeNull();
    expect(asked).toBe(false);
  });

  it("lists the client endpoints open on an inbound port, as the index keys them", async () => {
    const server = createServer((socket) => socket.on("error", () => undefined));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const client = connect(port, "127.0.0.1");
    await new Promise((resolve) => client.once("connect", resolve));
    try {
      const live = await liveClientEndpoints([port]);
      expect(live.has(endpointKey({ ip: "127.0.0.1", port: client.localPort! }))).toBe(true);
      expect(live.size).toBe(1);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("builds an ss filter that matches only the server side of the user's connections", () => {
    expect(
      ssFilter(
        [
          { ip: "127.0.0.1", port: 5 },
          { ip: "::1", port: 6 },
        ],
        [443, 8443],
      ).join(" "),
    ).toBe(
      "( ( dst 127.0.0.1 and dport = :5 ) or ( dst [::1] and dport = :6 ) ) and ( sport = :443 or sport = :8443 )",
    );
  });
});
