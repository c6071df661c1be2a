import { Hono } from "hono";
import { auditInsert } from "../audit/record";
import { ownedUsersScope } from "../auth/roles";
import type { Db } from "../db/client";
import { notFound } from "../errors/domain-error";
import { actorFromBearer } from "../http/bearer-actor";
import type { AppEnv } from "../http/request-context";
import { DATASETS, type Dataset, type ExportQuery } from "./datasets";
import { recordWriter, type ExportFormat } from "./formats";
import { parseDayRange } from "./range";

/** Rows per D1 read: a page is built, written out and dropped before the next is read. */
export const EXPORT_PAGE_ROWS = 1000;

const FILE = /^(users|usage|invoices|revenue)\.(csv|json)$/;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/**
 * GET /api/export/{users|usage|invoices|revenue}.{csv|json}?from=YYYY-MM-DD&to=YYYY-MM-DD (or
 * ?period=week|month|quarter|year) for a signed-in admin's bearer token (users:read, or
 * billing:read for invoices and revenue); a reseller gets its own users' rows. The body is streamed page by page, never held whole; `x-export-rows` says up front how
 * many records follow, so a client can show progress.
 */
export const exportRoutes = new Hono<AppEnv>().get("/:file", async (c) => {
  const file = c.req.param("file");
  const match = FILE.exec(file);
  if (!match) throw notFound("export", file);
  const dataset = DATASETS[match[1] as keyof typeof DATASETS];
  const format = match[2] as ExportFormat;
  const actor = await actorFromBearer(c, dataset.permission);
  const nowSec = Math.floor(Date.now() / 1000);
  const query: ExportQuery = { range: parseDayRange(c.req.query(), nowSec), ownerId: ownedUsersScope(actor) };
  // Who took which data out of the panel is worth knowing later: recorded before the first byte leaves.
  await auditInsert(
    c.var.db,
    { actor, ip: c.var.client.ip, nowSec },
    { action: "export.downloaded", targetType: "export", targetId: file, details: { ...query.range } },
  );
  const total = await dataset.count(c.var.db, query);
  const span = [query.range.from, query.range.to].filter(Boolean).join("-to-");
  return c.body(exportStream(c.var.db, dataset, query, format), 200, {
    "content-type": CONTENT_TYPES[format],
    "content-disposition": `attachment; filename="vortexpanel-${match[1]}${span ? `-${span}` : ""}.${format}"`,
    "x-export-rows": String(total),
    "cache-control": "no-store",
  });
});

/**
 * The dataset as a byte stream that reads its next page only when the reader wants more bytes:
 * a slow download holds one page in memory, not the table. A failure mid-way errors the stream,
 * so the client sees a broken download (and fewer rows than x-export-rows), never a clean short file.
 */
function exportStream(db: Db, dataset: Dataset, query: ExportQuery, format: ExportFormat): ReadableStream<Uint8Array> {
  const writer = recordWriter(format, dataset.headers);
  const encoder = new TextEncoder();
  let after: unknown = null;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => controller.enqueue(encoder.encode(writer.start())),
      async pull(controller) {
        if (done) return;
        const page = await dataset.page(db, query, after, EXPORT_PAGE_ROWS);
        after = page.after;
        done = page.records.length < EXPORT_PAGE_ROWS;
        const text = writer.page(page.records) + (done ? writer.end() : "");
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
