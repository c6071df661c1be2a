/**
 * A list read page by page with a cursor ("load more"): the first page loads again whenever
 * `key` changes (a filter), later pages append, and `prepend` puts a live item on top. A page that
 * arrives after the key changed is dropped: it belongs to the old filter.
 */
import { createEffect, createSignal, on } from "solid-js";

export interface KeysetPage<Item> {
  items: Item[];
  endCursor: string | null | undefined;
  hasNextPage: boolean;
}

export function createKeysetList<Item extends { id: string }, Key>(
  key: () => Key,
  load: (key: Key, after: string | null) => Promise<KeysetPage<Item>>,
) {
  const [items, setItems] = createSignal<Item[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [hasMore, setHasMore] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let generation = 0;

  const fetchPage = async (first: boolean) => {
    const mine = first ? ++generation : generation;
    setLoading(true);
    setError(null);
    try {
      const page = await load(key(), first ? null : cursor());
      if (mine !== generation) return;
      setItems((current) => {
        const known = first ? new Set<string>() : new Set(current.map((item) => item.id));
        return [...(first ? [] : current), ...page.items.filter((item) => !known.has(item.id))];
      });
      setCursor(page.endCursor ?? null);
      setHasMore(page.hasNextPage);
      setLoaded(true);
    } catch (failure) {
      if (mine === generation) setError(failure);
    } finally {
      if (mine === generation) setLoading(false);
    }
  };

  createEffect(on(key, () => void fetchPage(true)));

  return {
    items,
    hasMore,
    loading,
    loaded,
    error,
    reload: () => fetchPage(true),
    more: () => fetchPage(false),
    /** Puts `item` first, replacing an older copy of it. */
    prepend: (item: Item) => setItems((current) => [item, ...current.filter((other) => other.id !== item.id)]),
    /** Changes the items in place (marked read, replayed) without reading the list again. */
    update: (change: (item: Item) => Item) => setItems((current) => current.map(change)),
  };
}
