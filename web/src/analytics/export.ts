/**
 * Exports (users, usage, invoices) as CSV or JSON for a date range, read from /api/export with
 * the bearer (the page may connect only to its own origin, and a plain link carries no token),
 * counted record by record as the body streams in, then saved as a file.
 */
import { apiFetch } from "../api/client";
import { dispositionFileName, saveBlob } from "../lib/save-file";
import { createRecordCounter, type ExportFormat } from "./export-progress";

export const EXPORT_FILES = ["users", "usage", "invoices"] as const;
/** Revenue is exported from the Revenue page, for the period it shows. */
export type ExportFile = (typeof EXPORT_FILES)[number] | "revenue";

export interface ExportRequest {
  file: ExportFile;
  format: ExportFormat;
  /** YYYY-MM-DD, UTC days, both included. */
  from: string;
  to: string;
}

export function exportPath(request: ExportRequest): string {
  const query = new URLSearchParams({ from: request.from, to: request.to });
  return `/api/export/${request.file}.${request.format}?${query}`;
}

/**
 * Downloads one export, reporting `(records, total)` as records arrive; `total` is the panel's
 * `x-export-rows`, null when absent. Aborting `signal` stops the download and saves nothing.
 * Resolves with the number of records saved.
 */
export async function downloadExport(
  request: ExportRequest,
  signal: AbortSignal,
  onProgress: (records: number, total: number | null) => void,
): Promise<number> {
  const response = await apiFetch(exportPath(request), { signal });
  const header = response.headers.get("x-export-rows");
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const counter = createRecordCounter(request.format);
  const decoder = new TextDecoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  onProgress(0, total);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      counter.push(decoder.decode(value, { stream: true }));
      onProgress(counter.count(), total);
    }
  }
  counter.push(decoder.decode());
  const records = counter.finish();
  onProgress(records, total);
  const type = request.format === "csv" ? "text/csv" : "application/json";
  const name =
    dispositionFileName(response.headers.get("content-disposition") ?? "") ??
    `vortexpanel-${request.file}-${request.from}-${request.to}.${request.format}`;
  saveBlob(new Blob(chunks, { type }), name);
  return records;
}
