import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { adminAs, auditRowsSince, countRows, errorCode, gql, lastAuditId, ok, ownerToken } from "../test/api";
import { MAX_BACKUP_UPLOAD_BYTES } from "./routes";

// The backup API as the SPA and an operator's curl use it: GraphQL to take, list and restore,
// plain HTTP to carry a backup off Cloudflare and back. Restoring itself is the engine's test.

const BACKUP_FIELDS = `id status trigger createdBy schemaVersion rows sizeBytes tables { name rows sha256 } downloadPath error`;

let owner: string;
let admin: string;

const request = (path: string, init: RequestInit & { token?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  return exports.default.fetch(`http://panel.test${path}`, { ...init, headers });
};

/** Polls backup(id) until it has finished: the engine's job runs on after backupDatabase answers. */
async function finished(id: string, token = owner) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { backup } = ok(await gql(`query ($id: ID!) { backup(id: $id) { ${BACKUP_FIELDS} } }`, { id }, { token }));
    if (backup.status !== "RUNNING") return backup;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`backup ${id} still running`);
}

beforeAll(async () => {
  owner = await ownerToken();
  admin = (await adminAs(owner, "ADMIN")).token;
});

describe("backup files over HTTP", () => {
  it("keeps download and upload to the owner: anonymous callers are asked to sign in, admins refused", async () => {
    const anonymous = await request("/api/backups/20261207T000000Z-x/download");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect((await request("/api/backups/20261207T000000Z-x/download", { token: admin })).status).toBe(403);
    const upload = await request("/api/backups/upload", { method: "POST", body: "not a backup", token: admin });
    expect(upload.status).toBe(403);
    expect(await upload.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it("refuses a file declared larger than the cap before reading it", async () => {
    const response = await request("/api/backups/upload", {
      method: "POST",
      body: new Uint8Array(16),
      headers: { "content-length": String(MAX_BACKUP_UPLOAD_BYTES + 1) },
      token: owner,
    });
    expect(response.status).toBe(413);
  });
});

describe("backups through GraphQL and back as a file", () => {
  it("takes a backup for an admin, lists it with its tables, and offers its download to the owner only", async () => {
    const since = await lastAuditId();
    const { backupDatabase } = ok(await gql(`mutation { backupDatabase { ${BACKUP_FIELDS} } }`, {}, { token: admin }));
    expect(backupDatabase).toMatchObject({ status: "RUNNING", trigger: "MANUAL", tables: [], downloadPath: null });

    const done = await finished(backupDatabase.id);
    expect(done).toMatchObject({ status: "COMPLETE", downloadPath: `/api/backups/${backupDatabase.id}/download` });
    expect(done.tables.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["users", "admins"]));
    const asAdmin = ok(
      await gql(
        `query ($id: ID!) { backup(id: $id) { downloadPath tables { name } } }`,
        { id: done.id },
        { token: admin },
      ),
    );
    expect(asAdmin.backup).toMatchObject({
      downloadPath: null,
      tables: done.tables.map(({ name }: any) => ({ name })),
    });
    expect(ok(await gql(`{ backups { id } }`, {}, { token: admin })).backups[0]).toEqual({ id: done.id });
    expect((await auditRowsSince(since)).map((r) => [r.action, r.target_id])).toEqual([["backup.started", done.id]]);
  });

  it("downloads a complete backup as one tar file and, once deleted here, takes that file back as an UPLOADED backup", async () => {
    const { backupDatabase } = ok(await gql(`mutation { backupDatabase { id } }`, {}, { token: owner }));
    const done = await finished(backupDatabase.id);
    const since = await lastAuditId();

    const download = await request(done.downloadPath, { token: owner });
    expect(download.status).toBe(200);
    expect(download.headers.get("cache-control")).toBe("no-store");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="vortexpanel-backup-${done.id}.tar"`,
    );
    const file = new Uint8Array(await download.arrayBuffer());
    expect((await request("/api/backups/upload", { method: "POST", body: file, token: owner })).status).toBe(409);

    ok(await gql(`mutation ($id: ID!) { deleteBackup(id: $id) }`, { id: done.id }, { token: owner }));
    expect(ok(await gql(`query ($id: ID!) { backup(id: $id) { id } }`, { id: done.id }, { token: owner }))).toEqual({
      backup: null,
    });
    const upload = await request("/api/backups/upload", { method: "POST", body: file, token: owner });
    expect(upload.status).toBe(201);
    const { backup } = (await upload.json()) as { backup: Record<string, any> };
    expect(backup).toMatchObject({
      id: done.id,
      status: "COMPLETE",
      trigger: "UPLOADED",
      schemaVersion: done.schemaVersion,
      tables: done.tables,
    });
    expect((await auditRowsSince(since)).map((r) => [r.action, r.target_id])).toEqual([
      ["backup.downloaded", done.id],
      ["backup.deleted", done.id],
      ["backup.uploaded", done.id],
    ]);
  });

  it("restores only when confirm repeats the backup's id, and only for the owner", async () => {
    const { backups } = ok(await gql(`{ backups { id status } }`, {}, { token: owner }));
    const complete = backups.find((b: { status: string }) => b.status === "COMPLETE");
    const restoresBefore = await countRows("restores");
    const RESTORE = `mutation ($id: ID!, $confirm: String!) { restoreBackup(id: $id, confirm: $confirm) { id } }`;

    expect(errorCode(await gql(RESTORE, { id: complete.id, confirm: "yes" }, { token: owner }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await gql(RESTORE, { id: complete.id, confirm: complete.id }, { token: admin }))).toBe(
      "FORBIDDEN",
    );
    expect(await countRows("restores")).toBe(restoresBefore);
  });
});
