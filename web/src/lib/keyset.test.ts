import { createRoot, createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { createKeysetList, type KeysetPage } from "./keyset";

type Item = { id: string };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Pages of two items of `filter`, ids numbered from the cursor; three pages in all. */
async function pageOf(filter: string, after: string | null): Promise<KeysetPage<Item>> {
  const start = after ? Number(after) : 0;
  return {
    items: [{ id: `${filter}${start}` }, { id: `${filter}${start + 1}` }],
    endCursor: String(start + 2),
    hasNextPage: start + 2 < 6,
  };
}

describe("a list read page by page", () => {
  it("appends the next page, and starts over when the filter changes", async () => {
    const [filter, setFilter] = createSignal("a");
    const list = createRoot(() => createKeysetList(filter, pageOf));
    await settle();
    await list.more();
    expect(list.items().map((i) => i.id)).toEqual(["a0", "a1", "a2", "a3"]);
    expect(list.hasMore()).toBe(true);
    setFilter("b");
    await settle();
    expect(list.items().map((i) => i.id)).toEqual(["b0", "b1"]);
  });

  it("drops a page that arrives after the filter changed", async () => {
    const [filter, setFilter] = createSignal("slow");
    let release: () => void = () => undefined;
    const list = createRoot(() =>
      createKeysetList(filter, async (f, after) => {
        if (f === "slow") await new Promise<void>((resolve) => (release = resolve));
        return pageOf(f, after);
      }),
    );
    setFilter("fast");
    await settle();
    release();
    await settle();
    expect(list.items().map((i) => i.id)).toEqual(["fast0", "fast1"]);
  });

  it("puts a live item on top once, even when the next page brings it again", async () => {
    const list = createRoot(() => createKeysetList(() => "a", pageOf));
    await settle();
    list.prepend({ id: "a2" });
    await list.more();
    expect(list.items().map((i) => i.id)).toEqual(["a2", "a0", "a1", "a3"]);
  });
});
