/** The Import page's reads and the driver's ImportApi over the SPA's persisted documents. */
import { ApiError, request } from "../api/client";
import type { ImportApi } from "../../../importers/src/driver";
import type { ImportReportFieldsFragment } from "../graphql/generated/graphql";
import { BeginImport, FetchPeerApi, FinishImport, ImportRuns, ImportUsers } from "../graphql/import";
import { signedInQuery } from "../lib/query";

export const importRunsQuery = signedInQuery(async () => (await request(ImportRuns)).importRuns, "importRuns");

/** Worth sending again: the panel was out of reach, busy, or answered with a gateway's error page. */
const isTransient = (error: unknown): boolean =>
  error instanceof ApiError &&
  (["NETWORK", "UNAVAILABLE", "RATE_LIMITED"].includes(error.code) || /^HTTP 5\d\d$/.test(error.message));

export const importApi: ImportApi<ImportReportFieldsFragment> = {
  beginImport: async (input) => (await request(BeginImport, { input })).beginImport,
  importUsers: (runId, users) => request(ImportUsers, { runId, users }),
  finishImport: async (runId) => (await request(FinishImport, { runId })).finishImport.report,
  isTransient,
};

/**
 * `fetch` for the API readers: the request leaves from the panel (fetchPeerApi), since the page may
 * connect only to its own origin and peers rarely allow CORS.
 */
export async function fetchThroughPanel(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const { fetchPeerApi } = await request(FetchPeerApi, {
    input: {
      url: input,
      method: init.method ?? "GET",
      authorization: headers.get("authorization"),
      contentType: headers.get("content-type"),
      body: typeof init.body === "string" ? init.body : null,
    },
  });
  const bodiless = [204, 205, 304].includes(fetchPeerApi.status);
  return new Response(bodiless ? null : fetchPeerApi.body, {
    status: fetchPeerApi.status,
    headers: { "content-type": fetchPeerApi.contentType },
  });
}
