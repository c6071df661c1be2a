/**
 * Drives one run of the import contract: `beginImport`, the users in batches of USERS_PER_BATCH,
 * `finishImport`. The SPA and the CLI each hand it an `ImportApi` over their own GraphQL transport
 * (persisted documents in the browser, query text with a Bearer token in Node), so both send the
 * same calls in the same order.
 *
 * @example
 * const plan = await runImport(api, peerExport, { dryRun: true });
 * const report = await runImport(api, peerExport, { dryRun: false, onProgress: ({ processedUsers, totalUsers }) => … });
 */
import type { BeginImportInput, ImportUserInput } from "./generated/graphql";
import { type PeerExport, USERS_PER_BATCH } from "./model";

export interface ImportApi<Report> {
  beginImport(input: BeginImportInput): Promise<{ id: string }>;
  importUsers(runId: string, users: ImportUserInput[]): Promise<unknown>;
  /** The run's final report. */
  finishImport(runId: string): Promise<Report>;
  /** Whether a failed call is worth sending again (the panel unreachable or busy), not a refusal of what was sent. */
  isTransient(error: unknown): boolean;
}

export interface ImportProgress {
  processedUsers: number;
  totalUsers: number;
}

export interface RunImportOptions {
  /** Plan only: the panel reports what would change and writes nothing. */
  dryRun: boolean;
  /** Called once before the first batch (0 processed) and after each batch. */
  onProgress?: (progress: ImportProgress) => void;
  /** Tries per batch before the run gives up; 4 unless said otherwise. */
  attemptsPerBatch?: number;
  /** Wait before the first resend, doubled before each further one; 1,000 ms unless said otherwise. */
  retryDelayMs?: number;
}

/** Runs the import (or its dry run) and returns the panel's report. */
export async function runImport<Report>(
  api: ImportApi<Report>,
  peerExport: PeerExport,
  options: RunImportOptions,
): Promise<Report> {
  const { dryRun, onProgress, attemptsPerBatch = 4, retryDelayMs = 1000 } = options;
  const { users } = peerExport;
  const totalUsers = users.length;
  const run = await api.beginImport({ ...peerExport.header, dryRun, totalUsers });
  onProgress?.({ processedUsers: 0, totalUsers });
  for (let start = 0; start < totalUsers; start += USERS_PER_BATCH) {
    const batch = users.slice(start, start + USERS_PER_BATCH);
    // The panel matches users by their peer key, so a batch it took before the answer was lost is taken again unchanged.
    await withRetries(() => api.importUsers(run.id, batch), api.isTransient, attemptsPerBatch, retryDelayMs);
    onProgress?.({ processedUsers: start + batch.length, totalUsers });
  }
  return api.finishImport(run.id);
}

async function withRetries<T>(
  send: () => Promise<T>,
  isTransient: (error: unknown) => boolean,
  attempts: number,
  delayMs: number,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
}
