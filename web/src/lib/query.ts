/**
 * Reads through the router's query cache, so a mutation's `action` revalidates the pages showing
 * what it changed instead of each page refetching by hand. Every key carries the sign-in it was
 * loaded for (`sessionGeneration`): an answer cached for one admin, or a refusal cached while
 * signed out, is never served after another sign-in.
 */
import { action, json, query, revalidate } from "@solidjs/router";
import { createResource, type Resource } from "solid-js";
import { sessionGeneration } from "../session";

export interface SignedInQuery<Args extends unknown[], Result> {
  (...args: Args): Promise<Result>;
  /** Prefix of every key this query caches under, for `revalidate` and `json(…, { revalidate })`. */
  key: string;
}

export function signedInQuery<Args extends unknown[], Result>(
  load: (...args: Args) => Promise<Result>,
  name: string,
): SignedInQuery<Args, Result> {
  const cached = query((_session: number, ...args: Args) => load(...args), name) as unknown as (
    session: number,
    ...args: Args
  ) => Promise<Result>;
  return Object.assign((...args: Args) => cached(sessionGeneration(), ...args), { key: name });
}

/**
 * A query read as a resource: refetched when its key is revalidated, and keeping its last value
 * while it is (`settled`), so a list stays on screen during the revalidation after a change.
 * `read` is tracked, so reading a signal inside (a page number, a filter) loads its new key.
 */
export function createQuery<Result>(read: () => Promise<Result>): Resource<Result> {
  const [resource] = createResource(read, (promise) => promise);
  return resource;
}

/** Loads the query's keys again; the Retry of a failed read. */
export const reloadQueries = (...queries: { key: string }[]): void => void revalidate(queries.map((q) => q.key));

/**
 * A change as a router action: when it succeeds, the queries it `affects` are loaded again
 * wherever they are shown; when it fails, nothing is, and the caller shows the error.
 */
export function mutation<Args extends unknown[], Result>(
  run: (...args: Args) => Promise<Result>,
  name: string,
  affects: { key: string }[],
) {
  return action(async (...args: Args) => json(await run(...args), { revalidate: affects.map((q) => q.key) }), name);
}
