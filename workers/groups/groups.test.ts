import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adminAs,
  auditRowsSince,
  configVersions,
  countRows,
  createInbound,
  createUser,
  errorCode,
  expectAllUnauthenticated,
  gql,
  lastAuditId,
  ok,
  ownerToken,
  unique,
} from "../test/api";

// One database for the whole file: groups, inbounds and servers get unique names, and counts are
// compared with what they were just before each call.

const GROUP_FIELDS = `id name note inbounds { id tag } userCount createdAt`;
const CREATE = `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { ${GROUP_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateGroupInput!) { updateGroup(id: $id, input: $input) { ${GROUP_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteGroup(id: $id) }`;
const ONE = `query ($id: ID!) { group(id: $id) { ${GROUP_FIELDS} } }`;
const LIST = `{ groups { id name userCount } }`;
const IP = "198.51.100.77";

let owner: string;
let admin: { id: string; username: string; token: string };
let reseller: { id: string; token: string };
let port = 45000;
const inbound = () => createInbound(owner, { port: ++port });

beforeAll(async () => {
  owner = await ownerToken();
  admin = await adminAs(owner, "ADMIN");
  reseller = await adminAs(owner, "RESELLER");
});

async function createGroup(input: Record<string, unknown> = {}) {
  return ok(await gql(CREATE, { input: { name: unique("grp"), ...input } }, { token: admin.token })).createGroup;
}

async function createServer(inboundIds: string[]): Promise<string> {
  const response = await gql(
    `mutation ($input: CreateServerInput!) { createServer(input: $input) { id } }`,
    { input: { name: unique("srv"), address: "edge.example.com", inboundIds } },
    { token: owner },
  );
  return ok(response).createServer.id;
}

async function linkedInboundIds(groupId: string): Promise<string[]> {
  const rows = await env.DB.prepare(
    `SELECT inbound_id AS id FROM group_inbounds WHERE group_id = ? ORDER BY inbound_id`,
  )
    .bind(Number(groupId))
    .all<{ id: number }>();
  return rows.results.map((r) => String(r.id));
}

/** Everything a refused call must leave as it was. */
async function snapshot() {
  const groups = await env.DB.prepare(`SELECT id, name, note FROM groups ORDER BY id`).all();
  const links = await env.DB.prepare(
    `SELECT group_id, inbound_id FROM group_inbounds ORDER BY group_id, inbound_id`,
  ).all();
  const versions = await env.DB.prepare(`SELECT id, config_version FROM nodes ORDER BY id`).all();
  return {
    audit: await countRows("audit_log"),
    groups: groups.results,
    links: links.results,
    versions: versions.results,
  };
}

describe("who may manage groups", () => {
  it("turns away anonymous callers with UNAUTHENTICATED and changes nothing", async () => {
    const group = await createGroup();
    const before = await snapshot();
    const calls = [
      gql(LIST),
      gql(ONE, { id: group.id }),
      gql(CREATE, { input: { name: unique("anon") } }),
      gql(UPDATE, { id: group.id, input: { note: "anon" } }),
      gql(DELETE, { id: group.id }),
    ];
    expectAllUnauthenticated(await Promise.all(calls));
    expect(await snapshot()).toEqual(before);
  });

  it("lets resellers read groups but not create, change or delete them", async () => {
    const group = await createGroup({ note: "for resellers" });
    const token = reseller.token;
    expect(ok(await gql(LIST, {}, { token })).groups).toContainEqual({ id: group.id, name: group.name, userCount: 0 });
    expect(ok(await gql(ONE, { id: group.id }, { token })).group).toMatchObject({
      id: group.id,
      note: "for resellers",
    });
    const before = await snapshot();
    const calls = [
      gql(CREATE, { input: { name: unique("res") } }, { token }),
      gql(UPDATE, { id: group.id, input: { note: "taken over" } }, { token }),
      gql(DELETE, { id: group.id }, { token }),
    ];
    for (const response of await Promise.all(calls)) expect(errorCode(response)).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("shows resellers a group's inbounds but not the servers behind them", async () => {
    const a = await inbound();
    await createServer([a.id]);
    const group = await createGroup({ inboundIds: [a.id] });
    const token = reseller.token;
    const visible = ok(
      await gql(`query ($id: ID!) { group(id: $id) { inbounds { id tag port } } }`, { id: group.id }, { token }),
    );
    expect(visible.group.inbounds).toEqual([{ id: a.id, tag: a.tag, port }]);
    const servers = await gql(
      `query ($id: ID!) { group(id: $id) { inbounds { servers { name address } } } }`,
      { id: group.id },
      { token },
    );
    expect(errorCode(servers)).toBe("FORBIDDEN");
    expect(JSON.stringify(servers.data)).not.toContain("edge.example.com");
    const forAdmin = ok(
      await gql(
        `query ($id: ID!) { group(id: $id) { inbounds { servers { address } } } }`,
        { id: group.id },
        { token: admin.token },
      ),
    );
    expect(forAdmin.group.inbounds[0].servers).toEqual([{ address: "edge.example.com" }]);
  });

  it("counts for a reseller only the members it owns", async () => {
    const group = await createGroup();
    await createUser(admin.token, { groupIds: [group.id] });
    await createUser(admin.token, { groupIds: [group.id] });
    await createUser(reseller.token, { groupIds: [group.id], dataLimit: 1_000_000 });
    expect(ok(await gql(ONE, { id: group.id }, { token: reseller.token })).group.userCount).toBe(1);
    expect(ok(await gql(ONE, { id: group.id }, { token: admin.token })).group.userCount).toBe(3);
  });
});

describe("createGroup", () => {
  it("stores the group with every inbound it was given and records who made it from where", async () => {
    const [a, b, c] = [await inbound(), await inbound(), await inbound()];
    const auditFrom = await lastAuditId();
    const groupsBefore = await countRows("groups");
    const name = unique("Premium ");
    const { createGroup } = ok(
      await gql(
        CREATE,
        { input: { name, note: "paying users", inboundIds: [c.id, a.id, b.id] } },
        { token: admin.token, ip: IP },
      ),
    );
    expect(createGroup).toMatchObject({ name, note: "paying users", userCount: 0 });
    expect(createGroup.inbounds).toEqual([a, b, c].map(({ id, tag }) => ({ id, tag })));
    expect(await linkedInboundIds(createGroup.id)).toEqual([a.id, b.id, c.id]);
    expect(await countRows("groups")).toBe(groupsBefore + 1);
    expect(ok(await gql(ONE, { id: createGroup.id }, { token: admin.token })).group).toEqual(createGroup);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "group.create",
      target_type: "group",
      actor_id: Number(admin.id),
      actor_username: admin.username,
      ip: IP,
    });
  });

  it("links many inbounds to the new group and to no other group", async () => {
    const older = await createGroup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await inbound()).id);
    const group = await createGroup({ inboundIds: ids });
    expect(await linkedInboundIds(group.id)).toEqual(ids);
    expect(await linkedInboundIds(older.id)).toEqual([]);
  });

  it("refuses bad input with BAD_USER_INPUT and a taken name with CONFLICT, storing nothing", async () => {
    const existing = await createGroup();
    const before = await snapshot();
    for (const input of [
      { name: "" },
      { name: "n".repeat(65) },
      { name: unique("g"), note: "x".repeat(1025) },
      { name: unique("g"), inboundIds: ["999999"] },
    ]) {
      expect(errorCode(await gql(CREATE, { input }, { token: admin.token })), JSON.stringify(input).slice(0, 80)).toBe(
        "BAD_USER_INPUT",
      );
    }
    expect(errorCode(await gql(CREATE, { input: { name: existing.name } }, { token: admin.token }))).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });
});

describe("groups and group", () => {
  it("lists groups by name and answers null for an unknown id", async () => {
    const prefix = unique("order");
    const b = await createGroup({ name: `${prefix}-b` });
    const a = await createGroup({ name: `${prefix}-a` });
    const names = ok(await gql(LIST, {}, { token: admin.token })).groups.map((g: { name: string }) => g.name);
    expect(names).toEqual([...names].sort());
    expect(names.indexOf(a.name)).toBeLessThan(names.indexOf(b.name));
    expect(ok(await gql(ONE, { id: "999999" }, { token: admin.token })).group).toBeNull();
  });
});

describe("updateGroup", () => {
  it("renames the group without touching any server, and records it", async () => {
    const a = await inbound();
    const server = await createServer([a.id]);
    const group = await createGroup({ inboundIds: [a.id] });
    const [version] = await configVersions([server]);
    const auditFrom = await lastAuditId();
    const name = unique("renamed");
    const { updateGroup } = ok(
      await gql(UPDATE, { id: group.id, input: { name, note: "new note" } }, { token: admin.token, ip: IP }),
    );
    expect(updateGroup).toMatchObject({ id: group.id, name, note: "new note", inbounds: [{ id: a.id, tag: a.tag }] });
    expect(await configVersions([server])).toEqual([version]);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "group.update",
      target_type: "group",
      target_id: group.id,
      actor_id: Number(admin.id),
      ip: IP,
    });
  });

  it("bumps the servers serving the old inbounds and the new ones, and no others", async () => {
    const [old, fresh, unrelated] = [await inbound(), await inbound(), await inbound()];
    const servesOld = await createServer([old.id]);
    const servesNew = await createServer([fresh.id]);
    const servesBoth = await createServer([old.id, fresh.id]);
    const servesOther = await createServer([unrelated.id]);
    const group = await createGroup({ inboundIds: [old.id] });
    const servers = [servesOld, servesNew, servesBoth, servesOther];
    const before = await configVersions(servers);
    const { updateGroup } = ok(
      await gql(UPDATE, { id: group.id, input: { inboundIds: [fresh.id] } }, { token: admin.token }),
    );
    expect(updateGroup.inbounds).toEqual([{ id: fresh.id, tag: fresh.tag }]);
    const after = await configVersions(servers);
    expect(after[0]).toBe(before[0]! + 1);
    expect(after[1]).toBe(before[1]! + 1);
    expect(after[2]).toBeGreaterThan(before[2]!);
    expect(after[3]).toBe(before[3]);
  });

  it("refuses unknown groups, taken names and unknown inbounds, changing nothing", async () => {
    const a = await inbound();
    const server = await createServer([a.id]);
    const other = await createGroup();
    const group = await createGroup({ inboundIds: [a.id] });
    const before = await snapshot();
    const [version] = await configVersions([server]);
    const token = admin.token;
    expect(errorCode(await gql(UPDATE, { id: "999999", input: { note: "x" } }, { token }))).toBe("NOT_FOUND");
    expect(errorCode(await gql(UPDATE, { id: group.id, input: { name: other.name, inboundIds: [] } }, { token }))).toBe(
      "CONFLICT",
    );
    expect(errorCode(await gql(UPDATE, { id: group.id, input: { inboundIds: [a.id, "999999"] } }, { token }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await gql(UPDATE, { id: group.id, input: { name: " " } }, { token }))).toBe("BAD_USER_INPUT");
    expect(await snapshot()).toEqual(before);
    expect(await configVersions([server])).toEqual([version]);
  });
});

describe("deleteGroup", () => {
  it("removes the group, keeps its members, bumps the servers it reached, and records it", async () => {
    const a = await inbound();
    const server = await createServer([a.id]);
    const bystander = await createServer([(await inbound()).id]);
    const group = await createGroup({ inboundIds: [a.id] });
    const member = await createUser(admin.token, { groupIds: [group.id] });
    const versions = await configVersions([server, bystander]);
    const auditFrom = await lastAuditId();
    expect(ok(await gql(DELETE, { id: group.id }, { token: admin.token, ip: IP })).deleteGroup).toBe(true);
    expect(ok(await gql(ONE, { id: group.id }, { token: admin.token })).group).toBeNull();
    expect(await configVersions([server, bystander])).toEqual([versions[0]! + 1, versions[1]]);
    const { user } = ok(
      await gql(`query ($id: ID!) { user(id: $id) { id groups { id } } }`, { id: member.id }, { token: admin.token }),
    );
    expect(user).toEqual({ id: member.id, groups: [] });
    expect(await linkedInboundIds(group.id)).toEqual([]);
    const audit = await auditRowsSince(auditFrom);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "group.delete",
      target_type: "group",
      target_id: group.id,
      actor_id: Number(admin.id),
      ip: IP,
    });
  });

  it("refuses an unknown group with NOT_FOUND", async () => {
    const before = await snapshot();
    expect(errorCode(await gql(DELETE, { id: "999999" }, { token: admin.token }))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });
});

describe("members and config versions", () => {
  it("bumps the servers serving a group's inbounds when a member is created, changed or deleted", async () => {
    const a = await inbound();
    const serving = await createServer([a.id]);
    const idle = await createServer([(await inbound()).id]);
    const group = await createGroup({ inboundIds: [a.id] });
    const versions = () => configVersions([serving, idle]);

    const start = await versions();
    const member = await createUser(admin.token, { groupIds: [group.id] });
    expect(await versions()).toEqual([start[0]! + 1, start[1]]);

    const afterCreate = await versions();
    ok(
      await gql(
        `mutation ($id: ID!) { updateUser(id: $id, input: { note: "changed" }) { id } }`,
        { id: member.id },
        { token: admin.token },
      ),
    );
    const afterUpdate = await versions();
    expect(afterUpdate[0]).toBeGreaterThan(afterCreate[0]!);
    expect(afterUpdate[1]).toBe(afterCreate[1]);

    ok(await gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: member.id }, { token: admin.token }));
    const afterDelete = await versions();
    expect(afterDelete[0]).toBeGreaterThan(afterUpdate[0]!);
    expect(afterDelete[1]).toBe(afterUpdate[1]);
  });

  it("bumps the servers of the old and the new group when a member moves between groups", async () => {
    const [a, b] = [await inbound(), await inbound()];
    const servesA = await createServer([a.id]);
    const servesB = await createServer([b.id]);
    const groupA = await createGroup({ inboundIds: [a.id] });
    const groupB = await createGroup({ inboundIds: [b.id] });
    const member = await createUser(admin.token, { groupIds: [groupA.id] });
    const before = await configVersions([servesA, servesB]);
    ok(
      await gql(
        `mutation ($id: ID!, $g: [ID!]) { updateUser(id: $id, input: { groupIds: $g }) { id } }`,
        { id: member.id, g: [groupB.id] },
        { token: admin.token },
      ),
    );
    const after = await configVersions([servesA, servesB]);
    expect(after[0]).toBeGreaterThan(before[0]!);
    expect(after[1]).toBeGreaterThan(before[1]!);
  });

  it("leaves servers alone when a user outside any group is created", async () => {
    const serving = await createServer([(await inbound()).id]);
    const [before] = await configVersions([serving]);
    await createUser(admin.token);
    expect(await configVersions([serving])).toEqual([before]);
  });
});
