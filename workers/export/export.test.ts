import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminAs, auditRowsSince, createUser, gql, lastAuditId, ok, ownerToken, unique } from "../test/api";
import { csvCell, decimalCell, recordWriter } from "./formats";

function download(file: string, token: string | null, query = "") {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return exports.default.fetch(`http://panel.test/api/export/${file}${query}`, { headers });
}

async function jsonExport(file: string, token: string, query = "") {
  const response = await download(file, token, query);
  expect(response.status).toBe(200);
  return { response, records: (await response.json()) as Record<string, unknown>[] };
}

const iso = (sec: number | null) => (sec === null ? null : new Date(sec * 1000).toISOString());

describe("exporting users", () => {
  it("writes every column as the database holds it, in CSV and in JSON, with the row count up front", async () => {
    const owner = await ownerToken();
    const note = 'likes "quotes", commas\nand lines';
    const created = await createUser(owner, { note, dataLimit: 5_000_000_000, expireAt: "2031-01-02T03:04:05Z" });
    const row = (await env.DB.prepare(
      `SELECT u.*, a.username AS owner FROM users u JOIN admins a ON a.id = u.admin_id WHERE u.id = ?`,
    )
      .bind(Number(created.id))
      .first<Record<string, any>>())!;
    const total = (await env.DB.prepare(`SELECT count(*) AS n FROM users`).first<{ n: number }>())!.n;

    const { response, records } = await jsonExport("users.json", owner);
    expect(response.headers.get("x-export-rows")).toBe(String(total));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="vortexpanel-users.json"');
    expect(records).toHaveLength(total);
    expect(records.find((r) => r.id === row.id)).toEqual({
      id: row.id,
      username: row.username,
      status: "active",
      enabled: true,
      data_limit_bytes: 5_000_000_000,
      used_bytes: 0,
      lifetime_used_bytes: 0,
      expire_at: "2031-01-02T03:04:05.000Z",
      reset_strategy: "none",
      note,
      owner: row.owner,
      created_at: iso(row.created_at),
    });

    const csv = await (await download("users.csv", owner)).text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "id,username,status,enabled,data_limit_bytes,used_bytes,lifetime_used_bytes,expire_at,reset_strategy,note,owner,created_at",
    );
    expect(csv).toContain(
      `${row.id},${row.username},active,true,5000000000,0,0,2031-01-02T03:04:05.000Z,none,"likes ""quotes"", commas\nand lines",${row.owner},${iso(row.created_at)}\r\n`,
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    // Never the credentials or the subscription token: an export leaves the panel.
    expect(csv).not.toContain(row.sub_token);
    expect(csv).not.toContain(row.vless_id);
  });

  it("opens a note that looks like a formula as text in a spreadsheet", async () => {
    const owner = await ownerToken();
    const user = await createUser(owner, { note: '=HYPERLINK("http://evil.example","click")' });
    const csv = await (await download("users.csv", owner)).text();
    const line = csv.split("\r\n").find((l) => l.startsWith(`${user.id},`))!;
    expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    // JSON keeps the value exactly: it is data, not a sheet.
    const { records } = await jsonExport("users.json", owner);
    expect(records.find((r) => String(r.id) === user.id)!.note).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it("gives a reseller its own users and their usage only", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    const mine = await createUser(reseller.token);
    const theirs = await createUser(owner);
    await env.DB.prepare(
      `INSERT INTO usage_daily (user_id, day, up_bytes, down_bytes) VALUES (?, '2026-03-01', 1, 2), (?, '2026-03-01', 3, 4)`,
    )
      .bind(Number(mine.id), Number(theirs.id))
      .run();

    const users = await jsonExport("users.json", reseller.token);
    expect(users.records.map((r) => String(r.id))).toEqual([mine.id]);
    expect(users.response.headers.get("x-export-rows")).toBe("1");
    const usage = await jsonExport("usage.json", reseller.token, "?from=2026-03-01&to=2026-03-01");
    expect(usage.records).toEqual([
      {
        day: "2026-03-01",
        user_id: Number(mine.id),
        username: mine.username,
        up_bytes: 1,
        down_bytes: 2,
        total_bytes: 3,
      },
    ]);
    // Billing is not a reseller's at all.
    expect((await download("invoices.csv", reseller.token)).status).toBe(403);
  });
});

describe("exporting invoices", () => {
  it("lists the invoices issued in the range, by number", async () => {
    const owner = await ownerToken();
    const insert = (createdAt: string, total: string) =>
      env.DB.prepare(
        `INSERT INTO invoices (username, plan_snapshot, currency, total, lines, created_by, expires_at, created_at, status, paid_at, paid_via)
         VALUES (?, '{}', 'EUR', ?, '[]', 'user', 0, ?, 'paid', ?, 'manual') RETURNING id`,
      )
        .bind(unique("payer"), total, Date.parse(createdAt) / 1000, Date.parse(createdAt) / 1000 + 60)
        .first<{ id: number }>();
    await insert("2026-04-30T23:59:59Z", "1.00");
    const inside = (await insert("2026-05-01T00:00:00Z", "9.99"))!;
    const last = (await insert("2026-05-02T23:59:59Z", "19.99"))!;
    await insert("2026-05-03T00:00:00Z", "3.00");

    const before = await lastAuditId();
    const { response, records } = await jsonExport("invoices.json", owner, "?from=2026-05-01&to=2026-05-02");
    expect((await auditRowsSince(before)).map((row) => [row.action, row.target_id, row.details])).toEqual([
      ["export.downloaded", "invoices.json", JSON.stringify({ from: "2026-05-01", to: "2026-05-02" })],
    ]);
    expect(response.headers.get("x-export-rows")).toBe("2");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="vortexpanel-invoices-2026-05-01-to-2026-05-02.json"',
    );
    expect(records.map((r) => [r.id, r.total, r.created_at, r.paid_via])).toEqual([
      [inside.id, "9.99", "2026-05-01T00:00:00.000Z", "manual"],
      [last.id, "19.99", "2026-05-02T23:59:59.000Z", "manual"],
    ]);
  });
});

/** A paid (or paid, then refunded) invoice as the payment paths leave it. */
async function paidInvoice(currency: string, total: string, paidAt: string | number, refundedAt?: string | number) {
  const sec = (at: string | number) => (typeof at === "number" ? at : Date.parse(at) / 1000);
  await env.DB.prepare(
    `INSERT INTO invoices (username, plan_snapshot, currency, total, lines, created_by, expires_at, created_at, status, paid_at, paid_via, refunded_at)
     VALUES (?, '{}', ?, ?, '[]', 'user', 0, ?, ?, ?, 'manual', ?)`,
  )
    .bind(
      unique("payer"),
      currency,
      total,
      sec(paidAt) - 60,
      refundedAt === undefined ? "paid" : "refunded",
      sec(paidAt),
      refundedAt === undefined ? null : sec(refundedAt),
    )
    .run();
}

describe("exporting revenue", () => {
  it("sums each UTC day and currency of the range exactly: paid on the day paid, refunded on the day refunded", async () => {
    const owner = await ownerToken();
    await paidInvoice("GBP", "100", "2025-04-30T23:59:59Z"); // the day before the range
    await paidInvoice("GBP", "9.99", "2025-05-01T00:00:00Z");
    await paidInvoice("GBP", "5", "2025-05-01T12:00:00Z");
    await paidInvoice("CHF", "1.50", "2025-05-02T08:00:00Z", "2025-05-02T09:00:00Z");
    await paidInvoice("GBP", "20.00", "2025-04-20T10:00:00Z", "2025-05-02T23:59:59Z"); // paid before, refunded inside
    await paidInvoice("GBP", "7", "2025-05-03T00:00:00Z"); // the day after

    const range = "?from=2025-05-01&to=2025-05-02";
    const csv = await download("revenue.csv", owner, range);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("x-export-rows")).toBe("3");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="vortexpanel-revenue-2025-05-01-to-2025-05-02.csv"',
    );
    // A negative amount is a number to a spreadsheet, not text behind a formula guard.
    expect(await csv.text()).toBe(
      "day,currency,paid,refunded,net,invoices_paid\r\n" +
        "2025-05-01,GBP,14.99,0.00,14.99,2\r\n" +
        "2025-05-02,CHF,1.50,1.50,0.00,1\r\n" +
        "2025-05-02,GBP,0.00,20.00,-20.00,0\r\n",
    );
    const { records } = await jsonExport("revenue.json", owner, range);
    expect(records[2]).toEqual({
      day: "2025-05-02",
      currency: "GBP",
      paid: "0.00",
      refunded: "20.00",
      net: "-20.00",
      invoices_paid: 0,
    });
  });

  it("adds up, day by day, to the totals the Revenue page shows for its period", async () => {
    const owner = await ownerToken();
    const DAY = 86_400;
    const nowSec = Math.floor(Date.now() / 1000);
    await paidInvoice("SEK", "0.10", nowSec - DAY);
    await paidInvoice("SEK", "0.2", nowSec - 60);
    await paidInvoice("SEK", "7", nowSec - 30 * DAY, nowSec - 30);
    const { analytics } = ok(
      await gql(
        `query { analytics(period: WEEK) { from revenueTotals { currency paid refunded net invoicesPaid } } }`,
        {},
        { token: owner },
      ),
    );
    const totals = analytics.revenueTotals.find((t: { currency: string }) => t.currency === "SEK");
    expect(totals).toEqual({ currency: "SEK", paid: "0.30", refunded: "7.00", net: "-6.70", invoicesPaid: 2 });
    // The page's period by name: the same days as the window the totals cover.
    const { response, records } = await jsonExport("revenue.json", owner, "?period=week");
    const day = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="vortexpanel-revenue-${analytics.from.slice(0, 10)}-to-${day(nowSec)}.json"`,
    );
    const cents = (field: string) =>
      records
        .filter((r) => r.currency === "SEK")
        .reduce((sum, r) => sum + BigInt(String(r[field]).replace(".", "")), 0n);
    expect([cents("paid"), cents("refunded"), cents("net")]).toEqual([30n, 700n, -670n]);
  });

  it("is the owner's and admins', never a reseller's", async () => {
    const owner = await ownerToken();
    const reseller = await adminAs(owner, "RESELLER");
    expect((await download("revenue.csv", reseller.token)).status).toBe(403);
    expect((await download("revenue.csv", null)).status).toBe(401);
  });
});

describe("refusals", () => {
  it("wants a signed-in admin, a known file and real dates", async () => {
    const owner = await ownerToken();
    const anonymous = await download("users.csv", null);
    expect(anonymous.status).toBe(401);
    expect((await download("users.csv", "not-a-token")).status).toBe(401);
    expect((await download("admins.csv", owner)).status).toBe(404);
    expect((await download("users.xlsx", owner)).status).toBe(404);

    const cases: [string, RegExp][] = [
      ["?from=2026-13-01", /from: is not a date in the calendar/],
      ["?from=2026-02-30", /from: is not a date in the calendar/],
      ["?to=yesterday", /to: must be a date as YYYY-MM-DD \(UTC\)/],
      ["?from=2026-05-02&to=2026-05-01", /to: from must not be after to/],
      ["?period=fortnight", /period: /],
      ["?period=week&from=2026-05-01", /period: give either a period or from\/to, not both/],
    ];
    for (const [query, message] of cases) {
      const response = await download("usage.csv", owner, query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_USER_INPUT");
      expect(body.error.message).toMatch(message);
    }
  });
});

describe("large exports", () => {
  it("streams 2,500 usage rows of a range in (user, day) order, pages joined without gaps or repeats", async () => {
    const owner = await ownerToken();
    await env.DB.prepare(`DELETE FROM usage_daily`).run();
    // 1,250 users x 2 days in the range, and a day either side that must stay out.
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1250)
         INSERT INTO users (id, username, status, admin_id, sub_token, vless_id, vmess_id, trojan_password, shadowsocks_password, hysteria2_password)
         SELECT 100000 + i, 'bulk' || i, 'active', (SELECT id FROM admins WHERE role = 'owner'), 'bulk-token-' || i, 'v', 'm', 't', 's', 'h' FROM n`,
      ),
      env.DB.prepare(
        `WITH d(day) AS (VALUES ('2026-06-09'), ('2026-06-10'), ('2026-06-11'), ('2026-06-12'))
         INSERT INTO usage_daily (user_id, day, up_bytes, down_bytes) SELECT id, day, id, 1 FROM users, d WHERE id > 100000`,
      ),
    ]);

    const response = await download("usage.json", owner, "?from=2026-06-10&to=2026-06-11");
    expect(response.headers.get("x-export-rows")).toBe("2500");
    const text = await response.text();
    // One record per line between the brackets.
    expect(text.split("\n")).toHaveLength(2500 + 3);
    const records = JSON.parse(text) as { day: string; user_id: number; up_bytes: number }[];
    const expected = Array.from({ length: 1250 }, (_, i) => [
      `${100001 + i} 2026-06-10`,
      `${100001 + i} 2026-06-11`,
    ]).flat();
    expect(records.map((r) => `${r.user_id} ${r.day}`)).toEqual(expected);

    const csv = await (await download("usage.csv", owner, "?from=2026-06-10&to=2026-06-11")).text();
    expect(csv.split("\r\n").slice(1, -1)).toHaveLength(2500);
  });
});

describe("the CSV and JSON writers", () => {
  it("guards every formula start and quotes only what needs it", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx"].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("\r")).toBe(`"'\r"`);
    expect(csvCell(decimalCell("-20.00"))).toBe("-20.00");
  });

  it("writes an empty JSON export as an empty array", () => {
    const writer = recordWriter("json", ["a"]);
    expect(JSON.parse(writer.start() + writer.page([]) + writer.end())).toEqual([]);
  });
});
