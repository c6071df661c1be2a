/**
 * Reads through the router's query cache, so a mutation's `action` revalidates the pages showing
 * what it changed instead of each page refetching by hand. Every key carries the sign-in it was
 * loaded for (`sessionGeneration`): an answer cached for one admin, or a refusal cached while
 * signed out, is never served after another sign-in. A page asks the API again whenever it reads
 * (another admin may have changed anything since), unless a route's preload started that very
 * read for it: the cache is for revalidation by key and for handing over preloads, not for
 * showing old answers.
 */
import { action, json, query, revalidate } from "@solidjs/router";
import { createResource, type Resource } from "solid-js";
import { sessionGeneration } from "../session";

export interface SignedInQuery<Args extends unknown[], Result> {
  (...args: Args): Promise<Result>;
  /** Starts the read for the page about to show it; call only while signed in. */
  preload: (...args: Args) => Promise<Result>;
  /** Prefix of every key this query caches under, for `revalidate` and `json(…, { revalidate })`. */
  key: string;
}

/** Set while `createQuery` reads, so the read skips any cached answer but a preloaded one. */
let pageReading = false;

export function signedInQuery<Args extends unknown[], Result>(
  load: (...args: Args) => Promise<Result>,
  name: string,
): SignedInQuery<Args, Result> {
  const cached = query((_session: number, ...args: Args) => load(...args), name);
  // Keys preloaded and not yet read by their page.
  const preloaded = new Set<string>();
  const read = (...args: Args): Promise<Result> => {
    const key = cached.keyFor(sessionGeneration(), ...args);
    if (pageReading && !preloaded.delete(key)) query.delete(key);
    return (cached as unknown as (session: number, ...args: Args) => Promise<Result>)(sessionGeneration(), ...args);
  };
  const preload = (...args: Args): Promise<Result> => {
    preloaded.add(cached.keyFor(sessionGeneration(), ...args));
    return read(...args);
  };
  // Keys are the name and the arguments as a JSON array: with the bracket, "servers" is no prefix of "serversOf…".
  return Object.assign(read, { preload, key: `${name}[` });
}

/**
 * A query read as a resource: refetched when its key is revalidated, and keeping its last value
 * while it is (`settled`), so a list stays on screen during the revalidation after a change.
 * `read` is tracked, so reading a signal inside (a page number, a filter) loads its new key; it
 * returns `false` when there is nothing to load (a filter this admin may not use).
 */
export function createQuery<Result>(read: () => Promise<Result> | false): Resource<Result> {
  const [resource] = createResource(
    () => {
      pageReading = true;
      try {
        return read();
      } finally {
        pageReading = false;
      }
    },
    (promise) => promise,
  );
  return resource;
}

/** Loads the query's keys again; the Retry of a failed read. */
export const reloadQueries = (...queries: { key: string }[]): void => void revalidate(queries.map((q) => q.key));

/**
 * A list page's save, as a router action: `create` for "new", `update` for a stored row; either
 * reloads the list's query.
 */
export function saveMutation<Row, Input>(
  name: string,
  list: { key: string },
  ops: { create: (input: Input) => Promise<unknown>; update: (row: Row, input: Input) => Promise<unknown> },
) {
  return mutation(
    async (target: Row | "new", input: Input) => {
      await (target === "new" ? ops.create(input) : ops.update(target, input));
    },
    name,
    [list],
  );
}

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
