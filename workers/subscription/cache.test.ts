import { describe, expect, it } from "vitest";
import { RenderCache } from "./cache";

describe("render cache", () => {
  it("evicts the least recently used entry past its entry cap", () => {
    const cache = new RenderCache(2, 1000);
    cache.set("a", "1");
    cache.set("b", "2");
    expect(cache.get("a")).toBe("1");
    cache.set("c", "3");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["1", undefined, "3"]);
  });

  it("keeps its bytes under the cap and refuses bodies too large to be worth keeping", () => {
    const cache = new RenderCache(100, 40);
    cache.set("big", "x".repeat(11));
    expect(cache.get("big")).toBeUndefined();
    for (const key of ["a", "b", "c", "d", "e"]) cache.set(key, "y".repeat(10));
    expect(cache.size).toBe(4);
    expect(cache.get("a")).toBeUndefined();
    cache.set("e", "z");
    expect(cache.get("e")).toBe("z");
  });
});
