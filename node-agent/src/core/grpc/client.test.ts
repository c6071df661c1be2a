import { afterEach, describe, expect, it } from "vitest";
import { makeInbound, makeUser } from "../../testing/factories.ts";
import { replyGrpc, serveGrpc, type StandInGrpcServer } from "../../testing/grpc-server.ts";
import { CORE_KINDS, CORE_PROFILES } from "../profile.ts";
import { CoreApi, CoreApiError, isAlreadyExists } from "./client.ts";
import { loadCoreProtos } from "./protos.ts";
import { unframeMessage } from "./unary.ts";

describe.each(CORE_KINDS)("core API client (%s protos)", (core) => {
  const prefix = CORE_PROFILES[core].protoPrefix;
  const root = loadCoreProtos(core);
  const servers: StandInGrpcServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.kill();
  });

  it("reads counters without reset from the prefixed StatsService and maps them per user", async () => {
    const request = root.lookupType(`${prefix}.app.stats.command.QueryStatsRequest`);
    const response = root.lookupType(`${prefix}.app.stats.command.QueryStatsResponse`);
    const seen: Array<{ path: unknown; request: unknown }> = [];
    const server = await serveGrpc((stream, headers, body) => {
      seen.push({ path: headers[":path"], request: request.toObject(request.decode(unframeMessage(body))) });
      const stat = [
        { name: "user>>>u1>>>traffic>>>uplink", value: 2 ** 40 + 1 },
        { name: "user>>>u1>>>traffic>>>downlink", value: 7 },
        { name: "inbound>>>api>>>traffic>>>uplink", value: 99 },
      ];
      replyGrpc(stream, response.encode(response.fromObject({ stat })).finish());
    });
    servers.push(server);
    const api = new CoreApi({ core, address: server.address });
    try {
      expect(await api.queryUserCounters()).toEqual(new Map([["u1", { up: 2 ** 40 + 1, down: 7 }]]));
      await api.queryUserCounters("u1");
    } finally {
      api.close();
    }
    expect(seen).toEqual([
      { path: `/${prefix}.app.stats.command.StatsService/QueryStats`, request: { pattern: "user>>>", reset: false } },
      {
        path: `/${prefix}.app.stats.command.StatsService/QueryStats`,
        request: { pattern: "user>>>u1>>>", reset: false },
      },
    ]);
  });

  it("adds a user with the inbound protocol's account type and surfaces the core's error text", async () => {
    const alter = root.lookupType(`${prefix}.app.proxyman.command.AlterInboundRequest`);
    const addOp = root.lookupType(`${prefix}.app.proxyman.command.AddUserOperation`);
    let sent: { path: unknown; tag?: string; opType?: string; accountType?: string; email?: string } = { path: "" };
    const server = await serveGrpc((stream, headers, body) => {
      const req = alter.decode(unframeMessage(body)) as unknown as {
        tag: string;
        operation: { type: string; value: Uint8Array };
      };
      const op = addOp.decode(req.operation.value) as unknown as { user: { email: string; account: { type: string } } };
      sent = {
        path: headers[":path"],
        tag: req.tag,
        opType: req.operation.type,
        accountType: op.user.account.type,
        email: op.user.email,
      };
      stream.respond(
        {
          ":status": 200,
          "content-type": "application/grpc",
          "grpc-status": "2",
          "grpc-message": "User u3 already exists.",
        },
        { endStream: true },
      );
    });
    servers.push(server);
    const api = new CoreApi({ core, address: server.address });
    const inbound = makeInbound({ tag: "vmess-in", protocol: "vmess" });
    try {
      const failure = await api.addUser(inbound, makeUser(3, [inbound.tag])).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(CoreApiError);
      expect(isAlreadyExists(failure)).toBe(true);
    } finally {
      api.close();
    }
    expect(sent).toEqual({
      path: `/${prefix}.app.proxyman.command.HandlerService/AlterInbound`,
      tag: "vmess-in",
      opType: `${prefix}.app.proxyman.command.AddUserOperation`,
      accountType: `${prefix}.proxy.vmess.Account`,
      email: "u3",
    });
  });
});
